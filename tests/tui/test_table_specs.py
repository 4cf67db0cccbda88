"""The app's tables read the registry; a table spec only adds the columns."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kxplan.framework import AREA_IDS
from kxplan.model import tables as registry
from kxplan.text import numbers
from kxplan.tui.tables import TABLES_BY_AREA, number


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
    assert number(value, "SEK") == ("" if value is None else f"{expected}\u00a0SEK")


def test_the_kpi_table_says_all_in_the_language_spoken_for_a_kpi_of_every_channel() -> None:
    from kxplan.i18n import language
    from kxplan.model import Kpi, Plan

    plan = Plan(title="KPIs")
    plan.areas.insight.kpis = [Kpi(measure="nps"), Kpi(measure="csat", channel="Phone")]
    spec = next(spec for spec in TABLES_BY_AREA["insight"] if spec.key == "kpis")
    channel = next(column for column in spec.columns if column.header == "Channel")
    cells = channel.bind(plan)
    with language("sv"):
        assert [cells(kpi) for kpi in plan.areas.insight.kpis] == ["alla", "Phone"]
