"""Plan values as a comparison holds them: plain, hashable data, and rows by their key.

Shared by :mod:`~kxplan.versions.comparison` and :mod:`~kxplan.versions.textconv`,
so both walk the same fields and name rows the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Final

from pydantic import BaseModel

from kxplan.model import Estimate, Initiative, Plan
from kxplan.model.tables import AreaTable
from kxplan.text.numbers import data_number
from kxplan.versions.changes import Value

META_FIELDS: Final = (
    "title",
    "organisation",
    "version",
    "facilitator",
    "currency",
    "language",
    "schema_version",
    "created",
    "updated",
)
"""The plan's own fields, in the order they are compared and written."""

INITIATIVE_FIELDS: Final = tuple(
    name for name in Initiative.model_fields if name not in {"id", "criteria", "estimates"}
)
"""An initiative's single-valued fields (criteria and estimates are keyed collections)."""
ESTIMATE_FIELDS: Final = tuple(name for name in Estimate.model_fields if name != "participant")
"""The scores an estimate may hold."""


def data_text(value: object) -> str:
    """A number as data files write it (:func:`kxplan.text.numbers.data_number`: ``3``,
    ``33.6``), anything else as ``str``: plain and stable, for git and for keys."""
    if isinstance(value, float):
        return str(data_number(value))
    return str(value)


def estimate_text(estimate: Estimate) -> str:
    """An estimate's scores on one line: ``effort 2, customer_value 4`` (or ``no scores``)."""
    values = [
        f"{name} {data_text(getattr(estimate, name))}"
        for name in ESTIMATE_FIELDS
        if getattr(estimate, name) is not None
    ]
    return ", ".join(values) or "no scores"


def rows_by_key(table: AreaTable, rows: Sequence[BaseModel]) -> dict[str, BaseModel]:
    """Rows by their key text (:meth:`AreaTable.key_text`); a repeated key (touchpoints
    may repeat) gets `` #2``, `` #3``…"""
    result: dict[str, BaseModel] = {}
    for row in rows:
        key = table.key_text(row)
        if key in result:
            number = 2
            while f"{key} #{number}" in result:
                number += 1
            key = f"{key} #{number}"
        result[key] = row
    return result


def shown_row_key(table: AreaTable, key: str, row: BaseModel, plan: Plan) -> str:
    """A key of :func:`rows_by_key` as people read it (:meth:`AreaTable.shown_key`),
    with its `` #2`` kept."""
    number = key[len(table.key_text(row)) :]
    return table.shown_key(row, plan) + number


def plain_value(value: object) -> Value:
    """A field value as hashable plain data: a date as ISO text, a list of rows (links,
    readings) as one JSON object per row, in the file's words."""
    if value is None or isinstance(value, str | bool | int | float | datetime):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return tuple(
            json.dumps(jsonable(v), sort_keys=True, ensure_ascii=False, default=str)
            if isinstance(v, BaseModel)
            else str(v)
            for v in value
        )
    return json.dumps(jsonable(value), sort_keys=True, ensure_ascii=False, default=str)


def extra_value(value: object) -> Value:
    """A value of the free-form ``[extra]`` table: scalars as they are, the rest as JSON."""
    if value is None or isinstance(value, str | bool | int | float | datetime):
        return value
    return json.dumps(jsonable(value), sort_keys=True, ensure_ascii=False, default=str)


def jsonable(value: object) -> object:
    """A value as JSON-ready data (models dumped, times as ISO text)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    return value
