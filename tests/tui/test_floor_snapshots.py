"""Snapshots of the workshop floor (issue 13) at 100×30 and 80×24: notes grown to their
text, a note full screen, and the initiative editor with every scoring input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import make_app
from textual.pilot import Pilot

SIZES = [(100, 30), (80, 24)]
CRITERIA = {"method": "weighted", "criteria": [{"id": "reach-public", "label": "Public reach"}]}


def keys(*pressed: str):  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_notes_grown_to_their_text(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(plan_here("centre.toml", "contact-centre"), config_dir)
    shown = ("2", "q") if size == (100, 30) else ("2",)  # the questions hidden
    assert snap_compare(app, terminal_size=size, run_before=keys(*shown))


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_a_note_full_screen(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(plan_here("centre.toml", "contact-centre"), config_dir)
    assert snap_compare(app, terminal_size=size, run_before=keys("1", "tab", "tab", "tab", "f3"))


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_the_initiative_editor_first_things_first(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(plan_here("plan.toml", scoring=CRITERIA), config_dir)
    assert snap_compare(app, terminal_size=size, run_before=keys("3", "i"))
