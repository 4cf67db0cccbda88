"""A saved initiative edit on Prioritisation ranks the plan once; the list, the matrix
(and the summary, when given it) share that ranking."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult

from kxplan import scoring
from kxplan.model import Plan
from kxplan.session import Session
from kxplan.tui.messages import EditInitiative
from kxplan.tui.steps.prioritisation import PrioritisationStep
from kxplan.tui.widgets.matrix import EffortImpactMatrix
from kxplan.tui.widgets.ranking import RankingView
from kxplan.tui.widgets.summary import StrategySummary


def plan() -> Plan:
    return Plan.model_validate(
        {
            "title": "Once",
            "initiatives": [
                {"id": f"i{n}", "title": f"Initiative {n}", "effort": 1 + n % 5,
                 "customer_value": 1 + (n * 3) % 5, "efficiency": 3}
                for n in range(12)
            ],
        }
    )  # fmt: skip


class Harness(App[None]):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield PrioritisationStep(self.session, id="step")


@pytest.fixture
def rank_calls(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    calls: list[Any] = []
    real = scoring.rank

    def counting(*args: Any, **kwargs: Any) -> scoring.Ranking:
        calls.append(args[1:])
        return real(*args, **kwargs)

    monkeypatch.setattr(scoring, "rank", counting)
    return calls


async def test_a_saved_edit_ranks_once_and_the_matrix_draws_that_ranking(
    rank_calls: list[Any],
) -> None:
    app = Harness(Session(plan()))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        step = app.query_one(PrioritisationStep)
        view, matrix = app.query_one(RankingView), app.query_one(EffortImpactMatrix)
        for effort in (5.0, 1.0):
            rank_calls.clear()
            target = app.session.plan.initiatives[0]
            app.session.put_initiative(target.model_copy(update={"effort": effort}), "i0")
            step.reload()
            await pilot.pause()
            assert len(rank_calls) == 1  # three before: the list, the matrix twice
            assert matrix.ranking is view.ranking
            assert matrix.points[0].id == view.shown_ids[0]
        view.table.focus()
        await pilot.pause()
        rank_calls.clear()
        await pilot.press("m")  # another method: the list ranks, the matrix follows it
        await pilot.pause()
        assert len(rank_calls) == 1
        assert matrix.ranking is view.ranking


def test_the_summary_lists_the_ranking_it_is_given(rank_calls: list[Any]) -> None:
    shown = plan()
    ranking = scoring.rank(shown)
    rank_calls.clear()
    text = StrategySummary.top_initiatives(shown, ranking).plain
    assert rank_calls == []
    assert text.startswith(f"1. {ranking.results[0].title}")
    assert StrategySummary.top_initiatives(shown).plain == text
    assert len(rank_calls) == 1


async def test_the_matrix_has_a_saved_edit_as_soon_as_the_list_so_one_frame_shows_both() -> None:
    app = Harness(Session(plan()))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        step = app.query_one(PrioritisationStep)
        step.toggle_view()  # the matrix on screen
        await pilot.pause()
        view, matrix = app.query_one(RankingView), app.query_one(EffortImpactMatrix)
        target = app.session.plan.initiatives[0]
        app.session.put_initiative(target.model_copy(update={"effort": 5.0}), "i0")
        step.reload()
        # no pause: the list's Changed message has not been handled yet
        assert matrix.ranking is view.ranking
        rank_numbers = {point.id: point.rank for point in matrix.points}
        assert rank_numbers["i0"] == view.shown_ids.index("i0") + 1


async def test_the_matrix_says_when_the_method_asked_for_cannot_rank() -> None:
    weighted = plan()
    weighted.scoring.method = "weighted"  # without criteria: impact ÷ effort instead
    app = Harness(Session(weighted))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        app.query_one(PrioritisationStep).toggle_view()
        await pilot.pause()
        view, matrix = app.query_one(RankingView), app.query_one(EffortImpactMatrix)
        assert view.problem
        assert matrix.problem == view.problem
        last_line = matrix.render().plain.splitlines()[-1]
        assert last_line.startswith(f"{view.problem}: showing impact ÷ effort"[:60])


class ChoosingHarness(Harness):
    """The step, noting which initiative Enter asks to edit."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.chosen: list[str] = []

    def on_edit_initiative(self, message: EditInitiative) -> None:
        self.chosen.append(message.initiative_id)


async def test_closing_the_pane_over_the_matrix_gives_the_keys_back_to_the_matrix() -> None:
    app = ChoosingHarness(Session(plan()))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        app.query_one(PrioritisationStep).toggle_view()
        await pilot.pause()
        matrix = app.query_one(EffortImpactMatrix)
        await pilot.press("q")  # the pane: maturity and notes
        assert app.focused is not matrix
        await pilot.press("q")
        assert app.focused is matrix  # not the hidden list
        await pilot.press("tab", "enter")
        assert app.chosen == [matrix.selected_id]
        assert matrix.selected_id == matrix.points[1].id
