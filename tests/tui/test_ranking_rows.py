"""The ranking view's rows, filters, cells and details, and the matrix layout: plain
functions tested without Pilot."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan.framework import QUADRANTS
from kxplan.model import Plan
from kxplan.scoring import Robustness, rank
from kxplan.tui import matrix_layout as layout
from kxplan.tui.ranking_details import details, why
from kxplan.tui.ranking_rows import (
    Filters,
    bar,
    cells,
    column_widths,
    cycled,
    first_lacking,
    method_name,
    not_offered,
    rank_shown,
    rows_of,
    sorted_rows,
)


def make_plan(*initiatives: dict[str, Any], **scoring: Any) -> Plan:
    return Plan.model_validate(
        {
            "title": "Rows",
            "scoring": scoring,
            "initiatives": [{"title": item["id"].upper(), **item} for item in initiatives],
        }
    )


def scores(effort: float, value: float, efficiency: float) -> dict[str, float]:
    return {"effort": effort, "customer_value": value, "efficiency": efficiency}


PLAN = make_plan(
    {"id": "quick", **scores(1, 5, 5), "areas": ["insight"]},
    {"id": "big", **scores(5, 5, 5), "depends_on": ["quick"]},
    {"id": "slack", **scores(1, 1, 1)},
    {"id": "heavy", **scores(5, 1, 1), "areas": ["insight"]},
    {"id": "later", "effort": 2},
    {"id": "gone", **scores(1, 5, 5), "status": "done"},
)


def ids(rows: list[Any]) -> list[str]:
    return [row.id for row in rows]


def test_rows_are_ranked_then_unscored_and_closed_only_when_asked() -> None:
    ranking = rank(PLAN)
    assert ids(rows_of(PLAN, ranking, Filters())) == ["quick", "big", "slack", "heavy", "later"]
    done = rows_of(PLAN, ranking, Filters(status="done"))
    assert ids(done) == ["gone"]
    assert done[0].result is None
    assert done[0].closed
    assert ids(rows_of(PLAN, ranking, Filters(status="all")))[-1] == "gone"


def test_filters_hide_rows_but_keep_the_whole_rankings_numbers() -> None:
    ranking = rank(PLAN)
    insight = rows_of(PLAN, ranking, Filters(area="insight"))
    assert [(row.id, row.result and row.result.rank) for row in insight] == [
        ("quick", 1),
        ("heavy", 4),
    ]
    thankless = rows_of(PLAN, ranking, Filters(quadrant="thankless"))
    assert ids(thankless) == ["heavy"]


def test_filters_in_words_read_the_vocabulary() -> None:
    assert Filters().text() == ""
    assert not Filters().active
    words = Filters(area="insight", status="in_progress", quadrant="thankless").text()
    assert words == "area Insight, in progress, thankless tasks"
    assert Filters(status="all").status_name() == "all statuses"
    for term in QUADRANTS:
        assert Filters(quadrant=term.key).text() == term.plural.lower()  # type: ignore[arg-type]


def test_cycling_the_filters_goes_round() -> None:
    seen = [Filters()]
    for _ in range(len(QUADRANTS) + 1):
        seen.append(seen[-1].next_quadrant())
    assert [f.quadrant for f in seen] == [None, *QUADRANTS.keys, None]
    assert Filters(status="all").next_status().status == "open"
    assert Filters().next_area().area == "insight"
    assert cycled(["a", "b"], "b") == "a"
    assert cycled(["a", "b"], "z") == "a"


def test_sorting_keeps_ranks_and_puts_unscored_last() -> None:
    rows = rows_of(PLAN, rank(PLAN), Filters())
    assert ids(sorted_rows(rows, "effort")) == ["quick", "slack", "big", "heavy", "later"]
    assert ids(sorted_rows(rows, "title"))[-1] == "later"
    assert sorted_rows(rows, "rank") == rows


def test_cells_show_rank_marks_quadrant_and_range() -> None:
    rows = {row.id: row for row in rows_of(PLAN, rank(PLAN), Filters())}
    robust = {"big": Robustness(rank_low=1, rank_high=4, p_top_k=0.5, top_k=2, unstable=True)}
    big = cells(rows["big"], robust)
    assert big[0] == ("2", "")  # not moved: quick already comes first
    assert big[5] == ("Major project", "major_project")
    assert big[7] == ("1–4!", "unstable")
    assert cells(rows["heavy"], {})[5] == ("Thankless", "thankless")
    assert cells(rows["later"], {})[5] == ("unscored", "dim")


def test_a_moved_initiative_is_marked_and_its_prerequisite_named_by_title() -> None:
    plan = make_plan({"id": "base", **scores(5, 1, 1)}, {"id": "top", **scores(1, 5, 5),
                     "depends_on": ["base"]})  # fmt: skip
    ranking = rank(plan)
    rows = rows_of(plan, ranking, Filters())
    top = next(row for row in rows if row.id == "top")
    assert cells(top, {})[0] == ("2*", "")
    assert column_widths(ranking, 3, 6) == (3, 6)
    lines = details(plan, rows, "top", "", {})
    assert [piece[0] for piece in lines[1]] == [
        "* ",
        "placed after ",
        "BASE",
        ", which it depends on",
    ]
    assert "placed after" not in why(top.result)  # type: ignore[arg-type]
    assert top.result is not None
    assert top.result.explanation.startswith(why(top.result))


def test_details_of_unscored_and_closed_rows_say_why_they_are_not_ranked() -> None:
    ranking = rank(PLAN)
    rows = rows_of(PLAN, ranking, Filters(status="all"))
    assert "not ranked: needs effort" in details(PLAN, rows, "later", "", {})[0][1][0]
    assert "closed initiatives are not ranked" in details(PLAN, rows, "gone", "", {})[0][1][0]
    hint = details(PLAN, rows, None, "RICE cannot rank", {})
    assert hint[0] == (("RICE cannot rank", "$text-warning"),)
    assert hint[1][0][0].startswith("Enter opens an initiative")


def test_the_bar_counts_first_and_accents_active_filters() -> None:
    ranking = rank(PLAN)
    filters = Filters(area="insight")
    parts = bar(ranking, rows_of(PLAN, ranking, filters), filters, "rank")
    assert parts[0] == ("2 of 4 ranked (x clears the filters)", "")
    assert parts[1] == ("Impact ÷ effort", "bold")
    assert parts[3] == ("Insight", "$text-accent")


def test_a_method_lacking_inputs_ranks_what_it_can_and_rows_say_what_is_lacking() -> None:
    ranking, problem = rank_shown(PLAN, "rice")
    assert (ranking.method, problem) == ("rice", "")
    rows = rows_of(PLAN, ranking, Filters())
    lacking = [row for row in rows if row.lacks]
    assert lacking
    assert all(row.lacks == ("reach",) for row in lacking)
    assert cells(lacking[0], {})[5] == ("needs reach", "unstable")
    assert first_lacking(rows) == lacking[0]
    assert first_lacking(rows, lacking[0].id) == (lacking[1:] or lacking)[0]
    said = details(PLAN, rows, lacking[0].id, "", {})
    assert ("needs reach", "$text-warning") in said[0]
    assert rank_shown(PLAN)[1] == ""


def test_a_method_that_cannot_rank_at_all_falls_back_to_impact_over_effort() -> None:
    ranking, problem = rank_shown(PLAN, "weighted")
    assert ranking.method == "ratio"
    assert problem.startswith("weighted needs criteria")
    assert method_name("weighted") == "weighted criteria"
    assert method_name("wsjf") == "WSJF"
    assert not_offered(["ratio", "quadrant", "rice", "ice", "wsjf"]).startswith(
        "Not offered for this plan: weighted criteria — it has no criteria yet"
    )
    assert not_offered(["ratio", "quadrant", "rice", "ice", "wsjf", "weighted"]).startswith(
        "Not offered for this plan: money saved ÷ effort — no initiative addresses a contact"
    )
    assert not_offered(["ratio", "quadrant", "rice", "ice", "wsjf", "weighted", "savings"]) == ""


# --- the matrix layout ------------------------------------------------------------------


def test_points_are_limited_and_follow_the_lists_filter() -> None:
    ranking = rank(PLAN)
    points, hidden = layout.points_of(ranking, ["heavy", "quick"])
    assert [p.id for p in points] == ["quick", "heavy"]
    assert hidden == 0
    assert len(layout.points_of(ranking, None)[0]) == 4


def test_each_point_is_placed_in_its_quadrant() -> None:
    ranking = rank(PLAN)
    points, _ = layout.points_of(ranking, None)
    axes = layout.ranges(PLAN, ranking, points)
    geo = layout.geometry(100, 30, len(points), axes)
    for point in points:
        row, col = layout.place(point, geo, axes)
        term = QUADRANTS[point.quadrant]
        assert (row <= geo.data_top) == term.high_impact
        assert (col < geo.line_col) == term.low_effort
    assert [(q, left) for q, _, left in layout.corners(geo)] == [
        (t.key, t.low_effort) for t in QUADRANTS
    ]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=1, max_size=10),
    st.integers(70, 160),
    st.integers(20, 50),
)
def test_labels_never_overlap_and_every_point_is_drawn_once(
    spots: list[tuple[int, int]], width: int, height: int
) -> None:
    plan = make_plan(*({"id": f"i{n:02}", **scores(e, v, v)} for n, (e, v) in enumerate(spots)))
    ranking = rank(plan)
    points, _ = layout.points_of(ranking, None)
    axes = layout.ranges(plan, ranking, points)
    geo = layout.geometry(width, height, len(points), axes)
    labels = layout.layout_labels(points, geo, axes)
    drawn = sorted(p.rank for label in labels for p in label.points)
    assert drawn == sorted(p.rank for p in points)
    for label in labels:
        for point in label.points:
            assert layout.label_position(labels, point.id) is not None
    spans = [(label.row, label.col, label.col + len(label.text)) for label in labels]
    for index, (row, start, end) in enumerate(spans):
        for other_row, other_start, other_end in spans[index + 1 :]:
            if row == other_row:  # with room to spare, no number is drawn over another
                assert end < other_start or other_end < start


def test_moving_the_cursor_finds_the_nearest_number_that_way() -> None:
    ranking = rank(PLAN)
    points, _ = layout.points_of(ranking, None)
    axes = layout.ranges(PLAN, ranking, points)
    labels = layout.layout_labels(points, layout.geometry(100, 30, len(points), axes), axes)
    right = layout.nearest(points, labels, "quick", 1, 0)
    down = layout.nearest(points, labels, "quick", 0, 1)
    assert (right, down) == (
        [p.id for p in points].index("big"),
        [p.id for p in points].index("slack"),
    )
    assert layout.nearest(points, labels, "quick", -1, 0) is None
