"""A countdown for the current step; shows TIME UP when it runs out."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from kxplan.i18n import _


def format_remaining(seconds: float) -> str:
    """Seconds left as m:ss, rounded up so 0:00 only shows when time is up."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


class Timebox(Widget):
    """Shows the time left until ``deadline`` on the injected clock; nothing when unset."""

    deadline: reactive[float | None] = reactive(None)
    """When the step's time is up, on the clock's scale; None for no timebox."""

    def __init__(self, clock: Callable[[], float], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.clock = clock

    def on_mount(self) -> None:
        self.display = self.deadline is not None
        self.set_interval(1.0, self.refresh)

    def watch_deadline(self, deadline: float | None) -> None:
        self.display = deadline is not None
        self.refresh()

    @property
    def time_up(self) -> bool:
        """True when a timebox is set and its time has run out."""
        return self.deadline is not None and self.clock() >= self.deadline

    def render(self) -> Text:
        if self.deadline is None:
            self.set_class(False, "-time-up")
            return Text("")
        left = self.deadline - self.clock()
        self.set_class(left <= 0, "-time-up")
        if left <= 0:
            return Text(_(" TIME UP "), style="bold")
        return Text(f" ⏱ {format_remaining(left)} ")
