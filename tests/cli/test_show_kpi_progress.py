"""``kxplan show`` per KPI: baseline → latest → target, the trend and whether it is on
track (plain text and JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kxplan.cli import main

PLAN = """\
schema = 3
title = "Follow-up"

[[areas.insight.kpis]]
measure = "csat"
channel = "phone"
baseline = 70
target = 85
target_date = 2026-12-31
readings = [
    { date = 2026-01-31, value = 72, source = "survey" },
    { date = 2026-03-31, value = 76 },
]

[[areas.insight.kpis]]
measure = "nps"
baseline = 10
target = 30
target_date = 2026-06-30
readings = [
    { date = 2026-01-31, value = 12 },
    { date = 2026-05-31, value = 11 },
]

[[areas.insight.kpis]]
measure = "fcr"
baseline = 60
target = 80
"""


def show(tmp_path: Path, *args: str) -> str:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(main, ["show", str(path), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_show_prints_each_kpi_from_baseline_through_latest_to_target(tmp_path: Path) -> None:
    lines = show(tmp_path).replace("\u00a0", " ").replace("\u202f", " ").splitlines()
    assert "KPIs: baseline → latest → target" in lines
    csat = next(line for line in lines if line.strip().startswith("CSAT (phone)"))
    assert "70 % → 76 % (2026-03-31) → 85 % by 2026-12-31" in csat
    assert "40 % of the way" in csat
    assert "trend +2" in csat
    assert csat.endswith("on track")
    nps = next(line for line in lines if line.strip().startswith("NPS (all)"))
    assert nps.endswith("off track")
    fcr = next(line for line in lines if line.strip().startswith("FCR (all)"))
    assert "60 % → – → 80 %" in fcr  # no reading yet: a dash
    assert "track" not in fcr


def test_show_as_json_has_each_kpis_progress(tmp_path: Path) -> None:
    data = json.loads(show(tmp_path, "--format", "json"))
    csat, nps, fcr = data["kpis"]
    assert csat["latest"] == {"date": "2026-03-31", "value": 76}
    assert csat["progress"] == 0.4
    assert csat["on_track"] is True
    assert nps["on_track"] is False
    assert fcr["latest"] is None
    assert fcr["on_track"] is None
