"""The mobility checklist as one grid: channels across, the standard checks down, one key
per cell, saved through the session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import make_app, write_plan
from textual.pilot import Pilot

from kxplan import storage
from kxplan.framework import MOBILITY_CHECKS
from kxplan.session import Session
from kxplan.tui.widgets.mobility_grid import (
    MobilityGrid,
    grid_channels,
    grid_checks,
    next_status,
    set_status,
    status_of,
)

CHANNELS = {"accessibility": {"channels": [{"name": "Phone"}, {"name": "Chat"}, {"name": "Web"}]}}


def _plan_path(tmp_path: Path, **areas: object) -> Path:
    return write_plan(tmp_path / "plan.toml", areas={**CHANNELS, **areas})


def test_the_grid_is_the_plans_channels_by_the_standard_checks(tmp_path: Path) -> None:
    plan = storage.load(
        _plan_path(
            tmp_path,
            mobility={"checks": [{"channel": "app", "check": "Works offline", "status": "no"}]},
        )
    )
    assert grid_channels(plan) == ["Phone", "Chat", "Web", "app"]
    assert grid_checks(plan) == [*MOBILITY_CHECKS.keys, "Works offline"]
    assert status_of(plan, "APP", "works offline") == "no"
    assert status_of(plan, "Phone", "self_service") == "unknown"
    assert [next_status(s) for s in ("unknown", "yes", "partly", "no")] == [
        "yes", "partly", "no", "unknown",
    ]  # fmt: skip


def test_setting_a_cell_adds_or_replaces_one_row(tmp_path: Path) -> None:
    session = Session.open(_plan_path(tmp_path))
    assert not set_status(session, "Web", "mobile_payment", "unknown")  # nothing to record
    assert not session.dirty
    assert set_status(session, "Web", "mobile_payment", "partly")
    assert set_status(session, "web", "mobile_payment", "yes")
    checks = session.plan.areas.mobility.checks
    assert [(c.channel, c.check, c.status) for c in checks] == [("Web", "mobile_payment", "yes")]
    assert session.dirty


async def test_one_key_per_cell_fills_three_channels_without_a_form(
    tmp_path: Path, config_dir: Path
) -> None:
    path = _plan_path(tmp_path)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        grid = app.screen.query_one(MobilityGrid)
        assert grid.row_count == 5
        assert len(grid.columns) == 4  # the checks, then Phone, Chat, Web
        grid.focus()
        await pilot.pause()
        assert grid.cell == ("Phone", "readable_on_phone")
        await pilot.press("space")  # unknown → yes
        await pilot.press("right", "2")  # Chat: partly
        await pilot.press("right", "3")  # Web: no
        await pilot.press("down", "space", "space")  # Web, mobile contact: yes → partly
        await pilot.press("left", "1", "0")  # Chat, mobile contact: yes, then unknown again
        await pilot.pause()
        assert app.screen.query_one("#step-4")  # the digits stayed in the grid
        assert str(grid.get_cell_at(grid.cursor_coordinate)) == "? Unknown"
        await pilot.press("ctrl+s")
        await pilot.pause()
    checks = storage.load(path).areas.mobility.checks
    assert [(c.channel, c.check, c.status) for c in checks] == [
        ("Phone", "readable_on_phone", "yes"),
        ("Chat", "readable_on_phone", "partly"),
        ("Web", "readable_on_phone", "no"),
        ("Web", "mobile_contact", "partly"),
        ("Chat", "mobile_contact", "unknown"),
    ]


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
def test_mobility_grid_snapshot(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    path = plan_here("centre.toml", "contact-centre")

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        pilot.app.screen.query_one(MobilityGrid).focus()
        await pilot.press("down", "right", "2")
        await pilot.pause()

    assert snap_compare(make_app(path, config_dir), terminal_size=size, run_before=run)
