"""A comparison names choices by their labels for people, and keeps keys for data."""

from __future__ import annotations

import json

from kxplan.model import Plan
from kxplan.reports.comparison import describe, format_json, format_text
from kxplan.versions.comparison import compare

BASE = {
    "title": "T",
    "areas": {
        "unnecessary_demand": {
            "contact_reasons": [{"reason": "Where?", "channel": "phone", "demand": "value"}]
        }
    },
    "initiatives": [{"id": "chat", "title": "Web chat", "status": "in_progress"}],
}


def _changed() -> Plan:
    data = json.loads(json.dumps(BASE))
    data["initiatives"][0]["status"] = "done"
    data["areas"]["unnecessary_demand"]["contact_reasons"][0]["demand"] = "failure"
    return Plan.model_validate(data)


def test_statuses_and_row_choices_read_as_words() -> None:
    comparison = compare(Plan.model_validate(BASE), _changed())
    lines = [describe(change) for change in comparison.changes]
    assert any(line.endswith("status: In progress → Done") for line in lines), lines
    assert any(
        line.endswith("Where? / phone: demand Value demand → Failure demand") for line in lines
    ), lines
    assert "in_progress" not in format_text(comparison, "old", "new")


def test_the_json_keeps_the_keys() -> None:
    data = format_json(compare(Plan.model_validate(BASE), _changed()))
    assert '"in_progress"' in data
    assert '"failure"' in data
