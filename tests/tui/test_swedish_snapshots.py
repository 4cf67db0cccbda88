"""Snapshots of the main screens in Swedish, at 100×30 (a projector) and 80×24 (SSH), on
the contact-centre template: Swedish words are longer, and nothing that matters may be cut.

Deterministic as the English snapshots: a fixed clock, a fake timer, a steady cursor, and
the ranking's background robustness waited for before the picture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import FIXED_NOW, FakeTimer
from textual.pilot import Pilot

from kxplan.tui.app import KxplanApp

SIZES = {"projector": (100, 30), "ssh": (80, 24)}


@pytest.fixture
def plan_path(plan_here: Callable[..., Path]) -> Path:
    return plan_here("centre.toml", "contact-centre")


def swedish(path: Path | None, config_dir: Path) -> KxplanApp:
    return KxplanApp(
        path,
        clock=lambda: FIXED_NOW,
        timer_clock=FakeTimer(),
        config_dir=config_dir,
        cursor_blink=False,
        language="sv",
    )


def pressing(*keys: str):  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run


SCREENS = {
    "overview": (),
    "insight": ("1",),
    "accessibility": ("2",),
    "demand": ("5",),
    "prioritisation": ("6",),
    "matrix": ("6", "v"),
    "anchoring": ("7",),
    "summary": ("8",),
    "help": ("f1",),
    "row_form": ("7", "a"),
    "initiative_editor": ("1", "i"),
}


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
@pytest.mark.parametrize("screen", SCREENS, ids=list(SCREENS))
def test_swedish_screen(  # type: ignore[no-untyped-def]
    snap_compare, plan_path: Path, config_dir: Path, screen: str, size: str
) -> None:
    app = swedish(plan_path, config_dir)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=pressing(*SCREENS[screen]))


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_swedish_welcome(snap_compare, config_dir: Path, size: str) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(swedish(None, config_dir), terminal_size=SIZES[size])
