"""The walk's progress: every step by number, the current one highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class StepBar(Widget):
    """One line naming the steps; shortens the others to numbers when the line is narrow.
    A click on a step asks the walk to go there."""

    class Chosen(Message):
        """A step was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    current: reactive[int] = reactive(0)
    """Index of the step the room is on."""

    def __init__(
        self,
        names: Sequence[str],
        short_names: Sequence[str],
        *,
        current: int = 0,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.set_reactive(StepBar.current, current)  # a walk opened at a step shows that step
        self.names = tuple(names)
        self.short_names = tuple(short_names)
        self._spans: list[tuple[int, int]] = []
        """Where each step is on the line drawn last: (start, end) cells."""

    def render(self) -> Text:
        width = self.size.width or 100
        for short in (True, False):
            text = self._line(numbers_only=not short)
            if text.cell_len <= width or not short:
                return text
        return text  # pragma: no cover

    def on_click(self, event: events.Click) -> None:
        for index, (start, end) in enumerate(self._spans):
            if start <= event.x < end:
                self.post_message(self.Chosen(index))
                return

    def _line(self, *, numbers_only: bool) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for index, (name, short) in enumerate(zip(self.names, self.short_names, strict=True)):
            if index:
                text.append(" ")
            start = text.cell_len
            if index == self.current:
                text.append(f" {index} {name if numbers_only else short} ", style="bold reverse")
            elif numbers_only:
                text.append(f"{index}", style="dim")
            else:
                text.append(f"{index} {short}", style="dim")
            self._spans.append((start, text.cell_len))
        return text
