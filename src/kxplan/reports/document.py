"""The strategy document as blocks, in reading order: the content, whatever the format.

Nothing depends on the clock: the document's date is the plan's ``updated`` (or
``created``) stamp.
"""

from __future__ import annotations

from collections.abc import Iterator

from kxplan.framework import AREAS, STRATEGY_QUESTIONS
from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.reports.areas import area_section
from kxplan.reports.blocks import (
    NOTHING,
    Answer,
    Block,
    Facts,
    Heading,
    Note,
    Picture,
    Table,
    one_line,
)
from kxplan.reports.calibration import calibration_section
from kxplan.reports.checkin import CheckinAsked, checkin_section, document_checkin
from kxplan.reports.dates import date_text
from kxplan.reports.initiatives import initiatives_section
from kxplan.reports.questions import questions_section
from kxplan.reports.results import Results
from kxplan.reports.roadmap import roadmap_section
from kxplan.reports.summary import summary_section
from kxplan.reports.words import area_title, gap_text
from kxplan.text.numbers import DASH, number


def document(plan: Plan, results: Results, checkin: CheckinAsked | None = None) -> list[Block]:
    """The strategy document as a list of blocks, in reading order: the title and its
    facts, the executive summary, the check-in (asked for, or recorded in the plan), then
    the detail (call inside the plan's language)."""
    blocks: list[Block] = []
    blocks.extend(_front_matter(plan))
    blocks.extend(summary_section(plan, results))
    facts = document_checkin(plan, checkin)
    if facts is not None:
        blocks.extend(checkin_section(plan, facts))
    blocks.extend(_strategy(plan))
    for area in AREAS:
        blocks.extend(area_section(plan, results, area.id))
    blocks.extend(initiatives_section(plan, results))
    blocks.extend(roadmap_section(plan, results))
    blocks.extend(calibration_section(plan))
    blocks.extend(questions_section(plan, results))
    return blocks


def contents_at(blocks: list[Block]) -> int:
    """Where the table of contents goes: after the title and its facts, before the
    summary (the first section); it lists that section and every one after it."""
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.level == 2:
            return index
    return len(blocks)


def plan_date(plan: Plan) -> str:
    """The document date: the plan's last update, else its creation; empty if neither.
    Written the way the current language writes dates ("20 November 2026")."""
    stamp = plan.updated or plan.created
    return date_text(stamp.date()) if stamp else ""


def _front_matter(plan: Plan) -> Iterator[Block]:
    yield Heading(1, plan.title)
    facts = [
        (_("Organisation"), plan.organisation),
        (_("Version"), plan.version),
        (_("Date"), plan_date(plan)),
        (_("Facilitator"), plan.facilitator),
        (_("Participants"), ", ".join(plan.participants)),
    ]
    yield Facts(tuple((label, one_line(value) or DASH) for label, value in facts))


def _strategy(plan: Plan) -> Iterator[Block]:
    yield Heading(2, _("The strategy"), "strategy", major=True)
    for key, question, _hint in STRATEGY_QUESTIONS:
        yield Answer(_(question), getattr(plan.strategy, key), _(NOTHING))
    yield Heading(3, _("Maturity by area"), "maturity")
    judged = [
        item
        for _id, item in plan.areas.items()
        if item.maturity_today is not None or item.maturity_target is not None
    ]
    if not judged:
        yield Note(_("No area's maturity is judged yet."))
        return
    rows = []
    for area in AREAS:
        item = plan.areas.get(area.id)
        gap = item.gap
        rows.append(
            (
                str(area.number),
                area_title(area),
                number(item.maturity_today),
                number(item.maturity_target),
                gap_text(gap),
            )
        )
    yield Picture("maturity")
    headers = ("#", _("Area"), _("Today"), _("Target"), _("Gap"))
    yield Table(headers, tuple(rows), frozenset({0, 2, 3, 4}))
