"""The follow-up views under the pseudo-language: the calibration screen, an area's log
and its row form, and the offer to log a done initiative show no unmarked word."""

from __future__ import annotations

from pathlib import Path

from app_helpers import make_app, set_value, settle
from pseudo import pseudo_language
from test_log_flow import DONE
from test_pseudo_screens import leftovers

from kxplan.storage import load

LOGGED = (
    DONE
    + """
[[areas.accessibility.log]]
date = 2026-11-20
kind = "failure"
name = "Queue"
learned = "Staff"
initiative = "chat"
"""
)


async def test_the_follow_up_views_are_translated(tmp_path: Path, config_dir: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(LOGGED, encoding="utf-8")
    plan = load(path)
    problems: list[str] = []
    with pseudo_language():
        app = make_app(path, config_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("2", "q")
            await settle(pilot)
            problems += leftovers(pilot, plan, "area with a log")
            app.screen.query_one("#step-2 #table-log").focus()
            await pilot.press("a")
            await settle(pilot)
            problems += leftovers(pilot, plan, "log row form")
            await pilot.press("escape", "6", "c")
            await settle(pilot)
            problems += leftovers(pilot, plan, "calibration")
            await pilot.press("escape", "i")
            await settle(pilot)
            await set_value(pilot, "#title", "Queue")  # a word of the plan
            app.screen.query_one("#status").focus()
            await pilot.press("space", "down", "down", "down", "enter")  # done
            await settle(pilot)
            await set_value(pilot, "#actuals-actual_effort", "2")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert type(app.screen).__name__ == "LogOffer"
            problems += leftovers(pilot, plan, "log offer")
    assert problems == []
