"""Versions in the app: save as new version, the list, the comparison, jumping to a change.

Snapshots of the list and the comparison use version files written here with fixed
times, so their names (and the dates shown) never depend on the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from app_helpers import FIXED_NOW, make_app, type_into
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, ListView

from kxplan import storage
from kxplan.model import Estimate
from kxplan.tui.app import KxplanApp
from kxplan.tui.screens.compare import (
    ChangeRow,
    CompareScreen,
    Jump,
    WhatLabel,
    fit_what,
    jump_target,
)
from kxplan.tui.screens.prompt import Prompt
from kxplan.tui.screens.versions import VersionsScreen
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.widgets.ranking import RankingView
from kxplan.tui.widgets.step_bar import StepBar
from kxplan.versions import list_versions, save_version
from kxplan.versions.changes import Change

PROJECTOR = (100, 30)
SSH = (80, 24)

INITIATIVES: list[dict[str, object]] = [
    {"id": "faq", "title": "Answers online", "effort": 2, "customer_value": 4, "efficiency": 4},
    {"id": "chat", "title": "Web chat", "effort": 4, "customer_value": 4, "efficiency": 2},
    {"id": "sms", "title": "Delivery text", "effort": 3, "customer_value": 3, "efficiency": 3},
]


@pytest.fixture
def plan_path(plan_here: Callable[..., Path]) -> Path:
    """A plan with three scored initiatives, opened by a relative name from its folder."""
    return plan_here("strategy.toml", title="Versions plan", initiatives=INITIATIVES)


async def save_version_with_label(pilot: Pilot[None], label: str) -> None:
    """f5, type the label, enter."""
    await pilot.press("f5")
    await pilot.pause()
    assert isinstance(pilot.app.screen, Prompt)
    await pilot.press(*label, "enter")
    await pilot.pause()


def change_rows(app: KxplanApp) -> list[ChangeRow]:
    return list(app.screen.query(ChangeRow))


async def test_save_version_list_compare_and_jump_to_the_changed_initiative(
    plan_path: Path, config_dir: Path
) -> None:
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        await save_version_with_label(pilot, "Before scoring")

        # Change a score: the initiative editor on "chat", effort 4 → 1.
        await pilot.press("6")
        await pilot.pause()
        ranking = app.screen.query_one(RankingView)
        ranking.highlight("chat")
        ranking.table.focus()
        await pilot.press("enter")
        await pilot.pause()
        await type_into(pilot, "#effort", "1")
        await pilot.press("ctrl+s")  # keeps the initiative
        await pilot.pause()
        assert app.session is not None
        assert app.session.plan.initiative("chat").effort == 1
        assert app.session.dirty

        await save_version_with_label(pilot, "After scoring")
        assert not app.session.dirty  # "save as new version" saved the plan first
        assert storage.load(plan_path).initiative("chat").effort == 1
        kept = list_versions(plan_path)
        assert [v.label for v in kept] == ["Before scoring", "After scoring"]
        assert [v.path.name for v in kept] == [
            "2026-11-24T093000Z--before-scoring.toml",
            "2026-11-24T093000Z-2--after-scoring.toml",
        ]
        assert storage.load(kept[0].path).initiative("chat").effort == 4

        # The list: both versions, then the current plan.
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        table = app.screen.query_one(DataTable)
        labels = [str(table.get_row_at(row)[2]) for row in range(table.row_count)]
        assert labels == ["Before scoring", "After scoring", "current plan"]
        changes = [str(table.get_row_at(row)[3]) for row in range(table.row_count)]
        assert changes[0] == "first version"
        assert changes[1].startswith("1 initiative re-scored")
        assert changes[2] == "no differences"

        # Compare "Before scoring" with the current plan.
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        rows = change_rows(app)
        effort = next(row for row in rows if row.change.path == ("chat", "effort"))
        assert effort.has_class("-changed")
        assert (effort.change.old, effort.change.new) == (4, 1)
        moved = [row for row in rows if row.change.kind == "moved"]
        assert moved
        assert all(row.has_class("-moved") for row in moved)
        assert app.screen.highlighted_change == effort.change  # the first change

        # Enter on it: both screens close, Prioritisation with "chat" highlighted.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert app.screen.query_one(StepBar).current == 6
        ranking = app.screen.query_one(RankingView)
        assert ranking.highlighted_id == "chat"
        assert ranking.table.has_focus


async def test_two_marked_versions_are_compared_older_on_the_left(
    plan_path: Path, config_dir: Path
) -> None:
    plan = storage.load(plan_path)
    save_version(plan, plan_path, "One", now=datetime(2026, 11, 20, 10, tzinfo=UTC))
    plan.title = "Renamed plan"
    plan.areas.insight.maturity_today = 3
    save_version(plan, plan_path, "Two", now=datetime(2026, 11, 21, 10, tzinfo=UTC))
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.query_one(DataTable).cursor_row == 1  # the newest version
        await pilot.press("space", "up", "enter")  # mark "Two", compare with "One"
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.old_name, app.screen.new_name) == (
            "One (2026-11-20 10:00:00)",
            "Two (2026-11-21 10:00:00)",
        )
        described = {row.change.path: row.change for row in change_rows(app)}
        assert described[("title",)].new == "Renamed plan"
        assert described[("insight", "maturity_today")].new == 3

        # An area change jumps to that area's step.
        rows = app.screen.query_one("#changes", ListView)
        rows.index = rows.children.index(
            next(r for r in change_rows(app) if r.change.path == ("insight", "maturity_today"))
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert app.screen.query_one(StepBar).current == 1


async def test_escape_goes_back_from_compare_to_the_list_and_to_the_walk(
    plan_path: Path, config_dir: Path
) -> None:
    save_version(storage.load(plan_path), plan_path, "One", now=FIXED_NOW)
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        await pilot.press("f6", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, VersionsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, WalkScreen)


async def test_palette_names_the_version_commands(plan_path: Path, config_dir: Path) -> None:
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Versions")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        assert app.screen.query_one(DataTable).row_count == 1  # only the current plan


async def test_a_plan_without_a_file_is_saved_first(
    tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(None, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        app.open_example()
        await pilot.pause()
        await save_version_with_label(pilot, "First")
        assert isinstance(app.screen, Prompt)  # save as: where?
        await type_into(pilot, "#prompt-input", "mine.toml")
        await pilot.press("enter")
        await pilot.pause()
    assert [v.label for v in list_versions(tmp_path / "mine.toml")] == ["First"]


@pytest.mark.parametrize(
    ("change", "jump"),
    [
        (Change("initiatives", "added", ("faq",), None, "Answers online"), Jump(6, "faq")),
        (Change("ranks", "moved", ("faq", "rank"), 3, 1), Jump(6, "faq")),
        (Change("areas", "changed", ("mobility", "maturity_today"), 1, 2), Jump(4)),
        (Change("areas", "added", ("anchoring", "stakeholders", "IT")), Jump(7)),
        (Change("scoring", "changed", ("method",), "ratio", "rice"), Jump(6)),
        (Change("strategy", "changed", ("today",), "a", "b"), Jump(0)),
        (Change("metadata", "changed", ("title",), "a", "b"), Jump(0)),
    ],
)
def test_each_change_jumps_to_the_step_where_it_is_edited(change: Change, jump: Jump) -> None:
    assert jump_target(change) == jump


# --- snapshots ------------------------------------------------------------------------


def two_versions(plan_path: Path) -> None:
    """Two versions a day apart, then the plan changed after the second."""
    plan = storage.load(plan_path)
    save_version(plan, plan_path, "Kick-off", now=datetime(2026, 11, 20, 9, tzinfo=UTC))
    plan.initiative("chat").effort = 1
    plan.initiatives.append(
        plan.initiative("sms").model_copy(update={"id": "app", "title": "Tracking in the app"})
    )
    plan.areas.insight.maturity_today = 2
    save_version(plan, plan_path, "After workshop 2", now=datetime(2026, 11, 21, 15, tzinfo=UTC))
    plan.initiatives = [item for item in plan.initiatives if item.id != "sms"]
    plan.strategy.target = "Answers online first."
    storage.save(plan, plan_path)


def test_version_list_snapshot(snap_compare, plan_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    two_versions(plan_path)

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()

    assert snap_compare(make_app(plan_path, config_dir), terminal_size=PROJECTOR, run_before=run)


@pytest.mark.parametrize("size", [PROJECTOR, SSH], ids=["100x30", "80x24"])
def test_compare_snapshot(  # type: ignore[no-untyped-def]
    snap_compare, plan_path: Path, config_dir: Path, size: tuple[int, int]
) -> None:
    two_versions(plan_path)

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("f6", "space", "up", "enter")  # "Kick-off" → "After workshop 2"
        await pilot.pause()

    assert snap_compare(make_app(plan_path, config_dir), terminal_size=size, run_before=run)


async def test_a_jump_builds_a_step_not_yet_visited_with_the_initiative_highlighted(
    plan_path: Path, config_dir: Path
) -> None:
    plan = storage.load(plan_path)
    save_version(plan, plan_path, "Before", now=datetime(2026, 11, 20, 10, tzinfo=UTC))
    plan.initiative("chat").effort = 1
    storage.save(plan, plan_path)
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        assert not app.screen.query("#step-6")  # Prioritisation is built on its first visit
        await pilot.press("f6", "enter")  # compare "Before" with the current plan
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.highlighted_change is not None
        assert app.screen.highlighted_change.path == ("chat", "effort")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert app.screen.query_one(StepBar).current == 6
        ranking = app.screen.query_one("#step-6", Widget).query_one(RankingView)
        assert ranking.highlighted_id == "chat"
        assert ranking.table.has_focus


# --- fixes: home/end, f7 on the newest version, readable "What", knock-on shifts ---------


async def test_home_and_end_go_to_the_first_and_last_row(plan_path: Path, config_dir: Path) -> None:
    plan = storage.load(plan_path)
    for day in (20, 21, 22):
        save_version(plan, plan_path, f"V{day}", now=datetime(2026, 11, day, 10, tzinfo=UTC))
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == 2
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 3  # the current plan
        assert table.scroll_x == 0


async def test_quick_compare_opens_the_newest_version_against_the_plan(
    plan_path: Path, config_dir: Path
) -> None:
    plan = storage.load(plan_path)
    save_version(plan, plan_path, "Old", now=datetime(2026, 11, 20, 10, tzinfo=UTC))
    plan.title = "Newest title"
    save_version(plan, plan_path, "Newest", now=datetime(2026, 11, 21, 10, tzinfo=UTC))
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.old_name == "Newest (2026-11-21 10:00:00)"
        assert app.screen.new_name == "current plan"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)  # straight back, not to the list


async def test_quick_compare_without_versions_says_so(plan_path: Path, config_dir: Path) -> None:
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert any("No saved versions yet" in n.message for n in app._notifications)


@pytest.mark.parametrize("size", [PROJECTOR, SSH], ids=["100x30", "80x24"])
async def test_the_what_column_names_whose_estimate_changed(
    plan_path: Path, config_dir: Path, size: tuple[int, int]
) -> None:
    plan = storage.load(plan_path)
    item = plan.initiative("faq")
    item.id = "my-pages-mobile"
    item.estimates = [
        Estimate(participant=name, effort=2, customer_value=3) for name in ("Ann", "Bo")
    ]
    storage.save(plan, plan_path)
    save_version(plan, plan_path, "Before", now=datetime(2026, 11, 20, 10, tzinfo=UTC))
    plan.initiative("my-pages-mobile").estimates[0].effort = 5
    plan.initiative("my-pages-mobile").estimates[1].customer_value = 1
    storage.save(plan, plan_path)
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f6", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        shown = {
            label.change.path: str(label.render())
            for label in app.screen.query(WhatLabel)
            if label.change.section == "initiatives"
        }
        ann = shown[("my-pages-mobile", "estimates", "Ann", "effort")]
        bo = shown[("my-pages-mobile", "estimates", "Bo", "customer_value")]
        assert ann.endswith("Ann's effort")
        assert bo.endswith("Bo's value")
        width = app.screen.query(WhatLabel).first().content_size.width
        for text in (ann, bo):
            assert all(len(line) <= width for line in text.splitlines())
        rows = [row for row in change_rows(app) if row.change.path[0] == "my-pages-mobile"]
        heights = [
            (row.size.height, row.query_one(WhatLabel).size, str(row.query_one(WhatLabel).render()))
            for row in rows
        ]
        assert all(h == len(t.splitlines()) for h, _, t in heights), heights


def test_fit_what_shortens_the_item_not_what_changed() -> None:
    change = Change("initiatives", "changed", ("my-pages-mobile", "estimates", "Ann", "effort"))
    assert fit_what(change, 40) == "my-pages-mobile: Ann's effort"
    assert fit_what(change, 21) == "my-pag…: Ann's effort"
    assert fit_what(change, 17) == "my-pages-mobile:\n  Ann's effort"
    assert fit_what(change, 0) == "my-pages-mobile: Ann's effort"
    criterion = Change("initiatives", "added", ("web-chat", "criteria", "risk"))
    assert fit_what(criterion, 40) == "web-chat: criterion risk"
    kpi = Change("areas", "changed", ("insight", "kpis", "CSAT / all", "baseline"))
    assert fit_what(kpi, 40) == "kpis[CSAT / all]: baseline"
    evil = Change("initiatives", "changed", ("x", "estimates", "A\x1b]0;t\x07", "effort"))
    assert "\x1b" not in fit_what(evil, 80)


async def test_knock_on_shifts_are_one_line(plan_path: Path, config_dir: Path) -> None:
    plan = storage.load(plan_path)
    save_version(plan, plan_path, "Before", now=datetime(2026, 11, 20, 10, tzinfo=UTC))
    plan.initiative("faq").status = "done"  # faq leaves; chat and sms each go up one
    storage.save(plan, plan_path)
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        await pilot.press("f6", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        ranks = [row.change for row in change_rows(app) if row.change.section == "ranks"]
        assert [(c.path[0], c.kind) for c in ranks if c.path[1] == "rank"] == [("faq", "moved")]
        notes = [str(label.render()) for label in app.screen.query(".change-note Label")]
        assert notes == ["2 others shifted by one or more places because of the changes above"]
