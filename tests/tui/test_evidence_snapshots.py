"""Snapshots of the evidence and follow-up screens at 100×30 and 80×24: the link picker
(filtered, a row ticked), the editor's evidence section, a KPI reading, the actuals asked
when an initiative is done, and the KPI table with readings."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import make_app
from textual.pilot import Pilot

from kxplan import storage
from kxplan.model.evidence import Link
from kxplan.model.followup import Reading

SIZES = [(100, 30), (80, 24)]
IDS = ["100x30", "80x24"]


def keys(*pressed: str):  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()

    return run


def linked_plan(plan_here: Callable[..., Path]) -> Path:
    """The contact-centre plan with a link, a target date and two readings."""
    path = plan_here("centre.toml", "contact-centre")
    plan = storage.load(path)
    reason = plan.areas.unnecessary_demand.contact_reasons[0]
    plan.initiatives[0].addresses = [
        Link(table="contact_reasons", key=[reason.reason, reason.channel])
    ]
    kpi = plan.areas.insight.kpis[0]
    kpi.target_date = datetime.date(2027, 12, 31)
    kpi.readings = [
        Reading(date=datetime.date(2026, 1, 31), value=76),
        Reading(date=datetime.date(2026, 2, 28), value=79, source="survey"),
    ]
    storage.save(plan, path)
    return path


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_link_picker_filtered_with_a_row_ticked(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(linked_plan(plan_here), config_dir)
    pressed = ("5", "i", "f4", "o", "r", "d", "e", "r", "space")
    assert snap_compare(app, terminal_size=size, run_before=keys(*pressed))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_editors_evidence_section(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(linked_plan(plan_here), config_dir)
    back = ("shift+tab",) * 5  # from the title back round to the outcome
    assert snap_compare(app, terminal_size=size, run_before=keys("6", "enter", *back))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_a_kpi_reading(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(linked_plan(plan_here), config_dir)
    assert snap_compare(app, terminal_size=size, run_before=keys("1", "escape", "r", "8", "2"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_done_asks_for_the_actuals(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(linked_plan(plan_here), config_dir)
    pressed = ("6", "enter", "tab", "tab", "tab", "tab", "space", "d", "o", "n", "e", "enter")
    assert snap_compare(app, terminal_size=size, run_before=keys(*pressed))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_kpi_table_with_readings(  # type: ignore[no-untyped-def]
    snap_compare, plan_here: Callable[..., Path], config_dir: Path, size: tuple[int, int]
) -> None:
    app = make_app(linked_plan(plan_here), config_dir)
    assert snap_compare(app, terminal_size=size, run_before=keys("1", "q"))
