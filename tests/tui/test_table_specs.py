"""The app's tables read the registry; a table spec only adds the columns."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kxplan.framework import AREA_IDS
from kxplan.model import Channel, ContactReason, Plan
from kxplan.model import tables as registry
from kxplan.model.figures import demand_totals as plan_demand_totals
from kxplan.text import numbers
from kxplan.tui.tables import TABLES_BY_AREA, demand_totals, number


def test_each_area_shows_the_registrys_tables_in_its_order() -> None:
    for area_id in AREA_IDS:
        specs = TABLES_BY_AREA[area_id]
        assert [spec.table for spec in specs] == list(registry.TABLES_BY_AREA[area_id])
        for spec in specs:
            assert spec.area_id == spec.table.area
            assert spec.key == spec.table.attribute
            assert (spec.title, spec.row_name) == (spec.table.title, spec.table.row_name)
            assert spec.model is spec.table.row
            assert spec.columns


@given(st.none() | st.floats(-1e12, 1e12, allow_nan=False))
def test_a_cell_number_is_the_one_number_for_people(value: float | None) -> None:
    expected = "" if value is None else numbers.number(value)
    assert number(value) == expected
    assert number(value, "SEK") == ("" if value is None else f"{expected} SEK")


def test_the_demand_total_the_step_shows_is_the_plans_figure() -> None:
    plan = Plan(title="T", currency="SEK")
    plan.areas.accessibility.channels = [Channel(name="Phone", cost_per_contact=50)]
    plan.areas.unnecessary_demand.contact_reasons = [
        ContactReason(reason="Where?", channel="phone ", monthly_volume=100, avoidable=50),
        ContactReason(reason="Why?", channel="chat", monthly_volume=10, avoidable=10),
        ContactReason(reason="Thanks", channel="mail", monthly_volume=10),
    ]

    totals = plan_demand_totals(plan)

    assert demand_totals(plan) == (totals.avoidable, totals.cost, 1) == (51.0, 2500.0, 1)
    assert demand_totals(Plan(title="T")) == (0.0, None, 0)
