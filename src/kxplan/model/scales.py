"""The scales scores are given on, and how the plan ranks its initiatives."""

from __future__ import annotations

from typing import Final

from pydantic import Field

from kxplan.framework import Method
from kxplan.model.types import (
    NonNegative,
    Number,
    ScaleEnd,
    Slug,
    StrictModel,
    empty_dict,
    empty_list,
)


class Scale(StrictModel):
    """A scoring scale with words for its steps, so a 3 means the same to everyone."""

    min: ScaleEnd = 1
    """The lowest score."""
    max: ScaleEnd = 5
    """The highest score."""
    anchors: dict[str, str] = Field(default_factory=empty_dict)
    """What a score means, keyed by the score as text: ``1 = "a few days in one team"``."""


def _scale(*anchors: str) -> Scale:
    return Scale(min=1, max=len(anchors), anchors={str(i): a for i, a in enumerate(anchors, 1)})


DEFAULT_EFFORT_ANCHORS: Final = (
    "A few days in one team",
    "A few weeks in one team",
    "A few months, or several teams",
    "Half a year and a budget decision",
    "A cross-department programme over a year or more",
)
DEFAULT_VALUE_ANCHORS: Final = (
    "Hardly noticed by customers",
    "Noticed by some customers in one situation",
    "Clearly better for many customers",
    "Changes how most customers see us",
    "A step change customers talk about",
)
DEFAULT_EFFICIENCY_ANCHORS: Final = (
    "No measurable saving",
    "Saves a little time in one team",
    "Removes a clear share of contacts or handling time",
    "Frees a team's worth of time",
    "Changes the cost of service across the organisation",
)


class Scales(StrictModel):
    """The scales every score in the plan is given on."""

    effort: Scale = Field(default_factory=lambda: _scale(*DEFAULT_EFFORT_ANCHORS))
    """Effort: how much work an initiative takes."""
    customer_value: Scale = Field(default_factory=lambda: _scale(*DEFAULT_VALUE_ANCHORS))
    """Customer value: how much better the experience gets."""
    efficiency: Scale = Field(default_factory=lambda: _scale(*DEFAULT_EFFICIENCY_ANCHORS))
    """Efficiency potential: how much time or cost it saves us."""


class Criterion(StrictModel):
    """A named criterion for the ``weighted`` ranking method."""

    id: Slug
    """Key used in each initiative's ``criteria`` table."""
    label: str = ""
    """What the criterion means."""
    weight: Number = 1.0
    """Weight in the sum; negative for criteria where more is worse (cost, risk)."""
    min: ScaleEnd = 1
    """The lowest score."""
    max: ScaleEnd = 5
    """The highest score."""
    anchors: dict[str, str] = Field(default_factory=empty_dict)
    """What a score means, keyed by the score as text, as for a scale (shown on phones)."""


class ScoringSettings(StrictModel):
    """How the plan ranks its initiatives."""

    method: Method = "ratio"
    """Default ranking method: ratio, quadrant, rice, ice, wsjf, weighted or savings."""
    value_weight: NonNegative = 1.0
    """Weight of customer value in impact."""
    efficiency_weight: NonNegative = 1.0
    """Weight of efficiency potential in impact."""
    impact_threshold: Number | None = None
    """Impact at or above which an initiative counts as high impact; default: mid-scale."""
    effort_threshold: Number | None = None
    """Effort above which an initiative counts as high effort; default: mid-scale."""
    criteria: list[Criterion] = Field(default_factory=empty_list)
    """Criteria for the ``weighted`` method."""
