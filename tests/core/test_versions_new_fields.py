"""Comparing plans that differ in the fields schema 2 added: the language, KPI readings
and target dates, an initiative's links: shown as data, never as Python's own text."""

from __future__ import annotations

import datetime
import json

from support import TEMPLATES

from kxplan import storage
from kxplan.model import Plan
from kxplan.model.evidence import Link
from kxplan.model.followup import Reading
from kxplan.reports.comparison import format_text
from kxplan.reports.comparison_json import format_json
from kxplan.versions.comparison import compare


def changed() -> tuple[Plan, Plan]:
    old = storage.load(TEMPLATES / "contact-centre.toml")
    kpi = old.areas.insight.kpis[0].model_copy(
        update={
            "target_date": datetime.date(2027, 6, 30),
            "readings": [Reading(date=datetime.date(2026, 6, 30), value=76, source="Q2")],
        }
    )
    insight = old.areas.insight.model_copy(update={"kpis": [kpi, *old.areas.insight.kpis[1:]]})
    first = old.initiatives[0].model_copy(
        update={"addresses": [Link(table="kpis", key=[kpi.label, kpi.channel])]}
    )
    new = old.model_copy(
        update={
            "language": "sv",
            "areas": old.areas.model_copy(update={"insight": insight}),
            "initiatives": [first, *old.initiatives[1:]],
        }
    )
    return old, new


def test_a_changed_language_is_a_difference() -> None:
    comparison = compare(*changed())
    assert comparison.differs
    assert 'language: (none) → "sv"' in format_text(comparison, "old", "new")


def test_dates_readings_and_links_read_as_data() -> None:
    comparison = compare(*changed())
    text = format_text(comparison, "old", "new")
    assert "datetime.date" not in text
    assert "table='kpis'" not in text
    assert '""2027-06-30""' not in text
    assert "2027-06-30" in text
    data = json.dumps(json.loads(format_json(comparison)))
    assert "datetime.date" not in data
    assert '\\"2027-06-30\\"' not in data
