"""A comparison for people reads labels and numbers from their one place; for git and
JSON it stays data."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kxplan.framework import QUADRANTS
from kxplan.model import Plan
from kxplan.model.tables import AREA_TABLES
from kxplan.reports.comparison import (
    SCORES,
    describe,
    field_label,
    format_markdown,
    format_text,
    quadrant_text,
    value_texts,
    where,
    where_parts,
)
from kxplan.reports.comparison_json import to_json_data
from kxplan.text.numbers import GROUP, number
from kxplan.versions.changes import Change
from kxplan.versions.comparison import compare
from kxplan.versions.textconv import plan_as_lines

BASE: dict[str, Any] = {
    "schema": 1,
    "title": "Phrasing",
    "areas": {
        "unnecessary_demand": {
            "contact_reasons": [
                {"reason": "Where is my order?", "channel": "Phone", "monthly_volume": 900}
            ]
        }
    },
    "initiatives": [
        {"id": "faq", "title": "FAQ", "effort": 1, "customer_value": 4, "efficiency": 4},
        {"id": "crm", "title": "CRM", "effort": 5, "customer_value": 3, "efficiency": 3},
    ],
}


def plan_with(change: Any) -> Plan:
    data = copy.deepcopy(BASE)
    change(data)
    return Plan.model_validate(data)


def set_faq(field: str, value: object) -> Plan:
    return plan_with(lambda d: d["initiatives"][0].__setitem__(field, value))


def only(changes: list[Change]) -> Change:
    assert len(changes) == 1, changes
    return changes[0]


def test_a_score_change_reads_its_label_in_text_and_markdown_and_its_key_in_json() -> None:
    comparison = compare(Plan.model_validate(BASE), set_faq("customer_value", 5))
    change = only(comparison.in_section("initiatives"))
    assert describe(change) == "faq.customer value: 4 → 5"
    assert "  faq.customer value: 4 → 5\n" in format_text(comparison, "a", "b")
    assert "- faq.customer value: 4 → 5\n" in format_markdown(comparison, "a", "b")
    assert to_json_data(comparison)["initiatives"]["changed"] == {"faq": {"customer_value": [4, 5]}}


def test_every_score_label_comes_from_the_one_vocabulary() -> None:
    for term in SCORES:
        assert field_label(term.key) == term.label.lower()
        assert field_label(term.key, short=True) == term.short.lower()
    assert field_label("title") == "title"  # other fields keep their key


def test_an_estimate_reads_whose_score_it_is_in_the_app_and_the_label_in_text() -> None:
    change = Change("initiatives", "changed", ("faq", "estimates", "Bo", "customer_value"), 3, 4)
    assert where(change) == "faq.estimates.Bo.customer value"
    assert where_parts(change) == ("faq", "Bo's value")


def test_a_criterion_named_like_a_score_keeps_its_id() -> None:
    change = Change("initiatives", "changed", ("faq", "criteria", "customer_value"), 3, 4)
    assert where(change) == "faq.criteria.customer_value"


def test_numbers_for_people_are_grouped_so_they_cannot_wrap_but_git_lines_stay_plain() -> None:
    old = Plan.model_validate(BASE)
    new = plan_with(
        lambda d: d["areas"]["unnecessary_demand"]["contact_reasons"][0].update(monthly_volume=1200)
    )
    change = only(compare(old, new).in_section("areas"))
    assert describe(change).endswith(f"monthly volume 900 → 1{GROUP}200")
    assert (
        "areas.unnecessary_demand.contact_reasons[Where is my order? / Phone].monthly_volume = 1200"
        in plan_as_lines(new)
    )


def test_json_and_git_numbers_carry_no_float_noise() -> None:
    noisy = 33.599999999999994
    new = set_faq("reach", noisy)
    comparison = compare(Plan.model_validate(BASE), new)
    assert '"reach": [\n          null,\n          33.6\n        ]' in json.dumps(
        to_json_data(comparison), indent=2
    )
    assert "initiative faq: reach = 33.6" in plan_as_lines(new)


def test_a_small_change_keeps_as_many_decimals_as_it_takes_to_show() -> None:
    comparison = compare(set_faq("effort", 2.001), set_faq("effort", 2.002))
    assert describe(only(comparison.in_section("initiatives"))) == "faq.effort: 2.001 → 2.002"


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_two_different_numbers_never_read_the_same(old: float, new: float) -> None:
    old_text, new_text = value_texts(old, new)
    assert (old_text == new_text) == (number(old, 15) == number(new, 15))


def test_a_quadrant_change_names_one_initiative_in_the_singular() -> None:
    for term in QUADRANTS:
        assert quadrant_text(term.key) == term.label.lower()
    change = Change("ranks", "changed", ("faq", "quadrant"), "quick_win", "major_project")
    assert describe(change) == "faq: quick win → major project"


def test_every_registered_table_reads_as_table_and_row_key() -> None:
    for table in AREA_TABLES:
        key = " / ".join(table.key_fields)
        change = Change("areas", "added", (table.area, table.attribute, key), None, key)
        assert where(change) == f"{table.attribute}[{key}]"
        assert where_parts(change) == (f"{table.attribute}[{key}]", "")


def test_summary_counts_read_as_numbers_for_people() -> None:
    many = plan_with(
        lambda d: d["initiatives"].extend({"id": f"i{n}", "title": f"I {n}"} for n in range(1000))
    )
    summary = compare(Plan.model_validate(BASE), many).summary()
    assert summary.startswith(f"1{GROUP}000 initiatives added")
