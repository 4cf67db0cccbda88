"""A check-in for people and tools: the document's section, and ``kxplan checkin``'s text,
Markdown and JSON, all from one list of parts (:func:`parts`).

The facts come from :mod:`kxplan.reports.checkin_facts`; the check-in recorded in the
plan (:class:`kxplan.model.checkin.CheckIn`) adds its date and what was decided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.model.checkin import CheckIn
from kxplan.reports.blocks import Answer, Block, Bullets, Heading, Note, Paragraph
from kxplan.reports.checkin_facts import (
    CheckinFacts,
    checkin_facts,
    late_text,
    off_track_text,
    row_text,
    stale_text,
)
from kxplan.reports.checkin_moved import Line, Place, kpi_name
from kxplan.reports.dates import date_text
from kxplan.text.literal import printable
from kxplan.text.markdown import line as markdown_line


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a check-in: its title, its lines, and what it says when it has none."""

    key: str
    title: str
    lines: tuple[Line, ...]
    empty: str


def parts(facts: CheckinFacts) -> tuple[Part, ...]:
    """The check-in's parts in the order a meeting goes through them (in the current
    language)."""
    if facts.since is None:
        moved = Part(
            "moved",
            _("What moved"),
            (),
            _(
                "No earlier version to compare with: "
                "take a snapshot (f5 in the app) or commit the plan."
            ),
        )
    else:
        moved = Part(
            "moved",
            _("What moved since {version}").format(version=facts.shown_since),
            facts.moved,
            _("Nothing moved since then."),
        )
    return (
        moved,
        Part(
            "off_track",
            _("KPIs off track"),
            tuple(
                Line(off_track_text(item), Place("kpis", item.index)) for item in facts.off_track
            ),
            _("No KPI is off track."),
        ),
        Part(
            "late",
            _("Initiatives late"),
            (
                *(
                    Line(late_text(item), Place("initiatives", item.initiative.id))
                    for item in facts.late
                ),
                *(
                    Line(stale_text(item), Place("initiatives", item.initiative.id))
                    for item in facts.stale
                ),
            ),
            _("No initiative is late."),
        ),
        Part(
            "unaddressed",
            _("Evidence nobody addresses"),
            tuple(
                Line(row_text(item), Place(item.table.attribute, item.index))
                for item in facts.unaddressed
            ),
            _("Every row is addressed by an initiative."),
        ),
        Part("decide", _("What to decide"), facts.decisions, _("Nothing to decide.")),
    )


def headline(facts: CheckinFacts, recorded: CheckIn | None = None) -> str:
    """``Check-in of 4 December 2026, compared with the version of 3 December 2026, “New
    KPIs”.``"""
    day = date_text(recorded.date if recorded else facts.today)
    since = facts.shown_since or (recorded.since if recorded else None)
    if since:
        return _("Check-in of {date}, compared with {version}.").format(date=day, version=since)
    return _("Check-in of {date}.").format(date=day)


# --- the document -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckinAsked:
    """A check-in asked of the document (``kxplan export --since``): the day, the version
    compared with and its name. The facts are worked out in the document's language."""

    today: dt.date
    baseline: Plan | None = None
    since: str | None = None
    since_title: str = ""
    since_when: dt.datetime | None = None


def document_checkin(plan: Plan, asked: CheckinAsked | None = None) -> CheckinFacts | None:
    """The check-in the document shows: the one asked for, else the plan's last recorded
    one as of its date (nothing moved is shown then); None for neither."""
    if asked is not None:
        return checkin_facts(
            plan, asked.today, asked.baseline, asked.since, asked.since_title, asked.since_when
        )
    if not plan.checkins:
        return None
    return checkin_facts(plan, plan.checkins[-1].date)


def checkin_section(plan: Plan, facts: CheckinFacts) -> Iterator[Block]:
    """The document's check-in: the headline, each part, what was decided."""
    recorded = plan.checkins[-1] if plan.checkins else None
    if recorded is not None and recorded.date != facts.today:
        recorded = None  # a fresh check-in (--since): the recorded one is older
    yield Heading(2, _("Check-in"), "checkin")
    yield Paragraph(headline(facts, recorded))
    for part in parts(facts):
        if part.key == "moved" and facts.since is None:
            continue  # the document names no version to save
        yield Heading(3, part.title, f"checkin-{part.key.replace('_', '-')}")
        if part.lines:
            yield Bullets(tuple(line.text for line in part.lines))
        else:
            yield Note(part.empty)
    if recorded is not None:
        yield Answer(_("Decided"), recorded.decisions)


# --- kxplan checkin -----------------------------------------------------------------------


def format_text(facts: CheckinFacts) -> str:
    """The check-in as plain text: the headline, then each part, a line per item."""
    out = [printable(headline(facts))]
    for part in parts(facts):
        out += ["", printable(part.title)]
        out += [f"  {printable(line.text)}" for line in part.lines] or [f"  {part.empty}"]
    return "\n".join(out) + "\n"


def format_markdown(facts: CheckinFacts) -> str:
    """The check-in as Markdown, for the minutes."""
    out = [f"# {markdown_line(headline(facts))}"]
    for part in parts(facts):
        out += ["", f"## {markdown_line(part.title)}", ""]
        lines = [f"- {markdown_line(line.text)}" for line in part.lines]
        out += lines or [f"_{markdown_line(part.empty)}_"]
    return "\n".join(out) + "\n"


def _place(line: Line) -> dict[str, Any] | None:
    return None if line.place is None else {"table": line.place.table, "key": line.place.key}


def checkin_data(facts: CheckinFacts) -> dict[str, Any]:
    """The check-in as plain data: the facts with the lines people read."""
    return {
        "date": facts.today.isoformat(),
        "since": facts.since,
        "moved": [{"text": line.text, "place": _place(line)} for line in facts.moved],
        "off_track": [
            {
                "kpi": kpi_name(item.kpi),
                "index": item.index,
                "latest": None if item.progress.latest is None else item.progress.latest.value,
                "latest_date": _iso(item.progress.latest.date if item.progress.latest else None),
                "target": item.kpi.target,
                "target_date": _iso(item.kpi.target_date),
                "overdue": item.overdue,
            }
            for item in facts.off_track
        ],
        "late": [
            {
                "id": item.initiative.id,
                "title": item.initiative.title,
                "when": item.initiative.when,
                "due": item.due.isoformat(),
                "status": item.initiative.status,
            }
            for item in facts.late
        ],
        "stale": [
            {
                "id": item.initiative.id,
                "title": item.initiative.title,
                "started": item.started.isoformat(),
            }
            for item in facts.stale
        ],
        "unaddressed": [
            {"table": item.table.attribute, "index": item.index, "key": item.table.key_of(item.row)}
            for item in facts.unaddressed
        ],
        "decide": [{"text": line.text, "place": _place(line)} for line in facts.decisions],
    }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
