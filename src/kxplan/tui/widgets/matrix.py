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

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import ClassVar, Final

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.widget import Widget

from kxplan import scoring
from kxplan.framework import QUADRANTS, Method, Quadrant
from kxplan.model import Plan
from kxplan.tui.messages import AboutInitiative

MAX_ITEMS: Final = 99
"""At most this many initiatives (the best ranked) are drawn; the rest are counted."""

AXIS_WIDTH: Final = 5
LEGEND_MIN_WIDTH: Final = 24
WIDE_LAYOUT: Final = 70
"""From this width on the legend sits beside the matrix, below it otherwise."""


@dataclass(frozen=True, slots=True)
class Point:
    """One drawn initiative: where its number is and where it belongs."""

    id: str
    rank: int
    title: str
    quadrant: Quadrant
    effort: float
    impact: float


@dataclass(slots=True)
class Label:
    """Rank numbers drawn at one place: ``3`` or ``3,7``."""

    points: list[Point]
    row: int
    col: int

    @property
    def text(self) -> str:
        """The numbers, comma-separated."""
        return ",".join(str(p.rank) for p in self.points)


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where the parts of the matrix are, for one widget size."""

    plot_width: int
    data_top: int
    """Data rows of the high-impact half (rows 1 … data_top)."""
    line_row: int
    """The impact threshold line."""
    data_bottom: int
    """Last data row of the low-impact half (line_row + 1 … data_bottom)."""
    line_col: int
    """The effort threshold line."""

    @property
    def plot_height(self) -> int:
        """Rows of the plot: quadrant labels, data rows and the threshold line."""
        return self.data_bottom + 2


class EffortImpactMatrix(Widget, can_focus=True):
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
        Binding("left", "move(-1, 0)", "Move", show=False),
        Binding("right", "move(1, 0)", "Move", show=False),
        Binding("up", "move(0, -1)", "Move", key_display="←↑↓→"),
        Binding("down", "move(0, 1)", "Move", show=False),
        Binding("tab", "step(1)", "Next", show=False),
        Binding("shift+tab", "step(-1)", "Previous", show=False),
        Binding("enter", "select", "Open"),
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
        self.ranking: scoring.Ranking | None = None
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
        self.plan = plan
        selected = self.selected_id
        self.problem = ""
        try:
            ranking = scoring.rank(plan, method)
        except scoring.ScoringError as error:
            self.problem = str(error)
            ranking = scoring.rank(plan, "ratio")
        self.ranking = ranking
        self.filters = filters if shown_ids is not None else ""
        results = ranking.results
        if shown_ids is not None:
            shown = set(shown_ids)
            results = [r for r in results if r.id in shown]
        self.points = [
            Point(r.id, r.rank, r.title, r.quadrant, r.effort, r.impact)
            for r in results[:MAX_ITEMS]
        ]
        self.hidden = max(0, len(results) - MAX_ITEMS)
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

    def _wide(self, width: int) -> bool:
        return width >= WIDE_LAYOUT

    def _legend_width(self, width: int) -> int:
        return max(LEGEND_MIN_WIDTH, width * 3 // 10)

    def geometry(self, width: int, height: int) -> Geometry:
        """The layout of the plot for a content area of this size."""
        if self._wide(width):
            plot_width = width - AXIS_WIDTH - self._legend_width(width) - 2
            plot_rows = height - 4  # title, two axis lines, detail line
        else:
            plot_width = width - AXIS_WIDTH - 1
            legend_rows = min(len(self.points), max(3, height // 4))
            plot_rows = height - 4 - legend_rows
        plot_width = max(plot_width, 12)
        data_rows = max(plot_rows - 3, 2)  # two quadrant-label rows and the threshold line
        upper = self._share_above(data_rows)
        line_col = self._threshold_col(plot_width)
        return Geometry(
            plot_width=plot_width,
            data_top=upper,
            line_row=upper + 1,
            data_bottom=data_rows + 1,
            line_col=line_col,
        )

    def _ranges(self) -> tuple[float, float, float, float, float, float]:
        assert self.plan is not None
        assert self.ranking is not None
        effort_scale = self.plan.scales.effort
        value_scale = self.plan.scales.customer_value
        e_lo, e_hi = float(effort_scale.min), float(effort_scale.max)
        i_lo, i_hi = float(value_scale.min), float(value_scale.max)
        for p in self.points:
            e_lo, e_hi = min(e_lo, p.effort), max(e_hi, p.effort)
            i_lo, i_hi = min(i_lo, p.impact), max(i_hi, p.impact)
        e_t = min(max(self.ranking.effort_threshold, e_lo), e_hi)
        i_t = min(max(self.ranking.impact_threshold, i_lo), i_hi)
        return e_lo, e_t, e_hi, i_lo, i_t, i_hi

    def _share_above(self, data_rows: int) -> int:
        if self.plan is None or self.ranking is None:
            return data_rows // 2
        _, _, _, i_lo, i_t, i_hi = self._ranges()
        share = (i_hi - i_t) / (i_hi - i_lo) if i_hi > i_lo else 0.5
        return min(max(round(data_rows * share), 1), data_rows - 1)

    def _threshold_col(self, plot_width: int) -> int:
        if self.plan is None or self.ranking is None:
            return plot_width // 2
        e_lo, e_t, e_hi, _, _, _ = self._ranges()
        share = (e_t - e_lo) / (e_hi - e_lo) if e_hi > e_lo else 0.5
        return min(max(round((plot_width - 1) * share), 2), plot_width - 3)

    def _place(self, point: Point, geo: Geometry) -> tuple[int, int]:
        """The cell a point belongs in: low effort left of the line, high impact above it."""
        e_lo, e_t, e_hi, i_lo, i_t, i_hi = self._ranges()

        def spread(value: float, start: float, stop: float, first: int, last: int) -> int:
            """``value`` from start…stop mapped onto the cells first…last."""
            if start == stop or last <= first:
                return first
            share = min(max((value - start) / (stop - start), 0.0), 1.0)
            return first + round(share * (last - first))

        if point.effort <= e_t:
            col = spread(point.effort, e_lo, e_t, 0, geo.line_col - 2)
        else:
            col = spread(point.effort, e_t, e_hi, geo.line_col + 2, geo.plot_width - 1)
        if point.impact >= i_t:
            row = spread(point.impact, i_hi, i_t, 1, geo.data_top)
        else:
            row = spread(point.impact, i_t, i_lo, geo.line_row + 1, geo.data_bottom)
        return row, col

    def layout_labels(self, geo: Geometry) -> list[Label]:
        """Place every point's number, sharing or nudging where they would overlap."""
        groups: dict[tuple[int, int], list[Point]] = {}
        for point in self.points:
            groups.setdefault(self._place(point, geo), []).append(point)
        taken: dict[int, list[tuple[int, int]]] = {}
        labels: list[Label] = []
        for (row, col), points in sorted(groups.items(), key=lambda kv: kv[1][0].rank):
            pending = [points]
            while pending:
                chunk = pending.pop(0)
                text_width = len(",".join(str(p.rank) for p in chunk))
                spot = self._free_spot(row, col, text_width, geo, taken, chunk[0].quadrant)
                if spot is None and len(chunk) > 1:
                    half = len(chunk) // 2
                    pending[:0] = [chunk[:half], chunk[half:]]
                    continue
                if spot is None:
                    spot = (row, col)  # nowhere free: draw over, the legend still lists it
                taken.setdefault(spot[0], []).append((spot[1], spot[1] + text_width))
                labels.append(Label(chunk, spot[0], spot[1]))
        self.labels = labels
        return labels

    def _free_spot(
        self,
        row: int,
        col: int,
        width: int,
        geo: Geometry,
        taken: dict[int, list[tuple[int, int]]],
        quadrant: Quadrant,
    ) -> tuple[int, int] | None:
        high = quadrant in ("quick_win", "major_project")
        low_effort = quadrant in ("quick_win", "fill_in")
        rows = (1, geo.data_top) if high else (geo.line_row + 1, geo.data_bottom)
        cols = (0, geo.line_col - 1) if low_effort else (geo.line_col + 1, geo.plot_width)
        for d_row, d_col in _nudges():
            r, c = row + d_row, col + d_col
            if not rows[0] <= r <= rows[1] or c < cols[0] or c + width > cols[1]:
                continue
            if all(c + width < start or c > end for start, end in taken.get(r, [])):
                return r, c
        return None

    # --- drawing ----------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self.get_component_rich_style(f"matrix--{name}")
        if name == "cursor":
            return style
        return Style(color=style.color, bold=style.bold)

    def render(self) -> Text:
        width, height = self.content_size
        if self.plan is None or self.ranking is None:
            return Text("No plan loaded", style=self._style("muted"))
        if not self.points:
            return Text(
                "Nothing to place yet: give initiatives an effort, a customer value and an "
                "efficiency score, and they appear here.",
                style=self._style("muted"),
            )
        geo = self.geometry(width, height)
        plot = self._plot_lines(geo)
        legend_width = self._legend_width(width)
        title = self._title_line()
        title.truncate(width, overflow="ellipsis")
        lines: list[Text] = [title]
        if self._wide(width):
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
        text = Text("Impact ▲", style=self._style("axis"))
        method = scoring.METHOD_LABELS[self.ranking.method].split(" (")[0]
        count = len(self.points) + self.hidden
        if self.filters:
            total = len(self.ranking.results)
            text.append(f"   {count} of {total} ranked by ", style=muted)
        else:
            text.append(f"   {count} ranked by ", style=muted)
        text.append(method, style=self._style("title"))
        if self.filters:
            text.append(f" · only {self.filters}", style=muted)
        if self.hidden:
            text.append(f", top {MAX_ITEMS} drawn", style=muted)
        return text

    def _plot_lines(self, geo: Geometry) -> list[Text]:
        assert self.ranking is not None
        axis, line = self._style("axis"), self._style("line")
        width = geo.plot_width
        cells: list[list[tuple[str, Style]]] = [
            [(" ", Style()) for _ in range(width)] for _ in range(geo.plot_height)
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
        corners: list[tuple[Quadrant, int, bool]] = [
            ("quick_win", 0, True),
            ("major_project", 0, False),
            ("fill_in", geo.plot_height - 1, True),
            ("thankless", geo.plot_height - 1, False),
        ]
        for quadrant, row, left in corners:
            name = QUADRANTS[quadrant].plural[: left_room if left else right_room]
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

        e_lo, e_t, e_hi, i_lo, i_t, i_hi = self._ranges()
        ticks = {1: i_hi, geo.line_row: i_t, geo.data_bottom: i_lo}
        lines: list[Text] = []
        for row, row_cells in enumerate(cells):
            tick = ticks.get(row)
            prefix = f"{scoring.number(tick):>3} " if tick is not None else "    "
            text = Text(prefix, style=axis)
            text.append("┤" if tick is not None else "│", style=axis)
            for char, style in row_cells:
                text.append(char, style=style)
            lines.append(text)
        bottom = Text(" " * (AXIS_WIDTH - 1) + "└", style=axis)
        bottom.append("".join("┴" if c == geo.line_col else "─" for c in range(width)), style=axis)
        lines.append(bottom)
        scale = [" "] * (width + 8)
        for col, value in ((0, e_lo), (geo.line_col, e_t), (width - 1, e_hi)):
            label_text = scoring.number(value)
            start = min(max(col - len(label_text) // 2, 0), width - len(label_text))
            scale[start : start + len(label_text)] = label_text
        name = "Effort ▶"
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
        lines = [Text("Legend", style=title)]
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
            text = Text(f"{self.problem}: showing impact ÷ effort", style=self._style("muted"))
            text.truncate(width, overflow="ellipsis")
            return text
        selected = self.selected_id
        point = next((p for p in self.points if p.id == selected), None)
        if point is None:
            return Text("")
        text = Text(f"{point.rank}. ", style=self._style("title"))
        text.append(point.title, style=self._style("title"))
        text.append(
            f"  ·  effort {scoring.number(point.effort)}, impact {scoring.number(point.impact)}"
            f"  ·  {QUADRANTS.label(point.quadrant)}",
            style=self._style("muted"),
        )
        text.truncate(width, overflow="ellipsis")
        return text

    # --- moving and choosing ----------------------------------------------------------

    def watch_cursor(self) -> None:
        self.refresh()

    def _position(self, point_id: str) -> tuple[int, int] | None:
        for label in self.labels:
            for index, point in enumerate(label.points):
                if point.id == point_id:
                    return label.row, label.col + len(
                        ",".join(str(p.rank) for p in label.points[:index])
                    )
        return None

    def action_move(self, d_col: int, d_row: int) -> None:
        """Move the cursor to the nearest number in this direction."""
        current = self.selected_id
        here = self._position(current) if current else None
        if here is None:
            return
        best: tuple[float, int] | None = None
        for index, point in enumerate(self.points):
            there = self._position(point.id)
            if there is None or point.id == current:
                continue
            dy, dx = there[0] - here[0], (there[1] - here[1]) / 2  # cells are tall
            along = dx * d_col + dy * d_row
            if along <= 0:
                continue
            across = abs(dx * d_row) + abs(dy * d_col)
            cost = along + 2 * across
            if best is None or cost < best[0]:
                best = (cost, index)
        if best is not None:
            self.cursor = best[1]

    def action_step(self, step: int) -> None:
        """Move the cursor to the next (or previous) rank."""
        if self.points:
            self.cursor = (self.cursor + step) % len(self.points)

    def action_select(self) -> None:
        """Choose the initiative under the cursor."""
        selected = self.selected_id
        if selected is not None:
            self.post_message(self.Selected(selected))


def _nudges() -> Iterator[tuple[int, int]]:
    """Offsets to try, nearest first: the spot itself, then sideways and up or down."""
    yield 0, 0
    for distance in range(1, 8):
        yield 0, distance
        yield 0, -distance
        if distance <= 3:
            yield -distance, 0
            yield distance, 0
        for d_row in (-1, 1):
            yield d_row, distance
            yield d_row, -distance
