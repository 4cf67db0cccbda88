"""Where the matrix puts its rank numbers: never over or against another number, always
on the right side of both threshold lines, and every number drawn while its quadrant
has room for it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan.framework import Quadrant
from kxplan.tui import matrix_layout as layout
from kxplan.tui.matrix_layout import Geometry, Label, Point, Ranges

AXES = Ranges(1, 3, 5, 1, 3, 5)
SCORES = st.sampled_from([1, 1.25, 1.5, 2, 2.5, 2.75, 3, 3.5, 4, 4.5, 5])


def quadrant(effort: float, impact: float) -> Quadrant:
    """As the engine decides it at thresholds 3 and 3."""
    if impact >= 3:
        return "quick_win" if effort <= 3 else "major_project"
    return "fill_in" if effort <= 3 else "thankless"


@st.composite
def points(draw: st.DrawFn) -> list[Point]:
    count = draw(st.integers(1, layout.MAX_ITEMS))  # often crowded, not only a few
    scores = draw(st.lists(st.tuples(SCORES, SCORES), min_size=count, max_size=count))
    return [
        Point(f"i{rank}", rank, f"I {rank}", quadrant(effort, impact), effort, impact)
        for rank, (effort, impact) in enumerate(scores, 1)
    ]


def area(geo: Geometry, point: Point) -> tuple[range, int, int]:
    """The rows a point's number may use, and the first and last column it may fill:
    above the impact line for high impact, left of the effort line for low effort,
    one cell clear of each line."""
    high = point.quadrant in ("quick_win", "major_project")
    low = point.quadrant in ("quick_win", "fill_in")
    rows = range(1, geo.data_top + 1) if high else range(geo.line_row + 1, geo.data_bottom + 1)
    first, last = (0, geo.line_col - 2) if low else (geo.line_col + 1, geo.plot_width - 1)
    return rows, first, last


def cells(labels: list[Label]) -> dict[int, list[tuple[int, int]]]:
    taken: dict[int, list[tuple[int, int]]] = {}
    for label in labels:
        taken.setdefault(label.row, []).append((label.col, label.col + len(label.text) - 1))
    return taken


@settings(max_examples=120, deadline=None)
@given(points(), st.integers(60, 140), st.integers(14, 45))
def test_numbers_never_touch_stay_in_their_quadrant_and_are_drawn_where_there_is_room(
    drawn: list[Point], width: int, height: int
) -> None:
    geo = layout.geometry(width, height, len(drawn), AXES)
    labels = layout.layout_labels(drawn, geo, AXES)
    placed = [point for label in labels for point in label.points]
    assert len(placed) == len({point.id for point in placed})  # each number once at most
    taken = cells(labels)
    for spans in taken.values():  # a space between any two: "3,7" never reads "37"
        for (_, end), (start, _) in zip(sorted(spans), sorted(spans)[1:], strict=False):
            assert start > end + 1
    for label in labels:
        for point in label.points:
            rows, first, last = area(geo, point)
            assert label.row in rows
            assert first <= label.col
            assert label.col + len(label.text) - 1 <= last
    for point in set(drawn) - set(placed):  # not drawn: no gap in its quadrant for it
        rows, first, last = area(geo, point)
        width_needed = len(str(point.rank))
        for row in rows:
            for col in range(first, last - width_needed + 2):
                end = col + width_needed - 1
                clear = all(end + 1 < s or col > e + 1 for s, e in taken.get(row, []))
                assert not clear, f"{point.rank} had room at row {row}, column {col}"


def test_a_crowded_corner_spreads_its_numbers_instead_of_drawing_them_over_each_other() -> None:
    crowd = [Point(f"i{rank}", rank, "I", "quick_win", 3, 3) for rank in range(1, 60)]
    geo = layout.geometry(100, 30, len(crowd), AXES)
    labels = layout.layout_labels(crowd, geo, AXES)
    assert sorted(point.rank for label in labels for point in label.points) == list(range(1, 60))
    assert len({(label.row, label.col) for label in labels}) == len(labels)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 8), st.integers(0, 40), st.integers(1, 5)), max_size=40),
    st.integers(1, 8),
    st.integers(0, 40),
    st.integers(1, 5),
    st.sampled_from(["quick_win", "major_project", "fill_in", "thankless"]),
)
def test_a_number_without_room_nearby_goes_to_the_nearest_free_place_of_its_quadrant(
    placed: list[tuple[int, int, int]], row: int, col: int, width: int, quadrant: Quadrant
) -> None:
    geo = Geometry(plot_width=40, data_top=4, line_row=5, data_bottom=9, line_col=20)
    taken: dict[int, list[tuple[int, int]]] = {}
    for r, c, w in placed:
        taken.setdefault(r, []).append((c, c + w))  # as layout_labels keeps them
    rows, cols = layout._area(geo, quadrant)
    every = [
        (abs(r - row) * 2 + abs(c - col), r, c)
        for r in range(rows[0], rows[1] + 1)
        for c in range(cols[0], cols[1] - width + 1)
        if layout._fits(r, c, width, taken)
    ]
    expected = min(every)[1:] if every else None
    assert layout._nearest_free(row, col, width, geo, taken, quadrant) == expected
