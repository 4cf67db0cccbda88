"""What an initiative answers and what became of it, in the document: the rows it
addresses, the figures derived from them (each explained as the ranking explains
itself), and for done and dropped initiatives their dates, actual effort, outcome and
the readings of the KPIs they address since they finished.

The figures come from :mod:`kxplan.model.linked_figures`; the estimated effort a done
initiative is set against is the calibration's
(:func:`~kxplan.scoring.calibration.room_calibration`).
"""

from __future__ import annotations

from collections.abc import Iterator

from kxplan.framework import STATUSES
from kxplan.i18n import _
from kxplan.model import Initiative, Kpi, Plan
from kxplan.model.evidence import RowIndex, link_text, linked_rows
from kxplan.model.followup import ordered
from kxplan.model.linked_figures import kpi_moves, linked_demand, reach_per_month
from kxplan.reports.blocks import Block, Heading, Note, Table
from kxplan.reports.dates import date_text
from kxplan.reports.results import Results
from kxplan.reports.words import currency
from kxplan.scoring.calibration import room_calibration
from kxplan.text.numbers import DASH, number


def addresses_text(plan: Plan, item: Initiative, index: RowIndex | None = None) -> str:
    """The rows an initiative addresses, by their table and label:
    ``Contact reason “Where is my order? / phone”; KPI “CSAT / phone”``."""
    rows = index or RowIndex(plan)
    return "; ".join(link_text(plan, link, rows) for link in item.addresses)


def evidence_facts(
    plan: Plan, item: Initiative, index: RowIndex | None = None
) -> list[tuple[str, str]]:
    """An initiative's evidence as facts: what it addresses, its reach a month and the
    money its linked contact reasons would save a month, each with its arithmetic, and
    the KPI moves it should help. None of them without links or a reach period."""
    facts: list[tuple[str, str]] = []
    if item.addresses:
        facts.append((_("Addresses"), addresses_text(plan, item, index)))
    if item.addresses or item.reach_period:
        reach = reach_per_month(plan, item, index)
        if reach is not None:
            facts.append((_("Reach a month"), reach.explanation))
    if not item.addresses:
        return facts
    demand = linked_demand(plan, item, index)
    if demand.parts:
        said = demand.explain(currency(plan))
        if demand.unpriced:
            said += "; " + _("no cost per contact for the channel of: {reasons}").format(
                reasons=", ".join(f"“{reason.reason}”" for reason in demand.unpriced)
            )
        facts.append((_("Money saved a month"), said))
    moves = kpi_moves(plan, item, index)
    if moves:
        facts.append((_("KPIs it should move"), "; ".join(move.explain() for move in moves)))
    return facts


def followed_through(
    plan: Plan, results: Results, index: RowIndex | None = None
) -> Iterator[Block]:
    """The done initiatives, and the dropped ones with anything followed up (a date,
    the actual effort, the outcome): started, finished, effort estimated → actual, the
    outcome, and the readings of the KPIs they address since they finished. A done
    initiative is listed without any of these (marked done in an import, say): it left
    the ranking and is still seen. Nothing when there is none."""
    closed = [
        item
        for item in results.closed
        if item.status == "done"
        or item.started
        or item.finished
        or item.actual_effort is not None
        or item.outcome
    ]
    if not closed:
        return
    yield Heading(3, _("Followed through"), "followed-through")
    yield Note(
        _(
            "Done and dropped initiatives: when the work ran, the effort estimated "
            "against what it took, what it achieved, and the KPIs it addresses since."
        )
    )
    room = room_calibration(plan)
    estimated = {pair.initiative.id: pair.estimated for pair in room.pairs} if room else {}
    rows = []
    for item in closed:
        guess = estimated.get(item.id, item.effort)
        effort = (
            number(item.actual_effort)
            if guess is None
            else f"{number(guess)} → {number(item.actual_effort)}"
        )
        rows.append(
            (
                item.title,
                STATUSES.label(item.status),
                date_text(item.started) if item.started else DASH,
                date_text(item.finished) if item.finished else DASH,
                effort,
                item.outcome,
                kpis_since(plan, item, index),
            )
        )
    headers = (
        _("Initiative"),
        _("Status"),
        _("Started"),
        _("Finished"),
        _("Effort: estimated → actual"),
        _("Outcome"),
        _("KPIs since"),
    )
    keep = [i for i in range(len(headers)) if i < 2 or any(row[i].strip() for row in rows)]
    yield Table(
        tuple(headers[i] for i in keep),
        tuple(tuple(row[i] for i in keep) for row in rows),
    )


def kpis_since(plan: Plan, item: Initiative, index: RowIndex | None = None) -> str:
    """The KPIs an initiative addresses, each with its latest reading on or after the
    day it finished: ``CSAT (phone): 74 % → 77.5 % (30 September 2026)``."""
    if item.finished is None:
        return ""
    parts = []
    for row in linked_rows(plan, item, index):
        if not isinstance(row, Kpi):
            continue
        after = [r for r in ordered(row.readings) if r.date >= item.finished]
        if not after:
            continue
        latest = after[-1]
        parts.append(
            _("{kpi}: {baseline} → {value} ({date})").format(
                kpi=f"{row.shown_label} ({row.channel})",
                baseline=row.shown(row.baseline),
                value=row.shown(latest.value),
                date=date_text(latest.date),
            )
        )
    return "; ".join(parts)
