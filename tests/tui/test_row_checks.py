"""A row form reads its texts and checks its row against its table alone, without Pilot:
the messages are those the whole plan's rules give for that row."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from kxplan.model import Channel, ContactReason, Kpi, Plan, plan_rule_problems
from kxplan.model.tables import AREA_TABLES, TABLES_BY_ATTRIBUTE, AreaTable
from kxplan.tui.forms import (
    FILL_FIELDS,
    FIX_FIELDS,
    FormReading,
    check_row,
    form_fields,
    form_messages,
    read_form,
)

CHANNELS = TABLES_BY_ATTRIBUTE["channels"]
KPIS = TABLES_BY_ATTRIBUTE["kpis"]
REASONS = TABLES_BY_ATTRIBUTE["contact_reasons"]


def whole_plan_check(
    plan: Plan, table: AreaTable, row: BaseModel, index: int | None
) -> dict[str, str]:
    """What the row form said before it checked its table alone: every rule of the whole
    plan with the row put in, kept for the row's place."""
    candidate = plan.model_copy(deep=True)
    rows = table.rows(candidate)
    position = len(rows) if index is None else index
    if index is None:
        rows.append(row)
    else:
        rows[index] = row
    prefix = table.loc(position)
    errors: dict[str, str] = {}
    for loc, message in plan_rule_problems(candidate):
        if loc[: len(prefix)] == prefix:
            errors.setdefault(str(loc[len(prefix)]) if len(loc) > len(prefix) else "", message)
    return errors


def plan_with(table: AreaTable, rows: list[Any]) -> Plan:
    plan = Plan(title="T")
    table.rows(plan).extend(rows)
    return plan


# --- checking a row against its table ---------------------------------------------------


def test_an_added_row_with_a_key_in_use_is_refused_as_a_whole() -> None:
    rows = [Channel(name="Chat"), Channel(name="Phone")]

    errors = check_row(CHANNELS, rows, Channel(name=" phone"))

    assert errors == {"": "' phone' appears twice in channels"}


def test_a_row_edited_in_its_own_place_does_not_clash_with_itself() -> None:
    rows = [Channel(name="Chat"), Channel(name="Phone")]

    assert check_row(CHANNELS, rows, Channel(name="Phone", hours="8–17"), 1) == {}
    assert rows == [Channel(name="Chat"), Channel(name="Phone")]  # the list is left alone


def test_blank_required_text_is_named_under_its_field() -> None:
    errors = check_row(REASONS, [], ContactReason(reason="   "))

    assert errors == {"reason": "expected a reason, got blank"}


def test_a_kpis_own_rules_are_checked_with_its_table() -> None:
    custom = Kpi(measure="custom", promoters=10)

    assert check_row(KPIS, [], custom) == {
        "name": "a custom measure needs a name",
        "promoters": "promoter and detractor shares belong to NPS KPIs only",
    }
    assert check_row(KPIS, [], Kpi(measure="csat", baseline=250)) == {
        "baseline": "expected a value on CSAT's 0–100 % scale, got 250"
    }


_names = st.sampled_from(["Chat", "chat ", "Phone", "  ", "Web", "e-mail"])


@settings(max_examples=80, deadline=None)
@given(
    names=st.lists(_names, max_size=5),
    name=_names,
    index=st.none() | st.integers(0, 4),
)
def test_the_table_check_says_what_the_whole_plans_rules_say(
    names: list[str], name: str, index: int | None
) -> None:
    rows = [Channel(name=n) for n in names]
    if index is not None and index >= len(rows):
        index = None
    plan = plan_with(CHANNELS, rows)
    row = Channel(name=name)

    assert check_row(CHANNELS, rows, row, index) == whole_plan_check(plan, CHANNELS, row, index)


@settings(max_examples=60, deadline=None)
@given(
    measure=st.sampled_from(["csat", "nps", "custom", "handling_time"]),
    channel=st.sampled_from(["all", "chat", "Chat"]),
    promoters=st.none() | st.integers(0, 100),
    detractors=st.none() | st.integers(0, 100),
    baseline=st.none() | st.integers(-200, 200),
    others=st.lists(st.sampled_from(["csat", "nps"]), max_size=3),
)
def test_a_kpi_check_says_what_the_whole_plans_rules_say(
    measure: str,
    channel: str,
    promoters: int | None,
    detractors: int | None,
    baseline: int | None,
    others: list[str],
) -> None:
    rows = [Kpi(measure=m, channel="chat") for m in others]  # type: ignore[arg-type]
    plan = plan_with(KPIS, rows)
    row = Kpi(
        measure=measure,  # type: ignore[arg-type]
        channel=channel,
        promoters=promoters,
        detractors=detractors,
        baseline=baseline,
    )

    assert check_row(KPIS, rows, row) == whole_plan_check(plan, KPIS, row, None)


@pytest.mark.parametrize("table", AREA_TABLES, ids=lambda t: t.attribute)
def test_every_tables_form_checks_blank_text_as_the_plan_would(table: AreaTable) -> None:
    data: dict[str, Any] = dict.fromkeys(table.required, " ")
    if table.attribute == "kpis":
        data |= {"measure": "custom", "name": " "}  # a KPI's own rule
    if table.attribute == "log":
        data["date"] = datetime.date(2026, 11, 20)  # a log entry's one required non-text
    if table.attribute == "journey":
        data |= {"id": "own", "name": " "}  # a stage of the plan's own needs a name
    blank = table.row.model_validate(data)
    plan = plan_with(table, [])

    assert check_row(table, [], blank) == whole_plan_check(plan, table, blank, None)


# --- reading the form ---------------------------------------------------------------------

FIELDS = form_fields(ContactReason)


def test_a_valid_form_gives_its_row() -> None:
    reading = read_form(ContactReason, FIELDS, {"reason": "Invoice?", "monthly_volume": "1 200"})

    assert reading == FormReading(ContactReason(reason="Invoice?", monthly_volume=1200), {})


def test_the_tables_check_joins_the_row_models_own_messages() -> None:
    rows = [ContactReason(reason="Invoice?")]

    def check(row: BaseModel) -> dict[str, str]:
        return check_row(REASONS, rows, row)

    reading = read_form(ContactReason, FIELDS, {"reason": "invoice?", "avoidable": "120"}, check)

    assert reading.row is None
    assert reading.errors == {
        "avoidable": "expected a number at most 100, got 120",
        "": "'invoice?' appears twice in contact_reasons",  # checked on the right fields
    }


def test_a_form_missing_a_required_field_is_not_checked_against_the_table() -> None:
    calls: list[BaseModel] = []

    def check(row: BaseModel) -> dict[str, str]:
        calls.append(row)
        return {}

    reading = read_form(ContactReason, FIELDS, {"reason": ""}, check)

    assert reading == FormReading(None, {"reason": "required"})
    assert calls == []


# --- what the form shows ------------------------------------------------------------------


def test_an_untouched_empty_required_field_asks_to_be_filled_not_fixed() -> None:
    reading = read_form(ContactReason, FIELDS, {})

    under, status = form_messages(FIELDS, reading, {}, set(), tried=False)

    assert under["reason"] == ""
    assert status == FILL_FIELDS


def test_after_trying_to_keep_every_problem_shows() -> None:
    reading = read_form(ContactReason, FIELDS, {})

    under, status = form_messages(FIELDS, reading, {}, set(), tried=True)

    assert under["reason"] == "required"
    assert status == FIX_FIELDS


def test_a_problem_of_the_whole_row_goes_in_the_status_line() -> None:
    texts = {"reason": "Invoice?"}
    reading = FormReading(None, {"": "'Invoice?' appears twice in contact_reasons"})

    under, status = form_messages(FIELDS, reading, texts, {"reason"}, tried=False)

    assert not any(under.values())
    assert status == "'Invoice?' appears twice in contact_reasons"


def test_a_valid_row_clears_the_status_line() -> None:
    texts = {"reason": "Invoice?"}
    reading = read_form(ContactReason, FIELDS, texts)

    assert form_messages(FIELDS, reading, texts, {"reason"}, tried=False) == (
        dict.fromkeys((f.name for f in FIELDS), ""),
        "",
    )
