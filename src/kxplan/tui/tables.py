"""The structured tables of the areas as the app shows them: columns and cells.

Which tables an area has, their titles, row names and row models come from the
registry, :data:`kxplan.model.tables.AREA_TABLES`; a :class:`TableSpec` only adds
the columns. Pure description over the model (no widgets), so the area steps, the
row editor and the tests all agree on what each table shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from pydantic import BaseModel

from kxplan.framework import (
    AREA_IDS,
    BUY_IN,
    CHECK_STATUSES,
    DECISIONS,
    DEMANDS,
    FREQUENCIES,
    KPI_SCALES,
    MEASURES_BY_ID,
    MOBILITY_CHECKS,
    STAGES,
    AreaId,
)
from kxplan.i18n import N_
from kxplan.model import ContactReason, Kpi, Plan
from kxplan.model import tables as registry
from kxplan.model.tables import AreaTable
from kxplan.text import numbers
from kxplan.tui import evidence_columns as evidence


def number(value: float | None, unit: str = "") -> str:
    """A number as people write it: 3, 2.5, 1 200 (see :func:`kxplan.text.numbers.number`),
    then its unit; blank for none."""
    if value is None:
        return ""
    text = numbers.number(value)
    return f"{text} {unit}".strip() if unit else text


def _text(name: str, value: object) -> str:
    """A field's value as the table shows it: keys by their label (``Failure demand``)."""
    if value is None:
        return ""
    labels = CHOICE_LABELS.get(name, {})
    if isinstance(value, list):
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    return labels.get(str(value), str(value))


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its header and how a row's cell reads."""

    header: str
    cell: Callable[[Any, Plan], str]
    per_plan: Callable[[Plan], Callable[[Any], str]] | None = None
    """Cells that read the whole plan once (the links): given, ``cell`` is not used."""
    gives_way: bool = False
    """Left out when the table is too wide (the links, the readings)."""

    def bind(self, plan: Plan) -> Callable[[Any], str]:
        """The column's cells for ``plan``: a row → its text."""
        if self.per_plan is not None:
            return self.per_plan(plan)
        return lambda row: self.cell(row, plan)


def field(name: str, header: str | None = None) -> Column:
    """A column showing one field of the row as text."""
    return Column(
        header or name.replace("_", " ").capitalize(),
        lambda row, _plan: _text(name, getattr(row, name)),
    )


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A structured table of an area as the app shows it: the registry's table, and
    the columns it is shown with."""

    table: AreaTable
    columns: tuple[Column, ...]

    @property
    def area_id(self) -> AreaId:
        """The area that holds the table."""
        return self.table.area

    @property
    def key(self) -> str:
        """The table's key under ``[areas.<area>]``."""
        return self.table.attribute

    @property
    def title(self) -> str:
        """The table's heading."""
        return self.table.title

    @property
    def row_name(self) -> str:
        """What one row is called, e.g. "KPI"."""
        return self.table.row_name

    @property
    def model(self) -> type[BaseModel]:
        """The row model."""
        return self.table.row

    def rows(self, plan: Plan) -> list[Any]:
        """The table's rows in ``plan`` (the live list: edits go into the plan)."""
        return self.table.rows(plan)

    @property
    def loc(self) -> tuple[str, ...]:
        """Where the table lives in a plan, as a model location."""
        return ("areas", self.area_id, self.key)


def shown_as(attribute: str, columns: tuple[Column, ...]) -> TableSpec:
    """The registry's table ``attribute``, shown with ``columns``."""
    return TableSpec(registry.TABLES_BY_ATTRIBUTE[attribute], columns)


CHECK_LABELS: Final[dict[str, str]] = MOBILITY_CHECKS.labels()
"""The standard mobility checks' labels, by key."""


def _stage(row: Any, _plan: Plan) -> str:
    stage = getattr(row, "stage", None)
    return STAGES.label(stage)


def _kpi_measure(row: Kpi, _plan: Plan) -> str:
    return row.label


def _kpi_value(name: str) -> Callable[[Kpi, Plan], str]:
    def cell(row: Kpi, _plan: Plan) -> str:
        return row.shown(getattr(row, name), unknown="")

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


def _addressed(table: str) -> Column:
    return Column(
        N_("Addressed by"), lambda _row, _plan: "", evidence.addressed_by(table), gives_way=True
    )


TOUCHPOINTS: Final = shown_as(
    "touchpoints",
    (
        field("name"),
        Column("Stage", _stage),
        field("channel"),
        field("notes"),
        _addressed("touchpoints"),
    ),
)
KPIS: Final = shown_as(
    "kpis",
    (
        Column("Measure", _kpi_measure),
        field("channel"),
        Column("Baseline", _kpi_value("baseline")),
        Column("Target", _kpi_value("target")),
        field("cadence"),
        Column(N_("Readings"), evidence.readings_cell, gives_way=True),
        Column(N_("Progress"), evidence.progress_cell, gives_way=True),
        _addressed("kpis"),
    ),
)
CHANNELS: Final = shown_as(
    "channels",
    (
        field("name"),
        Column("Preference", _percent("preference")),
        field("customer_value", "Value"),
        Column("Cost/contact", _money("cost_per_contact")),
        field("hours"),
        field("staffing"),
        field("decision"),
        _addressed("channels"),
    ),
)
FRICTIONS: Final = shown_as(
    "frictions",
    (
        field("title"),
        Column("Stage", _stage),
        field("severity"),
        field("frequency"),
        field("fix"),
        _addressed("frictions"),
    ),
)
CHECKS: Final = shown_as(
    "checks",
    (
        field("channel"),
        Column("Check", lambda row, _plan: CHECK_LABELS.get(row.check, row.check)),
        field("status"),
        field("notes"),
    ),
)
CONTACT_REASONS: Final = shown_as(
    "contact_reasons",
    (
        field("reason"),
        field("channel"),
        Column("Vol/mo", lambda row, _plan: number(row.monthly_volume)),
        field("demand"),
        Column("Avoid%", _percent("avoidable")),
        Column("Avoid/mo", _avoidable),
        Column("Cost/mo", _avoidable_cost),
        _addressed("contact_reasons"),
    ),
)
STAKEHOLDERS: Final = shown_as(
    "stakeholders",
    (
        field("name"),
        field("role", "Who does what"),
        field("stages"),
        field("buy_in", "Buy-in"),
        field("next_step", "Next step"),
    ),
)

_SHOWN: Final = {
    spec.key: spec
    for spec in (TOUCHPOINTS, KPIS, CHANNELS, FRICTIONS, CHECKS, CONTACT_REASONS, STAKEHOLDERS)
}

TABLES_BY_AREA: Final[dict[str, tuple[TableSpec, ...]]] = {
    area_id: tuple(_SHOWN[table.attribute] for table in registry.TABLES_BY_AREA[area_id])
    for area_id in AREA_IDS
}
"""The structured tables of each area, in the registry's order (a table the registry
adds without columns here fails on import)."""

CHOICE_LABELS: Final[dict[str, dict[str, str]]] = {
    "stage": STAGES.labels(),
    "stages": STAGES.labels(),
    "measure": {key: measure.label for key, measure in MEASURES_BY_ID.items()},
    "scale": KPI_SCALES.labels(),
    "check": CHECK_LABELS,
    "demand": DEMANDS.labels(),
    "decision": DECISIONS.labels(),
    "frequency": FREQUENCIES.labels(),
    "status": CHECK_STATUSES.labels(),
    "buy_in": BUY_IN.labels(),
}
"""Readable labels for fields whose values are keys: the choices of a choice field, or the
standard values of a text field such as a mobility check."""


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


def _usual_scale(texts: Mapping[str, str]) -> str:
    measure = MEASURES_BY_ID.get(texts.get("measure", ""))
    if measure is None:
        return "(the measure's usual scale)"
    return f"usual for {measure.label}: {measure.scale_term.label}"


CHOICE_PROMPTS: Final[dict[str, Callable[[Mapping[str, str]], str]]] = {
    "Kpi.scale": _usual_scale,
}
"""What a blank choice means, worked out from the form's other fields (``Model.field``):
a KPI left without a scale is on its measure's usual one."""


def choice_prompt(model: type[BaseModel], name: str, texts: Mapping[str, str]) -> str | None:
    """The blank choice's words for this field of ``model`` given the form's texts; None
    when the field has no such words."""
    prompt = CHOICE_PROMPTS.get(f"{model.__name__}.{name}")
    return prompt(texts) if prompt is not None else None


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
