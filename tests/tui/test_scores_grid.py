"""The scores grid: what the methods need beyond effort and impact, for many initiatives
at once; f opens it at the first input the method lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import make_app, type_into, write_plan
from textual.pilot import Pilot

from kxplan import storage
from kxplan.session import Session
from kxplan.tui.scores_grid import column_of, columns, read, rows
from kxplan.tui.screens.scores_grid import ScoresGrid
from kxplan.tui.widgets.ranking import RankingView

ITEMS = [
    {"id": "a", "title": "Alpha", "effort": 2, "customer_value": 4, "efficiency": 3,
     "reach": 100},
    {"id": "b", "title": "Beta", "effort": 1, "customer_value": 2, "efficiency": 2},
    {"id": "c", "title": "Gamma", "effort": 3, "customer_value": 5, "efficiency": 4},
]  # fmt: skip


def _path(tmp_path: Path) -> Path:
    return write_plan(
        tmp_path / "plan.toml",
        initiatives=ITEMS,
        scoring={"method": "rice", "criteria": [{"id": "cost", "label": "Cost", "weight": -1}]},
    )


def test_the_grid_reads_every_input_and_says_which_cell_is_wrong(tmp_path: Path) -> None:
    session = Session.open(_path(tmp_path))
    cols = columns(session.plan)
    assert [c.key for c in cols] == [
        "confidence", "reach", "time_criticality", "risk_reduction", "criteria.cost",
    ]  # fmt: skip
    assert cols[2].header == "Time criticality 1–5"
    items = rows(session.plan, ["c"])
    assert [i.id for i in items] == ["c", "a", "b"]
    texts = {(0, 1): "250", (0, 2): "9", (1, 4): "2", (2, 0): "x"}
    changed, errors = read(session, items, cols, texts)
    assert errors == {
        (0, 2): "expected a score from 1 to 5, got 9",
        (2, 0): "expected a number, got 'x'",
    }
    changed, errors = read(
        session, items, cols, {**texts, (0, 2): "4", (2, 0): ""} | {(1, 1): "100"}
    )
    assert errors == {}
    assert [(i, n.reach, n.time_criticality, n.criteria) for i, n in changed] == [
        ("c", 250, 4, {}),
        ("a", 100, None, {"cost": 2}),
    ]
    assert column_of("criterion 'cost'") == "criteria.cost"
    assert column_of("reach") == "reach"


async def test_f_fills_in_what_rice_lacks_and_the_ranking_takes_them(
    tmp_path: Path, config_dir: Path
) -> None:
    path = _path(tmp_path)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        view = app.screen.query_one(RankingView)
        assert view.ranking is not None
        assert list(view.ranking.lacking) == ["b", "c"]
        await pilot.press("f")
        await pilot.pause()
        grid = app.screen
        assert isinstance(grid, ScoresGrid)
        assert grid.focused is not None
        assert grid.focused.id == "cell-0-1"  # Beta's reach
        await pilot.press(*"40", "tab", "tab", "tab", "tab")  # on to Gamma's confidence
        await pilot.press("tab", *"1 200")  # Gamma's reach
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ScoresGrid)
        assert view.ranking.lacking == {}
        assert len(view.ranking.results) == 3
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = storage.load(path)
    assert [i.reach for i in plan.initiatives] == [100, 40, 1200]


async def test_a_wrong_cell_blocks_keeping(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(_path(tmp_path), config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        grid = app.screen
        assert isinstance(grid, ScoresGrid)
        await type_into(pilot, "#cell-0-2", "7")
        assert "Time criticality 1–5: expected a score from 1 to 5, got 7" in str(
            grid.query_one("#scores-status").render()
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is grid


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
def test_scores_grid_snapshot(  # type: ignore[no-untyped-def]
    snap_compare, tmp_path: Path, config_dir: Path, size: tuple[int, int]
) -> None:
    path = _path(tmp_path)

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.press("f")
        await pilot.pause()

    assert snap_compare(make_app(path, config_dir), terminal_size=size, run_before=run)
