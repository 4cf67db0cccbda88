"""The parts of an explanation that come from an initiative's evidence, and their words.

:class:`MonthlyReach` says where the reach a month came from (a period converted, or
the linked contact reasons' avoidable contacts); :class:`SavingsFormula` is the
``savings`` method's arithmetic. :mod:`kxplan.scoring.explanations` lists them with the
other parts and phrases them through :func:`phrase_linked`.
"""

from __future__ import annotations

from typing import NamedTuple

from kxplan.framework import PERIODS, Period
from kxplan.i18n import _
from kxplan.scoring.linked import Basis, DemandTerm
from kxplan.text import numbers


class MonthlyReach(NamedTuple):
    """reach a month = the entered reach over its period, or the linked reasons' sum."""

    per_month: float
    entered: float | None
    period: Period | None
    terms: tuple[DemandTerm, ...]
    """The linked contact reasons, when the reach was derived from them."""


class SavingsFormula(NamedTuple):
    """money saved a month ÷ effort = score, the savings from the linked reasons."""

    saved: float
    currency: str
    effort: float
    counted_as: float | None
    """The floor used when the effort is below it."""
    score: float
    terms: tuple[DemandTerm, ...]
    unpriced: tuple[str, ...]
    """Linked reasons left out of the sum for want of a cost per contact."""


def monthly_reach(basis: Basis | None, reach: float | None) -> MonthlyReach | None:
    """The reach part, when the reach was converted or derived (else None)."""
    if basis is None or reach is None:
        return None
    if basis.reach_linked:
        return MonthlyReach(reach, None, None, basis.terms)
    if basis.period is not None:
        return MonthlyReach(reach, basis.entered, basis.period, ())
    return None


def term_text(term: DemandTerm) -> str:
    """``4 000 × 70 % from “Where is my order?”``."""
    return _("{volume} × {share} from “{reason}”").format(
        volume=numbers.whole(term.volume),
        share=numbers.percent(term.share),
        reason=term.reason,
    )


def _sum(terms: tuple[DemandTerm, ...]) -> str:
    if len(terms) == 1:
        return term_text(terms[0])
    return " + ".join(f"({numbers.whole(t.contacts)} = {term_text(t)})" for t in terms)


def phrase_linked(part: MonthlyReach | SavingsFormula, number: str) -> str:
    """One evidence part in words; ``number`` is the score as the formula writes it."""
    if isinstance(part, MonthlyReach):
        if part.period is not None and part.entered is not None:
            return _("reach {per_month} a month = {entered} {period}").format(
                per_month=numbers.whole(part.per_month),
                entered=numbers.whole(part.entered),
                period=PERIODS.say(PERIODS[part.period].phrase),
            )
        return _("reach {per_month} a month = {terms}").format(
            per_month=numbers.whole(part.per_month), terms=_sum(part.terms)
        )
    effort = numbers.number(part.effort)
    if part.counted_as is not None:
        effort = _("{effort} (counted as {floor})").format(
            effort=effort, floor=numbers.number(part.counted_as)
        )
    text = _(
        "money saved {saved} a month ÷ effort {effort} = {score}; "
        "avoidable contacts {contacts} a month = {terms}"
    ).format(
        saved=numbers.money(part.saved, part.currency),
        effort=effort,
        score=number,
        contacts=numbers.whole(sum(t.contacts for t in part.terms if t.cost is not None)),
        terms=_sum(tuple(t for t in part.terms if t.cost is not None)),
    )
    if part.unpriced:
        names = ", ".join(f"“{name}”" for name in part.unpriced)
        text += _("; {reasons}: no cost per contact for the channel").format(reasons=names)
    return text
