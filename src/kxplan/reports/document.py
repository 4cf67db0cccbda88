"""The strategy document as blocks, in reading order: the content, whatever the format.

Nothing depends on the clock: the document's date is the plan's ``updated`` (or
``created``) stamp.
"""

from __future__ import annotations

from collections.abc import Iterator

from kxplan.framework import AREAS, STRATEGY_QUESTIONS
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
from kxplan.reports.initiatives import initiatives_section
from kxplan.reports.questions import questions_section
from kxplan.reports.results import Results
from kxplan.reports.roadmap import roadmap_section
from kxplan.text.numbers import DASH, number


def document(plan: Plan, results: Results) -> list[Block]:
    """The strategy document as a list of blocks, in reading order."""
    blocks: list[Block] = []
    blocks.extend(_front_matter(plan))
    blocks.extend(_strategy(plan))
    for area in AREAS:
        blocks.extend(area_section(plan, results, area.id))
    blocks.extend(initiatives_section(plan, results))
    blocks.extend(roadmap_section(plan, results))
    blocks.extend(questions_section(plan, results))
    return blocks


def plan_date(plan: Plan) -> str:
    """The document date: the plan's last update, else its creation; empty if neither."""
    stamp = plan.updated or plan.created
    return stamp.date().isoformat() if stamp else ""


def _front_matter(plan: Plan) -> Iterator[Block]:
    yield Heading(1, plan.title)
    facts = [
        ("Organisation", plan.organisation),
        ("Version", plan.version),
        ("Date", plan_date(plan)),
        ("Facilitator", plan.facilitator),
        ("Participants", ", ".join(plan.participants)),
    ]
    yield Facts(tuple((label, one_line(value) or DASH) for label, value in facts))


def _strategy(plan: Plan) -> Iterator[Block]:
    yield Heading(2, "The strategy", "strategy", major=True)
    for key, question, _hint in STRATEGY_QUESTIONS:
        yield Answer(question, getattr(plan.strategy, key), NOTHING)
    yield Heading(3, "Maturity by area", "maturity")
    judged = [
        item
        for _id, item in plan.areas.items()
        if item.maturity_today is not None or item.maturity_target is not None
    ]
    if not judged:
        yield Note("No area's maturity is judged yet.")
        return
    rows = []
    for area in AREAS:
        item = plan.areas.get(area.id)
        gap = item.gap
        rows.append(
            (
                str(area.number),
                f"{area.name} ({area.name_sv})",
                number(item.maturity_today),
                number(item.maturity_target),
                DASH if gap is None else f"{gap:+d}",
            )
        )
    yield Picture("maturity")
    yield Table(("#", "Area", "Today", "Target", "Gap"), tuple(rows), frozenset({0, 2, 3, 4}))
