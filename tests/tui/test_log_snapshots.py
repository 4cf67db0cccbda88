"""Snapshots of the follow-up views at 100×30 and 80×24: the calibration screen (English
and Swedish, and its empty state), an area step with its log, and the offer to log a
done initiative."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import FIXED_NOW, FakeTimer, make_app, settle
from textual.pilot import Pilot

from kxplan import storage
from kxplan.model.log import LogEntry
from kxplan.tui.app import KxplanApp

SIZES = [(100, 30), (80, 24)]
IDS = ["100x30", "80x24"]


def keys(*pressed: str):  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)  # the ranking's worker done before the picture (flaky in CI)

    return run


def followed_up(plan_here: Callable[..., Path]) -> Path:
    """The contact-centre plan with three initiatives done and two log entries."""
    path = plan_here("centre.toml", "contact-centre")
    plan = storage.load(path)
    for item_id, actual in (("tracking-link", 3), ("call-back", 4), ("chat-all-day", 2)):
        item = plan.initiative(item_id)
        item.status = "done"
        item.actual_effort = actual
        item.finished = datetime.date(2026, 11, 2)
    plan.areas.accessibility.log = [
        LogEntry(
            date=datetime.date(2026, 10, 14),
            kind="failure",
            name="Call-back promised, not made",
            learned="A promise needs an owner and a time",
            initiative="call-back",
        ),
        LogEntry(
            date=datetime.date(2026, 11, 3),
            kind="success",
            name="Chat open all day",
            learned="Evening chats were a third of the week's",
            initiative="chat-all-day",
        ),
    ]
    storage.save(plan, path)
    return path


def swedish(path: Path, config_dir: Path) -> KxplanApp:
    return KxplanApp(
        path,
        clock=lambda: FIXED_NOW,
        timer_clock=FakeTimer(),
        config_dir=config_dir,
        cursor_blink=False,
        language="sv",
    )


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_calibration_screen(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(followed_up(plan_here), config_dir)
    assert snap_compare(app, terminal_size=size, run_before=keys("6", "c"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_calibration_screen_in_swedish(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    app = swedish(followed_up(plan_here), config_dir)
    assert snap_compare(app, terminal_size=size, run_before=keys("6", "c"))


def test_the_calibration_screen_before_anything_is_done(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path
) -> None:
    app = make_app(plan_here("centre.toml", "contact-centre"), config_dir)
    assert snap_compare(app, terminal_size=(100, 30), run_before=keys("6", "c"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_an_area_step_with_its_log(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(followed_up(plan_here), config_dir)
    pressed = ("2", "q") if size == (100, 30) else ("2",)  # the guide's room for the log
    assert snap_compare(app, terminal_size=size, run_before=keys(*pressed))


def test_done_offers_to_log_it(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path
) -> None:
    app = make_app(plan_here("centre.toml", "contact-centre"), config_dir)
    pressed = ("6", "enter", "tab", "tab", "tab", "tab", "space", "d", "o", "n", "e", "enter")
    pressed += ("3", "ctrl+s")  # the actual effort, kept
    assert snap_compare(app, terminal_size=(100, 30), run_before=keys(*pressed))
