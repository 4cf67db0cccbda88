"""A pane of text that lays the screen out again only when its height changes."""

from __future__ import annotations

from typing import cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.visual import VisualType
from textual.widgets import Static


class TextPane(Static):
    """A Static for text shown again and again, such as the details of the row under a
    cursor.

    ``Static.update`` lays the whole screen out on every call, in case the new text
    needs another height: on Prioritisation at 1,000 initiatives that layout and the
    full repaint after it were about a third of a saved edit. Here the same text again
    changes nothing, and other text of the same height at the pane's width only
    repaints the pane.
    """

    _shown: Content | None = None

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        shown, self._shown = self._shown, content if isinstance(content, Content) else None
        if isinstance(content, Content) and shown is not None:
            if content.is_same(shown):
                return
            width, rules = self.content_size.width, cast(RulesMap, self.styles)  # as Textual's
            if width > 0 and content.get_height(rules, width) == shown.get_height(rules, width):
                layout = False
        super().update(content, layout=layout)
