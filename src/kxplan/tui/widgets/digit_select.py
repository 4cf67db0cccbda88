"""A drop-down whose options are numbered: a digit typed on it chooses that option.

On the walk, digits jump to a step; inside a field they belong to the field, so a
maturity drop-down takes ``3`` as the level 3 instead of leaving for step 3.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Select


class DigitSelect(Select[int]):
    """A select over whole numbers; a digit key picks the option with that value (a digit
    with no option is swallowed too: it never reaches the walk's step keys)."""

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return character is not None and character.isdigit()

    async def _on_key(self, event: events.Key) -> None:
        if event.character is not None and event.character.isdigit():
            event.stop()
            event.prevent_default()
            value = int(event.character)
            if any(option_value == value for _prompt, option_value in self._options):
                self.value = value
            else:
                self.app.bell()
