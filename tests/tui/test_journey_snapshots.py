"""Snapshots of the Insight step on a plan with a journey of its own (a bus company's five
stages, critical touchpoints with scores): the stages table, the touchpoints' Critical and
Gap columns (the gap gives way on a narrow screen), in English and Swedish, at 100×30 and
80×24; and the touchpoint form with its new fields.

Deterministic as the other snapshots: a fixed clock, a fake timer, a steady cursor."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import FIXED_NOW, FakeTimer
from textual.pilot import Pilot

from kxplan.i18n import Language
from kxplan.tui.app import KxplanApp
from kxplan.tui.widgets.area_table import AreaTable

SIZES = {"projector": (100, 30), "ssh": (80, 24)}
TEMPLATES: dict[Language, str] = {"en": "public-transport", "sv": "kollektivtrafik"}


def app_in(language: Language, path: Path, config_dir: Path) -> KxplanApp:
    return KxplanApp(
        path,
        clock=lambda: FIXED_NOW,
        timer_clock=FakeTimer(),
        config_dir=config_dir,
        cursor_blink=False,
        language=language,
    )


def on_touchpoints(*keys: str):  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        pilot.app.screen.query_one("#table-touchpoints", AreaTable).focus()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
@pytest.mark.parametrize("language", TEMPLATES, ids=list(TEMPLATES))
def test_the_insight_step_with_a_journey_of_its_own(  # type: ignore[no-untyped-def]
    snap_compare,
    plan_here: Callable[..., Path],
    config_dir: Path,
    language: Language,
    size: str,
) -> None:
    path = plan_here("bus.toml", TEMPLATES[language])
    app = app_in(language, path, config_dir)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=on_touchpoints("down"))


def test_the_touchpoint_form(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path
) -> None:
    path = plan_here("bus.toml", "public-transport")
    app = app_in("en", path, config_dir)
    assert snap_compare(
        app, terminal_size=SIZES["projector"], run_before=on_touchpoints("down", "e")
    )
