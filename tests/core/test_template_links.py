"""The filled templates link their initiatives to the evidence they address, so a fresh
check-in asks only about the real gaps (QA 2026-12-04, finding 2)."""

from __future__ import annotations

import datetime as dt

import pytest

from kxplan.reports.checkin_facts import checkin_facts, unaddressed_rows
from kxplan.storage import load
from kxplan.templates import template_path

FILLED = ("kundservice", "kommun", "e-handel", "contact-centre", "e-commerce", "public-service")


@pytest.mark.parametrize("name", FILLED)
def test_most_contact_reasons_and_frictions_have_an_initiative(name: str) -> None:
    plan = load(template_path(name))
    decided = [
        row
        for row in unaddressed_rows(plan)
        if row.table.attribute in ("contact_reasons", "frictions")
    ]
    assert len(decided) <= 2, [row.table.key_text(row.row) for row in decided]
    assert sum(bool(item.addresses) for item in plan.initiatives) >= 5
    assert len(list(unaddressed_rows(plan))) <= 6  # a few real gaps, not every row


def test_the_order_question_is_taken_by_the_tracking_link() -> None:
    plan = load(template_path("kundservice"))
    texts = [line.text for line in checkin_facts(plan, dt.date(2026, 12, 4)).decisions]
    assert not any("Var är min order?" in text for text in texts)
