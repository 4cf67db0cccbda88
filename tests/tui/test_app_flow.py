"""The whole workshop flow through the app: start a plan, walk every step, fill the
tables through the row editor, save, and find everything again in the file."""

from __future__ import annotations

from pathlib import Path

from app_helpers import FIXED_NOW, fill, make_app, set_value, write_plan
from textual.widgets import ContentSwitcher, Input, Static

from kxplan import storage
from kxplan.tui.screens.row_editor import RowEditor
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.screens.welcome import TemplatePicker
from kxplan.tui.walk_steps import SUMMARY_STEP
from kxplan.tui.widgets.ranking import RankingView
from kxplan.tui.widgets.step_bar import StepBar


async def add_row(pilot, table_id: str, values: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Focus a step's table, press a, fill the form, press enter to keep the row."""
    pilot.app.screen.query_one(f"#{table_id}").focus()
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RowEditor)
    await fill(pilot, values)
    await pilot.press("f10")
    await pilot.pause()
    assert isinstance(pilot.app.screen, WalkScreen), "the row editor refused the row"


async def test_whole_walk_saves_every_table(tmp_path: Path, config_dir: Path) -> None:
    path = tmp_path / "strategy.toml"
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # A path that does not exist yet: pick the template (blank is first).
        assert isinstance(app.screen, TemplatePicker)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the new plan's language: the app's (English)
        await pilot.pause()
        walk = app.screen
        assert isinstance(walk, WalkScreen)
        assert walk.sub_title == "● strategy.toml"

        # 0 Overview: title and participants.
        title = walk.query_one("#plan-title")
        title.focus()
        await pilot.press("ctrl+shift+a", *"Taiga CX 2027")
        participants = walk.query_one("#plan-participants")
        participants.focus()
        await pilot.press(*"Ann, Bo")
        await pilot.press("pagedown")  # 1 Insight
        await pilot.pause()
        assert walk.query_one(StepBar).current == 1
        walk.query_one("#notes-today").focus()
        await pilot.press(*"No survey yet")
        await add_row(pilot, "table-touchpoints", {"name": "Checkout", "stage": "Before"})
        await add_row(
            pilot,
            "table-kpis",
            {"measure": "CSAT", "channel": "web", "baseline": "70", "target": "85"},
        )
        await pilot.press("pagedown")  # 2 Accessibility
        await add_row(
            pilot,
            "table-channels",
            {"name": "Phone", "preference": "40", "cost_per_contact": "5", "decision": "shrink"},
        )
        await pilot.press("pagedown")  # 3 Service friendliness
        await add_row(
            pilot,
            "table-frictions",
            {"title": "Unclear sizing", "severity": "4", "frequency": "daily"},
        )
        await pilot.press("pagedown")  # 4 Mobility
        await add_row(
            pilot, "table-checks", {"channel": "web", "check": "self_service", "status": "partly"}
        )
        await pilot.press("pagedown")  # 5 Unnecessary demand
        await add_row(
            pilot,
            "table-contact_reasons",
            {
                "reason": "Where is my order?",
                "channel": "Phone",
                "monthly_volume": "1000",
                "demand": "failure",
                "avoidable": "80",
            },
        )
        totals = str(walk.query_one("#demand-totals", Static).render())
        # 1000 a month × 80 % = 800 avoidable; × 5 per phone contact = 4 000 a month.
        assert "800 contacts a month" in totals
        assert "4\u202f000 a month" in totals
        await pilot.press("pagedown")  # 6 Prioritisation
        await pilot.press("pagedown")  # 7 Anchoring
        await add_row(
            pilot,
            "table-stakeholders",
            {
                "name": "Logistics",
                "role": "Delivers the parcel",
                "stages": "after",
                "buy_in": "sceptical",
            },
        )
        walk.current_step.query_one("#maturity-today").focus()
        await pilot.press("enter", "2", "enter")  # type-to-search "2 Aware"
        await pilot.press("pagedown")  # 8 Summary
        await pilot.pause()
        assert walk.query_one(StepBar).current == SUMMARY_STEP

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert walk.sub_title == "strategy.toml"

    plan = storage.load(path)
    assert plan.title == "Taiga CX 2027"
    assert plan.participants == ["Ann", "Bo"]
    insight = plan.areas.insight
    assert insight.today == "No survey yet"
    assert [(t.name, t.stage) for t in insight.touchpoints] == [("Checkout", "before")]
    kpi = insight.kpis[0]
    assert (kpi.measure, kpi.channel, kpi.baseline, kpi.target) == ("csat", "web", 70, 85)
    channel = plan.areas.accessibility.channels[0]
    assert (channel.name, channel.preference, channel.cost_per_contact, channel.decision) == (
        "Phone",
        40,
        5,
        "shrink",
    )
    friction = plan.areas.service_friendliness.frictions[0]
    assert (friction.title, friction.severity, friction.frequency) == ("Unclear sizing", 4, "daily")
    check = plan.areas.mobility.checks[0]
    assert (check.channel, check.check, check.status) == ("web", "self_service", "partly")
    reason = plan.areas.unnecessary_demand.contact_reasons[0]
    assert (reason.reason, reason.monthly_volume, reason.demand, reason.avoidable) == (
        "Where is my order?",
        1000,
        "failure",
        80,
    )
    assert plan.avoidable_cost_per_month(reason) == 4000
    stakeholder = plan.areas.anchoring.stakeholders[0]
    assert (stakeholder.name, stakeholder.stages, stakeholder.buy_in) == (
        "Logistics",
        ["after"],
        "sceptical",
    )
    assert plan.areas.anchoring.maturity_today == 2
    assert plan.updated == FIXED_NOW  # touched on every change, by the injected clock


async def add_initiative(pilot, step: str, values: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """On an area step, press i, fill the initiative editor, keep it with ctrl+s."""
    await pilot.press(step)
    await pilot.pause()
    await pilot.press("i")
    await pilot.pause()
    editor = pilot.app.screen
    assert type(editor).__name__ == "InitiativeEditor"
    for widget_id, text in values.items():
        await set_value(pilot, f"#{widget_id}", text)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, WalkScreen), "the initiative editor refused"


async def test_initiatives_captured_on_area_steps_are_ranked_and_saved(
    tmp_path: Path,
    config_dir: Path,
) -> None:
    path = write_plan(tmp_path / "plan.toml", participants=["Ann", "Bo"])
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # Ratio ranking: impact = (value + efficiency) ÷ 2, score = impact ÷ effort.
        # Tracking: effort = median(1, 2) = 1.5 from the estimates, impact 4 → 2.67.
        await add_initiative(
            pilot,
            "1",
            {
                "title": "Tracking link",
                "effort": "1",
                "customer_value": "4",
                "efficiency": "4",
                "estimate-0-effort": "1",
                "estimate-1-effort": "2",
            },
        )
        # Chat: impact 3 ÷ effort 2 = 1.5.
        await add_initiative(
            pilot,
            "2",
            {"title": "Chat all day", "effort": "2", "customer_value": "3", "efficiency": "3"},
        )
        # CRM: impact (4 + 2) ÷ 2 = 3 ÷ effort 5 = 0.6.
        await add_initiative(
            pilot,
            "5",
            {"title": "New CRM", "effort": "5", "customer_value": "4", "efficiency": "2"},
        )
        await pilot.press("6")
        await pilot.pause()
        ranking = app.screen.query_one(RankingView)
        assert [row.id for row in ranking.rows] == ["tracking-link", "chat-all-day", "new-crm"]
        ranking.table.focus()
        await pilot.press("down", "enter")  # opens the second-ranked initiative for editing
        await pilot.pause()
        assert type(app.screen).__name__ == "InitiativeEditor"
        assert app.screen.query_one("#title", Input).value == "Chat all day"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        views = app.screen.query_one("#priority-views", ContentSwitcher)
        await pilot.press("v")
        assert views.current == "matrix"
        await pilot.press("v")
        assert views.current == "ranking"
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = storage.load(path)
    assert [(i.id, i.areas) for i in plan.initiatives] == [
        ("tracking-link", ["insight"]),
        ("chat-all-day", ["accessibility"]),
        ("new-crm", ["unnecessary_demand"]),
    ]
    tracking = plan.initiatives[0]
    assert [(e.participant, e.effort) for e in tracking.estimates] == [("Ann", 1), ("Bo", 2)]
