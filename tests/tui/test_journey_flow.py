"""The journey in the app, keys in and the saved file out: adding a stage of the plan's
own and placing a touchpoint in it; marking a touchpoint critical with scores and seeing
its gap; a stage still named by rows is not deleted."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import fill, make_app, set_value, settle
from support import FIXED_NOW
from textual.widgets import Select, Static

from kxplan import storage, templates
from kxplan.model import Plan, Touchpoint
from kxplan.model.rows import JourneyStage
from kxplan.tui.screens.row_editor import RowEditor
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.widgets.area_table import AreaTable


def saved(path: Path, plan: Plan) -> Path:
    storage.save(plan, path)
    return path


def small_plan() -> Plan:
    plan = templates.new_plan("blank", now=FIXED_NOW)
    plan.areas.insight.journey = [
        JourneyStage(id="plan", name="Plan the trip"),
        JourneyStage(id="travel", name="Travel"),
    ]
    plan.areas.insight.touchpoints = [Touchpoint(name="Journey search", stage="plan")]
    return plan


def cells(table: AreaTable, row: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(row)]


async def test_adding_a_stage_and_placing_a_touchpoint_in_it(
    tmp_path: Path, config_dir: Path
) -> None:
    path = saved(tmp_path / "plan.toml", small_plan())
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        app.screen.query_one("#table-journey", AreaTable).focus()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RowEditor)
        await set_value(pilot, "#field-id", "disruption")
        assert "needs" not in str(app.screen.query_one("#row-status", Static).render())
        await pilot.press("ctrl+s")  # no name: a stage of the plan's own needs one
        await pilot.pause()
        assert isinstance(app.screen, RowEditor)
        assert "expected a name for the stage 'disruption'" in str(
            app.screen.query_one("#error-name", Static).render()
        )
        await set_value(pilot, "#field-name", "Disruption")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)

        app.screen.query_one("#table-touchpoints", AreaTable).focus()
        await pilot.press("a")
        await pilot.pause()
        stage = app.screen.query_one("#field-stage", Select)
        # the plan's stages, in its order, by their names
        assert [str(prompt) for prompt, _value in stage._options if _value != Select.NULL] == [
            "Plan the trip",
            "Travel",
            "Disruption",
        ]
        await set_value(pilot, "#field-name", "Replacement bus")
        await fill(pilot, {"stage": "Disr"})
        assert stage.value == "disruption"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        table = app.screen.query_one("#table-touchpoints", AreaTable)
        assert cells(table, 1)[:2] == ["Replacement bus", "Disruption"]
        await pilot.press("ctrl+s")
        await settle(pilot)
    kept = storage.load(path).areas.insight
    assert [s.id for s in kept.journey] == ["plan", "travel", "disruption"]
    added = kept.touchpoints[1]
    assert (added.name, added.stage) == ("Replacement bus", "disruption")


async def test_marking_a_touchpoint_critical_with_scores_shows_its_gap(
    tmp_path: Path, config_dir: Path
) -> None:
    path = saved(tmp_path / "plan.toml", small_plan())
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        app.screen.query_one("#table-touchpoints", AreaTable).focus()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, RowEditor)
        await fill(pilot, {"critical": "yes"})
        await set_value(pilot, "#field-expectation", "Real departures in seconds")
        await set_value(pilot, "#field-experience", "Stop names are hard to find")
        await set_value(pilot, "#field-expectation_score", "5")
        await set_value(pilot, "#field-experience_score", "9")  # off the 1–5 scale
        assert "expected a score from 1 to 5, got 9" in str(
            app.screen.query_one("#error-experience_score", Static).render()
        )
        await set_value(pilot, "#field-experience_score", "2,5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        table = app.screen.query_one("#table-touchpoints", AreaTable)
        headers = [str(column.label) for column in table.columns.values()]
        row = dict(zip(headers, cells(table, 0), strict=True))
        assert (row["Critical"], row["Gap"]) == ("yes", "+2.5")
        await pilot.press("ctrl+s")
        await settle(pilot)
    kept = storage.load(path).areas.insight.touchpoints[0]
    assert kept.critical
    assert (kept.expectation_score, kept.experience_score) == (5, 2.5)
    assert kept.experience == "Stop names are hard to find"


async def test_a_stage_touchpoints_still_name_is_not_deleted(
    tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = saved(tmp_path / "plan.toml", small_plan())
    app = make_app(path, config_dir)
    shown: list[tuple[str, dict[str, object]]] = []
    monkeypatch.setattr(app, "notify", lambda message, **o: shown.append((message, o)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        app.screen.query_one("#table-journey", AreaTable).focus()
        await pilot.press("d")  # "plan": the touchpoint Journey search names it
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)  # no question asked: refused outright
        assert app.session.plan.areas.insight.journey[0].id == "plan"
        assert [(message, o["severity"]) for message, o in shown] == [
            (
                "the stage 'plan' is still named by touchpoint 'Journey search / plan'; "
                "move it to another stage first",
                "warning",
            )
        ]
        await pilot.press("down", "d")  # "travel": nothing names it
        await pilot.pause()
        assert not isinstance(app.screen, WalkScreen)  # asks first


async def test_shift_up_and_down_put_the_stages_in_order(tmp_path: Path, config_dir: Path) -> None:
    path = saved(tmp_path / "plan.toml", small_plan())
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        table = app.screen.query_one("#table-journey", AreaTable)
        table.focus()
        await pilot.press("down", "shift+up")  # travel before plan
        await pilot.pause()
        assert [cells(table, i)[0] for i in range(2)] == ["travel", "plan"]
        assert table.cursor_row == 0  # the cursor goes with the row
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [s.id for s in storage.load(path).areas.insight.journey] == ["travel", "plan"]


async def test_j_gives_a_plan_on_the_built_in_stages_a_first_stage_of_its_own(
    tmp_path: Path, config_dir: Path
) -> None:
    plan = templates.new_plan("blank", now=FIXED_NOW)
    plan.areas.insight.touchpoints = [Touchpoint(name="Checkout", stage="during")]
    path = saved(tmp_path / "plan.toml", plan)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        journey = app.screen.query_one("#table-journey", AreaTable)
        assert not journey.display  # out of the way while the plan has none of its own
        app.screen.query_one("#table-touchpoints", AreaTable).focus()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, RowEditor)
        await set_value(pilot, "#field-id", "follow-up")
        await set_value(pilot, "#field-name", "Follow-up")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert journey.display
        assert [cells(journey, i)[1] for i in range(2)] == ["During purchase", "Follow-up"]
        await pilot.press("ctrl+s")
        await settle(pilot)
    kept = storage.load(path).areas.insight.journey  # Checkout's stage is kept: still valid
    assert [s.id for s in kept] == ["during", "follow-up"]
