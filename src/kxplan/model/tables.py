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
from kxplan.i18n import N_, _, ngettext
from kxplan.model.journey import DEFAULT_STAGES, stage_label
from kxplan.model.log import LOG, LogEntry
from kxplan.model.rows import (
    Channel,
    ContactReason,
    Friction,
    JourneyStage,
    Kpi,
    MobilityCheck,
    Stakeholder,
    Touchpoint,
)

if TYPE_CHECKING:
    from kxplan.model.plan import Plan


def shown_field(row: Any, name: str) -> Any:
    """A row's field as people read it: its ``shown_<name>`` where the row has one (a
    KPI's channel "all" in the current language), else the field as written."""
    return getattr(row, f"shown_{name}", None) or getattr(row, name)


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
    """The table's heading: "Touchpoints along the journey" (as written, marked for
    translation: show it as ``_(table.title)``)."""
    row_name: str
    """One row, in a sentence: "touchpoint", "KPI" (show it as ``_(table.row_name)``)."""
    plural: str
    """A count of rows, capitalised: "Touchpoints", "KPIs" (``_(table.plural)``)."""

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

    def shown_key(self, row: Any, plan: Plan | None = None) -> str:
        """The row's key as the current language reads it, blanks left out: a KPI by its
        measure's name in that language, a touchpoint's stage by its label in ``plan``
        (``Checkout / Under köpet``); :meth:`key_text` keeps the words of the file."""
        parts = []
        for name in self.key_fields:
            value = shown_field(row, name)
            if name == "stage" and value:
                value = stage_label(plan, str(value))
            if value:
                parts.append(str(value))
        return " / ".join(parts)

    def loc(self, index: int, *rest: str | int) -> tuple[str | int, ...]:
        """The key path of row ``index`` (and a field in it) in a plan file."""
        return ("areas", self.area, self.attribute, index, *rest)


def _log(area: AreaId) -> AreaTable:
    """An area's log of successes and failures (every area has one, under the same key)."""
    return AreaTable(
        area,
        LOG,
        LogEntry,
        ("name", "date"),
        ("name",),
        False,
        N_("Successes and failures"),
        N_("log entry"),
        N_("Log entries"),
    )


_TABLES: Final[tuple[AreaTable, ...]] = (
    AreaTable(
        "insight",
        "journey",
        JourneyStage,
        ("id",),
        (),
        True,
        N_("Journey stages"),
        N_("journey stage"),
        N_("Journey stages"),
    ),
    AreaTable(
        "insight",
        "touchpoints",
        Touchpoint,
        ("name", "stage"),
        ("name",),
        False,
        N_("Touchpoints along the journey"),
        N_("touchpoint"),
        N_("Touchpoints"),
    ),
    AreaTable(
        "insight",
        "kpis",
        Kpi,
        ("label", "channel"),
        (),
        True,
        N_("KPIs per channel"),
        N_("KPI"),
        N_("KPIs"),
    ),
    AreaTable(
        "accessibility",
        "channels",
        Channel,
        ("name",),
        ("name",),
        True,
        N_("Channels"),
        N_("channel"),
        N_("Channels"),
    ),
    AreaTable(
        "service_friendliness",
        "frictions",
        Friction,
        ("title",),
        ("title",),
        True,
        N_("Friction points"),
        N_("friction point"),
        N_("Frictions"),
    ),
    AreaTable(
        "mobility",
        "checks",
        MobilityCheck,
        ("channel", "check"),
        ("channel", "check"),
        True,
        N_("Mobility checklist"),
        N_("check"),
        N_("Mobility checks"),
    ),
    AreaTable(
        "unnecessary_demand",
        "contact_reasons",
        ContactReason,
        ("reason", "channel"),
        ("reason",),
        True,
        N_("Contact reasons"),
        N_("contact reason"),
        N_("Contact reasons"),
    ),
    AreaTable(
        "anchoring",
        "stakeholders",
        Stakeholder,
        ("name",),
        ("name",),
        True,
        N_("Departments and stakeholders"),
        N_("stakeholder"),
        N_("Stakeholders"),
    ),
)

AREA_TABLES: Final[tuple[AreaTable, ...]] = tuple(
    table
    for area_id in AREA_IDS
    for table in (*(t for t in _TABLES if t.area == area_id), _log(area_id))
)
"""Every area table, in the order of the walk and, within an area, as shown: an area's
own tables, then its log."""

TABLES_BY_AREA: Final[dict[AreaId, tuple[AreaTable, ...]]] = {
    area_id: tuple(t for t in AREA_TABLES if t.area == area_id) for area_id in AREA_IDS
}
"""The tables of each area (an empty tuple for an area without one)."""

TABLES_BY_ATTRIBUTE: Final[dict[str, AreaTable]] = {
    t.attribute: t for t in AREA_TABLES if t.attribute != LOG or t.area == AREA_IDS[0]
}
"""Each table by its key; ``log`` is the first area's log (the logs of all areas share
their key, words and row model: :data:`TABLES_BY_AREA` finds an area's own)."""


def table_of(row: BaseModel) -> AreaTable:
    """The table a row belongs in, by its model."""
    for table in AREA_TABLES:
        if isinstance(row, table.row):
            return table
    raise KeyError(type(row).__name__)


def log_table(area: AreaId) -> AreaTable:
    """The log of ``area``."""
    return next(t for t in TABLES_BY_AREA[area] if t.attribute == LOG)


def naming_stage(plan: Plan, stage_id: str) -> list[str]:
    """What in ``plan`` still names the stage ``stage_id``: "touchpoint 'Checkout / buy'"
    per row, in the walk's order (empty when a stage may go)."""
    found = []
    for table in AREA_TABLES:
        for row in table.rows(plan):
            if getattr(row, "stage", None) == stage_id or stage_id in getattr(row, "stages", ()):
                found.append(
                    _("{row} {name}").format(row=_(table.row_name), name=repr(table.key_text(row)))
                )
    return found


def still_named(plan: Plan, stage_id: str) -> str | None:
    """Why the stage ``stage_id`` cannot go (or change its id): the rows that still name
    it; None when nothing does."""
    found = naming_stage(plan, stage_id)
    if not found:
        return None
    return ngettext(
        "the stage {id} is still named by {rows}; move it to another stage first",
        "the stage {id} is still named by {rows}; move them to another stage first",
        len(found),
    ).format(id=repr(stage_id), rows=", ".join(found))


def stages_kept(plan: Plan, adding: str) -> list[JourneyStage]:
    """The built-in stages rows name, to keep when a plan on the built-in three gets a
    first stage of its own (``adding``): without them those rows would name stages the
    plan no longer has. Empty once the plan has stages of its own."""
    if plan.areas.insight.journey:
        return []
    return [
        stage.model_copy()
        for stage in DEFAULT_STAGES
        if stage.id != adding and naming_stage(plan, stage.id)
    ]
