"""A KPI's scale: chosen in the row form (blank: the measure's usual one), checked against
the value, and shown with the value in the table and in the file."""

from __future__ import annotations

from pathlib import Path

from app_helpers import fill, make_app, write_plan
from textual.widgets import Select, Static

from kxplan import storage
from kxplan.tui.screens.row_editor import RowEditor
from kxplan.tui.screens.walk import WalkScreen


async def _open_kpi_form(pilot) -> RowEditor:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("1")
    pilot.app.screen.query_one("#table-kpis").focus()
    await pilot.press("a")
    await pilot.pause()
    editor = pilot.app.screen
    assert isinstance(editor, RowEditor)
    return editor


def _error(editor: RowEditor, name: str) -> str:
    error = editor.query_one(f"#error-{name}", Static)
    return str(error.render()) if error.display else ""


async def test_csat_on_a_one_to_five_scale_is_kept_checked_and_shown(
    tmp_path: Path, config_dir: Path
) -> None:
    path = write_plan(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await _open_kpi_form(pilot)
        await fill(pilot, {"measure": "CSAT"})
        scale = editor.query_one("#field-scale", Select)
        assert scale.prompt == "usual for CSAT: Percent, 0–100 %"
        await fill(pilot, {"baseline": "6", "target": "4.5"})
        assert _error(editor, "baseline") == ""  # 6 % is a fine CSAT on the usual scale
        await fill(pilot, {"scale": "score 1"})
        assert scale.value == "1-5"
        assert _error(editor, "baseline") == "expected a value on CSAT's 1–5 scale, got 6"
        assert _error(editor, "target") == ""
        await fill(pilot, {"baseline": "3.9"})
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        kpi = app.screen.session.plan.areas.insight.kpis[-1]
        assert (kpi.scale, kpi.baseline, kpi.target) == ("1-5", 3.9, 4.5)
        table = app.screen.query_one("#table-kpis")
        row = table.get_row_at(table.row_count - 1)  # type: ignore[attr-defined]
        assert "3.9\u00a0(1–5)" in [str(cell) for cell in row]
        assert not any("%" in str(cell) for cell in row)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert 'scale = "1-5"' in path.read_text(encoding="utf-8")
    assert storage.load(path).areas.insight.kpis[-1].shown(3.9) == "3.9\u00a0(1–5)"


async def test_a_blank_scale_follows_the_measure(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(write_plan(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await _open_kpi_form(pilot)
        await fill(pilot, {"measure": "NPS"})
        assert editor.query_one("#field-scale", Select).prompt == "usual for NPS: NPS, −100…100"
        await fill(pilot, {"baseline": "120"})
        assert _error(editor, "baseline") == "expected a value on NPS's −100…100 scale, got 120"
