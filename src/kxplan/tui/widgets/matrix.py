"""The effort × impact matrix: the ranked initiatives placed in the four quadrants.

Effort runs left to right, impact bottom to top; the threshold lines sit at the
engine's thresholds, so everything left of the vertical line is low effort and
everything above the horizontal line is high impact, exactly as the ranking
decides. Each initiative is drawn as its rank number — the same number the
ranked list shows, by the method chosen there; with the list's filters on, only
the initiatives listed are drawn and the title line names the filters; initiatives on the same
spot share a label ("3,7") or move to a free neighbouring cell. A legend maps
the numbers to titles. Arrow keys move a cursor between the numbers; Enter
chooses the initiative under it.
"""

from __future__ import annotations

from collections.abc import Collection
from itertools import groupby
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from kxplan.framework import METHODS, QUADRANTS, Method
from kxplan.i18n import N_, _
from kxplan.model import Plan
from kxplan.scoring import Ranking
from kxplan.text.numbers import number
from kxplan.tui import matrix_layout as layout
from kxplan.tui.matrix_layout import AXIS_WIDTH, MAX_ITEMS, Geometry, Label, Point, Ranges
from kxplan.tui.messages import AboutInitiative
from kxplan.tui.ranking_rows import rank_shown
from kxplan.tui.widgets.drawn_text import DrawnText


class EffortImpactMatrix(DrawnText, can_focus=True):
    """The effort × impact matrix with the initiatives as rank numbers."""

    DEFAULT_CSS = """
    EffortImpactMatrix {
        height: 1fr;
        width: 1fr;
        padding: 0 1;
    }
    EffortImpactMatrix:focus {
        background-tint: $foreground 3%;
    }
    EffortImpactMatrix > .matrix--axis { color: $text-muted; }
    EffortImpactMatrix > .matrix--line { color: $primary 60%; }
    EffortImpactMatrix > .matrix--quick_win { color: $text-success; text-style: bold; }
    EffortImpactMatrix > .matrix--major_project { color: $text-primary; text-style: bold; }
    EffortImpactMatrix > .matrix--fill_in { color: $text-muted; text-style: bold; }
    EffortImpactMatrix > .matrix--thankless { color: $text-warning; text-style: bold; }
    EffortImpactMatrix > .matrix--cursor { color: $block-cursor-foreground;
        background: $block-cursor-background; text-style: bold; }
    EffortImpactMatrix > .matrix--muted { color: $text-muted; }
    EffortImpactMatrix > .matrix--title { text-style: bold; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "matrix--axis",
        "matrix--line",
        "matrix--quick_win",
        "matrix--major_project",
        "matrix--fill_in",
        "matrix--thankless",
        "matrix--cursor",
        "matrix--muted",
        "matrix--title",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1, 0)", N_("Move"), show=False),
        Binding("right", "move(1, 0)", N_("Move"), show=False),
        Binding("up", "move(0, -1)", N_("Move"), key_display="←↑↓→"),
        Binding("down", "move(0, 1)", N_("Move"), show=False),
        Binding("tab", "step(1)", N_("Next"), show=False),
        Binding("shift+tab", "step(-1)", N_("Previous"), show=False),
        Binding("enter", "select", N_("Open")),
    ]

    cursor: reactive[int] = reactive(0)
    """Index (in rank order) of the initiative under the cursor."""

    class Selected(AboutInitiative):
        """The user chose an initiative (Enter on its number)."""

    def __init__(
        self,
        plan: Plan | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.plan: Plan | None = None
        self.ranking: Ranking | None = None
        """The ranking drawn (the list's method, or the plan's own)."""
        self.filters = ""
        """The list's active filters in words, "" when it shows every open initiative."""
        self.points: list[Point] = []
        """The drawn initiatives, in rank order."""
        self.hidden = 0
        """Ranked initiatives not drawn because there are more than :data:`MAX_ITEMS`."""
        self.labels: list[Label] = []
        """Where each number ended up, after the last render."""
        self.problem = ""
        self._styles: dict[str, Style] = {}
        """The component styles read during one render."""
        if plan is not None:
            self.update_plan(plan)

    # --- public API -------------------------------------------------------------------

    def update_plan(
        self,
        plan: Plan,
        *,
        method: Method | None = None,
        shown_ids: Collection[str] | None = None,
        filters: str = "",
    ) -> None:
        """Rank the plan by ``method`` (None: the plan's own) and redraw.

        The numbers are the ranks in the whole ranking, as the ranked list shows
        them; ``shown_ids`` (the ids the list shows) limits what is drawn, and
        ``filters`` names the list's filters in the title line.
        """
        ranking, problem = rank_shown(plan, method)
        self.show(plan, ranking, shown_ids=shown_ids, filters=filters, problem=problem)

    def show(
        self,
        plan: Plan,
        ranking: Ranking,
        *,
        shown_ids: Collection[str] | None = None,
        filters: str = "",
        problem: str = "",
    ) -> None:
        """Draw this ranking of the plan (the ranked list's: the same numbers, the same
        method); ``shown_ids``, ``filters`` and ``problem`` as for :meth:`update_plan`."""
        self.plan = plan
        selected = self.selected_id
        self.problem = problem
        self.ranking = ranking
        self.filters = filters if shown_ids is not None else ""
        self.points, self.hidden = layout.points_of(ranking, shown_ids)
        ids = [p.id for p in self.points]
        self.cursor = ids.index(selected) if selected in ids else 0
        self.refresh()

    @property
    def selected_id(self) -> str | None:
        """Id of the initiative under the cursor."""
        if not self.points:
            return None
        return self.points[min(self.cursor, len(self.points) - 1)].id

    def select(self, initiative_id: str) -> None:
        """Put the cursor on this initiative."""
        for index, point in enumerate(self.points):
            if point.id == initiative_id:
                self.cursor = index

    # --- geometry ---------------------------------------------------------------------

    def _ranges(self) -> Ranges | None:
        if self.plan is None or self.ranking is None:
            return None
        return layout.ranges(self.plan, self.ranking, self.points)

    def geometry(self, width: int, height: int) -> Geometry:
        """The layout of the plot for a content area of this size."""
        return layout.geometry(width, height, len(self.points), self._ranges())

    def layout_labels(self, geo: Geometry) -> list[Label]:
        """Place every point's number, sharing or nudging where they would overlap."""
        axes = self._ranges()
        self.labels = layout.layout_labels(self.points, geo, axes) if axes else []
        return self.labels

    # --- drawing ----------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        found = self._styles.get(name)
        if found is None:
            style = self.get_component_rich_style(f"matrix--{name}")
            found = style if name == "cursor" else Style(color=style.color, bold=style.bold)
            self._styles[name] = found
        return found

    def render(self) -> Text:
        """The matrix as text, a line per row."""
        self._styles.clear()  # read again: the theme may have changed
        width, height = self.content_size
        if self.plan is None or self.ranking is None:
            return Text(_("No plan loaded"), style=self._style("muted"))
        if not self.points:
            return Text(
                _(
                    "Nothing to place yet: give initiatives an effort, a customer value and an "
                    "efficiency score, and they appear here."
                ),
                style=self._style("muted"),
            )
        geo = self.geometry(width, height)
        plot = self._plot_lines(geo)
        legend_width = layout.legend_width(width)
        title = self._title_line()
        title.truncate(width, overflow="ellipsis")
        lines: list[Text] = [title]
        if layout.wide(width):
            legend = self._legend(geo.plot_height + 2, legend_width)
            for index, line in enumerate(plot):
                row = line.copy()
                row.pad_right(max(0, AXIS_WIDTH + geo.plot_width + 2 - row.cell_len))
                if index < len(legend):
                    row.append_text(legend[index])
                lines.append(row)
        else:
            lines.extend(plot)
            lines.extend(self._legend(max(1, height - len(plot) - 2), width - 1))
        lines.append(self._detail_line(width))
        return Text("\n").join(lines[:height])

    def _title_line(self) -> Text:
        assert self.ranking is not None
        muted = self._style("muted")
        text = Text(_("Impact ▲"), style=self._style("axis"))
        method = METHODS.say(METHODS[self.ranking.method].short)
        count = len(self.points) + self.hidden
        if self.filters:
            total = len(self.ranking.results)
            said = _("   {count} of {total} ranked by ").format(count=count, total=total)
        else:
            said = _("   {count} ranked by ").format(count=count)
        text.append(said, style=muted)
        text.append(method, style=self._style("title"))
        if self.filters:
            text.append(_(" · only {filters}").format(filters=self.filters), style=muted)
        if self.hidden:
            text.append(_(", top {count} drawn").format(count=MAX_ITEMS), style=muted)
        placed = sum(len(label.points) for label in self.labels)
        if placed < len(self.points):  # a crowded quadrant: the legend still lists them
            said = _(", {count} without room to draw").format(count=len(self.points) - placed)
            text.append(said, style=muted)
        return text

    def _plot_lines(self, geo: Geometry) -> list[Text]:
        assert self.ranking is not None
        axis, line = self._style("axis"), self._style("line")
        width = geo.plot_width
        blank = Style()
        cells: list[list[tuple[str, Style]]] = [
            [(" ", blank)] * width for _ in range(geo.plot_height)
        ]
        for col in range(width):
            cells[geo.line_row][col] = ("─", line)
        for row in range(geo.plot_height):
            cells[row][geo.line_col] = ("┼" if row == geo.line_row else "│", line)

        def put(row: int, col: int, text: str, style: Style) -> None:
            for offset, char in enumerate(text):
                if 0 <= col + offset < width:
                    cells[row][col + offset] = (char, style)

        left_room, right_room = geo.line_col - 1, width - geo.line_col - 2
        corners = layout.corners(geo)
        for quadrant, row, left in corners:
            name = QUADRANTS.say(QUADRANTS[quadrant].plural)[: left_room if left else right_room]
            put(row, 0 if left else geo.line_col + 2, name, self._style(quadrant))

        cursor_id = self.selected_id
        for label in self.layout_labels(geo):
            col = label.col
            for index, point in enumerate(label.points):
                if index:
                    put(label.row, col, ",", self._style("muted"))
                    col += 1
                style = self._style("cursor" if point.id == cursor_id else point.quadrant)
                put(label.row, col, str(point.rank), style)
                col += len(str(point.rank))

        axes = self._ranges()
        assert axes is not None
        ticks = {
            1: axes.impact_high,
            geo.line_row: axes.impact_line,
            geo.data_bottom: axes.impact_low,
        }
        lines: list[Text] = []
        for row, row_cells in enumerate(cells):
            tick = ticks.get(row)
            prefix = f"{number(tick):>3} " if tick is not None else "    "
            text = Text(prefix, style=axis)
            text.append("┤" if tick is not None else "│", style=axis)
            for style, run in groupby(row_cells, key=lambda cell: cell[1]):
                text.append("".join(char for char, _style in run), style=style)
            lines.append(text)
        bottom = Text(" " * (AXIS_WIDTH - 1) + "└", style=axis)
        bottom.append("".join("┴" if c == geo.line_col else "─" for c in range(width)), style=axis)
        lines.append(bottom)
        scale = [" "] * (width + 8)
        efforts = (
            (0, axes.effort_low),
            (geo.line_col, axes.effort_line),
            (width - 1, axes.effort_high),
        )
        for col, value in efforts:
            label_text = number(value)
            start = min(max(col - len(label_text) // 2, 0), width - len(label_text))
            scale[start : start + len(label_text)] = label_text
        name = _("Effort ▶")
        middle = (geo.line_col + width) // 2 if width - geo.line_col > 12 else geo.line_col // 2
        start = max(0, middle - len(name) // 2)
        if all(ch == " " for ch in scale[start - 1 : start + len(name) + 1]):
            scale[start : start + len(name)] = name
        lines.append(Text(" " * AXIS_WIDTH + "".join(scale).rstrip(), style=axis))
        return lines

    def _legend(self, rows: int, width: int) -> list[Text]:
        if rows <= 0 or not self.points:
            return []
        title = self._style("title")
        lines = [Text(_("Legend"), style=title)]
        room = rows - 1
        start = 0
        if len(self.points) > room:
            start = min(max(self.cursor - room // 2, 0), len(self.points) - room)
        for point in self.points[start : start + room]:
            if point.id == self.selected_id:
                line = Text(f"{point.rank:>3} {point.title}", style=self._style("cursor"))
            else:
                line = Text()
                line.append(f"{point.rank:>3}", style=self._style(point.quadrant))
                line.append(f" {point.title}")
            line.truncate(width, overflow="ellipsis")
            lines.append(line)
        return lines

    def _detail_line(self, width: int) -> Text:
        if self.problem:
            said = _("{problem}: showing impact ÷ effort").format(problem=self.problem)
            text = Text(said, style=self._style("muted"))
            text.truncate(width, overflow="ellipsis")
            return text
        selected = self.selected_id
        point = next((p for p in self.points if p.id == selected), None)
        if point is None:
            return Text("")
        text = Text(f"{point.rank}. ", style=self._style("title"))
        text.append(point.title, style=self._style("title"))
        text.append(
            _("  ·  effort {effort}, impact {impact}  ·  {quadrant}").format(
                effort=number(point.effort),
                impact=number(point.impact),
                quadrant=QUADRANTS.label(point.quadrant),
            ),
            style=self._style("muted"),
        )

        text.truncate(width, overflow="ellipsis")
        return text

    # --- moving and choosing ----------------------------------------------------------

    def watch_cursor(self) -> None:
        self.refresh()

    def action_move(self, d_col: int, d_row: int) -> None:
        """Move the cursor to the nearest number in this direction."""
        current, axes = self.selected_id, self._ranges()
        if current is not None and axes is not None:
            point = self.points[min(self.cursor, len(self.points) - 1)]
            belongs = layout.place(point, self.geometry(*self.content_size), axes)
            found = layout.nearest(self.points, self.labels, current, d_col, d_row, belongs)
            if found is not None:
                self.cursor = found

    def action_step(self, step: int) -> None:
        """Move the cursor to the next (or previous) rank."""
        if self.points:
            self.cursor = (self.cursor + step) % len(self.points)

    def action_select(self) -> None:
        """Choose the initiative under the cursor."""
        selected = self.selected_id
        if selected is not None:
            self.post_message(self.Selected(selected))
