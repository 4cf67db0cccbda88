"""An initiative: an improvement the team may make, its case, its scores and estimates."""

from __future__ import annotations

import datetime
from typing import Final

from pydantic import Field

from kxplan.framework import ESTIMATED_SCORES, AreaId, Period, Status
from kxplan.model.evidence import Link
from kxplan.model.types import (
    Name,
    Number,
    Percent,
    Reach,
    Slug,
    StrictModel,
    empty_dict,
    empty_list,
    unset,
)


class Estimate(StrictModel):
    """One participant's scores for an initiative; any score may be left out."""

    participant: Name
    effort: Number | None = None
    customer_value: Number | None = None
    efficiency: Number | None = None
    confidence: Percent | None = None
    reach: Reach | None = None


SCORE_FIELDS: Final = ESTIMATED_SCORES
"""Scores an initiative carries and participants may estimate."""


class Initiative(StrictModel):
    """An improvement the team may make, with its case and its scores."""

    id: Slug
    """Stable identifier; kept when the title changes."""
    title: Name
    areas: list[AreaId] = Field(default_factory=empty_list)
    """The areas it serves."""
    why: str = ""
    """Why: the problem or opportunity, in the customer's terms."""
    what: str = ""
    """What will be done."""
    who: str = ""
    """Owner."""
    when: str = ""
    """When, e.g. "2027-Q2"."""
    how: str = ""
    """How: steps, resources, how success is measured."""
    status: Status = "idea"
    """idea, planned, in_progress, done or dropped."""
    effort: Number | None = None
    """Effort on the plan's effort scale."""
    customer_value: Number | None = None
    """Customer value on the plan's customer-value scale."""
    efficiency: Number | None = None
    """Efficiency potential on the plan's efficiency scale."""
    confidence: Percent | None = None
    """How sure the team is of these scores, in %."""
    reach: Reach | None = None
    """Customers (or contacts) affected per period, for RICE."""
    reach_period: Period | None = None
    """The period ``reach`` counts (day … year); kxplan converts it to a month. Without
    it, reach is taken as the plan's own unit, as before schema 2."""
    time_criticality: Number | None = None
    """For WSJF: how much value decays with delay, on the customer-value scale."""
    risk_reduction: Number | None = None
    """For WSJF: risk reduced or opportunity enabled, on the customer-value scale."""
    criteria: dict[str, Number] = Field(default_factory=empty_dict)
    """Scores for the plan's ``weighted`` criteria, keyed by criterion id."""
    depends_on: list[Slug] = Field(default_factory=empty_list)
    """Ids of initiatives that must come first."""
    estimates: list[Estimate] = Field(default_factory=empty_list)
    """Each participant's scores."""
    notes: str = ""
    addresses: list[Link] = Field(default_factory=empty_list, exclude_if=unset)
    """The evidence it answers: rows of the area tables (contact reasons, friction
    points, KPIs, touchpoints, channels, …)."""
    started: datetime.date | None = None
    """When the work began."""
    finished: datetime.date | None = None
    """When it was done (or dropped)."""
    actual_effort: Number | None = None
    """What it took, on the effort scale, once done: compared with the estimates."""
    outcome: str = Field(default="", exclude_if=unset)
    """What it achieved against what was expected."""
