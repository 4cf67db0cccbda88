"""A KPI's scale: explicit or the measure's usual one, checked with a located message and
shown with every value."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kxplan import storage
from kxplan.framework import KPI_SCALES, MEASURES
from kxplan.model import Kpi, Plan
from kxplan.model.rules import plan_rule_problems
from kxplan.storage import PlanError

PLAN = """\
schema = 3
title = "Scales"

[[areas.insight.kpis]]
measure = "csat"
baseline = 3.9
target = 72

[[areas.insight.kpis]]
measure = "csat"
channel = "web"
scale = "1-5"
baseline = 4.5

[[areas.insight.kpis]]
measure = "csat"
channel = "phone"
scale = "1-5"
baseline = 6
"""


def test_a_value_off_the_chosen_scale_is_refused_at_its_place(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        storage.load(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 1
    assert lines[0].endswith(
        'areas.insight.kpis[3] (measure "csat").baseline: '
        "expected a value on CSAT's 1–5 scale, got 6"
    )
    assert ":19:" in lines[0]


def test_values_are_shown_with_their_scale_everywhere() -> None:
    percent = Kpi(measure="csat", baseline=3.9)
    rated = Kpi(measure="csat", scale="1-5", baseline=3.9)
    assert percent.shown(3.9) == "3.9\u00a0%"
    assert rated.shown(3.9) == "3.9\u00a0(1–5)"
    assert Kpi(measure="nps").shown(-8) == "-8\u00a0(−100…100)"
    assert Kpi(measure="handling_time").shown(5.5) == "5.5\u00a0min"
    assert Kpi(measure="contact_volume").shown(6100) == "6\u202f100\u00a0contacts/month"
    assert Kpi(measure="custom", name="x", unit="% of orders").shown(26) == "26\u00a0% of orders"
    assert rated.shown(None) == "–"


def test_schema_1_plans_read_as_before() -> None:
    """No scale: the measure's usual one; a unit of one's own: a scale of one's own."""
    ces = Kpi(measure="ces", unit="1–5, higher is easier", baseline=3.1)
    assert ces.scale_key == "other"
    assert ces.shown(3.1) == "3.1\u00a01–5, higher is easier"
    assert Kpi(measure="csat", unit="%").scale_key == "percent"
    handling = Kpi(measure="handling_time", unit="sec", baseline=300)
    assert handling.scale_key == "other"
    assert handling.shown(300) == "300\u00a0sec"
    plan = Plan.model_validate({"title": "t", "areas": {"insight": {"kpis": [
        {"measure": "handling_time", "unit": "sec", "baseline": 300},
        {"measure": "csat", "baseline": 71},
    ]}}})  # fmt: skip
    assert list(plan_rule_problems(plan)) == []
    assert "scale" not in plan.to_data()["areas"]["insight"]["kpis"][0]


def test_every_measure_has_a_usual_scale_from_the_vocabulary() -> None:
    for measure in MEASURES:
        assert measure.scale in KPI_SCALES
    assert {m.id: m.scale for m in MEASURES}["csat"] == "percent"


bounded = [t for t in KPI_SCALES if t.low is not None]


@given(st.sampled_from(bounded), st.floats(-300, 300, allow_nan=False))
def test_a_value_is_refused_exactly_when_it_is_off_the_scale(term: object, value: float) -> None:
    from kxplan.framework import ScaleTerm

    assert isinstance(term, ScaleTerm)
    assert term.low is not None
    kpi = Kpi(measure="custom", name="Mine", scale=term.key, baseline=value)  # type: ignore[arg-type]
    plan = Plan.model_validate({"title": "t"})
    plan.areas.insight.kpis.append(kpi)
    problems = [m for loc, m in plan_rule_problems(plan) if loc[-1] == "baseline"]
    off = value < term.low or (term.high is not None and value > term.high)
    assert bool(problems) == off
