"""Exports run in a worker thread: while a (slow) export is written the app keeps
answering keys, says that the export is running, and says where it went when done.
And the help explains the ranking's Range column and when a rank is unstable."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from app_helpers import make_app, write_plan
from test_app_export import INITIATIVES, exports_done, record_notifications
from textual.pilot import Pilot
from textual.widgets import Static

from kxplan.reports import formats
from kxplan.scoring import unstable_rule
from kxplan.tui.screens.help import HelpScreen
from kxplan.tui.screens.walk import WalkScreen


async def start_command(pilot: Pilot[None], name: str) -> None:
    """Open the command palette, type a command's name and run it; do not wait for it."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*name)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_app_answers_keys_while_an_export_is_written(
    tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_path = write_plan(tmp_path / "acme.toml", title="Acme", initiatives=INITIATIVES)
    target = tmp_path / "acme.html"
    release = threading.Event()
    writing = threading.Event()
    original = formats.write

    def slow_write(*args: object) -> Path:
        writing.set()
        release.wait(timeout=60)  # the test lets it finish once it has used the app
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(formats, "write", slow_write)
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        shown = record_notifications(app, monkeypatch)
        await pilot.pause()
        await start_command(pilot, "Export HTML")
        for _ in range(100):  # until the notice that it is running shows
            if any(message.startswith("Exporting HTML") for message, _ in shown):
                break
            await pilot.pause(0.05)
        assert writing.is_set()
        assert shown == [(f"Exporting HTML to {target}… (the app stays usable)", "information")]

        # the app is not blocked: keys open and close the help while the export runs
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert not target.exists()

        # asking again for the same file while it is written says so, starts nothing new
        await start_command(pilot, "Export HTML")
        assert shown[-1] == (f"Still exporting HTML to {target}…", "information")

        release.set()
        await exports_done(pilot)
        assert shown[-1] == (f"Exported HTML to {target}", "information")
        assert app.exports.running == set()
    assert "<html" in target.read_text(encoding="utf-8")


async def test_an_edit_made_during_an_export_goes_into_the_next_one(
    tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_path = write_plan(tmp_path / "acme.toml", title="Acme", initiatives=INITIATIVES)
    release = threading.Event()
    original = formats.write

    def slow_write(*args: object) -> Path:
        release.wait(timeout=60)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(formats, "write", slow_write)
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await start_command(pilot, "Export Markdown")
        assert app.session is not None
        app.session.set_plan_field("title", "Renamed meanwhile")
        release.set()
        await exports_done(pilot)
    text = (tmp_path / "acme.md").read_text(encoding="utf-8")
    assert text.startswith("# Acme\n")  # the plan as it was when the export was asked for


async def test_the_help_says_when_a_rank_is_unstable(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(write_plan(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-range", Static).render())
    flat = " ".join(text.split())
    assert "Robustness: the Range column" in flat
    assert " ".join(unstable_rule().split()) in flat  # the one rule, as scoring words it
    assert "same ranges" in flat
