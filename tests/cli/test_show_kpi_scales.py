"""`kxplan show` lists each KPI's baseline and target on its scale."""

from __future__ import annotations

from pathlib import Path

from support import invoke


def test_show_writes_each_kpi_on_its_scale(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(
        'schema = 3\ntitle = "T"\n'
        '[[areas.insight.kpis]]\nmeasure = "csat"\nchannel = "web"\nscale = "1-5"\n'
        "baseline = 3.9\ntarget = 4.5\n"
        '[[areas.insight.kpis]]\nmeasure = "csat"\nchannel = "phone"\nbaseline = 74\n',
        encoding="utf-8",
    )
    result = invoke("show", path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"  {'CSAT (web)':<17}  3.9\u00a0(1–5) → 4.5\u00a0(1–5)" in lines
    assert f"  {'CSAT (phone)':<17}  74\u00a0% → –" in lines
