"""Each area's log of successes and failures: what happened, and what the team learned.

An entry has a date (never after today), a kind (success or failure, labelled by
:data:`~kxplan.framework.vocabulary.LOG_KINDS`), what happened, what was learned, and
optionally the initiative it is about (its id: a rule refuses an id no initiative has)
and a KPI. Every area holds one under ``[[areas.<area>.log]]``; the registry of area
tables (:mod:`kxplan.model.tables`) lists each, so the app, the comparison and
``kxplan show`` read them like any other table.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from pydantic import Field

from kxplan.framework.vocabulary import LogKind
from kxplan.i18n import _
from kxplan.model.types import Loc, Name, Slug, StrictModel, unset
from kxplan.text.dates import future_date

if TYPE_CHECKING:
    from kxplan.model.initiative import Initiative
    from kxplan.model.plan import Plan

LOG: str = "log"
"""The log's key under ``[areas.<area>]``, the same in every area."""


class LogEntry(StrictModel):
    """One success or failure an area has seen."""

    date: datetime.date
    """When it happened (today at the latest)."""
    kind: LogKind = "success"
    """success or failure."""
    name: Name
    """What happened, e.g. "Chat answers within a minute"."""
    learned: str = ""
    """What we learned from it."""
    initiative: Slug | None = Field(default=None, exclude_if=unset)
    """The id of the initiative it is about, if one."""
    kpi: str = Field(default="", exclude_if=unset)
    """The KPI it shows in, if one (its name as the KPI table has it)."""


def entry_rules(
    entry: LogEntry, today: Callable[[], datetime.date] = datetime.date.today
) -> Iterator[tuple[str, str]]:
    """One entry's own rules, as (field, message): the date is not after today."""
    if entry.date > today():
        yield "date", future_date(entry.date)


def initiative_problem(entry: LogEntry, ids: set[str]) -> str | None:
    """What is wrong with the entry's initiative: an id no initiative has; None if fine."""
    if entry.initiative is None or entry.initiative in ids:
        return None
    return _("no initiative has the id {id}").format(id=repr(entry.initiative))


def log_problems(plan: Plan) -> Iterator[tuple[Loc, str]]:
    """Every log entry that names an initiative the plan does not have."""
    ids = {item.id for item in plan.initiatives}
    for area_id, area in plan.areas.items():
        for index, entry in enumerate(area.log):
            message = initiative_problem(entry, ids)
            if message is not None:
                yield ("areas", area_id, LOG, index, "initiative"), message


def newest_first(entries: Sequence[LogEntry]) -> list[LogEntry]:
    """The entries newest first; entries of one date keep the order they were written in."""
    order = sorted(enumerate(entries), key=lambda pair: (-pair[1].date.toordinal(), pair[0]))
    return [entry for _index, entry in order]


def logged(initiative: Initiative, kind: LogKind, when: datetime.date) -> LogEntry:
    """An entry for a done initiative: its title as what happened, its outcome as what
    was learned, dated when it was finished."""
    return LogEntry(
        date=when,
        kind=kind,
        name=initiative.title,
        learned=initiative.outcome,
        initiative=initiative.id,
    )
