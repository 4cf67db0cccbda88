"""The structured tables of the areas: which rows, which columns, how a cell reads.

Pure description over the model (no widgets), so the area steps, the row editor
and the tests all agree on what each table shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from pydantic import BaseModel

from kxplan.framework import MEASURES_BY_ID, MOBILITY_CHECKS, STAGES, AreaId
from kxplan.model import (
    Channel,
    ContactReason,
    Friction,
    Kpi,
    MobilityCheck,
    Plan,
    Stakeholder,
    Touchpoint,
)


def number(value: float | None, unit: str = "") -> str:
    """A number as people write it: 3, 2.5, 1 200; blank for none."""
    if value is None:
        return ""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    text = text.replace(",", "\u202f")
    return f"{text} {unit}".strip() if unit else text


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(STAGES.label(str(v)) for v in value)
    return str(value)


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its header and how a row's cell reads."""

    header: str
    cell: Callable[[Any, Plan], str]


def field(name: str, header: str | None = None) -> Column:
    """A column showing one field of the row as text."""
    return Column(
        header or name.replace("_", " ").capitalize(), lambda row, _plan: _text(getattr(row, name))
    )


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A structured table of an area: ``plan.areas.<area>.<key>``."""

    area_id: AreaId
    key: str
    title: str
    row_name: str
    """What one row is called, e.g. "KPI"."""
    model: type[BaseModel]
    columns: tuple[Column, ...]

    def rows(self, plan: Plan) -> list[Any]:
        """The table's rows in ``plan`` (the live list: edits go into the plan)."""
        rows: list[Any] = getattr(plan.areas.get(self.area_id), self.key)
        return rows

    @property
    def loc(self) -> tuple[str, ...]:
        """Where the table lives in a plan, as a model location."""
        return ("areas", self.area_id, self.key)


CHECK_LABELS: Final[dict[str, str]] = MOBILITY_CHECKS.labels()
"""The standard mobility checks' labels, by key."""


def _stage(row: Any, _plan: Plan) -> str:
    stage = getattr(row, "stage", None)
    return STAGES.label(stage)


def _kpi_measure(row: Kpi, _plan: Plan) -> str:
    return row.label


def _kpi_value(name: str) -> Callable[[Kpi, Plan], str]:
    def cell(row: Kpi, _plan: Plan) -> str:
        return number(getattr(row, name), row.shown_unit)

    return cell


def _avoidable(row: ContactReason, _plan: Plan) -> str:
    return number(round(row.avoidable_per_month, 1))


def _avoidable_cost(row: ContactReason, plan: Plan) -> str:
    cost = plan.avoidable_cost_per_month(row)
    return "—" if cost is None else number(round(cost, 2), plan.currency)


def _percent(name: str) -> Callable[[Any, Plan], str]:
    def cell(row: Any, _plan: Plan) -> str:
        return number(getattr(row, name), "%")

    return cell


def _money(name: str) -> Callable[[Any, Plan], str]:
    def cell(row: Any, plan: Plan) -> str:
        return number(getattr(row, name), plan.currency)

    return cell


TOUCHPOINTS: Final = TableSpec(
    "insight",
    "touchpoints",
    "Touchpoints along the journey",
    "touchpoint",
    Touchpoint,
    (field("name"), Column("Stage", _stage), field("channel"), field("notes")),
)
KPIS: Final = TableSpec(
    "insight",
    "kpis",
    "KPIs per channel",
    "KPI",
    Kpi,
    (
        Column("Measure", _kpi_measure),
        field("channel"),
        Column("Baseline", _kpi_value("baseline")),
        Column("Target", _kpi_value("target")),
        field("cadence"),
    ),
)
CHANNELS: Final = TableSpec(
    "accessibility",
    "channels",
    "Channels",
    "channel",
    Channel,
    (
        field("name"),
        Column("Preference", _percent("preference")),
        field("customer_value", "Value"),
        Column("Cost/contact", _money("cost_per_contact")),
        field("hours"),
        field("staffing"),
        field("decision"),
    ),
)
FRICTIONS: Final = TableSpec(
    "service_friendliness",
    "frictions",
    "Friction points",
    "friction point",
    Friction,
    (
        field("title"),
        Column("Stage", _stage),
        field("severity"),
        field("frequency"),
        field("fix"),
    ),
)
CHECKS: Final = TableSpec(
    "mobility",
    "checks",
    "Mobility checklist",
    "check",
    MobilityCheck,
    (
        field("channel"),
        Column("Check", lambda row, _plan: CHECK_LABELS.get(row.check, row.check)),
        field("status"),
        field("notes"),
    ),
)
CONTACT_REASONS: Final = TableSpec(
    "unnecessary_demand",
    "contact_reasons",
    "Contact reasons",
    "contact reason",
    ContactReason,
    (
        field("reason"),
        field("channel"),
        Column("Vol/mo", lambda row, _plan: number(row.monthly_volume)),
        field("demand"),
        Column("Avoid%", _percent("avoidable")),
        Column("Avoid/mo", _avoidable),
        Column("Cost/mo", _avoidable_cost),
    ),
)
STAKEHOLDERS: Final = TableSpec(
    "anchoring",
    "stakeholders",
    "Departments and stakeholders",
    "stakeholder",
    Stakeholder,
    (
        field("name"),
        field("role", "Who does what"),
        field("stages"),
        field("buy_in", "Buy-in"),
        field("next_step", "Next step"),
    ),
)

TABLES_BY_AREA: Final[dict[str, tuple[TableSpec, ...]]] = {
    "insight": (TOUCHPOINTS, KPIS),
    "accessibility": (CHANNELS,),
    "service_friendliness": (FRICTIONS,),
    "mobility": (CHECKS,),
    "unnecessary_demand": (CONTACT_REASONS,),
    "prioritisation": (),
    "anchoring": (STAKEHOLDERS,),
}
"""The structured tables of each area, in the order they are shown."""

CHOICE_LABELS: Final[dict[str, dict[str, str]]] = {
    "stage": STAGES.labels(),
    "stages": STAGES.labels(),
    "measure": {key: measure.label for key, measure in MEASURES_BY_ID.items()},
    "check": CHECK_LABELS,
}
"""Readable labels for fields whose values are keys: the choices of a choice field, or the
standard values of a text field such as a mobility check."""


def demand_totals(plan: Plan) -> tuple[float, float | None, int]:
    """Avoidable contacts a month, their cost (None if no reason has a known cost), and
    how many reasons have no known cost."""
    contacts = 0.0
    cost: float | None = None
    unpriced = 0
    for reason in plan.areas.unnecessary_demand.contact_reasons:
        contacts += reason.avoidable_per_month
        reason_cost = plan.avoidable_cost_per_month(reason)
        if reason_cost is None:
            if reason.avoidable_per_month:
                unpriced += 1
        else:
            cost = (cost or 0.0) + reason_cost
    return contacts, cost, unpriced


FIELD_HINTS: Final[dict[str, str]] = {
    "channel": "e.g. phone, e-mail, chat, web, app",
    "Kpi.channel": "blank: all channels",
    "check": "a standard check or your own words",
    "hours": "e.g. Mon–Fri 8–17",
    "staffing": "e.g. 6 FTE",
    "cadence": "e.g. monthly",
    "unit": "blank: the measure's own unit",
    "name": "",
}
"""Placeholders for text fields of the row forms, by field name (or ``Model.field`` where
one model's field means something else)."""


def field_hint(model: type[BaseModel], name: str) -> str:
    """The placeholder of a text field in ``model``'s row form."""
    return FIELD_HINTS.get(f"{model.__name__}.{name}", FIELD_HINTS.get(name, ""))


FIELD_LABELS: Final[dict[str, str]] = {
    "preference": "Preference %",
    "avoidable": "Avoidable %",
    "promoters": "Promoters %",
    "detractors": "Detractors %",
    "customer_value": "Value to customers 1–5",
    "severity": "Severity 1–5",
    "monthly_volume": "Contacts a month",
    "buy_in": "Buy-in",
    "role": "Who does what",
    "root_cause": "Root cause",
    "next_step": "Next step",
}
"""Labels for row-form fields whose name alone does not say the unit or the scale."""
