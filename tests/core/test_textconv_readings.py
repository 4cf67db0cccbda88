"""git's textconv view of a plan: a KPI's readings and an initiative's links one line
each, so a diff shows the new reading alone."""

from __future__ import annotations

import datetime
import difflib

from support import TEMPLATES

from kxplan import storage
from kxplan.model import Plan
from kxplan.model.evidence import Link
from kxplan.model.followup import Reading
from kxplan.versions.textconv import plan_as_lines


def with_readings(*readings: Reading) -> Plan:
    plan = storage.load(TEMPLATES / "contact-centre.toml")
    for item in plan.initiatives:  # the template's own links aside
        item.addresses = []
    kpi = plan.areas.insight.kpis[0]
    kpi.readings = list(readings)
    plan.initiatives[0].addresses = [
        Link(table="kpis", key=[kpi.label, kpi.channel]),
        Link(table="channels", key=["Phone"]),
    ]
    return plan


JAN = Reading(date=datetime.date(2026, 1, 31), value=72, source="survey", note="after\nthe move")
MAR = Reading(date=datetime.date(2026, 3, 31), value=76)


def test_each_reading_is_a_line_of_its_own_oldest_first() -> None:
    lines = [line for line in plan_as_lines(with_readings(MAR, JAN)) if ".readings" in line]
    assert lines == [
        "areas.insight.kpis[CSAT / phone].readings[2026-01-31] = "
        "value 72, source survey, note after the move",
        "areas.insight.kpis[CSAT / phone].readings[2026-03-31] = value 76",
    ]


def test_a_new_reading_is_the_only_line_a_diff_adds() -> None:
    old = plan_as_lines(with_readings(JAN))
    new = plan_as_lines(with_readings(JAN, MAR))
    added = [
        line[1:]
        for line in difflib.unified_diff(old, new, lineterm="", n=0)
        if line.startswith("+") and not line.startswith("+++")
    ]
    assert added == ["areas.insight.kpis[CSAT / phone].readings[2026-03-31] = value 76"]


def test_each_link_is_a_line_of_its_own() -> None:
    lines = [line for line in plan_as_lines(with_readings()) if "addresses" in line]
    assert lines == [
        "initiative tracking-link: addresses = table kpis, key [CSAT, phone]",
        "initiative tracking-link: addresses = table channels, key [Phone]",
    ]
