"""An area's structured table, with keys to add, edit and delete rows through a form."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Final

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Spacing
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable

from kxplan.i18n import N_
from kxplan.session import Session
from kxplan.tui.journey_columns import delete_refusal
from kxplan.tui.messages import PlanEdited
from kxplan.tui.tables import Column, TableSpec


def row_label(row: Any) -> str:
    """How a row is named in questions: its key, e.g. 'Phone' or 'CSAT / web'."""
    key = getattr(row, "key", None) or getattr(row, "name", "")
    if isinstance(key, tuple):
        return " / ".join(str(part) for part in key if part)
    return str(key)


def is_numeric(cells: Sequence[str]) -> bool:
    """Whether a column holds figures ("2 600", "80 %", "—"): those keep their width."""
    filled = [cell for cell in cells if cell]
    return bool(filled) and all(cell == "—" or cell.lstrip("+-−")[:1].isdigit() for cell in filled)


NAME_SHARE: Final = 0.4
"""The share of the room the first (name) column keeps, if its text is that wide."""
KEEPS_OVER_NAME: Final = 1
"""Columns that give way at this order or lower (a KPI's progress) are dropped only
when the table would scroll sideways, not to give the row's name its share."""
HEADER_FLOOR: Final = 6
"""How narrow a figures column may get to make room for the name: its widest figure,
and at least this much of its header."""


def fit_widths(
    natural: Sequence[int],
    room: int,
    fixed: Sequence[bool] = (),
    *,
    floor: int = 8,
    least: Sequence[int] = (),
) -> list[int]:
    """Column widths that fit in ``room`` cells: the widest text columns give way first,
    none below ``floor``; ``fixed`` columns (figures) keep their width; what still does
    not fit scrolls sideways.

    The first column, the row's name, keeps a fair share (:data:`NAME_SHARE` of the
    room): for it, fixed columns give up header width down to their ``least`` width
    (their widest figure; without ``least`` they keep their width), then other text
    columns give way down to ``floor``."""
    widths = list(natural)
    if sum(widths) <= room:
        return widths
    keep = [index < len(fixed) and fixed[index] for index in range(len(widths))]
    text_room = room - sum(width for width, kept in zip(widths, keep, strict=True) if kept)
    flexible = [width for width, kept in zip(widths, keep, strict=True) if not kept]
    if not flexible:
        return widths
    cap = floor
    low, high = floor, max(flexible)
    while low <= high:
        middle = (low + high) // 2
        if sum(min(width, middle) for width in flexible) <= text_room:
            cap, low = middle, middle + 1
        else:
            high = middle - 1
    fitted = [width if kept else min(width, cap) for width, kept in zip(widths, keep, strict=True)]
    if not keep[0]:
        _widen_the_name(fitted, natural, keep, room, floor, least)
    spare = room - sum(fitted)
    for index, width in enumerate(natural):
        if spare <= 0:
            break
        if width > fitted[index]:
            fitted[index] += 1
            spare -= 1
    return fitted


def _widen_the_name(
    fitted: list[int],
    natural: Sequence[int],
    keep: Sequence[bool],
    room: int,
    floor: int,
    least: Sequence[int],
) -> None:
    """Give the first column its fair share, a cell at a time from the other column with
    the most to spare: figures columns' headers down to ``least``, text columns down to
    ``floor`` (figures give first when both could)."""
    want = min(natural[0], max(floor, int(room * NAME_SHARE))) - fitted[0]
    spare = room - sum(fitted)
    if spare > 0:
        given = min(want, spare)
        fitted[0] += given
        want -= given
    lowest = [
        (least[index] if index < len(least) else fitted[index]) if kept else min(width, floor)
        for index, (width, kept) in enumerate(zip(natural, keep, strict=True))
    ]
    while want > 0:
        givers = [index for index in range(1, len(fitted)) if fitted[index] > lowest[index]]
        if not givers:
            break
        giver = max(givers, key=lambda index: (fitted[index] - lowest[index], keep[index]))
        fitted[giver] -= 1
        fitted[0] += 1
        want -= 1


class AreaTable(DataTable[Text]):
    """The rows of one :class:`TableSpec` in the session's plan."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_row", N_("Add row")),
        Binding("e", "edit_row", N_("Edit row")),
        Binding("d,delete", "delete_row", N_("Delete row")),
        Binding("r", "add_reading", N_("Reading"), show=False),
        Binding("home", "scroll_top", N_("First row"), show=False),
        Binding("end", "scroll_bottom", N_("Last row"), show=False),
        Binding("j", "add_stage", N_("Add stage"), show=False),
        Binding("shift+up", "move_row(-1)", N_("Move up"), show=False),
        Binding("shift+down", "move_row(1)", N_("Move down"), show=False),
    ]

    def __init__(self, spec: TableSpec, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.spec = spec
        self.session = session
        self._fitted_to = -1
        """The width the columns were last fitted to."""

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._fitted_to:
            self.reload()
        self.call_after_refresh(self.reveal_cursor, around=self.has_focus)

    def show_row(self, index: int) -> None:
        """Focus the table with the cursor on row ``index``, in sight once laid out again."""
        self.focus()
        self.move_cursor(row=index, scroll=False)
        self.call_after_refresh(self.reveal_cursor)

    def reveal_cursor(self, *, around: bool = True) -> None:
        """Scroll the cursor row into sight in the table and, if ``around``, in the
        containers that hold the table (the step scrolls when the terminal is small)."""
        if not self.row_count or not self.is_mounted:
            return
        top = self.header_height if self.show_header else 0
        row = self._get_row_region(self.cursor_row)
        self.scroll_to_region(
            Region(int(self.scroll_x), row.y, 1, row.height),
            animate=False,
            spacing=Spacing(top, 0, 0, 0),
            force=True,
            immediate=True,
        )
        if not around:
            return
        gutter = self.styles.gutter
        region = Region(0, row.y - round(self.scroll_y), self.size.width, row.height).translate(
            self.virtual_region.offset + gutter.top_left
        )
        widget: Widget = self
        while isinstance(widget.parent, Widget):
            container = widget.parent
            moved = container.scroll_to_region(region, animate=False, immediate=True)
            region = region.translate(-moved).translate(
                container.virtual_region.offset + container.styles.gutter.top_left
            )
            widget = container

    def reload(self) -> None:
        """Show the plan's rows again, keeping the cursor where it was; the columns are
        fitted to the table's width (long text gives way, numbers keep their width; the
        links give way when the row's name would not get its share)."""
        row_index = self.cursor_row
        columns = self.spec.columns
        headers, rows, widths, squeezed = self._fit(columns)
        while squeezed and any(column.gives_way for column in columns):
            order, first = max((c.gives_way, n) for n, c in enumerate(columns) if c.gives_way)
            if order <= KEEPS_OVER_NAME and sum(widths) <= self._room(len(columns)):
                break  # the name is cut rather than this column dropped
            columns = columns[:first] + columns[first + 1 :]
            headers, rows, widths, squeezed = self._fit(columns)
        self._fitted_to = self.size.width
        self.clear(columns=True)
        for header, width in zip(headers, widths, strict=True):
            self.add_column(Text(header, overflow="ellipsis", no_wrap=True), width=width)
        for cells in rows:
            self.add_row(*(Text(cell, overflow="ellipsis", no_wrap=True) for cell in cells))
        if self.row_count:
            self.move_cursor(row=min(row_index, self.row_count - 1))
        if self.spec.key == "journey":  # a plan on the built-in stages: out of the way
            self.show_with_title(bool(self.row_count))

    def show_with_title(self, shown: bool) -> None:
        """Show or hide the table and its title (the label before it)."""
        self.display = shown
        siblings = list(self.parent.children) if self.parent is not None else []
        if self in siblings and siblings.index(self) > 0:
            siblings[siblings.index(self) - 1].display = shown

    def action_add_stage(self) -> None:
        """j: add a stage to the journey (on Insight; its table shows if it was hidden)."""
        found = self.screen.query("#table-journey").results(AreaTable)
        journey = next(found, None)
        if journey is None:
            self.app.bell()
            return
        journey.show_with_title(True)
        journey.post_message(self.AddRow(journey, None))

    def _room(self, columns: int) -> int:
        """The cells' room across the table, for this many columns."""
        return self.scrollable_content_region.width - 2 * self.cell_padding * columns

    def _fit(
        self, columns: tuple[Column, ...]
    ) -> tuple[list[str], list[list[str]], list[int], bool]:
        """Headers, cells and widths of these columns, and whether the first column (the
        row's name) got less than its share or the table must scroll sideways."""
        plan = self.session.plan
        headers = [column.title for column in columns]
        cells_of = [column.bind(plan) for column in columns]
        rows = [[cell(row) for cell in cells_of] for row in self.spec.rows(plan)]
        natural = [
            max([cell_len(header), *(cell_len(cells[index]) for cells in rows)])
            for index, header in enumerate(headers)
        ]
        room = self._room(len(headers))
        figures = [is_numeric([cells[index] for cells in rows]) for index in range(len(headers))]
        least = [
            max([min(cell_len(header), HEADER_FLOOR), *(cell_len(cells[index]) for cells in rows)])
            for index, header in enumerate(headers)
        ]
        widths = fit_widths(natural, room, figures, least=least) if room > 0 else natural
        short = widths[0] < min(natural[0], int(room * NAME_SHARE)) or sum(widths) > room
        return headers, rows, widths, room > 0 and short

    class RowWanted(Message):
        """The room asked to add, edit or delete a row: the step opens the form or asks."""

        def __init__(self, table: AreaTable, index: int | None) -> None:
            super().__init__()
            self.table = table
            """The table asked."""
            self.index = index
            """The row meant (None: a new row)."""

        @property
        def control(self) -> AreaTable:
            return self.table

    class AddRow(RowWanted):
        """Open the form for a new row."""

    class EditRow(RowWanted):
        """Open the form for row ``index``."""

    class DeleteRow(RowWanted):
        """Delete row ``index``, after asking."""

    class AddReading(RowWanted):
        """Add a reading to the KPI in row ``index``."""

    def action_add_reading(self) -> None:
        """Ask to add a reading to the KPI under the cursor (KPI tables only)."""
        if self.spec.key == "kpis" and self.spec.rows(self.session.plan):
            self.post_message(self.AddReading(self, self.cursor_row))
        else:
            self.app.bell()

    def action_add_row(self) -> None:
        """Ask for the form of a new row."""
        self.post_message(self.AddRow(self, None))

    def action_edit_row(self) -> None:
        """Ask for the form of the row under the cursor (a new row when there is none)."""
        if not self.spec.rows(self.session.plan):
            self.action_add_row()
            return
        self.post_message(self.EditRow(self, self.cursor_row))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_row()

    def action_move_row(self, by: int) -> None:
        """Move the row under the cursor up or down (the journey's stages: their order)."""
        rows = self.spec.rows(self.session.plan)
        if not rows:
            return
        to = self.session.move_row(self.spec.table, self.cursor_row, by)
        if to == self.cursor_row:
            self.app.bell()
            return
        self.reload()
        self.move_cursor(row=to)
        self.post_message(PlanEdited())

    def action_delete_row(self) -> None:
        """Ask to delete the row under the cursor (a journey stage rows still name: say so)."""
        if self.spec.rows(self.session.plan):
            refused = delete_refusal(self.session.plan, self.spec.key, self.cursor_row)
            if refused:
                self.notify(refused, severity="warning", markup=False)
                return
            self.post_message(self.DeleteRow(self, self.cursor_row))
