"""f9 on Prioritisation: the ranking keeps its method, order, filters and cursor, and the
matrix stays shown with its cursor, in the other language."""

from __future__ import annotations

from pathlib import Path

from app_helpers import settle
from support import write_plan
from test_swedish import swedish_app
from textual.widgets import ContentSwitcher

from kxplan import i18n
from kxplan.tui.widgets.matrix import EffortImpactMatrix
from kxplan.tui.widgets.ranking import RankingView


async def test_f9_keeps_the_ranking_method_order_filter_and_cursor(
    tmp_path: Path, config_dir: Path
) -> None:
    path = write_plan(tmp_path / "plan.toml", "contact-centre")
    app = swedish_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        view = app.screen.query_one(RankingView)
        await pilot.press("m", "o", "t")  # another method, another order, a status filter
        await pilot.press("down", "down")
        await settle(pilot)
        chosen = (view.method, view.sort_by, view.filters, view.highlighted_id)
        assert chosen[0] is not None
        assert chosen[1] != "rank"
        assert view.highlighted_id != view.shown_ids[0]

        await pilot.press("f9")
        await settle(pilot)
        assert i18n.current() == "en"
        again = app.screen.query_one(RankingView)
        assert again is not view  # composed anew in English
        assert (again.method, again.sort_by, again.filters, again.highlighted_id) == chosen
        assert again.shown_method == chosen[0]
        assert app.focused is again.table


async def test_f9_keeps_the_matrix_shown_with_its_cursor(tmp_path: Path, config_dir: Path) -> None:
    path = write_plan(tmp_path / "plan.toml", "contact-centre")
    app = swedish_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("6", "v")
        await settle(pilot)
        await pilot.press("right")
        await settle(pilot)
        selected = app.screen.query_one(EffortImpactMatrix).selected_id
        assert selected is not None

        await pilot.press("f9")
        await settle(pilot)
        switcher = app.screen.query_one("#priority-views", ContentSwitcher)
        assert switcher.current == "matrix"
        matrix = app.screen.query_one(EffortImpactMatrix)
        assert matrix.selected_id == selected
        assert app.focused is matrix
