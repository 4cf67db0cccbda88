"""The structured tables of the areas as the app shows them: columns and cells.

Which tables an area has, their titles, row names and row models come from the
registry, :data:`kxplan.model.tables.AREA_TABLES`; a :class:`TableSpec` only adds
the columns. Pure description over the model (no widgets), so the area steps, the
row editor and the tests all agree on what each table shows.
"""

from __future__ import annotations

from collections.abc import Callable
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
from kxplan.framework.fields import FIELD_NAMES as FIELD_NAMES
from kxplan.framework.fields import field_name as field_name
from kxplan.framework.vocabulary import LOG_KINDS
from kxplan.i18n import N_, _, pgettext
from kxplan.model import ContactReason, Kpi, Plan
from kxplan.model import tables as registry
from kxplan.model.journey import stage_label
from kxplan.model.log import LOG
from kxplan.model.tables import AreaTable, shown_field
from kxplan.text import numbers
from kxplan.tui import evidence_columns as evidence
from kxplan.tui import journey_columns as journey


def number(value: float | None, unit: str = "") -> str:
    """A number as people write it: 3, 2.5, 1 200 (see :func:`kxplan.text.numbers.number`),
    then its unit after a no-break space (:func:`~kxplan.text.numbers.measured`, so a
    narrow column never leaves the unit alone on a line); blank for none."""
    return numbers.measured(value, unit, unknown="")


def _text(name: str, value: object) -> str:
    """A field's value as the table shows it: keys by their label (``Failure demand``)."""
    if value is None:
        return ""
    labels = choice_labels().get(name, {})
    if isinstance(value, list):
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    return labels.get(str(value), str(value))


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its header (marked, translated where shown: :attr:`title`) and how a
    row's cell reads."""

    header: str
    cell: Callable[[Any, Plan], str]
    per_plan: Callable[[Plan], Callable[[Any], str]] | None = None
    """Cells that read the whole plan once (the links): given, ``cell`` is not used."""
    gives_way: int = 0
    """Left out when the table is too wide: 0 never; a higher number before a lower
    one, and of equal ones the last first (see :data:`LINKS_GIVE_WAY`)."""

    def bind(self, plan: Plan) -> Callable[[Any], str]:
        """The column's cells for ``plan``: a row → its text."""
        if self.per_plan is not None:
            return self.per_plan(plan)
        return lambda row: self.cell(row, plan)

    @property
    def title(self) -> str:
        """The header in the current language."""
        return _(self.header)


LINKS_GIVE_WAY: Final = 9
"""Who addresses a row gives way first: it repeats what the initiatives say."""


def field(name: str, header: str | None = None, *, gives_way: int = 0) -> Column:
    """A column showing one field of the row as text, as people read it
    (:func:`~kxplan.model.tables.shown_field`)."""
    return Column(
        header or FIELD_NAMES.get(name, name.replace("_", " ").capitalize()),
        lambda row, _plan: _text(name, shown_field(row, name)),
        gives_way=gives_way,
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
        """The table's heading, in the current language."""
        return _table_words().get(self.key, (self.table.title, self.table.row_name))[0]

    @property
    def row_name(self) -> str:
        """What one row is called, e.g. "KPI", in the current language."""
        return _table_words().get(self.key, (self.table.title, self.table.row_name))[1]

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


def _table_words() -> dict[str, tuple[str, str]]:
    """Each table's heading and what one row is called, in the current language."""
    return {
        "journey": (pgettext("table", "Journey stages"), pgettext("table", "journey stage")),
        "touchpoints": (
            pgettext("table", "Touchpoints along the journey"),
            pgettext("table", "touchpoint"),
        ),
        "kpis": (pgettext("table", "KPIs per channel"), pgettext("table", "KPI")),
        "channels": (pgettext("table", "Channels"), pgettext("table", "channel")),
        "frictions": (pgettext("table", "Friction points"), pgettext("table", "friction point")),
        "checks": (pgettext("table", "Mobility checklist"), pgettext("table", "check")),
        "contact_reasons": (
            pgettext("table", "Contact reasons"),
            pgettext("table", "contact reason"),
        ),
        "stakeholders": (
            pgettext("table", "Departments and stakeholders"),
            pgettext("table", "stakeholder"),
        ),
        LOG: (pgettext("table", "Successes and failures"), pgettext("table", "log entry")),
    }


def check_labels() -> dict[str, str]:
    """The standard mobility checks' labels, by key, in the current language."""
    return MOBILITY_CHECKS.labels()


def _kpi_measure(row: Kpi, _plan: Plan) -> str:
    return row.name or _(MEASURES_BY_ID[row.measure].label)


def _kpi_value(name: str) -> Callable[[Kpi, Plan], str]:
    def cell(row: Kpi, _plan: Plan) -> str:
        return row.shown(getattr(row, name), unknown="")

    return cell


def _avoidable(row: ContactReason, _plan: Plan) -> str:
    return number(round(row.avoidable_per_month, 1))


def _avoidable_cost(row: ContactReason, plan: Plan) -> str:
    return numbers.money(plan.avoidable_cost_per_month(row), plan.currency)


def _percent(name: str) -> Callable[[Any, Plan], str]:
    def cell(row: Any, _plan: Plan) -> str:
        return numbers.percent(getattr(row, name), 2, unknown="")

    return cell


def _money(name: str) -> Callable[[Any, Plan], str]:
    """A price per unit (a contact's cost), its decimals kept."""

    def cell(row: Any, plan: Plan) -> str:
        return numbers.money(getattr(row, name), plan.currency, places=2, unknown="")

    return cell


def _addressed(table: str) -> Column:
    return Column(
        N_("Addressed by"),
        lambda _row, _plan: "",
        evidence.addressed_by(table),
        gives_way=LINKS_GIVE_WAY,
    )


JOURNEY: Final = shown_as(
    "journey",
    (
        field("id"),
        Column(N_("Name"), lambda row, plan: stage_label(plan, row.id)),
        field("description"),
    ),
)
TOUCHPOINTS: Final = shown_as(
    "touchpoints",
    (
        field("name"),
        Column(N_("Stage"), journey.stage_cell),
        field("channel"),
        Column(N_("Critical"), journey.critical_cell),
        # TRANSLATORS: a column's header: expected − experienced score of a touchpoint.
        Column(N_("Gap"), journey.gap_cell, gives_way=1),
        field("notes"),
        _addressed("touchpoints"),
    ),
)
KPIS: Final = shown_as(
    "kpis",
    (
        Column(N_("Measure"), _kpi_measure),
        field("channel"),
        Column(N_("Baseline"), _kpi_value("baseline")),
        Column(N_("Target"), _kpi_value("target")),
        # how often it is measured, then the readings' line, give way before the
        # progress: on a small screen the table still says where each KPI stands
        field("cadence", gives_way=3),
        Column(N_("Readings"), evidence.readings_cell, gives_way=2),
        Column(N_("Progress"), evidence.progress_cell, gives_way=1),
        _addressed("kpis"),
    ),
)
CHANNELS: Final = shown_as(
    "channels",
    (
        field("name"),
        Column(N_("Preference"), _percent("preference")),
        field("customer_value", N_("Value")),
        Column(N_("Cost/contact"), _money("cost_per_contact")),
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
        Column(N_("Stage"), journey.stage_cell),
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
        Column(N_("Check"), lambda row, _plan: check_labels().get(row.check, row.check)),
        field("status"),
        field("notes"),
    ),
)
CONTACT_REASONS: Final = shown_as(
    "contact_reasons",
    (
        field("reason"),
        field("channel"),
        Column(N_("Vol/mo"), lambda row, _plan: number(row.monthly_volume)),
        field("demand"),
        Column(N_("Avoid%"), _percent("avoidable")),
        Column(N_("Avoid/mo"), _avoidable),
        Column(N_("Cost/mo"), _avoidable_cost),
        _addressed("contact_reasons"),
    ),
)
STAKEHOLDERS: Final = shown_as(
    "stakeholders",
    (
        field("name"),
        field("role", N_("Who does what")),
        Column(N_("Stages"), journey.stages_cell),
        field("buy_in", N_("Buy-in")),
        field("next_step", N_("Next step")),
    ),
)


def _initiative_title(initiative_id: str | None, plan: Plan) -> str:
    """An initiative by its title (its id when no initiative has it); blank for none."""
    if not initiative_id:
        return ""
    found = next((item for item in plan.initiatives if item.id == initiative_id), None)
    return found.title if found is not None else initiative_id


LOG_COLUMNS: Final = (
    Column(N_("Date"), lambda row, _plan: row.date.isoformat()),
    field("kind", N_("Kind")),
    field("name", N_("What happened")),
    field("learned"),
    Column(N_("Initiative"), lambda row, plan: _initiative_title(row.initiative, plan)),
)
"""The columns of every area's log (each area's :class:`TableSpec` is its own)."""

_SHOWN: Final = {
    spec.key: spec
    for spec in (
        JOURNEY,
        TOUCHPOINTS,
        KPIS,
        CHANNELS,
        FRICTIONS,
        CHECKS,
        CONTACT_REASONS,
        STAKEHOLDERS,
    )
}

TABLES_BY_AREA: Final[dict[str, tuple[TableSpec, ...]]] = {
    area_id: tuple(
        TableSpec(table, LOG_COLUMNS) if table.attribute == LOG else _SHOWN[table.attribute]
        for table in registry.TABLES_BY_AREA[area_id]
    )
    for area_id in AREA_IDS
}
"""The structured tables of each area, in the registry's order (a table the registry
adds without columns here fails on import)."""


def choice_labels() -> dict[str, dict[str, str]]:
    """Readable labels for fields whose values are keys: the choices of a choice field, or
    the standard values of a text field such as a mobility check; in the current language."""
    return {
        "stage": STAGES.labels(),
        "stages": STAGES.labels(),
        "measure": {key: _(measure.label) for key, measure in MEASURES_BY_ID.items()},
        "scale": KPI_SCALES.labels(),
        "check": check_labels(),
        "demand": DEMANDS.labels(),
        "decision": DECISIONS.labels(),
        "frequency": FREQUENCIES.labels(),
        "status": CHECK_STATUSES.labels(),
        "buy_in": BUY_IN.labels(),
        "kind": LOG_KINDS.labels(),
    }
