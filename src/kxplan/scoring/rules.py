"""The plan's scoring rules: weights, scales, thresholds, and what the engine assumes.

Everything a score depends on except the initiative itself, read once per ranking.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

from kxplan.framework import METHODS, QUADRANTS, Method, Quadrant, quadrant_of
from kxplan.i18n import _
from kxplan.model import Plan, Scale

Aggregate = Literal["median", "mean"]
"""How participants' estimates of one score are combined."""

MIN_EFFORT_DIVISOR: Final = 0.5
"""Divisions by effort use at least this, so an effort of 0 cannot divide by zero."""

DEFAULT_CONFIDENCE: Final = 100.0
"""Confidence (in %) assumed by RICE and ICE when an initiative gives none."""

QUADRANT_AT: Final[dict[tuple[bool, bool], Quadrant]] = {
    (high, low): quadrant_of(high_impact=high, low_effort=low)
    for high in (True, False)
    for low in (True, False)
}
"""The quadrant for (high impact, low effort)."""

QUADRANT_GROUP: Final[dict[tuple[bool, bool], int]] = {
    key: QUADRANTS.position(quadrant) for key, quadrant in QUADRANT_AT.items()
}
"""Where each quadrant comes under the ``quadrant`` method: the vocabulary's order."""


class ScoringError(ValueError):
    """The chosen method needs scores some initiatives lack; the message names them."""


class Rules(NamedTuple):
    """Everything about the plan a score depends on, except the initiative."""

    method: Method
    value_weight: float
    efficiency_weight: float
    impact_threshold: float
    effort_threshold: float
    effort_scale: Scale
    value_scale: Scale
    efficiency_scale: Scale
    criteria: tuple[tuple[str, float], ...]
    aggregate: Aggregate
    spans: dict[str, float]
    """Width of each estimated score's scale, for agreement levels."""
    dropped: dict[str, str]
    """Titles of the dropped initiatives, by id: depending on one is worth a word."""

    def to_value_scale(self, efficiency: float) -> float:
        """Efficiency on the customer-value scale (unchanged when the scales match)."""
        eff, val = self.efficiency_scale, self.value_scale
        if (eff.min, eff.max) == (val.min, val.max):
            return efficiency
        return val.min + (efficiency - eff.min) * (val.max - val.min) / (eff.max - eff.min)

    def high_impact(self, impact: float) -> bool:
        """Impact at or above the threshold: a value on the line counts as high."""
        return impact >= self.impact_threshold

    def low_effort(self, effort: float) -> bool:
        """Effort at or below the threshold: a value on the line counts as low."""
        return effort <= self.effort_threshold

    def quadrant(self, impact: float, effort: float) -> Quadrant:
        """The effort/impact quadrant; a value on a threshold counts as high impact, low effort."""
        return QUADRANT_AT[impact >= self.impact_threshold, effort <= self.effort_threshold]

    def ease(self, effort: float) -> float:
        """ICE's ease: the effort scale turned round (on 1–5, effort 5 → ease 1)."""
        return self.effort_scale.max + self.effort_scale.min - effort


def midpoint(scale: Scale) -> float:
    """The middle of a scale: the default threshold."""
    return (scale.min + scale.max) / 2


def scale_spans(plan: Plan) -> dict[str, float]:
    """Width of each estimated score's scale (confidence: 100 %; reach has none)."""
    scales = plan.scales
    return {
        "effort": scales.effort.max - scales.effort.min,
        "customer_value": scales.customer_value.max - scales.customer_value.min,
        "efficiency": scales.efficiency.max - scales.efficiency.min,
        "confidence": 100.0,
    }


def rules_of(plan: Plan, method: Method | None, aggregate: Aggregate) -> Rules:
    """The plan's rules for ranking by ``method`` (None: the plan's own)."""
    chosen: Method = method or plan.scoring.method
    if chosen not in METHODS:
        raise ScoringError(
            _("unknown method {method}; choose one of {methods}").format(
                method=repr(chosen), methods=", ".join(METHODS.keys)
            )
        )
    scoring = plan.scoring
    value_scale = plan.scales.customer_value
    effort_scale = plan.scales.effort
    return Rules(
        method=chosen,
        value_weight=scoring.value_weight,
        efficiency_weight=scoring.efficiency_weight,
        impact_threshold=(
            scoring.impact_threshold
            if scoring.impact_threshold is not None
            else midpoint(value_scale)
        ),
        effort_threshold=(
            scoring.effort_threshold
            if scoring.effort_threshold is not None
            else midpoint(effort_scale)
        ),
        effort_scale=effort_scale,
        value_scale=value_scale,
        efficiency_scale=plan.scales.efficiency,
        criteria=tuple((c.id, c.weight) for c in scoring.criteria),
        aggregate=aggregate,
        spans=scale_spans(plan),
        dropped={item.id: item.title for item in plan.initiatives if item.status == "dropped"},
    )
