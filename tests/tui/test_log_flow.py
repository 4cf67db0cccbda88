"""Whole flows of the areas' logs and the calibration view: marking an initiative done and
logging it as a failure, adding a log row by hand, and opening the calibration screen."""

from __future__ import annotations

import datetime
from pathlib import Path

from app_helpers import FIXED_NOW, fill, make_app, set_value, settle
from textual.widgets import Button, DataTable, Input, Select, Static

from kxplan import storage, templates
from kxplan.framework import AREA_IDS
from kxplan.tui.screens.actuals import ActualsDialog, LogOffer
from kxplan.tui.screens.calibration import CalibrationScreen
from kxplan.tui.screens.row_editor import RowEditor
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.widgets.area_table import AreaTable

DONE = """\
schema = 3
title = "Plan"
participants = ["Ann", "Bo"]

[[initiatives]]
id = "chat"
title = "Chat bot"
areas = ["accessibility"]
status = "done"
effort = 3
actual_effort = 5
estimates = [
    { participant = "Ann", effort = 3 },
    { participant = "Bo", effort = 5 },
]
"""


def contact_centre(path: Path) -> Path:
    storage.save(templates.new_plan("contact-centre", now=FIXED_NOW), path)
    return path


async def test_marking_done_logs_a_failure_in_the_area_and_the_file(
    tmp_path: Path, config_dir: Path
) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("enter")  # the top initiative of the ranking
        await pilot.pause()
        editor = app.screen
        title = editor.query_one("#title", Input).value
        editor.query_one("#status").focus()
        await pilot.press("space", *"done", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ActualsDialog)
        await set_value(pilot, "#actuals-actual_effort", "4")
        await set_value(pilot, "#actuals-outcome", "Calls rose: the new menu confused callers")
        await pilot.press("ctrl+s")
        await pilot.pause()
        offer = app.screen
        assert isinstance(offer, LogOffer)
        # prefilled: the initiative's title, its outcome, today (the day it was finished)
        assert offer.query_one("#log-name", Input).value == title
        learned = offer.query_one("#log-learned", Input).value
        assert learned == "Calls rose: the new menu confused callers"
        assert offer.query_one("#log-date", Input).value == FIXED_NOW.date().isoformat()
        offer.query_one("#log-area", Select).value = "unnecessary_demand"
        offer.query_one("#log-failure", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor
        await pilot.press("ctrl+s")  # keep the initiative: the entry goes in with it
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        await pilot.press("5")
        await pilot.pause()
        log = app.screen.query_one("#step-5 #table-log", AreaTable)
        assert log.row_count == 1
        cells = [str(cell) for cell in log.get_row_at(0)]
        assert "Failure" in cells
        assert title in cells
        await pilot.press("ctrl+s")
        await settle(pilot)
    plan = storage.load(path)
    item = next(i for i in plan.initiatives if i.title == title)
    (entry,) = plan.areas.unnecessary_demand.log
    assert (entry.kind, entry.name, entry.initiative) == ("failure", title, item.id)
    assert entry.learned == "Calls rose: the new menu confused callers"
    assert entry.date == FIXED_NOW.date()
    assert "[[areas.unnecessary_demand.log]]" in path.read_text(encoding="utf-8")
    assert all(not plan.areas.get(a).log for a in AREA_IDS if a != "unnecessary_demand")


async def test_one_key_skips_the_log_and_nothing_is_logged(
    tmp_path: Path, config_dir: Path
) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#status").focus()
        await pilot.press("space", *"done", "enter")
        await pilot.pause()
        await set_value(pilot, "#actuals-actual_effort", "2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogOffer)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the initiative
        await pilot.pause()
        await pilot.press("ctrl+s")  # the plan
        await settle(pilot)
    plan = storage.load(path)
    assert all(not area.log for _id, area in plan.areas.items())
    assert any(i.status == "done" and i.actual_effort == 2 for i in plan.initiatives)


async def test_a_log_row_is_added_by_hand_and_a_date_ahead_is_refused(
    tmp_path: Path, config_dir: Path
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(DONE, encoding="utf-8")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one("#step-2 #table-log", AreaTable)
        table.focus()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RowEditor)
        values = {"date": "2999-01-01", "kind": "Failure", "name": "Queue on Mondays"}
        await fill(pilot, values | {"initiative": "nobody"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # refused: a date ahead, an unknown initiative
        shown = " ".join(str(w.render()) for w in form.query(Static))
        assert "expected a date today or earlier, got 2999-01-01" in shown
        assert "no initiative has the id 'nobody'" in shown
        await fill(pilot, {"date": "2026-11-02", "initiative": "chat"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
    (entry,) = storage.load(path).areas.accessibility.log
    assert (entry.date, entry.kind, entry.name, entry.initiative) == (
        datetime.date(2026, 11, 2),
        "failure",
        "Queue on Mondays",
        "chat",
    )


async def test_c_on_prioritisation_opens_the_calibration_view(
    tmp_path: Path, config_dir: Path
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(DONE, encoding="utf-8")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CalibrationScreen)
        table = screen.query_one("#calibration-table", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[:4] for row in rows] == [
            ["Ann", "1", "+2", "Under-estimates"],
            ["Bo", "1", "0", "Close"],
            ["The room", "1", "+1", "Under-estimates"],
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)


async def test_the_calibration_view_says_why_it_is_empty(tmp_path: Path, config_dir: Path) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CalibrationScreen)
        said = str(screen.query_one("#calibration-empty", Static).render())
        assert said.startswith("Nothing to compare yet")
        assert not screen.query("#calibration-table")
        await pilot.press("c")  # c closes it again
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
