"""A fast, read-only table of rows with a row cursor, drawn line by line.

Textual's DataTable renders every visible cell through Rich again after any
change (15–25 ms for a screenful), which alone would eat the ranking view's
repaint budget. This table keeps plain rows (text and a style name per cell)
and builds each visible line directly as segments, so replacing all rows of
a thousand-row list and repainting costs about a millisecond.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from kxplan.i18n import N_, _

Justify = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class TableColumn:
    """A column: key, header, width in cells (0: takes the room left) and alignment."""

    key: str
    header: str
    width: int
    justify: Justify = "left"


Cell = tuple[str, str]
"""A cell's text and the name of its style (a component class suffix, or "")."""


class TableRow:
    """One row: a stable key and its cells, in column order.

    The cells may be given as a function: it is called the first time the row
    is drawn, so rows scrolled out of sight cost nothing to prepare.
    """

    __slots__ = ("_cells", "_make", "key")

    def __init__(self, key: str, cells: tuple[Cell, ...] | Callable[[], tuple[Cell, ...]]) -> None:
        self.key = key
        self._cells: tuple[Cell, ...] | None = None if callable(cells) else cells
        self._make = cells if callable(cells) else None

    @property
    def cells(self) -> tuple[Cell, ...]:
        """The cells, made on first use."""
        if self._cells is None:
            assert self._make is not None
            self._cells = self._make()
        return self._cells


def fit(text: str, width: int, justify: Justify) -> str:
    """``text`` padded or cut (with an ellipsis) to exactly ``width`` cells."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, max(width - 1, 0)) + "…" if width else ""
    padding = " " * (width - length)
    return padding + text if justify == "right" else text + padding


class RankTable(ScrollView, can_focus=True):
    """Rows under a fixed header, one highlighted by a cursor; Enter chooses it."""

    DEFAULT_CSS = """
    RankTable {
        height: 1fr;
        background: $surface;
        scrollbar-gutter: stable;
    }
    RankTable > .rank-table--header {
        color: $text-muted;
        background: $panel;
        text-style: bold;
    }
    RankTable > .rank-table--empty {
        color: $text-warning;
    }
    RankTable > .rank-table--zebra {
        background: $foreground 4%;
    }
    RankTable > .rank-table--cursor {
        color: $block-cursor-blurred-foreground;
        background: $block-cursor-blurred-background;
    }
    RankTable:focus > .rank-table--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rank-table--header",
        "rank-table--empty",
        "rank-table--zebra",
        "rank-table--cursor",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", N_("Up"), show=False),
        Binding("down", "move(1)", N_("Down"), show=False),
        Binding("pageup", "page(-1)", N_("Page up"), show=False),
        Binding("pagedown", "page(1)", N_("Page down"), show=False),
        Binding("home", "edge(-1)", N_("First"), show=False),
        Binding("end", "edge(1)", N_("Last"), show=False),
        Binding("enter", "choose", N_("Open")),
    ]

    cursor: reactive[int] = reactive(0)
    """Index of the highlighted row."""

    class Highlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, table: RankTable, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key
            """Key of the highlighted row; None when the table is empty."""

        @property
        def control(self) -> RankTable:
            """The table that posted the message."""
            return self.table

    class Chosen(Message):
        """Enter (or a click on the highlighted row) chose a row."""

        def __init__(self, table: RankTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key
            """Key of the chosen row."""

        @property
        def control(self) -> RankTable:
            """The table that posted the message."""
            return self.table

    def __init__(
        self,
        columns: Sequence[TableColumn],
        *,
        cell_styles: dict[str, Style] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = tuple(columns)
        self.rows: list[TableRow] = []
        """The rows, in display order."""
        self.cell_styles: dict[str, Style] = dict(cell_styles or {})
        """Foreground styles for cells, by style name."""
        self.empty_text = ""
        """Shown under the header when there are no rows, so an empty list says why."""
        self._positions: dict[str, int] = {}

    # --- data -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[TableRow]) -> None:
        """Show these rows; the cursor stays on the same key when it is still there."""
        current = self.cursor_key
        self.rows = list(rows)
        self._positions = {row.key: index for index, row in enumerate(self.rows)}
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        position = self._positions.get(current, 0) if current is not None else 0
        self.set_reactive(RankTable.cursor, min(position, max(len(self.rows) - 1, 0)))
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.cursor_key))

    @property
    def cursor_key(self) -> str | None:
        """Key of the highlighted row, if any."""
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor].key
        return None

    @property
    def keys(self) -> list[str]:
        """Row keys in display order."""
        return [row.key for row in self.rows]

    def move_to(self, key: str) -> None:
        """Put the cursor on the row with this key."""
        if key in self._positions:
            self.cursor = self._positions[key]

    # --- drawing ----------------------------------------------------------------------

    def _widths(self, width: int) -> list[int]:
        fixed = sum(c.width for c in self.columns) + 2 * len(self.columns)
        flexible = max(width - fixed, 8)
        return [c.width or flexible for c in self.columns]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        widths = self._widths(width)
        base = self.rich_style
        if y == 0:
            header = base + self.get_component_rich_style("rank-table--header")
            text = "".join(
                " " + fit(_(c.header) if c.header else "", w, c.justify) + " "
                for c, w in zip(self.columns, widths, strict=True)
            )
            return Strip([Segment(fit(text, width, "left"), header)]).simplify()
        index = int(self.scroll_offset.y) + y - 1
        if not self.rows and y == 1 and self.empty_text:
            muted = base + self.get_component_rich_style("rank-table--empty")
            return Strip([Segment(fit(" " + _(self.empty_text), width, "left"), muted)])
        if not 0 <= index < len(self.rows):
            return Strip([Segment(" " * width, base)])
        row = self.rows[index]
        if index == self.cursor:
            line_style = base + self.get_component_rich_style("rank-table--cursor")
            segments = [
                Segment(" " + fit(text, w, c.justify) + " ", line_style)
                for (text, _), c, w in zip(row.cells, self.columns, widths, strict=True)
            ]
        else:
            line_style = base
            if index % 2:
                line_style += self.get_component_rich_style("rank-table--zebra")
            segments = []
            for (text, style_name), c, w in zip(row.cells, self.columns, widths, strict=True):
                style = line_style + self.cell_styles[style_name] if style_name else line_style
                segments.append(Segment(" ", line_style))
                segments.append(Segment(fit(text, w, c.justify), style))
                segments.append(Segment(" ", line_style))
        used = sum(widths) + 2 * len(widths)
        if used < width:
            segments.append(Segment(" " * (width - used), line_style))
        return Strip(segments).crop(0, width)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self._scroll_to_cursor()

    # --- moving -----------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return min(max(value, 0), max(len(self.rows) - 1, 0))

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        if old != new:
            self.post_message(self.Highlighted(self, self.cursor_key))

    def _scroll_to_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        """Move the cursor up or down."""
        self.cursor += step

    def action_page(self, direction: int) -> None:
        """Move the cursor a screenful."""
        self.cursor += direction * max(self.scrollable_content_region.height - 2, 1)

    def action_edge(self, direction: int) -> None:
        """Move the cursor to the first or last row."""
        self.cursor = 0 if direction < 0 else len(self.rows) - 1

    def action_choose(self) -> None:
        """Choose the highlighted row."""
        key = self.cursor_key
        if key is not None:
            self.post_message(self.Chosen(self, key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = int(self.scroll_offset.y) + offset.y - 1
        if not 0 <= index < len(self.rows):
            return
        if index == self.cursor:
            self.action_choose()
        else:
            self.cursor = index

    def region_of(self, key: str) -> Region | None:
        """The line a row occupies in the table's virtual space (for tests and tooltips)."""
        index = self._positions.get(key)
        if index is None:
            return None
        return Region(0, index + 1, self.virtual_size.width, 1)
