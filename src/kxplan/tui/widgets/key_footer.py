"""The footer of every screen: the keys that matter, compact on narrow terminals."""

from __future__ import annotations

from typing import Final

from textual import events
from textual.widgets import Footer

COMPACT_BELOW: Final = 100
"""Terminal widths under this get the compact footer, so that help (f1) still fits."""


class KeyFooter(Footer):
    """Textual's footer, compact when the terminal is narrower than :data:`COMPACT_BELOW`."""

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW
