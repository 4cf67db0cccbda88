"""Snapshots of the app's own screens at 100×30 (projector) and 80×24 (SSH).

Deterministic: a fixed plan written here, a fixed clock and timer, a steady cursor,
relative file names (the test runs in its tmp folder)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from app_helpers import FakeTimer, fill, make_app
from textual.pilot import Pilot
from textual.widgets import Input

PROJECTOR = (100, 30)
SSH = (80, 24)

PLAN_CHANGES: dict[str, object] = {
    "title": "Snapshot plan",
    "organisation": "Example Oy",
    "facilitator": "Ann",
    "participants": ["Ann", "Bo"],
    "currency": "EUR",
    "strategy": {"today": "Phone queues.", "target": "Answers online.", "how": "Fix the causes."},
    "areas": {
        "insight": {
            "maturity_today": 2,
            "maturity_target": 4,
            "today": "We read reviews.",
            "touchpoints": [{"name": "Checkout", "stage": "during", "channel": "web"}],
            "kpis": [{"measure": "csat", "channel": "phone", "baseline": 72, "target": 85}],
        },
        "accessibility": {
            "channels": [{"name": "Phone", "preference": 60, "cost_per_contact": 6}],
        },
        "unnecessary_demand": {
            "contact_reasons": [
                {
                    "reason": "Where is my order?",
                    "channel": "Phone",
                    "monthly_volume": 1200,
                    "demand": "failure",
                    "avoidable": 75,
                }
            ],
        },
    },
}


@pytest.fixture
def plan_path(plan_here: Callable[..., Path]) -> Path:
    return plan_here("strategy.toml", **PLAN_CHANGES)


Before = Callable[[Pilot[None]], Awaitable[None]]


def keys(*pressed: str) -> Before:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*pressed)
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", [PROJECTOR, SSH], ids=["100x30", "80x24"])
def test_welcome(snap_compare, config_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(None, config_dir), terminal_size=size)


@pytest.mark.parametrize("size", [PROJECTOR, SSH], ids=["100x30", "80x24"])
def test_overview_step(
    snap_compare, plan_path: Path, config_dir: Path, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(plan_path, config_dir), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", [PROJECTOR, SSH], ids=["100x30", "80x24"])
def test_insight_step(
    snap_compare, plan_path: Path, config_dir: Path, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(plan_path, config_dir), terminal_size=size, run_before=keys("1"))


def test_demand_step_with_totals(snap_compare, plan_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("5")
        pilot.app.screen.query_one("#table-contact_reasons").focus()
        await pilot.pause()

    assert snap_compare(make_app(plan_path, config_dir), terminal_size=PROJECTOR, run_before=run)


@pytest.mark.parametrize("size", [PROJECTOR, SSH], ids=["100x30", "80x24"])
def test_row_editor_with_an_error(
    snap_compare, plan_path: Path, config_dir: Path, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("2")
        pilot.app.screen.query_one("#table-channels").focus()
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, {"name": "Chat", "preference": "140"}, typing=True)

    assert snap_compare(make_app(plan_path, config_dir), terminal_size=size, run_before=run)


def test_unsaved_changes_question(snap_compare, plan_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        field = pilot.app.screen.query_one("#plan-version", Input)
        field.focus()
        await pilot.press(*" draft")
        await pilot.press("ctrl+q")
        await pilot.pause()

    assert snap_compare(make_app(plan_path, config_dir), terminal_size=PROJECTOR, run_before=run)


def test_error_screen(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    Path("broken.toml").write_text(
        'schema = 1\ntitle = ""\nparticipants = ["Ann", "ann"]\n\n'
        "[areas.insight]\nmaturity_today = 9\n",
        encoding="utf-8",
    )
    assert snap_compare(make_app(Path("broken.toml"), config_dir), terminal_size=PROJECTOR)


def test_help(snap_compare, plan_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        make_app(plan_path, config_dir), terminal_size=PROJECTOR, run_before=keys("f1")
    )


def test_template_picker_for_a_new_path(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert snap_compare(make_app(Path("new.toml"), config_dir), terminal_size=PROJECTOR)


def test_timebox_time_up(snap_compare, plan_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    timer = FakeTimer()

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("3", "f4")
        await pilot.pause()
        pilot.app.screen.query_one(Input).value = "5"
        await pilot.press("enter")
        timer.now += 5 * 60
        await pilot.press("4", "f4")
        await pilot.pause()
        pilot.app.screen.query_one(Input).value = "12"
        await pilot.press("enter")
        await pilot.press("3")  # back on the step whose time is up
        await pilot.pause()

    assert snap_compare(
        make_app(plan_path, config_dir, timer), terminal_size=PROJECTOR, run_before=run
    )


def test_light_theme(snap_compare, plan_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        make_app(plan_path, config_dir), terminal_size=PROJECTOR, run_before=keys("1", "ctrl+t")
    )


def test_save_as_prompt_with_a_wrong_name(snap_compare, plan_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        pilot.app.screen.query_one(Input).value = "notes.txt"
        await pilot.pause()

    assert snap_compare(make_app(plan_path, config_dir), terminal_size=SSH, run_before=run)
