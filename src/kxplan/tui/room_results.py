"""What the ranking's details pane says about an initiative's results from the room:
its dots in the latest kept vote, and every kept estimation round, oldest first, so
the room sees whether a vote again brought it closer.

No widgets; the lines are (text, style) pieces like the rest of the pane.
"""

from __future__ import annotations

from kxplan.framework import AGREEMENTS, SCORES
from kxplan.i18n import _
from kxplan.model import Plan, QuestionResult, history, latest_vote
from kxplan.text.numbers import number

Piece = tuple[str, str]
Line = tuple[Piece, ...]


def _label(plan: Plan, result: QuestionResult) -> str:
    if result.score is not None:
        return SCORES.label(result.score)
    found = next((c for c in plan.scoring.criteria if c.id == result.criterion), None)
    return (found.label or found.id) if found is not None else str(result.criterion)


def _summary(result: QuestionResult) -> str:
    low, high = number(result.low), number(result.high)
    spread = low if low == high else f"{low}–{high}"
    agreement = f", {AGREEMENTS.label(result.agreement).lower()}" if result.agreement else ""
    return f"{number(result.median)} ({spread}, {result.answers}{agreement})"


def dots_line(plan: Plan, initiative_id: str) -> Line | None:
    """The initiative's dots in the latest kept vote; None when it was not voted on."""
    vote = latest_vote(plan)
    if vote is None:
        return None
    count = vote.count(initiative_id)
    if count is None:
        return None
    total = sum(vote.counts.values())
    if vote.question:
        said = _(" in the latest vote on {question} ({dots} each, {voters} voters)")
    else:
        said = _(" in the latest vote ({dots} each, {voters} voters)")
    return (
        (_("Dots: "), "dim"),
        (_("{count} of {total}").format(count=count, total=total), "bold"),
        (said.format(question=repr(vote.question), dots=vote.dots, voters=vote.voters), ""),
    )


def round_lines(plan: Plan, initiative_id: str) -> list[Line]:
    """One line per question asked in the kept rounds: each round's median (spread,
    answers, agreement), earliest first: "Effort: 3 (2–5, 4, low) → 3 (3–4, 4, high)"."""
    by_question: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for _done, results in history(plan, initiative_id):
        for result in results:
            by_question.setdefault(result.asked, []).append(_summary(result))
            labels[result.asked] = _label(plan, result)
    return [
        ((_("Rounds: "), "dim"), (f"{labels[key]} ", "bold"), (" → ".join(steps), ""))
        for key, steps in by_question.items()
    ]


def room_lines(plan: Plan, initiative_id: str) -> list[Line]:
    """Dots and rounds from the room, for the details pane."""
    found = dots_line(plan, initiative_id)
    return [*([found] if found is not None else []), *round_lines(plan, initiative_id)]
