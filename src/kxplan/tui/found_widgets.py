"""A form's widgets found once: each keystroke in the initiative editor reads and marks
some forty fields, and every lookup by id walks the whole form."""

from __future__ import annotations

from typing import TypeVar

from textual.content import Content
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Static

W = TypeVar("W", bound=Widget)


class FoundWidgets:
    """The widgets under ``root`` by id or selector, looked up on first use. Forget them
    when the form is composed again or gains widgets (:meth:`forget`); a form that only
    changes what its widgets hold keeps them."""

    def __init__(self, root: DOMNode) -> None:
        self._root = root
        self._by_id: dict[str, Widget | None] = {}
        self._all: dict[str, list[Widget]] = {}
        self._shown: dict[Static, tuple[str, tuple[object, ...]]] = {}

    def one(self, widget_id: str, kind: type[W]) -> W:
        """The widget with this id."""
        widget = self.maybe(widget_id, kind)
        if widget is None:
            raise NoMatches(f"No #{widget_id} under {self._root!r}")
        return widget

    def maybe(self, widget_id: str, kind: type[W]) -> W | None:
        """The widget with this id, or None when the form has none."""
        if widget_id not in self._by_id:
            found = self._root.query(f"#{widget_id}")
            self._by_id[widget_id] = found.first() if found else None
        widget = self._by_id[widget_id]
        assert widget is None or isinstance(widget, kind)
        return widget

    def every(self, selector: str, kind: type[W]) -> list[W]:
        """The widgets matching ``selector``, in the form's order."""
        if selector not in self._all:
            self._all[selector] = list(self._root.query(selector).results(kind))
        return self._all[selector]  # type: ignore[return-value]

    def show(self, static: Static, content: Content) -> None:
        """Show ``content`` in ``static`` unless it shows it already, styles included (an
        update lays the form out again, and most keystrokes change no message)."""
        shown = (content.plain, tuple(content.spans))
        if self._shown.get(static) != shown:
            self._shown[static] = shown
            static.update(content)

    def forget(self) -> None:
        """Look everything up afresh from now on."""
        self._by_id.clear()
        self._all.clear()
        self._shown.clear()
