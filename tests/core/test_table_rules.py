"""One table's rules are written once: the whole plan's rules are each table's rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan.model import (
    ROW_RULES,
    Channel,
    Friction,
    Kpi,
    Plan,
    Stakeholder,
    Touchpoint,
    plan_rule_problems,
    table_rule_problems,
)
from kxplan.model.tables import AREA_TABLES, TABLES_BY_ATTRIBUTE

_text = st.sampled_from(["Chat", "chat", " ", "Phone", "Web "])


@settings(max_examples=60, deadline=None)
@given(
    channels=st.lists(_text, max_size=4),
    frictions=st.lists(_text, max_size=3),
    stakeholders=st.lists(_text, max_size=3),
    touchpoints=st.lists(_text, max_size=3),
    kpis=st.lists(st.sampled_from(["csat", "nps", "custom"]), max_size=3),
)
def test_the_plans_area_rules_are_its_tables_rules(
    channels: list[str],
    frictions: list[str],
    stakeholders: list[str],
    touchpoints: list[str],
    kpis: list[str],
) -> None:
    plan = Plan(title="T")
    areas = plan.areas
    areas.accessibility.channels = [Channel(name=n) for n in channels]
    areas.service_friendliness.frictions = [Friction(title=n) for n in frictions]
    areas.anchoring.stakeholders = [Stakeholder(name=n) for n in stakeholders]
    areas.insight.touchpoints = [Touchpoint(name=n) for n in touchpoints]
    areas.insight.kpis = [Kpi(measure=m, detractors=60, promoters=50) for m in kpis]  # type: ignore[arg-type]

    per_table = [p for t in AREA_TABLES for p in table_rule_problems(t, t.rows(plan))]
    of_areas = [p for p in plan_rule_problems(plan) if p[0][0] == "areas"]

    assert of_areas == per_table


def test_a_tables_rules_need_only_its_rows() -> None:
    rows = [Channel(name="Chat"), Channel(name=" chat"), Channel(name="  ")]

    assert table_rule_problems(TABLES_BY_ATTRIBUTE["channels"], rows) == [
        (("areas", "accessibility", "channels", 2, "name"), "expected a name, got blank"),
        (("areas", "accessibility", "channels", 1), "' chat' appears twice in channels"),
    ]


def test_a_key_of_several_fields_is_named_by_its_filled_parts() -> None:
    rows = [Kpi(measure="csat"), Kpi(measure="csat", channel="ALL")]

    assert table_rule_problems(TABLES_BY_ATTRIBUTE["kpis"], rows) == [
        (("areas", "insight", "kpis", 1), "'CSAT' / 'ALL' appears twice in kpis"),
    ]


def test_row_rules_belong_to_registered_tables() -> None:
    assert set(ROW_RULES) <= set(TABLES_BY_ATTRIBUTE)
