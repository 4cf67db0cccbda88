"""The registry of area tables is the one list of every area's tables."""

from __future__ import annotations

import datetime
from typing import get_args, get_origin

import pytest
from pydantic import BaseModel

from kxplan.framework import AREA_IDS
from kxplan.model import Areas, Plan, RuleViolations
from kxplan.model.tables import AREA_TABLES, TABLES_BY_AREA, table_of


def _list_fields_of_rows(area_model: type[BaseModel]) -> list[str]:
    names = []
    for name, info in area_model.model_fields.items():
        if get_origin(info.annotation) is list:
            (item,) = get_args(info.annotation)
            if isinstance(item, type) and issubclass(item, BaseModel):
                names.append(name)
    return names


def test_every_table_the_model_has_is_registered_in_model_order() -> None:
    for area_id in AREA_IDS:
        model = Areas.model_fields[area_id].annotation
        assert isinstance(model, type)
        registered = [t.attribute for t in TABLES_BY_AREA[area_id]]
        # every area's log (AreaBase's, so first in the model) comes after its own tables
        own = [name for name in _list_fields_of_rows(model) if name != "log"]
        assert registered == [*own, "log"], area_id


def test_each_table_names_its_row_model_key_and_words() -> None:
    for table in AREA_TABLES:
        assert set(table.required) <= table.row.model_fields.keys()
        assert all(n in table.row.model_fields or hasattr(table.row, n) for n in table.key_fields)
        assert table.title
        assert table.row_name
        assert table.plural
        row = table.row.model_construct()
        # the logs share their row model: table_of finds the first area's
        assert table_of(row).attribute == table.attribute


@pytest.mark.parametrize("table", [t for t in AREA_TABLES if t.required], ids=lambda t: t.attribute)
def test_the_rules_require_what_the_registry_says(table) -> None:  # type: ignore[no-untyped-def]
    fields: dict[str, object] = dict.fromkeys(table.required, " ")
    if table.attribute == "log":
        fields["date"] = datetime.date(2026, 11, 20)
    data = {"title": "t", "areas": {table.area: {table.attribute: [fields]}}}
    with pytest.raises(RuleViolations) as caught:
        Plan.model_validate(data)
    locs = {loc for loc, _ in caught.value.problems}
    assert {table.loc(0, name) for name in table.required} <= locs


@pytest.mark.parametrize("table", [t for t in AREA_TABLES if t.unique], ids=lambda t: t.attribute)
def test_the_rules_refuse_duplicate_keys_where_the_registry_says_unique(table) -> None:  # type: ignore[no-untyped-def]
    # a KPI's key is its measure's label and its channel
    row = {"measure": "csat", "channel": "chat"} if table.attribute == "kpis" else {}
    row |= {name: "same" for name in table.key_fields if name in table.row.model_fields}
    data = {"title": "t", "areas": {table.area: {table.attribute: [row, dict(row)]}}}
    with pytest.raises(RuleViolations) as caught:
        Plan.model_validate(data)
    assert any("appears twice" in message for _, message in caught.value.problems)


def test_touchpoints_may_repeat() -> None:
    row = {"name": "Web", "stage": "before"}
    plan = Plan.model_validate(
        {"title": "t", "areas": {"insight": {"touchpoints": [row, dict(row)]}}}
    )
    assert len(plan.areas.insight.touchpoints) == 2
