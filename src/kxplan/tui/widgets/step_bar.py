"""The walk's progress: every step by number, the current one highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class StepBar(Widget):
    """One line naming the steps; shortens the others to numbers when the line is narrow."""

    current: reactive[int] = reactive(0)
    """Index of the step the room is on."""

    def __init__(
        self, names: Sequence[str], short_names: Sequence[str], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.names = tuple(names)
        self.short_names = tuple(short_names)

    def render(self) -> Text:
        width = self.size.width or 100
        for short in (True, False):
            text = self._line(numbers_only=not short)
            if text.cell_len <= width or not short:
                return text
        return text  # pragma: no cover

    def _line(self, *, numbers_only: bool) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, (name, short) in enumerate(zip(self.names, self.short_names, strict=True)):
            if index:
                text.append(" ")
            if index == self.current:
                text.append(f" {index} {name if numbers_only else short} ", style="bold reverse")
            elif numbers_only:
                text.append(f"{index}", style="dim")
            else:
                text.append(f"{index} {short}", style="dim")
        return text
