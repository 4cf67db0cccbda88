"""Shared set-up for the app's Pilot and snapshot tests (imported by test_app_*.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from kxplan import storage, templates
from kxplan.tui.app import KxplanApp

FIXED_NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder in tmp; $XDG_CONFIG_HOME and $HOME point there too, so the real
    recent-files list is never read or written."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return folder / "kxplan"


class FakeTimer:
    """A clock for the timebox that only moves when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_app(path: Path | None, config_dir: Path, timer: FakeTimer | None = None) -> KxplanApp:
    """The app with a fixed clock, a steady cursor and a config folder of the test's own."""
    return KxplanApp(
        path,
        clock=lambda: FIXED_NOW,
        timer_clock=timer or FakeTimer(),
        config_dir=config_dir,
        cursor_blink=False,
    )


def write_plan(path: Path, template: str = "blank", **changes: object) -> Path:
    """A plan file from a template, with some fields changed."""
    plan = templates.new_plan(template, now=FIXED_NOW)
    data = {**plan.model_dump(by_alias=True), **changes}
    storage.save(storage.validate(data), path)
    return path


async def fill(pilot: Pilot[None], values: dict[str, str]) -> None:
    """Fill a form's fields by typing, as a user would: inputs get text, selects a choice."""
    for name, value in values.items():
        widget = pilot.app.screen.query_one(f"#field-{name}")
        widget.focus()
        await pilot.pause()
        if isinstance(widget, Input):
            widget.value = ""
            await pilot.press(*value)
        elif isinstance(widget, Select):
            await pilot.press("enter")
            await pilot.press(*value)
            await pilot.press("enter")
        await pilot.pause()
