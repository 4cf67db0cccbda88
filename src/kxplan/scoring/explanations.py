"""Why an initiative has its rank, as typed parts that each view phrases.

:func:`explain` lists the parts: the method's formula with the values it used,
the impact formula, the quadrant, whether estimates decided the scores, a dropped
prerequisite, the dependency that moved it. :func:`phrase` words one part for
people and :func:`plain_text` joins them as ``kxplan rank`` and the exports write
them; the app's ranking view phrases them itself (it names a prerequisite by title).
"""

from __future__ import annotations

from typing import Final

from kxplan.framework import QUADRANTS, Quadrant
from kxplan.i18n import N_, _, ngettext
from kxplan.scoring.linked_parts import MonthlyReach, SavingsFormula, monthly_reach, phrase_linked
from kxplan.scoring.methods import Scored
from kxplan.scoring.parts import (
    Confidence,
    CriterionTerm,
    Divisor,
    DroppedPrerequisites,
    FromEstimates,
    IceFormula,
    ImpactFormula,
    InQuadrant,
    Part,
    PlacedAfter,
    QuadrantPlacement,
    RatioFormula,
    RiceFormula,
    WeightedFormula,
    WithinQuadrant,
    WsjfFormula,
)
from kxplan.scoring.rules import DEFAULT_CONFIDENCE, MIN_EFFORT_DIVISOR, Aggregate, Rules
from kxplan.text.numbers import number as number  # the people formatter, grouped

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


def quadrant_name(quadrant: Quadrant) -> str:
    """A quadrant within a sentence: "quick win"."""
    return QUADRANTS.label(quadrant).lower()


def _divided_by(divisor: Divisor) -> str:
    effort = number(divisor.effort)
    if divisor.counted_as is None:
        return effort
    floor = number(divisor.counted_as)
    return _("{effort} (counted as {floor})").format(effort=effort, floor=floor)


def _confidence(confidence: Confidence) -> str:
    if confidence.given:
        return _("confidence {percent} %").format(percent=number(confidence.percent))
    return _("confidence {percent} % (not given)").format(percent=number(confidence.percent))


def _impact_text(part: ImpactFormula) -> str:
    vw, ew = part.value_weight, part.efficiency_weight
    values = {
        "impact": number(part.impact),
        "value": number(part.value),
        "value_weight": number(vw),
        "efficiency": number(part.efficiency),
        "efficiency_weight": number(ew),
        "total": number(vw + ew),
    }
    if part.efficiency_on_value_scale is None:
        return _(
            "impact {impact} = (value {value} × {value_weight} + efficiency {efficiency} × "
            "{efficiency_weight}) ÷ {total}"
        ).format(**values)
    return _(
        "impact {impact} = (value {value} × {value_weight} + efficiency {efficiency} "
        "(→ {mapped} on the value scale) × {efficiency_weight}) ÷ {total}"
    ).format(mapped=number(part.efficiency_on_value_scale), **values)


def _placement(part: QuadrantPlacement) -> str:
    return _(
        "{quadrant}: impact {impact} {impact_side} {impact_threshold}, "
        "effort {effort} {effort_side} {effort_threshold}"
    ).format(
        quadrant=quadrant_name(part.quadrant),
        impact=number(part.impact),
        impact_side="≥" if part.high_impact else "<",
        impact_threshold=number(part.impact_threshold),
        effort=number(part.effort),
        effort_side="≤" if part.low_effort else ">",
        effort_threshold=number(part.effort_threshold),
    )


def phrase(part: Part) -> str:
    """One part in words, as ``kxplan rank``, the exports and the app write it."""
    match part:
        case ImpactFormula():
            return _impact_text(part)
        case RatioFormula():
            return _("{impact} ÷ effort {effort} = {score}").format(
                impact=number(part.impact),
                effort=_divided_by(part.effort),
                score=number(part.score),
            )
        case QuadrantPlacement():
            return _placement(part)
        case WithinQuadrant():
            score = number(part.score)
            return _("within the quadrant by impact ÷ effort = {score}").format(score=score)
        case RiceFormula():
            return _(
                "reach {reach} × impact {impact} × {confidence} ÷ effort {effort} = {score}"
            ).format(
                reach=number(part.reach),
                impact=number(part.impact),
                confidence=_confidence(part.confidence),
                effort=_divided_by(part.effort),
                score=number(part.score),
            )
        case IceFormula():
            return _(
                "impact {impact} × {confidence} × ease {ease} (effort {effort}) = {score}"
            ).format(
                impact=number(part.impact),
                confidence=_confidence(part.confidence),
                ease=number(part.ease),
                effort=number(part.effort),
                score=number(part.score),
            )
        case WsjfFormula():
            return _(
                "(value {value} + time criticality {time_criticality} + risk reduction "
                "{risk_reduction}) ÷ job size {job_size} = {score}"
            ).format(
                value=number(part.value),
                time_criticality=number(part.time_criticality),
                risk_reduction=number(part.risk_reduction),
                job_size=_divided_by(part.job_size),
                score=number(part.score),
            )
        case WeightedFormula():
            terms = " + ".join(f"{t.id} {number(t.value)} × {number(t.weight)}" for t in part.terms)
            return f"{terms} = {number(part.score)}"
        case InQuadrant():
            return quadrant_name(part.quadrant)
        case FromEstimates():
            if part.estimates == 1:
                return _("scores from 1 estimate")
            return ngettext(
                "scores: {aggregate} of {count} estimate",
                "scores: {aggregate} of {count} estimates",
                part.estimates,
            ).format(aggregate=aggregate_name(part.aggregate), count=part.estimates)
        case DroppedPrerequisites():
            titles = ", ".join(repr(title) for title in part.titles)
            return ngettext(
                "depends on {titles}, which was dropped",
                "depends on {titles}, which were dropped",
                len(part.titles),
            ).format(titles=titles)
        case PlacedAfter():
            return _("placed after {id}, which it depends on").format(id=part.id)
        case MonthlyReach() | SavingsFormula():
            return phrase_linked(part, number(getattr(part, "score", 0.0)))


def aggregate_name(aggregate: Aggregate) -> str:
    """How estimates are combined, within a sentence: "median", "mean"."""
    return _(_AGGREGATES[aggregate]) if aggregate in _AGGREGATES else aggregate


_AGGREGATES: Final[dict[str, str]] = {"median": N_("median"), "mean": N_("mean")}


def plain_text(parts: tuple[Part, ...], phrased: dict[tuple[type, Part], str] | None = None) -> str:
    """The parts in words, joined: the explanation ``kxplan rank`` and the exports show.

    ``phrased`` remembers each part's words across one listing: most initiatives share
    their quadrant, their estimates' count and often their arithmetic, so a ranking of
    a thousand phrases a few hundred parts instead of thousands. (Keyed by the part's
    type too: parts are named tuples, and ``InQuadrant("x") == PlacedAfter("x")``.)"""
    if phrased is None:
        return "; ".join(phrase(part) for part in parts)
    words = []
    for part in parts:
        key = (part.__class__, part)
        said = phrased.get(key)
        if said is None:
            said = phrased[key] = phrase(part)
        words.append(said)
    return "; ".join(words)
