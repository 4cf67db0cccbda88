"""The row editor's fields come from the row models; typed text becomes a valid row or
a message per field."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan.model import Channel, ContactReason, Kpi, Stakeholder
from kxplan.tui.forms import field_text, form_fields, parse_row
from kxplan.tui.tables import number


def kinds(model: type) -> dict[str, tuple[str, bool]]:
    return {f.name: (f.kind, f.optional) for f in form_fields(model)}


def test_fields_follow_the_model_types() -> None:
    assert kinds(Channel) == {
        "name": ("text", False),
        "preference": ("float", True),
        "customer_value": ("int", True),
        "cost_per_contact": ("float", True),
        "hours": ("text", True),
        "staffing": ("text", True),
        "decision": ("choice", True),
        "notes": ("text", True),
    }
    assert kinds(Kpi)["measure"] == ("choice", False)
    assert kinds(Stakeholder)["stages"] == ("choices", True)
    stages = next(f for f in form_fields(Stakeholder) if f.name == "stages")
    assert stages.choices == ("before", "during", "after")


def test_text_becomes_typed_values() -> None:
    fields = form_fields(ContactReason)
    row, errors = parse_row(
        ContactReason,
        fields,
        {"reason": "Invoice?", "monthly_volume": "1500", "demand": "failure", "avoidable": "60,5"},
    )
    assert errors == {}
    assert row == ContactReason(
        reason="Invoice?", monthly_volume=1500, demand="failure", avoidable=60.5
    )


def test_each_wrong_field_gets_its_own_message() -> None:
    fields = form_fields(ContactReason)
    row, errors = parse_row(
        ContactReason, fields, {"reason": "", "monthly_volume": "1.5", "avoidable": "120"}
    )
    assert row is None
    assert errors == {
        "reason": "expected some text, got an empty string",
        "monthly_volume": "expected a whole number, got '1.5'",
        "avoidable": "expected a number at most 100, got 120",
    }


def test_unknown_choices_in_a_list_are_named() -> None:
    row, errors = parse_row(
        Stakeholder, form_fields(Stakeholder), {"name": "IT", "stages": "before, later"}
    )
    assert row is None
    assert errors == {"stages": "expected some of before, during, after, got 'later'"}


@settings(max_examples=60)
@given(
    name=st.text(min_size=1, max_size=30).filter(lambda s: s.strip() and "," not in s),
    preference=st.none() | st.integers(0, 100),
    cost=st.none() | st.floats(0, 10_000, allow_nan=False).map(lambda x: round(x, 2)),
    value=st.none() | st.integers(1, 5),
)
def test_a_row_shown_in_the_form_reads_back_unchanged(
    name: str, preference: int | None, cost: float | None, value: int | None
) -> None:
    channel = Channel(name=name, preference=preference, cost_per_contact=cost, customer_value=value)
    fields = form_fields(Channel)
    texts = {spec.name: field_text(channel, spec) for spec in fields}
    row, errors = parse_row(Channel, fields, texts)
    assert errors == {}
    assert row == channel


def test_numbers_are_written_as_people_write_them() -> None:
    assert number(None) == ""
    assert number(4000.0, "EUR") == "4\u202f000 EUR"
    assert number(2.5, "%") == "2.5 %"
    assert number(0.125) == "0.12"
