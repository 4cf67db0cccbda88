"""A pane of text that lays the screen out again only when its height changes, and says
so with an ellipsis when its text has more lines than it may show."""

from __future__ import annotations

from typing import cast

from textual.content import Content
from textual.css.scalar import Unit
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
    repaints the pane. With a ``max-height`` in cells, text that wraps onto more lines
    than fit ends its last line with "…" instead of being cut off unseen.
    """

    _given: Content | None = None
    """The text as given, before it was fitted to the pane."""
    _shown: Content | None = None

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self._given = content if isinstance(content, Content) else None
        if isinstance(content, Content):
            content = self._fitted(content)
        shown, self._shown = self._shown, content if isinstance(content, Content) else None
        if isinstance(content, Content) and shown is not None:
            if content.is_same(shown):
                return
            width, rules = self.content_size.width, cast(RulesMap, self.styles)  # as Textual's
            if width > 0 and content.get_height(rules, width) == shown.get_height(rules, width):
                layout = False
        super().update(content, layout=layout)

    def on_resize(self) -> None:
        if self._given is not None:  # another width: the text may wrap onto more lines
            self.update(self._given)

    def _fitted(self, content: Content) -> Content:
        """``content``, or its first lines at the pane's width with "…" closing the last
        when it has more than the pane's ``max-height`` leaves room for."""
        width, limit = self.content_size.width, self.styles.max_height
        if width <= 1 or limit is None or limit.unit != Unit.CELLS:
            return content
        room = int(limit.value) - self.styles.gutter.height
        # the height is kept by the content, and the layout check below reads it again
        if room < 1 or content.get_height(cast(RulesMap, self.styles), width) <= room:
            return content
        kept = content.wrap(width)[:room]
        kept[-1] = Content.assemble(kept[-1].truncate(width - 1), "…")
        return Content("\n").join(kept)
