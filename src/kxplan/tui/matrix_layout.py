"""Where the effort × impact matrix puts things, without any widget: the plot's
geometry for a size, each initiative's cell, and the labels nudged apart.

Effort runs left to right, impact bottom to top; the threshold lines sit at the
engine's thresholds, so everything left of the vertical line is low effort and
everything above the horizontal line is high impact, exactly as the ranking decides.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from kxplan.framework import QUADRANTS, Quadrant
from kxplan.model import Plan
from kxplan.scoring import Ranking

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


@dataclass(frozen=True, slots=True)
class Ranges:
    """The axes: effort low, threshold, high; impact low, threshold, high."""

    effort_low: float
    effort_line: float
    effort_high: float
    impact_low: float
    impact_line: float
    impact_high: float


def points_of(ranking: Ranking, shown_ids: Collection[str] | None) -> tuple[list[Point], int]:
    """The points to draw (the ones listed, at most :data:`MAX_ITEMS`), and how many
    more are ranked but not drawn."""
    results = ranking.results
    if shown_ids is not None:
        shown = set(shown_ids)
        results = [r for r in results if r.id in shown]
    points = [
        Point(r.id, r.rank, r.title, r.quadrant, r.effort, r.impact) for r in results[:MAX_ITEMS]
    ]
    return points, max(0, len(results) - MAX_ITEMS)


def ranges(plan: Plan, ranking: Ranking, points: Sequence[Point]) -> Ranges:
    """The plan's scales, widened to every point, with the thresholds kept inside."""
    effort_scale = plan.scales.effort
    value_scale = plan.scales.customer_value
    e_lo, e_hi = float(effort_scale.min), float(effort_scale.max)
    i_lo, i_hi = float(value_scale.min), float(value_scale.max)
    for p in points:
        e_lo, e_hi = min(e_lo, p.effort), max(e_hi, p.effort)
        i_lo, i_hi = min(i_lo, p.impact), max(i_hi, p.impact)
    e_t = min(max(ranking.effort_threshold, e_lo), e_hi)
    i_t = min(max(ranking.impact_threshold, i_lo), i_hi)
    return Ranges(e_lo, e_t, e_hi, i_lo, i_t, i_hi)


def wide(width: int) -> bool:
    """Whether the legend fits beside the plot."""
    return width >= WIDE_LAYOUT


def legend_width(width: int) -> int:
    """The legend's width beside the plot."""
    return max(LEGEND_MIN_WIDTH, width * 3 // 10)


def geometry(width: int, height: int, points: int, axes: Ranges | None) -> Geometry:
    """The layout of the plot for a content area of this size (``points`` drawn)."""
    if wide(width):
        plot_width = width - AXIS_WIDTH - legend_width(width) - 2
        plot_rows = height - 4  # title, two axis lines, detail line
    else:
        plot_width = width - AXIS_WIDTH - 1
        legend_rows = min(points, max(3, height // 4))
        plot_rows = height - 4 - legend_rows
    plot_width = max(plot_width, 12)
    data_rows = max(plot_rows - 3, 2)  # two quadrant-label rows and the threshold line
    if axes is None:
        upper, line_col = data_rows // 2, plot_width // 2
    else:
        i_lo, i_t, i_hi = axes.impact_low, axes.impact_line, axes.impact_high
        share = (i_hi - i_t) / (i_hi - i_lo) if i_hi > i_lo else 0.5
        upper = min(max(round(data_rows * share), 1), data_rows - 1)
        e_lo, e_t, e_hi = axes.effort_low, axes.effort_line, axes.effort_high
        share = (e_t - e_lo) / (e_hi - e_lo) if e_hi > e_lo else 0.5
        line_col = min(max(round((plot_width - 1) * share), 2), plot_width - 3)
    return Geometry(
        plot_width=plot_width,
        data_top=upper,
        line_row=upper + 1,
        data_bottom=data_rows + 1,
        line_col=line_col,
    )


def _spread(value: float, start: float, stop: float, first: int, last: int) -> int:
    """``value`` from start…stop mapped onto the cells first…last."""
    if start == stop or last <= first:
        return first
    share = min(max((value - start) / (stop - start), 0.0), 1.0)
    return first + round(share * (last - first))


def place(point: Point, geo: Geometry, axes: Ranges) -> tuple[int, int]:
    """The cell a point belongs in: low effort left of the line, high impact above it."""
    e_t, i_t = axes.effort_line, axes.impact_line
    if point.effort <= e_t:
        col = _spread(point.effort, axes.effort_low, e_t, 0, geo.line_col - 2)
    else:
        col = _spread(point.effort, e_t, axes.effort_high, geo.line_col + 2, geo.plot_width - 1)
    if point.impact >= i_t:
        row = _spread(point.impact, axes.impact_high, i_t, 1, geo.data_top)
    else:
        row = _spread(point.impact, i_t, axes.impact_low, geo.line_row + 1, geo.data_bottom)
    return row, col


def layout_labels(points: Sequence[Point], geo: Geometry, axes: Ranges) -> list[Label]:
    """Place every point's number, sharing or nudging where they would overlap, else at
    the nearest free place in its quadrant; a number with no room left in its quadrant
    is not drawn (no number is drawn over another: "49" over "7" reads as "497")."""
    groups: dict[tuple[int, int], list[Point]] = {}
    for point in points:
        groups.setdefault(place(point, geo, axes), []).append(point)
    taken: dict[int, list[tuple[int, int]]] = {}
    labels: list[Label] = []
    for (row, col), together in sorted(groups.items(), key=lambda kv: kv[1][0].rank):
        pending = [together]
        while pending:
            chunk = pending.pop(0)
            text_width = len(",".join(str(p.rank) for p in chunk))
            spot = _free_spot(row, col, text_width, geo, taken, chunk[0].quadrant)
            if spot is None and len(chunk) > 1:
                half = len(chunk) // 2
                pending[:0] = [chunk[:half], chunk[half:]]
                continue
            if spot is None:
                spot = _nearest_free(row, col, text_width, geo, taken, chunk[0].quadrant)
            if spot is None:
                continue  # the quadrant is full: not drawn (the title counts it)
            taken.setdefault(spot[0], []).append((spot[1], spot[1] + text_width))
            labels.append(Label(chunk, spot[0], spot[1]))
    return labels


def _area(geo: Geometry, quadrant: Quadrant) -> tuple[tuple[int, int], tuple[int, int]]:
    """The rows (first, last) and columns (first, end) a quadrant's numbers may use."""
    term = QUADRANTS[quadrant]
    rows = (1, geo.data_top) if term.high_impact else (geo.line_row + 1, geo.data_bottom)
    cols = (0, geo.line_col - 1) if term.low_effort else (geo.line_col + 1, geo.plot_width)
    return rows, cols


def _fits(r: int, c: int, width: int, taken: dict[int, list[tuple[int, int]]]) -> bool:
    """Whether a number ``width`` wide at (r, c) keeps a space from every one placed."""
    return all(c + width < start or c > end for start, end in taken.get(r, []))


def _free_spot(
    row: int,
    col: int,
    width: int,
    geo: Geometry,
    taken: dict[int, list[tuple[int, int]]],
    quadrant: Quadrant,
) -> tuple[int, int] | None:
    rows, cols = _area(geo, quadrant)
    for d_row, d_col in _nudges():
        r, c = row + d_row, col + d_col
        if not rows[0] <= r <= rows[1] or c < cols[0] or c + width > cols[1]:
            continue
        if _fits(r, c, width, taken):
            return r, c
    return None


def _nearest_free(
    row: int,
    col: int,
    width: int,
    geo: Geometry,
    taken: dict[int, list[tuple[int, int]]],
    quadrant: Quadrant,
) -> tuple[int, int] | None:
    """The free spot in the quadrant nearest to (row, col) (a row counts as two columns,
    as a cell is about twice as tall as wide), or None when there is none."""
    rows, cols = _area(geo, quadrant)
    best: tuple[int, int, int] | None = None
    for r in sorted(range(rows[0], rows[1] + 1), key=lambda r: abs(r - row)):
        if best is not None and abs(r - row) * 2 > best[0]:
            break
        c = _nearest_in_row(col, (cols[0], cols[1] - width), width, taken.get(r, []))
        if c is not None:
            found = (abs(r - row) * 2 + abs(c - col), r, c)
            best = found if best is None else min(best, found)
    return None if best is None else (best[1], best[2])


def _nearest_in_row(
    col: int, starts: tuple[int, int], width: int, spans: list[tuple[int, int]]
) -> int | None:
    """The start in ``starts`` (first, last) nearest to ``col`` (the lower one of two as
    near) where a number ``width`` wide keeps a space from every span placed."""
    first, last = starts
    if first > last:
        return None
    blocked: list[list[int]] = []  # starts that would touch a span, merged
    for start, end in sorted(spans):
        if blocked and start - width <= blocked[-1][1] + 1:
            blocked[-1][1] = max(blocked[-1][1], end)
        else:
            blocked.append([start - width, end])
    free = [
        (low, high)
        for low, high in zip(
            [first, *(end + 1 for _start, end in blocked)],
            [*(start - 1 for start, _end in blocked), last],
            strict=True,
        )
        if max(low, first) <= min(high, last)
    ]
    near = [min(max(col, max(low, first)), min(high, last)) for low, high in free]
    return min(near, key=lambda c: (abs(c - col), c)) if near else None


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


def corners(geo: Geometry) -> list[tuple[Quadrant, int, bool]]:
    """Where each quadrant's name goes: (quadrant, row, on the left)."""
    bottom = geo.plot_height - 1
    return [
        (key, 0 if QUADRANTS[key].high_impact else bottom, QUADRANTS[key].low_effort)
        for key in QUADRANTS.keys
    ]


def label_position(labels: Sequence[Label], point_id: str) -> tuple[int, int] | None:
    """The cell where a point's number starts, if it is drawn."""
    for label in labels:
        for index, point in enumerate(label.points):
            if point.id == point_id:
                return label.row, label.col + len(
                    ",".join(str(p.rank) for p in label.points[:index])
                )
    return None


def nearest(
    points: Sequence[Point],
    labels: Sequence[Label],
    current: str,
    d_col: int,
    d_row: int,
    undrawn_at: tuple[int, int] | None = None,
) -> int | None:
    """The index of the nearest drawn point in this direction from ``current``, if any;
    from ``undrawn_at`` (where it belongs) when ``current`` has no room to be drawn."""
    here = label_position(labels, current) or undrawn_at
    if here is None:
        return None
    best: tuple[float, int] | None = None
    for index, point in enumerate(points):
        there = label_position(labels, point.id)
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
    return best[1] if best is not None else None
