"""The executive summary at the top of the document: what management reads first.

The strategy in three sentences (the first sentence of each strategy answer), the gap
per area, the top initiatives with owner and when, the avoidable demand in money and
the stakeholders not yet anchored. The detail follows in the document's sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kxplan.framework import AREAS, BUY_IN, METHODS, QUADRANTS, STRATEGY_QUESTIONS, UNANCHORED
from kxplan.i18n import _, ngettext
from kxplan.model import Plan
from kxplan.model.figures import demand_totals
from kxplan.reports.blocks import Answer, Block, Heading, Note, Paragraph, Table
from kxplan.reports.journey import summary_gaps
from kxplan.reports.results import Results
from kxplan.reports.words import area_title, currency, gap_text
from kxplan.scoring import DEFAULT_TOP_K
from kxplan.text.literal import one_line, visible_lines
from kxplan.text.numbers import money, number, whole

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def first_sentence(text: str) -> str:
    """The first sentence of an answer (of its first line), on one line."""
    for line in visible_lines(text).strip().splitlines():
        line = one_line(line)
        if line:
            return _SENTENCE_END.split(line, maxsplit=1)[0]
    return ""


def summary_section(plan: Plan, results: Results) -> Iterator[Block]:
    """The executive summary, in the order management reads it."""
    yield Heading(2, _("Summary"), "summary")
    yield Heading(3, _("The strategy in three sentences"), "summary-strategy")
    for key, question, _hint in STRATEGY_QUESTIONS:
        yield Answer(_(question), first_sentence(getattr(plan.strategy, key)))
    yield from _gaps(plan)
    yield from summary_gaps(plan)
    yield from _top(plan, results)
    yield from _demand(plan)
    yield from _anchoring(plan)


def _gaps(plan: Plan) -> Iterator[Block]:
    yield Heading(3, _("The gap per area"), "summary-gaps")
    rows = []
    for area in AREAS:
        item = plan.areas.get(area.id)
        if item.maturity_today is None and item.maturity_target is None:
            continue
        rows.append(
            (
                area_title(area),
                f"{number(item.maturity_today)} → {number(item.maturity_target)}",
                gap_text(item.gap),
            )
        )
    if not rows:
        yield Note(_("No area's maturity is judged yet."))
        return
    yield Table((_("Area"), _("Today → target"), _("Gap")), tuple(rows), frozenset({1, 2}))


def _top(plan: Plan, results: Results) -> Iterator[Block]:
    yield Heading(3, _("The top initiatives"), "summary-top")
    top = results.ranking.results[:DEFAULT_TOP_K]
    if not top:
        method = METHODS.label(results.ranking.method)
        yield Note(
            _("No initiative has the inputs {method} needs yet.").format(method=method)
            if results.ranking.lacking
            else _("No initiative is scored yet, so there is no ranking.")
        )
        return
    by_id = {i.id: i for i in plan.initiatives}
    rows = []
    for result in top:
        item = by_id.get(result.id)
        rows.append(
            (
                str(result.rank),
                result.title,
                QUADRANTS.label(result.quadrant),
                (item.who if item else "") or _("no owner yet"),
                (item.when if item else "") or _("not scheduled"),
            )
        )
    headers = (_("Rank"), _("Initiative"), _("Quadrant"), _("Owner"), _("When"))
    yield Table(headers, tuple(rows), frozenset({0}))


def _demand(plan: Plan) -> Iterator[Block]:
    yield Heading(3, _("Avoidable demand"), "summary-demand")
    reasons = plan.areas.unnecessary_demand.contact_reasons
    if not reasons:
        yield Note(_("No contact reasons are recorded yet."))
        return
    totals = demand_totals(plan)
    contacts = whole(totals.avoidable)
    if totals.priced:
        unit = currency(plan)
        yield Paragraph(
            _(
                "{contacts} contacts a month could be avoided: {cost} a month, {yearly} a year."
            ).format(
                contacts=contacts,
                cost=money(totals.cost, unit),
                yearly=money(12 * totals.cost, unit),
            )
        )
    else:
        yield Paragraph(
            _(
                "{contacts} contacts a month could be avoided; no channel's cost per "
                "contact is known yet, so their cost is not worked out."
            ).format(contacts=contacts)
        )


def _anchoring(plan: Plan) -> Iterator[Block]:
    yield Heading(3, _("Not yet anchored"), "summary-anchoring")
    people = plan.areas.anchoring.stakeholders
    if not people:
        yield Note(_("No departments or stakeholders are recorded yet."))
        return
    loose = [s for s in people if s.buy_in in UNANCHORED]
    if not loose:
        yield Paragraph(
            ngettext(
                "The one stakeholder recorded is at least neutral.",
                "All {count} stakeholders recorded are at least neutral.",
                len(people),
            ).format(count=len(people))
        )
        return
    names = ", ".join(
        _("{name} ({buy_in})").format(name=one_line(s.name), buy_in=BUY_IN.label(s.buy_in).lower())
        for s in loose
    )
    yield Paragraph(
        _("{count} of {total} not yet anchored: {names}.").format(
            count=len(loose), total=len(people), names=names
        )
    )
