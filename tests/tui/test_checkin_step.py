"""Step 9, the check-in: opened on a plan with history in git, its lines, enter going to an
initiative or a row, another version picked, the decisions recorded and saved; found in the
palette by its English and Swedish names; snapshots at 100×30 and 80×24 in both languages."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from app_helpers import FIXED_NOW, FakeTimer, make_app, open_app, set_value, settle
from support import write_base_plan
from textual.pilot import Pilot
from textual.widgets import OptionList

from kxplan import storage
from kxplan.tui.app import KxplanApp
from kxplan.tui.commands import commands
from kxplan.tui.screens.initiative_editor import InitiativeEditor
from kxplan.tui.screens.pick_version import PickVersion
from kxplan.tui.steps.area import AreaStep
from kxplan.tui.steps.checkin import CheckinStep
from kxplan.tui.widgets.area_table import AreaTable
from kxplan.versions import save_version

SIZES = [(100, 30), (80, 24)]
IDS = ["100x30", "80x24"]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Fia",
    "GIT_AUTHOR_EMAIL": "fia@example.org",
    "GIT_COMMITTER_NAME": "Fia",
    "GIT_COMMITTER_EMAIL": "fia@example.org",
    "GIT_AUTHOR_DATE": "2026-11-01T09:00:00+00:00",
    "GIT_COMMITTER_DATE": "2026-11-01T09:00:00+00:00",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def follow_up(data: dict[str, Any]) -> None:
    """Weeks after the workshop: CSAT read twice and falling, FAQ re-scored, a chatbot
    planned for Q2 2026 (late on 24 November 2026)."""
    data["areas"]["insight"]["kpis"][0].update(
        target_date=dt.date(2027, 6, 30),
        readings=[
            {"date": dt.date(2026, 9, 30), "value": 72},
            {"date": dt.date(2026, 10, 31), "value": 70},
        ],
    )
    data["initiatives"].append(
        {"id": "bot", "title": "Chatbot", "when": "Q2 2026", "status": "planned"}
    )
    data["initiatives"][1]["effort"] = 4


@pytest.fixture
def repo_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """plan.toml committed after the workshop (a fixed commit), then changed since."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "After the workshop"]):
        subprocess.run(["git", *command], check=True, capture_output=True, cwd=tmp_path)
    write_base_plan(path, follow_up)
    return path


@pytest.fixture
def snapshot_plan(tmp_path: Path) -> Path:
    """plan.toml with a snapshot taken after the workshop, changed since (no git)."""
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    save_version(storage.load(path), path, "After the workshop", now=FIXED_NOW.replace(day=1))
    write_base_plan(path, follow_up)
    return path


def lines_of(pilot: Pilot[None]) -> list[str]:
    found = pilot.app.screen.query_one("#checkin-lines", OptionList)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


async def open_checkin(pilot: Pilot[None]) -> CheckinStep:
    await pilot.press("9")
    await settle(pilot)
    return pilot.app.screen.query_one(CheckinStep)


async def choose(pilot: Pilot[None], text: str) -> None:
    """Highlight the line that reads ``text`` and press enter on it."""
    found = pilot.app.screen.query_one("#checkin-lines", OptionList)
    found.focus()
    found.highlighted = [line.strip() for line in lines_of(pilot)].index(text)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_checkin_shows_what_moved_since_the_last_commit_and_what_to_decide(
    repo_plan: Path, config_dir: Path
) -> None:
    async with open_app(repo_plan, config_dir) as pilot:
        step = await open_checkin(pilot)
        assert step.facts is not None
        assert step.facts.since
        lines = [line.strip() for line in lines_of(pilot)]
        assert f"What moved since {step.facts.shown_since}" in lines
        assert step.facts.shown_since.endswith(" “After the workshop”")
        assert "FAQ: effort 1 → 4" in lines
        assert "+ Chatbot" in lines
        assert "Chatbot (Q2 2026), due 30 June 2026" in lines
        assert "Move the date or drop “Chatbot” (planned Q2 2026)" in lines
        assert "Who takes on “Where is my order?” (900 contacts a month, no initiative)" in lines


async def test_enter_on_a_line_opens_its_initiative_or_shows_its_row(
    repo_plan: Path, config_dir: Path
) -> None:
    async with open_app(repo_plan, config_dir) as pilot:
        await open_checkin(pilot)
        await choose(pilot, "Move the date or drop “Chatbot” (planned Q2 2026)")
        editor = pilot.app.screen
        assert isinstance(editor, InitiativeEditor)
        assert editor.original is not None
        assert editor.original.id == "bot"
        await pilot.press("escape")
        await settle(pilot)
        await choose(
            pilot, "Who takes on “Where is my order?” (900 contacts a month, no initiative)"
        )
        step = pilot.app.screen.query_one(AreaStep)
        assert step.area_id == "unnecessary_demand"
        table = pilot.app.screen.query_one("#table-contact_reasons", AreaTable)
        assert table.has_focus
        assert table.cursor_row == 0


async def test_recording_the_checkin_writes_it_to_the_file(
    repo_plan: Path, config_dir: Path
) -> None:
    async with open_app(repo_plan, config_dir) as pilot:
        step = await open_checkin(pilot)
        since = step.facts.shown_since if step.facts else None
        await set_value(pilot, "#checkin-decisions", "Bo moves the chatbot to Q3 2027")
        await pilot.press("f10")
        await settle(pilot)
        assert "Last check-in recorded: 24 November 2026." in str(
            pilot.app.screen.query_one("#checkin-recorded").render()
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
    (kept,) = storage.load(repo_plan).checkins
    assert kept.date == dt.date(2026, 11, 24)
    assert kept.since == since
    assert kept.decisions == "Bo moves the chatbot to Q3 2027"
    text = repo_plan.read_text(encoding="utf-8")
    assert '[[checkins]]\ndate = 2026-11-24\nsince = "' in text


async def test_f10_with_no_decisions_asks_for_them_and_records_nothing(
    repo_plan: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA finding 16: an empty decisions box recorded an empty check-in."""
    async with open_app(repo_plan, config_dir) as pilot:
        step = await open_checkin(pilot)
        said: list[str] = []
        original = pilot.app.notify

        def notify(message: str, **options: Any) -> None:
            said.append(message)
            original(message, **options)

        monkeypatch.setattr(pilot.app, "notify", notify)
        await set_value(pilot, "#checkin-decisions", "  \n ")
        await pilot.press("f10")
        await settle(pilot)
        assert step.session.plan.checkins == []
        assert pilot.app.screen.query_one("#checkin-decisions").has_focus
        assert any("Type what the meeting decided" in text for text in said)


async def test_another_version_is_picked_with_v(snapshot_plan: Path, config_dir: Path) -> None:
    async with open_app(snapshot_plan, config_dir) as pilot:
        step = await open_checkin(pilot)
        assert step.facts is not None
        assert step.facts.since == "After the workshop"
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PickVersion)
        assert lines_of_picker(pilot)[1] == "2026-11-01 09:30 · snapshot · After the workshop"
        await pilot.press("down", "enter")
        await settle(pilot)
        assert step.since == "After the workshop"
        assert (
            "Check-in of 24 November 2026, compared with the snapshot “After the workshop”."
            in str(pilot.app.screen.query_one("#checkin-headline").render())
        )


def lines_of_picker(pilot: Pilot[None]) -> list[str]:
    found = pilot.app.screen.query_one(OptionList)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


def swedish_app(path: Path, config_dir: Path) -> KxplanApp:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.json").write_text(json.dumps({"language": "sv"}), encoding="utf-8")
    return KxplanApp(
        path,
        clock=lambda: FIXED_NOW,
        timer_clock=FakeTimer(),
        config_dir=config_dir,
        cursor_blink=False,
    )


@pytest.mark.parametrize("name", ["Check-in", "Uppföljning"])
async def test_the_palette_finds_the_step_by_its_english_and_swedish_name(
    snapshot_plan: Path, config_dir: Path, name: str
) -> None:
    async with open_app(snapshot_plan, config_dir) as pilot:
        app = pilot.app
        assert isinstance(app, KxplanApp)
        found = [
            callback
            for shown, _help, callback, others in commands(app)
            if name in shown or name in others
        ]
        assert len(found) == 1
        await found[0]()  # type: ignore[misc]
        await settle(pilot)
        assert isinstance(pilot.app.screen.query_one("#step-9"), CheckinStep)
        names = [shown for shown, *_rest in commands(app)]
        assert "Record the check-in" in names  # the step's own commands while it is shown


async def test_the_step_in_swedish(snapshot_plan: Path, config_dir: Path) -> None:
    app = swedish_app(snapshot_plan, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_checkin(pilot)
        lines = [line.strip() for line in lines_of(pilot)]
        assert "Att besluta" in lines
        assert "Byt datum eller stryk ”Chatbot” (planerad Q2 2026)" in lines


def go_to_checkin():  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("9")
        await settle(pilot)

    return run


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_snapshot_in_english(  # type: ignore[no-untyped-def]
    snap_compare, snapshot_plan: Path, config_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(snapshot_plan, config_dir)
    assert snap_compare(app, terminal_size=size, run_before=go_to_checkin())


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_snapshot_in_swedish(  # type: ignore[no-untyped-def]
    snap_compare, snapshot_plan: Path, config_dir: Path, size: tuple[int, int]
) -> None:
    app = swedish_app(snapshot_plan, config_dir)
    assert snap_compare(app, terminal_size=size, run_before=go_to_checkin())


async def test_the_step_and_its_version_picker_are_translated(
    repo_plan: Path, config_dir: Path
) -> None:
    from pseudo import pseudo_language
    from test_pseudo_screens import leftovers

    plan = storage.load(repo_plan)
    with pseudo_language():
        app = make_app(repo_plan, config_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await open_checkin(pilot)
            problems = leftovers(pilot, plan, "check-in")
            await pilot.press("v")
            await settle(pilot)
            problems += [
                problem
                for problem in leftovers(pilot, plan, "versions")
                if problem.split(": ")[-1] not in {"After", "the", "workshop"}  # commit subject
            ]
    assert problems == []
