"""Snapshots of every step of the walk not covered in test_app_snapshots.py, at 100×30,
on the contact-centre template (every table filled), and the Prioritisation and Summary
steps at 80×24 too.

Deterministic: the template is written with a fixed clock, the timer is fake, the cursor
steady, and the ranking's background robustness is waited for before the picture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import make_app
from textual.pilot import Pilot

PROJECTOR = (100, 30)
SSH = (80, 24)


@pytest.fixture
def plan_path(plan_here: Callable[..., Path]) -> Path:
    return plan_here("centre.toml", "contact-centre")


def go_to(step: str):  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(step)
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run


@pytest.mark.parametrize(
    "step",
    ["2", "3", "4", "6", "7", "8"],
    ids=["accessibility", "service", "mobility", "prioritisation", "anchoring", "summary"],
)
def test_step_at_projector_size(  # type: ignore[no-untyped-def]
    snap_compare, plan_path: Path, config_dir: Path, step: str
) -> None:
    app = make_app(plan_path, config_dir)
    assert snap_compare(app, terminal_size=PROJECTOR, run_before=go_to(step))


@pytest.mark.parametrize("step", ["6", "8"], ids=["prioritisation", "summary"])
def test_step_at_ssh_size(  # type: ignore[no-untyped-def]
    snap_compare, plan_path: Path, config_dir: Path, step: str
) -> None:
    app = make_app(plan_path, config_dir)
    assert snap_compare(app, terminal_size=SSH, run_before=go_to(step))
