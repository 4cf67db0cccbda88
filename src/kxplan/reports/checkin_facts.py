"""What a check-in shows: what moved since a version, the KPIs off track, the initiatives
late, the evidence nobody addresses, and the decisions they call for.

Plain facts over two plans and a day; no clock (``today`` is given), no printing. What
moved is :func:`kxplan.versions.comparison.compare`'s changes, phrased by
:func:`kxplan.reports.comparison.describe`, only the kinds a follow-up asks about; a
KPI's new readings are found from the readings themselves. An initiative's ``when``
is read by the roadmap's parser (:func:`kxplan.reports.roadmap.when_sort_key`): a
label it cannot place in time is never late.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

from kxplan.framework import CLOSED_STATUSES
from kxplan.i18n import _, ngettext
from kxplan.model import Initiative, Kpi, Plan
from kxplan.model.evidence import LINKABLE, addressed_by
from kxplan.model.followup import Progress, progress
from kxplan.model.tables import AREA_TABLES, AreaTable
from kxplan.reports.checkin_moved import Line, Place, kpi_name, moved_lines
from kxplan.reports.dates import date_text
from kxplan.reports.roadmap import when_sort_key
from kxplan.text.dates import is_date, read_date
from kxplan.text.numbers import whole

STALE_AFTER: Final = dt.timedelta(days=91)
"""How long an initiative may be in progress with no date due before it is stale."""

DECIDED_TABLES = ("contact_reasons", "frictions")
"""Rows nobody addresses that call for a decision (a touchpoint or a channel without an
initiative is no problem in itself)."""


@dataclass(frozen=True, slots=True)
class OffTrack:
    """A KPI that will not reach its target in time, whose target date passed, or whose
    readings move away from its target (:attr:`Progress.wrong_way`)."""

    index: int
    kpi: Kpi
    progress: Progress
    overdue: bool
    """True when the target date passed without the target reached."""


@dataclass(frozen=True, slots=True)
class Late:
    """An open initiative whose planned time passed."""

    index: int
    initiative: Initiative
    due: dt.date
    """The last day of its ``when``."""


@dataclass(frozen=True, slots=True)
class Stale:
    """An initiative in progress for months with no date due (its ``when`` names none)."""

    index: int
    initiative: Initiative
    started: dt.date


@dataclass(frozen=True, slots=True)
class Unaddressed:
    """A row of the evidence no initiative addresses."""

    table: AreaTable
    index: int
    row: Any
    name: str = ""
    """The row's key as people read it (``Where is my order? / Phone``)."""
    short: str = ""
    """The row in a sentence: a contact reason by its words alone unless another
    reason has the same words (then with its channel, as :attr:`name`)."""


@dataclass(frozen=True, slots=True)
class CheckinFacts:
    """Everything a check-in shows, for one plan on one day."""

    today: dt.date
    since: str | None
    """The version compared with; None when there was none to compare with."""
    moved: tuple[Line, ...]
    off_track: tuple[OffTrack, ...]
    late: tuple[Late, ...]
    unaddressed: tuple[Unaddressed, ...]
    since_title: str = ""
    """A commit's subject or a snapshot's label, shown instead of :attr:`since`."""
    stale: tuple[Stale, ...] = ()
    since_when: dt.datetime | None = None
    """When the version compared with was committed or taken."""

    @property
    def shown_since(self) -> str:
        """The version compared with, for people, never a raw revision: ``the snapshot
        “After the workshop”``, ``the version of 3 December 2026, “New KPIs”``; a file
        by its name."""
        if not self.since:
            return ""
        title = self.since_title
        if title and title == self.since:
            return _("the snapshot “{label}”").format(label=title)
        if self.since_when is not None:
            day = date_text(self.since_when.date())
            if title:
                return _("the version of {date}, “{title}”").format(date=day, title=title)
            return _("the version of {date}").format(date=day)
        if title:
            return _("the version “{title}”").format(title=title)
        return self.since

    @property
    def decisions(self) -> tuple[Line, ...]:
        """What the meeting has to decide, one line each."""
        return tuple(decision_lines(self))


def when_due(when: str) -> dt.date | None:
    """The last day of an initiative's ``when``: a date itself, the end of its month,
    quarter, half or year; None for a label not placed in time (or none)."""
    text = when.strip()
    if is_date(text):
        return read_date(text)
    placed, year, _first, last, _text = when_sort_key(text)
    if placed != 0 or not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    month = 12 if last > 12 else last
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def late_initiatives(plan: Plan, today: dt.date) -> Iterator[Late]:
    """Open initiatives (not done, not dropped) whose planned time ended before ``today``,
    the longest overdue first."""
    found = []
    for index, item in enumerate(plan.initiatives):
        if item.status in CLOSED_STATUSES:
            continue
        due = when_due(item.when)
        if due is not None and due < today:
            found.append(Late(index, item, due))
    yield from sorted(found, key=lambda late: (late.due, late.index))


def stale_initiatives(plan: Plan, today: dt.date) -> Iterator[Stale]:
    """Initiatives in progress since more than :data:`STALE_AFTER` whose ``when`` gives
    no date to be late by."""
    for index, item in enumerate(plan.initiatives):
        started = item.started
        if item.status != "in_progress" or started is None or when_due(item.when) is not None:
            continue
        if today - started > STALE_AFTER:
            yield Stale(index, item, started)


def kpis_off_track(plan: Plan, today: dt.date) -> Iterator[OffTrack]:
    """KPIs whose trend misses the target by its date, whose date passed without
    reaching it (with or without readings), or whose latest reading is further from the
    target than the baseline (with or without a date)."""
    for index, kpi in enumerate(plan.areas.insight.kpis):
        found = progress(kpi)
        if found.reached or kpi.target is None:
            continue
        overdue = kpi.target_date is not None and kpi.target_date < today
        if found.on_track is False or overdue or (found.wrong_way and found.on_track is None):
            yield OffTrack(index, kpi, found, overdue)


def unaddressed_rows(plan: Plan) -> Iterator[Unaddressed]:
    """Rows of the tables an initiative can address that none does, table by table."""
    for table in AREA_TABLES:
        if table.attribute not in LINKABLE:
            continue
        rows = table.rows(plan)
        reasons = table.attribute == "contact_reasons"
        said = Counter(row.reason.strip().casefold() for row in rows) if reasons else Counter()
        for index, row in enumerate(rows):
            if addressed_by(plan, table, row):
                continue
            name = short = table.shown_key(row, plan)
            if reasons and said[row.reason.strip().casefold()] == 1:
                short = row.reason
            yield Unaddressed(table, index, row, name, short)


def checkin_facts(
    plan: Plan,
    today: dt.date,
    baseline: Plan | None = None,
    since: str | None = None,
    since_title: str = "",
    since_when: dt.datetime | None = None,
) -> CheckinFacts:
    """The check-in of ``plan`` on ``today``, compared with ``baseline`` (named ``since``,
    a commit's subject or a snapshot's label ``since_title``, of ``since_when``)."""
    moved = tuple(moved_lines(baseline, plan)) if baseline is not None else ()
    return CheckinFacts(
        today,
        since if baseline is not None else None,
        moved,
        tuple(kpis_off_track(plan, today)),
        tuple(late_initiatives(plan, today)),
        tuple(unaddressed_rows(plan)),
        since_title if baseline is not None else "",
        tuple(stale_initiatives(plan, today)),
        since_when if baseline is not None else None,
    )


# --- the lines for people ---------------------------------------------------------------


def late_text(late: Late) -> str:
    """``Chatbot (Q2 2026), due 30 June 2026``."""
    return _("{title} ({when}), due {date}").format(
        title=late.initiative.title, when=late.initiative.when.strip(), date=date_text(late.due)
    )


def stale_text(item: Stale) -> str:
    """``Web chat: in progress since 3 March 2026, no date due``."""
    return _("{title}: in progress since {date}, no date due").format(
        title=item.initiative.title, date=date_text(item.started)
    )


def off_track_text(item: OffTrack) -> str:
    """``NKI: 64 against the target 75 by 30 June 2027 (off track)``."""
    kpi, latest = item.kpi, item.progress.latest
    target = kpi.shown(kpi.target)
    when = date_text(kpi.target_date) if kpi.target_date else ""
    if latest is None:
        return _("{kpi}: no reading yet; target {target} by {date}, now passed").format(
            kpi=kpi_name(kpi), target=target, date=when
        )
    value = kpi.shown(latest.value)
    measured = date_text(latest.date)
    if item.overdue:
        text = _("{kpi}: {value} ({measured}) against the target {target} by {date}, now passed")
    elif item.progress.on_track is None:  # going the wrong way, the only other reason
        text = _(
            "{kpi}: {value} ({measured}), further from the target {target} "
            "than the baseline {baseline}"
        )
    elif when:
        text = _("{kpi}: {value} ({measured}) against the target {target} by {date}, off track")
    else:
        text = _("{kpi}: {value} ({measured}) against the target {target}, off track")
    return text.format(
        kpi=kpi_name(kpi),
        value=value,
        measured=measured,
        target=target,
        date=when,
        baseline=kpi.shown(kpi.baseline),
    )


def row_text(item: Unaddressed) -> str:
    """``Contact reason “Where is my order? / Phone”`` (the row as the app names it)."""
    return _("{row} “{key}”").format(row=_(item.table.row_name), key=item.name)


def decision_lines(facts: CheckinFacts) -> Iterator[Line]:
    """One decision per late initiative, KPI off track and problem nobody takes on."""
    for late in facts.late:
        initiative = late.initiative
        yield Line(
            _("Move the date or drop “{title}” (planned {when})").format(
                title=initiative.title, when=initiative.when.strip()
            ),
            Place("initiatives", initiative.id),
        )
    for stale in facts.stale:
        yield Line(
            _("Set a date for “{title}” (in progress since {date})").format(
                title=stale.initiative.title, date=date_text(stale.started)
            ),
            Place("initiatives", stale.initiative.id),
        )
    for off in facts.off_track:
        kpi, latest = off.kpi, off.progress.latest
        target = kpi.shown(kpi.target)
        when = date_text(kpi.target_date) if kpi.target_date else ""
        if latest is None:
            text = _(
                "Change course or the target for {kpi} — no reading against {target} by {date}"
            )
        elif when:
            text = _(
                "Change course or the target for {kpi} — "
                "{value} against the target {target} by {date}"
            )
        else:
            text = _("Change course or the target for {kpi} — {value} against the target {target}")
        value = kpi.shown(latest.value) if latest else ""
        said = text.format(kpi=kpi_name(kpi), value=value, target=target, date=when)
        yield Line(said, Place("kpis", off.index))
    rows = [entry for entry in facts.unaddressed if entry.table.attribute in DECIDED_TABLES]
    volume = {id(entry): getattr(entry.row, "monthly_volume", 0) for entry in rows}
    for entry in sorted(rows, key=lambda row: -volume[id(row)]):
        count = volume[id(entry)]
        if entry.table.attribute == "contact_reasons" and count:
            text = ngettext(
                "Who takes on “{reason}” ({volume} contact a month, no initiative)",
                "Who takes on “{reason}” ({volume} contacts a month, no initiative)",
                count,
            ).format(reason=entry.short, volume=whole(count))
        else:
            text = _("Who takes on {row} (no initiative)").format(row=row_text(entry))
        yield Line(text, Place(entry.table.attribute, entry.index))
