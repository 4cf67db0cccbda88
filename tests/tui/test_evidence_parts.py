"""The evidence and follow-up pieces that need no widget: the links column and its
count, the sparkline, the picker's rows and order, and what the new inputs refuse."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kxplan import storage
from kxplan.model import Scale
from kxplan.model.evidence import TABLES_BY_NAME, Link
from kxplan.model.followup import Reading
from kxplan.tui.evidence_columns import BARS, addressed_cell, addressers, sparkline, unaddressed
from kxplan.tui.initiative_followup import read_date, read_followup
from kxplan.tui.screens.actuals import read_actuals
from kxplan.tui.screens.link_picker import candidates, link_value, value_link
from kxplan.tui.screens.reading import read_reading

PLAN = """\
schema = 3
title = "P"

[[areas.insight.kpis]]
measure = "csat"
channel = "phone"
baseline = 70
target = 85

[[areas.unnecessary_demand.contact_reasons]]
reason = "Where is my order?"
channel = "phone"
monthly_volume = 100

[[areas.unnecessary_demand.contact_reasons]]
reason = "Invoice"
channel = "phone"
monthly_volume = 50

[[areas.anchoring.stakeholders]]
name = "Sales"

[[initiatives]]
id = "a"
title = "Tracking"
addresses = [{ table = "contact_reasons", key = ["where is my order?", "Phone"] }]

[[initiatives]]
id = "b"
title = "Portal"
addresses = [{ table = "contact_reasons", key = ["Where is my order?", "phone"] }]
"""


def test_the_links_column_names_who_addresses_a_row_and_marks_nobody() -> None:
    plan = storage.loads(PLAN, "p.toml")
    table = TABLES_BY_NAME["contact_reasons"]
    index = addressers(plan)
    order, invoice = plan.areas.unnecessary_demand.contact_reasons
    assert addressed_cell(table, index, order) == "2: Tracking, Portal"
    assert addressed_cell(table, index, invoice) == "✗ nobody"
    tables = [TABLES_BY_NAME[name] for name in ("kpis", "contact_reasons", "stakeholders")]
    assert unaddressed(plan, tables) == 2  # the KPI and the invoice; stakeholders not counted


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), max_size=20))
def test_a_sparkline_is_one_bar_per_latest_reading(values: list[float]) -> None:
    line = sparkline(values)
    assert len(line) == min(len(values), 8)
    assert set(line) <= set(BARS)
    if len(set(values[-8:])) > 1:
        assert BARS[0] in line
        assert BARS[-1] in line


def test_the_picker_lists_rows_by_table_and_keeps_links_to_rows_gone() -> None:
    plan = storage.loads(PLAN, "p.toml")
    gone = Link(table="frictions", key=["Long queue"])
    groups = candidates(plan, [gone])
    assert [heading for heading, _rows in groups] == [
        "Contact reasons",
        "KPIs per channel",
        "Not in the plan any more",
    ]
    assert groups[-1][1] == [("Long queue", link_value(gone))]
    assert value_link(link_value(gone)) == gone


def test_dates_and_actual_effort_are_refused_where_typed() -> None:
    with pytest.raises(ValueError, match="expected a date as YYYY-MM-DD"):
        read_date("31/3/2027")
    data: dict[str, object] = {}
    errors: dict[str, str] = {}
    read_followup({"started": "soon", "actual_effort": "a lot"}, None, data, errors)
    assert set(errors) == {"started", "actual_effort"}
    assert "addresses" not in data  # untouched when the links were not picked


def test_actuals_are_checked_against_the_scale_and_the_start() -> None:
    scale = Scale(min=1, max=5)
    actuals, errors = read_actuals(scale, "2027-03-31", "3", " Fewer calls ")
    assert errors == {}
    assert actuals is not None
    assert (actuals.finished, actuals.actual_effort, actuals.outcome) == (
        datetime.date(2027, 3, 31),
        3,
        "Fewer calls",
    )
    _none, errors = read_actuals(scale, "2027-01-01", "7", "", started="2027-02-01")
    assert errors["actual_effort"] == "expected a score from 1 to 5, got 7"
    assert errors["finished"] == "expected a date on or after started (2027-02-01)"


def test_a_reading_is_refused_off_scale_or_on_a_date_read_already() -> None:
    plan = storage.loads(PLAN, "p.toml")
    kpi = plan.areas.insight.kpis[0]
    kpi.readings = [Reading(date=datetime.date(2026, 1, 31), value=72)]
    reading, errors = read_reading(kpi, {"date": "2026-02-28", "value": "78", "source": "s"})
    assert errors == {}
    assert reading == Reading(date=datetime.date(2026, 2, 28), value=78, source="s")
    _none, errors = read_reading(kpi, {"date": "2026-01-31", "value": "140"})
    assert errors["date"] == "a reading for 2026-01-31 is listed twice"
    assert errors["value"].startswith("expected a value on CSAT's 0–100 % scale")
