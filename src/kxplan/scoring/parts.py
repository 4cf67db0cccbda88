"""The typed parts an explanation is made of: each holds the values one step of the
ranking used (a formula, a quadrant, the estimates, a dependency).
:mod:`kxplan.scoring.explanations` makes them and words them; a view may phrase them its
own way."""

from __future__ import annotations

from typing import NamedTuple

from kxplan.framework import Quadrant
from kxplan.scoring.linked_parts import MonthlyReach, SavingsFormula
from kxplan.scoring.rules import Aggregate


class Divisor(NamedTuple):
    """An effort divided by: ``counted_as`` is the floor used when the effort is below it."""

    effort: float
    counted_as: float | None = None


class Confidence(NamedTuple):
    """A confidence in %; ``given`` False when the default was assumed."""

    percent: float
    given: bool


class ImpactFormula(NamedTuple):
    """impact = (value × weight + efficiency × weight) ÷ the weights' sum."""

    impact: float
    value: float
    value_weight: float
    efficiency: float
    efficiency_weight: float
    efficiency_on_value_scale: float | None
    """The efficiency mapped onto the value scale, when the two scales differ."""


class RatioFormula(NamedTuple):
    """impact ÷ effort = score."""

    impact: float
    effort: Divisor
    score: float


class QuadrantPlacement(NamedTuple):
    """Which side of each threshold the initiative falls, and so its quadrant."""

    quadrant: Quadrant
    impact: float
    impact_threshold: float
    high_impact: bool
    effort: float
    effort_threshold: float
    low_effort: bool


class WithinQuadrant(NamedTuple):
    """Within its quadrant, ordered by impact ÷ effort."""

    score: float


class RiceFormula(NamedTuple):
    """reach × impact × confidence ÷ effort = score."""

    reach: float
    impact: float
    confidence: Confidence
    effort: Divisor
    score: float


class IceFormula(NamedTuple):
    """impact × confidence × ease (the effort turned round) = score."""

    impact: float
    confidence: Confidence
    ease: float
    effort: float
    score: float


class WsjfFormula(NamedTuple):
    """(value + time criticality + risk reduction) ÷ job size = score."""

    value: float
    time_criticality: float
    risk_reduction: float
    job_size: Divisor
    score: float


class CriterionTerm(NamedTuple):
    """One criterion's score and weight."""

    id: str
    value: float
    weight: float


class WeightedFormula(NamedTuple):
    """The sum of each criterion's score × weight."""

    terms: tuple[CriterionTerm, ...]
    score: float


class InQuadrant(NamedTuple):
    """The quadrant, said on its own (under every method but ``quadrant``)."""

    quadrant: Quadrant


class FromEstimates(NamedTuple):
    """The scores are the participants' estimates, combined."""

    estimates: int
    """How many participants' estimates."""
    aggregate: Aggregate


class DroppedPrerequisites(NamedTuple):
    """It depends on initiatives that were dropped (their titles)."""

    titles: tuple[str, ...]


class PlacedAfter(NamedTuple):
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
