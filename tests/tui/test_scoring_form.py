"""Reading the scoring settings dialog, without widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import make_app, type_into, write_plan
from textual.pilot import Pilot

from kxplan.model import Initiative, Plan, ScoringSettings
from kxplan.session import EditRefused, Session
from kxplan.tui.scoring_form import read_settings, settings_texts
from kxplan.tui.screens.scoring_settings import ScoringSettingsScreen
from kxplan.tui.widgets.ranking import RankingView

TEXTS = {
    "method": "weighted",
    "value_weight": "2",
    "efficiency_weight": "1,5",
    "impact_threshold": "",
    "effort_threshold": "2",
}


def test_typed_settings_become_settings_and_back() -> None:
    rows = [
        {"id": "cost", "label": "Cost", "weight": "-1", "min": "1", "max": "5"},
        {"id": "", "label": "", "weight": "", "min": "", "max": ""},  # blank: dropped
        {"id": "fit", "label": "", "weight": "", "min": "", "max": ""},
    ]
    settings, errors = read_settings(TEXTS, rows)
    assert errors == {}
    assert settings == ScoringSettings.model_validate(
        {"method": "weighted", "value_weight": 2, "efficiency_weight": 1.5,
         "effort_threshold": 2, "criteria": [
             {"id": "cost", "label": "Cost", "weight": -1}, {"id": "fit"}]}
    )  # fmt: skip
    texts, back = settings_texts(settings)
    assert texts["impact_threshold"] == ""
    assert texts["efficiency_weight"] == "1.5"
    assert [row["id"] for row in back] == ["cost", "fit"]


def test_each_problem_lands_on_its_field() -> None:
    rows = [
        {"id": "cost", "weight": "x", "min": "1", "max": "5"},
    ]
    _, errors = read_settings({**TEXTS, "value_weight": ""}, rows)
    assert errors == {
        "value_weight": "expected a number (0 leaves it out of impact)",
        "criterion-0-weight": "expected a number, got 'x'",
    }
    rows = [{"id": "a"}, {}, {"id": "b", "min": "5", "max": "2"}, {"id": "a"}]
    session = Session(Plan(title="t"))
    _, errors = read_settings(TEXTS, rows, session.scoring_problems)
    assert "criterion-2-max" in errors
    assert errors["criterion-3-id"] == "criterion id 'a' is used twice"
    _, errors = read_settings({**TEXTS, "value_weight": "0", "efficiency_weight": "0"}, [],
                              session.scoring_problems)  # fmt: skip
    assert errors == {"value_weight": "customer value and efficiency weights cannot both be 0"}


def test_the_session_refuses_settings_that_break_the_rules() -> None:
    plan = Plan(title="t", initiatives=[Initiative(id="a", title="A", criteria={"cost": 2})],
                scoring=ScoringSettings.model_validate({"criteria": [{"id": "cost"}]}))  # fmt: skip
    session = Session(plan)
    with pytest.raises(EditRefused):
        session.set_scoring(ScoringSettings())  # A still scores 'cost'
    assert session.plan.scoring.criteria[0].id == "cost"
    assert not session.dirty
    assert session.set_scoring(plan.scoring.model_copy(update={"method": "weighted"}))
    assert session.plan.scoring.method == "weighted"
    assert session.dirty
    assert not session.set_scoring(session.plan.scoring.model_copy())


async def test_s_on_prioritisation_sets_the_method_weights_and_criteria(
    tmp_path: Path, config_dir: Path
) -> None:
    path = write_plan(
        tmp_path / "plan.toml",
        initiatives=[
            {"id": "a", "title": "A", "effort": 2, "customer_value": 4, "efficiency": 3},
            {"id": "b", "title": "B", "effort": 1, "customer_value": 2, "efficiency": 2},
        ],
    )
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ScoringSettingsScreen)
        await pilot.press("enter", *"weighted", "enter")  # the method drop-down
        await type_into(pilot, "#value_weight", "2")
        await type_into(pilot, "#effort_threshold", "1,5")
        await type_into(pilot, "#criterion-0-id", "reach-of-it")
        await type_into(pilot, "#criterion-0-weight", "-x")
        assert "weight of criterion 1" in str(dialog.query_one("#scoring-status").render())
        await type_into(pilot, "#criterion-0-weight", "2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ScoringSettingsScreen)
        scoring = app.session.plan.scoring  # type: ignore[union-attr]
        assert (scoring.method, scoring.value_weight, scoring.effort_threshold) == (
            "weighted", 2, 1.5,
        )  # fmt: skip
        assert [(c.id, c.weight) for c in scoring.criteria] == [("reach-of-it", 2)]
        view = app.screen.query_one(RankingView)
        assert view.shown_method == "weighted"
        assert set(view.ranking.lacking) == {"a", "b"}  # type: ignore[union-attr]
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert 'method = "weighted"' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
def test_scoring_settings_snapshot(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    path = plan_here("centre.toml", "contact-centre")

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(make_app(path, config_dir), terminal_size=size, run_before=run)


async def test_the_settings_start_from_the_method_on_screen_and_keep_it(
    tmp_path: Path, config_dir: Path
) -> None:
    path = write_plan(
        tmp_path / "plan.toml",
        initiatives=[
            {"id": "a", "title": "A", "effort": 2, "customer_value": 4, "efficiency": 3},
            {"id": "b", "title": "B", "effort": 1, "customer_value": 2, "efficiency": 2},
        ],
    )
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        view = app.screen.query_one(RankingView)
        await pilot.press("m")  # the view switches to another method
        await pilot.pause()
        shown = view.shown_method
        assert shown != app.session.plan.scoring.method  # type: ignore[union-attr]
        await pilot.press("s")
        await pilot.pause()
        await type_into(pilot, "#value_weight", "2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ScoringSettingsScreen)
        assert view.shown_method == shown  # keeping the settings did not switch it back
        assert app.session.plan.scoring.method == shown  # type: ignore[union-attr]
