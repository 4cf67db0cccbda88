"""The registry of area tables: which structured tables each area holds, once.

The rules (required fields, duplicate rows), the app's tables and row forms, the
comparison, the document and ``kxplan show`` all read :data:`AREA_TABLES`, so a
table added to an area is added here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from pydantic import BaseModel

from kxplan.framework import AREA_IDS, AreaId
from kxplan.model.rows import (
    Channel,
    ContactReason,
    Friction,
    Kpi,
    MobilityCheck,
    Stakeholder,
    Touchpoint,
)

if TYPE_CHECKING:
    from kxplan.model.plan import Plan


@dataclass(frozen=True, slots=True)
class AreaTable:
    """One structured table of an area."""

    area: AreaId
    attribute: str
    """The list's key under ``[areas.<area>]`` in a plan file."""
    row: type[BaseModel]
    key_fields: tuple[str, ...]
    """The fields that name a row (its natural key), in order."""
    required: tuple[str, ...]
    """Text fields that must not be blank."""
    unique: bool
    """Whether two rows may not share a key (casefolded)."""
    title: str
    """The table's heading: "Touchpoints along the journey"."""
    row_name: str
    """One row, in a sentence: "touchpoint", "KPI"."""
    plural: str
    """A count of rows, capitalised: "Touchpoints", "KPIs"."""

    def rows(self, plan: Plan) -> list[Any]:
        """This table's rows in ``plan``."""
        rows: list[Any] = getattr(plan.areas.get(self.area), self.attribute)
        return rows

    def key_of(self, row: Any) -> tuple[str, ...]:
        """The row's natural key, one text per key field."""
        return tuple(str(getattr(row, name) or "") for name in self.key_fields)

    def key_text(self, row: Any) -> str:
        """The row's natural key as people read it: ``CSAT / all``, ``Chat``."""
        return " / ".join(self.key_of(row))

    def loc(self, index: int, *rest: str) -> tuple[str | int, ...]:
        """The key path of row ``index`` (and a field in it) in a plan file."""
        return ("areas", self.area, self.attribute, index, *rest)


AREA_TABLES: Final[tuple[AreaTable, ...]] = (
    AreaTable(
        "insight",
        "touchpoints",
        Touchpoint,
        ("name", "stage"),
        ("name",),
        False,
        "Touchpoints along the journey",
        "touchpoint",
        "Touchpoints",
    ),
    AreaTable(
        "insight", "kpis", Kpi, ("label", "channel"), (), True, "KPIs per channel", "KPI", "KPIs"
    ),
    AreaTable(
        "accessibility",
        "channels",
        Channel,
        ("name",),
        ("name",),
        True,
        "Channels",
        "channel",
        "Channels",
    ),
    AreaTable(
        "service_friendliness",
        "frictions",
        Friction,
        ("title",),
        ("title",),
        True,
        "Friction points",
        "friction point",
        "Frictions",
    ),
    AreaTable(
        "mobility",
        "checks",
        MobilityCheck,
        ("channel", "check"),
        ("channel", "check"),
        True,
        "Mobility checklist",
        "check",
        "Mobility checks",
    ),
    AreaTable(
        "unnecessary_demand",
        "contact_reasons",
        ContactReason,
        ("reason", "channel"),
        ("reason",),
        True,
        "Contact reasons",
        "contact reason",
        "Contact reasons",
    ),
    AreaTable(
        "anchoring",
        "stakeholders",
        Stakeholder,
        ("name",),
        ("name",),
        True,
        "Departments and stakeholders",
        "stakeholder",
        "Stakeholders",
    ),
)
"""Every area table, in the order of the walk and, within an area, as shown."""

TABLES_BY_AREA: Final[dict[AreaId, tuple[AreaTable, ...]]] = {
    area_id: tuple(t for t in AREA_TABLES if t.area == area_id) for area_id in AREA_IDS
}
"""The tables of each area (an empty tuple for an area without one)."""

TABLES_BY_ATTRIBUTE: Final[dict[str, AreaTable]] = {t.attribute: t for t in AREA_TABLES}


def table_of(row: BaseModel) -> AreaTable:
    """The table a row belongs in, by its model."""
    for table in AREA_TABLES:
        if isinstance(row, table.row):
            return table
    raise KeyError(type(row).__name__)
