"""The scrolling container of kxplan's steps and forms: focusing it restyles only itself."""

from __future__ import annotations

from contextlib import suppress

from textual._context import NoActiveAppError
from textual.containers import VerticalScroll


class Scroll(VerticalScroll):
    """A vertical scroll whose focus changes restyle the scroll alone.

    Textual restyles a focused widget and all its descendants, in case a rule styles
    children by their parent's focus (``Scroll:focus Label``). No rule kxplan loads does
    (tests/tui/test_scroll.py checks every stylesheet), and a step or a form holds 30–150
    widgets: each arrival on a step and each tab past a form paid for restyling them all.
    """

    def watch_has_focus(self, _has_focus: bool) -> None:
        with suppress(NoActiveAppError):  # as Textual's own restyle: no app, no styles
            self.app.stylesheet.update_nodes([self], animate=True)
