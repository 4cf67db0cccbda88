"""A widget that draws a Rich text of its own, turned into lines once for each change."""

from __future__ import annotations

from typing import Self

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget


class DrawnText(Widget):
    """A widget whose :meth:`render` gives a Rich ``Text`` of one line per row of its
    content, styled span by span, such as a chart.

    Textual turns such a text into a Content and then into lines, span by span; for the
    effort × impact matrix at 1,000 initiatives that took about 10 ms a time, a fifth
    of a saved edit on Prioritisation. Here Rich renders each line once for each change
    (a refresh, a restyle, another size) and every line drawn after that is kept.
    """

    _drawn: tuple[Size, list[Strip], Strip] | None = None
    """The size last drawn for, its lines, and a blank line below them."""

    def render(self) -> Text:
        raise NotImplementedError

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if repaint:
            self._drawn = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        self._drawn = None
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of :meth:`render`'s text, as wide as the content area."""
        size = self.content_size
        if self._drawn is None or self._drawn[0] != size:
            console, base = self.app.console, self.rich_style
            lines = [
                Strip(Segment.apply_style(line.render(console, end=""), base)).crop_extend(
                    0, size.width, base
                )
                for line in self.render().split("\n", allow_blank=True)
            ]
            self._drawn = (size, lines, Strip.blank(size.width, base))
        _size, lines, blank = self._drawn
        return lines[y] if y < len(lines) else blank
