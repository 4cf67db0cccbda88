"""Pilot tests of the effort × impact matrix."""

from __future__ import annotations

from itertools import pairwise

import pytest
from app_helpers import wait_until
from textual.app import App, ComposeResult

from kxplan import scoring
from kxplan.model import Initiative, Plan
from kxplan.tui.widgets.matrix import AXIS_WIDTH, EffortImpactMatrix
from kxplan.tui.widgets.ranking import RankingView


def scored(id: str, effort: float, value: float, efficiency: float) -> Initiative:
    return Initiative(
        id=id, title=f"Initiative {id}", effort=effort, customer_value=value, efficiency=efficiency
    )


def crowded_plan() -> Plan:
    """Twelve initiatives, several on exactly the same scores."""
    return Plan(
        title="Matrix",
        initiatives=[
            scored("a", 1, 5, 5),
            scored("b", 1, 5, 5),  # same spot as a
            scored("c", 1, 5, 5),  # and c
            scored("d", 2, 4, 4),
            scored("e", 2, 4, 4),
            scored("f", 5, 5, 4),
            scored("g", 4, 4, 4),
            scored("h", 1, 1, 2),
            scored("i", 2, 2, 1),
            scored("j", 5, 1, 1),
            scored("k", 4, 2, 2),
            scored("l", 3, 3, 3),
        ],
    )


class MatrixHarness(App[None]):
    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield EffortImpactMatrix(self.plan)

    def on_mount(self) -> None:
        self.matrix.focus()

    @property
    def matrix(self) -> EffortImpactMatrix:
        return self.query_one(EffortImpactMatrix)

    def on_effort_impact_matrix_selected(self, event: EffortImpactMatrix.Selected) -> None:
        self.selected.append(event.initiative_id)


def drawn_lines(matrix: EffortImpactMatrix) -> list[str]:
    return matrix.render().plain.splitlines()


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_every_rank_number_is_drawn_where_its_label_says(size: tuple[int, int]) -> None:
    app = MatrixHarness(crowded_plan())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        matrix = app.matrix
        lines = drawn_lines(matrix)
        ranks = sorted(point.rank for label in matrix.labels for point in label.points)
        assert ranks == list(range(1, 13))
        for label in matrix.labels:
            start = AXIS_WIDTH + label.col
            line = lines[label.row + 1]  # below the title line
            assert line[start : start + len(label.text)] == label.text
        # no two labels touch on a line, so "3,7" can never read as "37"
        spans = sorted(
            (label.row, label.col, label.col + len(label.text)) for label in matrix.labels
        )
        for (row, _, end), (next_row, next_start, _) in pairwise(spans):
            assert row != next_row or next_start > end


async def test_initiatives_on_the_same_spot_share_a_label() -> None:
    app = MatrixHarness(crowded_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shared = [label for label in app.matrix.labels if len(label.points) > 1]
        ids = sorted(point.id for label in shared for point in label.points)
        assert {"a", "b", "c"} <= set(ids)
        texts = {label.text for label in shared}
        assert "1,2,3" in texts


async def test_quadrants_sit_on_the_right_side_of_the_threshold_lines() -> None:
    app = MatrixHarness(crowded_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        matrix = app.matrix
        geometry = matrix.geometry(*matrix.content_size)
        for label in matrix.labels:
            for point in label.points:
                high_impact = point.quadrant in ("quick_win", "major_project")
                low_effort = point.quadrant in ("quick_win", "fill_in")
                assert (label.row < geometry.line_row) == high_impact, point
                assert (label.col < geometry.line_col) == low_effort, point
        text = "\n".join(drawn_lines(matrix))
        for name in ("Quick wins", "Major projects", "Fill-ins", "Thankless tasks"):
            assert name in text


async def test_legend_maps_numbers_to_titles_literally() -> None:
    plan = Plan(
        title="Legend",
        initiatives=[
            Initiative(
                id="m",
                title="[bold]x[/] [link=http://a]y[/]",
                effort=1,
                customer_value=4,
                efficiency=4,
            )
        ],
    )
    app = MatrixHarness(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = app.matrix.render().plain
        assert "  1 [bold]x[/] [link=http" in text  # the legend, cut to its width
        assert "1. [bold]x[/] [link=http://a]y[/]  ·  effort 1" in text  # the detail line


async def test_enter_posts_selected_for_the_initiative_under_the_cursor() -> None:
    app = MatrixHarness(crowded_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = scoring.rank(app.plan).results[0].id
        assert app.matrix.selected_id == first
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [first]


def position(matrix: EffortImpactMatrix, initiative_id: str) -> tuple[int, int]:
    """(row, column) of an initiative's number on the plot."""
    for label in matrix.labels:
        col = label.col
        for point in label.points:
            if point.id == initiative_id:
                return label.row, col
            col += len(str(point.rank)) + 1
    raise KeyError(initiative_id)


async def test_arrow_keys_move_to_the_nearest_number_in_that_direction() -> None:
    app = MatrixHarness(crowded_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        matrix = app.matrix
        matrix.select("l")  # in the middle
        await pilot.pause()
        start = position(matrix, "l")
        await pilot.press("right")
        right = matrix.selected_id or ""
        assert position(matrix, right)[1] > start[1]
        await pilot.press("down")
        below = matrix.selected_id or ""
        assert position(matrix, below)[0] > position(matrix, right)[0]
        await pilot.press("left", "left", "left", "left", "left", "left")
        assert position(matrix, matrix.selected_id or "")[1] < position(matrix, below)[1]
        rank = matrix.points[matrix.cursor].rank
        await pilot.press("tab")
        assert matrix.points[matrix.cursor].rank == rank % len(matrix.points) + 1


def screen_lines(matrix: EffortImpactMatrix) -> list[str]:
    """The matrix's lines as the screen gets them, trailing spaces aside."""
    height = matrix.content_size.height
    return [matrix.render_line(y).text.rstrip() for y in range(height)]


async def test_the_screen_shows_the_matrix_drawn_after_each_change() -> None:
    app = MatrixHarness(crowded_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        matrix = app.matrix
        before = screen_lines(matrix)
        assert before == [line.rstrip() for line in drawn_lines(matrix)]
        await pilot.press("tab")  # another initiative under the cursor: another last line
        after = screen_lines(matrix)
        assert after != before
        assert after == [line.rstrip() for line in drawn_lines(matrix)]
        await pilot.resize_terminal(80, 24)
        assert await wait_until(pilot, lambda: len(screen_lines(matrix)) == 24)
        assert screen_lines(matrix) == [line.rstrip() for line in drawn_lines(matrix)]


async def test_an_empty_plan_says_what_to_do() -> None:
    app = MatrixHarness(Plan(title="Empty", initiatives=[Initiative(id="x", title="X")]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Nothing to place yet" in app.matrix.render().plain
        await pilot.press("enter")
        assert app.selected == []


async def test_update_plan_keeps_the_cursor_on_the_same_initiative() -> None:
    app = MatrixHarness(crowded_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.matrix.select("k")
        changed = app.plan.model_copy(
            update={"initiatives": [*app.plan.initiatives, scored("z", 1, 5, 5)]}
        )
        app.matrix.update_plan(changed)
        assert app.matrix.selected_id == "k"


class ListAndMatrix(App[None]):
    """The ranked list and the matrix side by side, wired as PrioritisationStep should be."""

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        yield RankingView(self.plan)
        yield EffortImpactMatrix(self.plan)

    def on_mount(self) -> None:
        self.query_one(RankingView).table.focus()

    def on_ranking_view_changed(self, event: RankingView.Changed) -> None:
        self.query_one(EffortImpactMatrix).update_plan(
            event.plan, method=event.method, shown_ids=event.shown_ids, filters=event.filters
        )


def ice_plan() -> Plan:
    """By the ratio: a, b, c; by ICE (confidence decides): c, b, a."""

    def item(id: str, effort: float, confidence: float) -> Initiative:
        return Initiative(
            id=id,
            title=f"Initiative {id}",
            effort=effort,
            customer_value=3,
            efficiency=3,
            confidence=confidence,
            areas=["insight"] if id != "b" else ["mobility"],
        )

    return Plan(title="ICE", initiatives=[item("a", 1, 10), item("b", 2, 60), item("c", 3, 100)])


async def test_the_matrix_numbers_points_by_the_method_given() -> None:
    plan = ice_plan()
    app = MatrixHarness(plan)
    async with app.run_test(size=(100, 30)):
        app.matrix.update_plan(plan, method="ice", shown_ids=["a", "c"], filters="area Insight")
        ice = {r.id: r.rank for r in scoring.rank(plan, "ice").results}
        assert {p.id: p.rank for p in app.matrix.points} == {"a": ice["a"], "c": ice["c"]}
        title = drawn_lines(app.matrix)[0]
        assert "ICE" in title
        assert "2 of 3 ranked by ICE · only area Insight" in title


async def test_the_matrix_follows_the_lists_method_and_filters() -> None:
    app = ListAndMatrix(ice_plan())
    async with app.run_test(size=(100, 40)) as pilot:
        view, matrix = app.query_one(RankingView), app.query_one(EffortImpactMatrix)
        await pilot.press("m")
        while view.shown_method != "ice":
            await pilot.press("m")
        await pilot.press("a")  # insight: a and c
        await pilot.pause()
        listed = {row.key: row.cells[0][0] for row in view.table.rows}
        assert matrix.ranking is not None
        assert matrix.ranking.method == "ice"
        assert {p.id: str(p.rank) for p in matrix.points} == listed == {"c": "1", "a": "3"}


def overfull_plan() -> Plan:
    """Ninety quick wins on six spots: more than a 72×16 matrix has room for."""
    return Plan(
        title="Crowded",
        initiatives=[scored(f"q{n:02}", 1 + n % 3, 5 - n % 2, 5) for n in range(90)],
    )


async def test_the_title_counts_the_numbers_a_full_quadrant_has_no_room_for() -> None:
    app = MatrixHarness(overfull_plan())
    async with app.run_test(size=(72, 16)) as pilot:
        await pilot.pause()
        matrix = app.matrix
        title = drawn_lines(matrix)[0]
        placed = sum(len(label.points) for label in matrix.labels)
        assert 0 < placed < len(matrix.points) == 90
        assert f", {90 - placed} without room to draw" in title
        await pilot.resize_terminal(140, 45)  # room for all: nothing to count
        assert await wait_until(pilot, lambda: "without room" not in drawn_lines(matrix)[0])
        assert sum(len(label.points) for label in matrix.labels) == 90


async def test_arrows_leave_a_number_that_had_no_room_to_be_drawn() -> None:
    app = MatrixHarness(overfull_plan())
    async with app.run_test(size=(72, 16)) as pilot:
        await pilot.pause()
        matrix = app.matrix
        drawn = {point.id for label in matrix.labels for point in label.points}
        undrawn = next(i for i, point in enumerate(matrix.points) if point.id not in drawn)
        matrix.cursor = undrawn
        await pilot.pause()
        reached = []
        for key in ("left", "right", "up", "down"):
            matrix.cursor = undrawn
            await pilot.press(key)
            if matrix.cursor != undrawn:
                reached.append(matrix.points[matrix.cursor].id)
        assert reached  # some direction has a drawn number to go to
        assert set(reached) <= drawn
