"""Why an initiative has its rank, as typed parts that each view phrases.

:func:`explain` lists the parts: the method's formula with the values it used,
the impact formula, the quadrant, whether estimates decided the scores, a dropped
prerequisite, the dependency that moved it. :func:`phrase` words one part for
people and :func:`plain_text` joins them as ``kxplan rank`` and the exports write
them; the app's ranking view phrases them itself (it names a prerequisite by title).
"""

from __future__ import annotations

from dataclasses import dataclass

from kxplan.framework import QUADRANTS, Quadrant
from kxplan.scoring.linked_parts import MonthlyReach, SavingsFormula, monthly_reach, phrase_linked
from kxplan.scoring.methods import Scored
from kxplan.scoring.rules import DEFAULT_CONFIDENCE, MIN_EFFORT_DIVISOR, Aggregate, Rules
from kxplan.text import numbers


@dataclass(frozen=True, slots=True)
class Divisor:
    """An effort divided by: ``counted_as`` is the floor used when the effort is below it."""

    effort: float
    counted_as: float | None = None


@dataclass(frozen=True, slots=True)
class Confidence:
    """A confidence in %; ``given`` False when the default was assumed."""

    percent: float
    given: bool


@dataclass(frozen=True, slots=True)
class ImpactFormula:
    """impact = (value × weight + efficiency × weight) ÷ the weights' sum."""

    impact: float
    value: float
    value_weight: float
    efficiency: float
    efficiency_weight: float
    efficiency_on_value_scale: float | None
    """The efficiency mapped onto the value scale, when the two scales differ."""


@dataclass(frozen=True, slots=True)
class RatioFormula:
    """impact ÷ effort = score."""

    impact: float
    effort: Divisor
    score: float


@dataclass(frozen=True, slots=True)
class QuadrantPlacement:
    """Which side of each threshold the initiative falls, and so its quadrant."""

    quadrant: Quadrant
    impact: float
    impact_threshold: float
    high_impact: bool
    effort: float
    effort_threshold: float
    low_effort: bool


@dataclass(frozen=True, slots=True)
class WithinQuadrant:
    """Within its quadrant, ordered by impact ÷ effort."""

    score: float


@dataclass(frozen=True, slots=True)
class RiceFormula:
    """reach × impact × confidence ÷ effort = score."""

    reach: float
    impact: float
    confidence: Confidence
    effort: Divisor
    score: float


@dataclass(frozen=True, slots=True)
class IceFormula:
    """impact × confidence × ease (the effort turned round) = score."""

    impact: float
    confidence: Confidence
    ease: float
    effort: float
    score: float


@dataclass(frozen=True, slots=True)
class WsjfFormula:
    """(value + time criticality + risk reduction) ÷ job size = score."""

    value: float
    time_criticality: float
    risk_reduction: float
    job_size: Divisor
    score: float


@dataclass(frozen=True, slots=True)
class CriterionTerm:
    """One criterion's score and weight."""

    id: str
    value: float
    weight: float


@dataclass(frozen=True, slots=True)
class WeightedFormula:
    """The sum of each criterion's score × weight."""

    terms: tuple[CriterionTerm, ...]
    score: float


@dataclass(frozen=True, slots=True)
class InQuadrant:
    """The quadrant, said on its own (under every method but ``quadrant``)."""

    quadrant: Quadrant


@dataclass(frozen=True, slots=True)
class FromEstimates:
    """The scores are the participants' estimates, combined."""

    count: int
    aggregate: Aggregate


@dataclass(frozen=True, slots=True)
class DroppedPrerequisites:
    """It depends on initiatives that were dropped (their titles)."""

    titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlacedAfter:
    """A dependency pushed it down the order: the prerequisite's id."""

    id: str


Part = (
    ImpactFormula
    | RatioFormula
    | QuadrantPlacement
    | WithinQuadrant
    | RiceFormula
    | IceFormula
    | WsjfFormula
    | WeightedFormula
    | InQuadrant
    | FromEstimates
    | DroppedPrerequisites
    | PlacedAfter
    | MonthlyReach
    | SavingsFormula
)
"""One part of an explanation."""


# --- the parts -----------------------------------------------------------------------


def _divisor(effort: float) -> Divisor:
    return Divisor(effort, MIN_EFFORT_DIVISOR if effort < MIN_EFFORT_DIVISOR else None)


def _impact(rules: Rules, s: Scored, impact: float) -> ImpactFormula:
    mapped = rules.to_value_scale(s.efficiency)
    return ImpactFormula(
        impact=impact,
        value=s.value,
        value_weight=rules.value_weight,
        efficiency=s.efficiency,
        efficiency_weight=rules.efficiency_weight,
        efficiency_on_value_scale=mapped if mapped != s.efficiency else None,
    )


def _formula(rules: Rules, s: Scored, impact: float, score: float) -> list[Part]:
    """The method's arithmetic, as done."""
    confidence = Confidence(
        DEFAULT_CONFIDENCE if s.confidence is None else s.confidence, s.confidence is not None
    )
    method = rules.method
    if method == "ratio":
        return [_impact(rules, s, impact), RatioFormula(impact, _divisor(s.effort), score)]
    if method == "quadrant":
        return [
            QuadrantPlacement(
                quadrant=rules.quadrant(impact, s.effort),
                impact=impact,
                impact_threshold=rules.impact_threshold,
                high_impact=rules.high_impact(impact),
                effort=s.effort,
                effort_threshold=rules.effort_threshold,
                low_effort=rules.low_effort(s.effort),
            ),
            _impact(rules, s, impact),
            WithinQuadrant(score),
        ]
    if method == "rice":
        rice = RiceFormula(s.reach or 0, impact, confidence, _divisor(s.effort), score)
        reach = monthly_reach(s.basis, s.reach)
        return [rice, *([reach] if reach else []), _impact(rules, s, impact)]
    if method == "savings" and s.basis is not None:
        basis, divisor = s.basis, _divisor(s.effort)
        saving = SavingsFormula(
            s.extra, basis.currency, s.effort, divisor.counted_as, score, basis.terms,
            basis.unpriced,
        )  # fmt: skip
        return [saving, _impact(rules, s, impact)]
    if method == "ice":
        ice = IceFormula(impact, confidence, rules.ease(s.effort), s.effort, score)
        return [ice, _impact(rules, s, impact)]
    if method == "wsjf":
        item = s.item
        return [
            WsjfFormula(
                s.value,
                item.time_criticality or 0,
                item.risk_reduction or 0,
                _divisor(s.effort),
                score,
            )
        ]
    terms = tuple(CriterionTerm(cid, s.item.criteria[cid], w) for cid, w in rules.criteria)
    return [WeightedFormula(terms, score)]


def explain(
    rules: Rules, s: Scored, impact: float, score: float, quadrant: Quadrant, blocker: str | None
) -> tuple[Part, ...]:
    """A short "why this rank": the arithmetic, the quadrant, what moved it."""
    parts = _formula(rules, s, impact, score)
    if rules.method != "quadrant":
        parts.append(InQuadrant(quadrant))
    if s.item.estimates:
        parts.append(FromEstimates(len(s.item.estimates), rules.aggregate))
    lost = tuple(rules.dropped[dep] for dep in s.item.depends_on if dep in rules.dropped)
    if lost:
        parts.append(DroppedPrerequisites(lost))
    if blocker:
        parts.append(PlacedAfter(blocker))
    return tuple(parts)


# --- in words ------------------------------------------------------------------------


def number(value: float) -> str:
    """A number within a formula: :func:`kxplan.text.numbers.number` without the thousands
    grouping, so "reach 1000 × impact 4.5" reads as arithmetic (3.5, 1.75, 4)."""
    return numbers.number(value).replace(numbers.GROUP, "")


def quadrant_name(quadrant: Quadrant) -> str:
    """A quadrant within a sentence: "quick win"."""
    return QUADRANTS.label(quadrant).lower()


def _divided_by(divisor: Divisor) -> str:
    effort = number(divisor.effort)
    if divisor.counted_as is None:
        return effort
    return f"{effort} (counted as {number(divisor.counted_as)})"


def _confidence(confidence: Confidence) -> str:
    given = "" if confidence.given else " (not given)"
    return f"confidence {number(confidence.percent)} %{given}"


def phrase(part: Part) -> str:
    """One part in words, as ``kxplan rank``, the exports and the app write it."""
    match part:
        case ImpactFormula():
            efficiency = number(part.efficiency)
            if part.efficiency_on_value_scale is not None:
                efficiency += f" (→ {number(part.efficiency_on_value_scale)} on the value scale)"
            vw, ew = part.value_weight, part.efficiency_weight
            return (
                f"impact {number(part.impact)} = (value {number(part.value)} × {number(vw)} + "
                f"efficiency {efficiency} × {number(ew)}) ÷ {number(vw + ew)}"
            )
        case RatioFormula():
            return (
                f"{number(part.impact)} ÷ effort {_divided_by(part.effort)} = {number(part.score)}"
            )
        case QuadrantPlacement():
            return (
                f"{quadrant_name(part.quadrant)}: impact {number(part.impact)} "
                f"{'≥' if part.high_impact else '<'} {number(part.impact_threshold)}, "
                f"effort {number(part.effort)} {'≤' if part.low_effort else '>'} "
                f"{number(part.effort_threshold)}"
            )
        case WithinQuadrant():
            return f"within the quadrant by impact ÷ effort = {number(part.score)}"
        case RiceFormula():
            return (
                f"reach {number(part.reach)} × impact {number(part.impact)} × "
                f"{_confidence(part.confidence)} ÷ effort {_divided_by(part.effort)} "
                f"= {number(part.score)}"
            )
        case IceFormula():
            return (
                f"impact {number(part.impact)} × {_confidence(part.confidence)} × ease "
                f"{number(part.ease)} (effort {number(part.effort)}) = {number(part.score)}"
            )
        case WsjfFormula():
            return (
                f"(value {number(part.value)} + time criticality {number(part.time_criticality)}"
                f" + risk reduction {number(part.risk_reduction)}) ÷ job size "
                f"{_divided_by(part.job_size)} = {number(part.score)}"
            )
        case WeightedFormula():
            terms = " + ".join(f"{t.id} {number(t.value)} × {number(t.weight)}" for t in part.terms)
            return f"{terms} = {number(part.score)}"
        case InQuadrant():
            return quadrant_name(part.quadrant)
        case FromEstimates():
            if part.count == 1:
                return "scores from 1 estimate"
            return f"scores: {part.aggregate} of {part.count} estimates"
        case DroppedPrerequisites():
            titles = ", ".join(repr(title) for title in part.titles)
            return f"depends on {titles}, which was dropped"
        case PlacedAfter():
            return f"placed after {part.id}, which it depends on"
        case MonthlyReach() | SavingsFormula():
            return phrase_linked(part, number(getattr(part, "score", 0.0)))


def plain_text(parts: tuple[Part, ...]) -> str:
    """The parts in words, joined: the explanation ``kxplan rank`` and the exports show."""
    return "; ".join(phrase(part) for part in parts)
