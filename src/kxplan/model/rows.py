"""The rows of the areas' tables: journey stages, touchpoints, KPIs, channels, frictions,
checks, contact reasons and stakeholders. Which area holds which is in :mod:`kxplan.model.tables`.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import Field

from kxplan.framework import (
    KPI_SCALES,
    MEASURES_BY_ID,
    BuyIn,
    ChannelDecision,
    CheckStatus,
    Demand,
    Frequency,
    KpiScale,
    MeasureId,
    ScaleTerm,
)
from kxplan.i18n import pgettext
from kxplan.model.followup import Reading
from kxplan.model.types import (
    Cost,
    Count,
    Name,
    Number,
    Percent,
    Slug,
    StrictModel,
    empty_list,
    unset,
)
from kxplan.text.numbers import DASH, measured

StageId = Slug
"""A journey stage's id: one of the plan's stages (before, during and after unless the
plan defines its own); the rules refuse any other."""


def off(value: object) -> bool:
    """Whether a yes/no field is no, so the file leaves it out (``exclude_if``)."""
    return value is False


class JourneyStage(StrictModel):
    """One stage of the organisation's own customer journey (schema 3), in order."""

    id: Slug
    """What rows name the stage by, e.g. ``travel``."""
    name: str = Field(default="", exclude_if=unset)
    """What the stage is called; before, during and after have a name already."""
    description: str = Field(default="", exclude_if=unset)
    """What happens to the customer in this stage."""

    @property
    def key(self) -> str:
        """Natural key: the id."""
        return self.id


class Touchpoint(StrictModel):
    """A point in the journey where the customer meets the organisation."""

    name: Name
    """What happens here, e.g. "Order confirmation e-mail"."""
    stage: StageId = "during"
    """The journey stage it belongs to (an id of the plan's stages)."""
    channel: str = ""
    """The channel it happens in."""
    notes: str = ""
    critical: bool = Field(default=False, exclude_if=off)
    """A moment of truth: one that decides how customers see the whole journey (schema 3)."""
    expectation: str = Field(default="", exclude_if=unset)
    """What customers expect here."""
    experience: str = Field(default="", exclude_if=unset)
    """What customers experience here today."""
    expectation_score: Number | None = Field(default=None, exclude_if=unset)
    """How high the expectation is, on the plan's touchpoint scale, where measured."""
    experience_score: Number | None = Field(default=None, exclude_if=unset)
    """How good the experience is today, on the same scale, where measured."""


class Kpi(StrictModel):
    """A measure of the experience in one channel, with where it is and where it should go."""

    measure: MeasureId
    """csat, nps, ces, fcr, handling_time, response_rate, contact_volume, …, or custom."""
    name: str = ""
    """Label; required for custom measures, defaults to the measure's name."""
    channel: str = "all"
    """Channel measured, or "all"."""
    stage: StageId | None = None
    """Journey stage measured, if one (an id of the plan's stages)."""
    baseline: Number | None = None
    """Where the figure is today."""
    target: Number | None = None
    """Where it should be."""
    unit: str = ""
    """Unit of baseline and target; defaults to the measure's unit."""
    scale: KpiScale | None = None
    """The scale baseline and target are on (schema 2); None: the measure's usual one —
    or, when a unit of one's own is given, a scale of one's own (as schema 1 read it)."""
    cadence: str = ""
    """How often it is measured, e.g. "monthly"."""
    promoters: Percent | None = None
    """NPS only: share of promoters (9–10), in %."""
    detractors: Percent | None = None
    """NPS only: share of detractors (0–6), in %."""
    notes: str = ""
    target_date: datetime.date | None = None
    """When the target should be reached."""
    readings: list[Reading] = Field(default_factory=empty_list, exclude_if=unset)
    """Dated measurements since the baseline, in any order."""

    @property
    def label(self) -> str:
        """The KPI's name as its key holds it: the given name, or the measure's as
        written (English, whatever the language, so links and merges find it);
        :attr:`shown_label` is the one to show."""
        return self.name or MEASURES_BY_ID[self.measure].source_label

    @property
    def shown_label(self) -> str:
        """The name to show: the given name, or the measure's in the current language."""
        return self.name or MEASURES_BY_ID[self.measure].label

    @property
    def every_channel(self) -> bool:
        """Whether the KPI measures every channel: its channel blank or "all"."""
        return self.channel.strip().casefold() in ("", "all")

    @property
    def shown_channel(self) -> str:
        """The channel to show: for every channel the file's word "all" in the current
        language ("alla"), else the channel as written."""
        return pgettext("channel", "all") if self.every_channel else self.channel

    @property
    def scale_key(self) -> KpiScale:
        """The scale in force: the one chosen; else "other" when a unit of one's own is
        given (its range is one's own); else the measure's usual scale."""
        if self.scale is not None:
            return self.scale
        measure = MEASURES_BY_ID[self.measure]
        if self.unit and self.unit != measure.unit:
            return "other"
        return measure.scale

    @property
    def scale_term(self) -> ScaleTerm:
        """The scale in force, with its range and unit."""
        return KPI_SCALES[self.scale_key]

    @property
    def shown_unit(self) -> str:
        """What follows a value: the scale's own ("%", "(1–5)", "min"), else the given
        unit, else the measure's."""
        term = self.scale_term
        if term.unit:
            return KPI_SCALES.say(term.unit)
        return self.unit or MEASURES_BY_ID[self.measure].shown_unit

    def shown(self, value: float | None, *, unknown: str = DASH) -> str:
        """A value of this KPI with its scale: ``3.9 (1–5)``, ``72 %``, ``4.5 min``."""
        return measured(value, self.shown_unit, unknown=unknown)

    @property
    def nps_from_shares(self) -> float | None:
        """NPS worked out from promoter and detractor shares, when both are given."""
        if self.promoters is None or self.detractors is None:
            return None
        return self.promoters - self.detractors

    @property
    def key(self) -> tuple[str, str]:
        """Natural key: (label, channel)."""
        return (self.label, self.channel)


class Channel(StrictModel):
    """A way customers reach the organisation."""

    name: Name
    """E.g. phone, e-mail, chat, web, app, office."""
    preference: Percent | None = None
    """Share of contacts, or of customers preferring it, in %."""
    customer_value: Annotated[int, Field(ge=1, le=5)] | None = None
    """Value to customers, 1–5."""
    cost_per_contact: Cost | None = None
    """Average cost of one contact, in the plan's currency."""
    hours: str = ""
    """Opening hours, e.g. "Mon–Fri 8–17"."""
    staffing: str = ""
    """Staffing, e.g. "6 FTE"."""
    decision: ChannelDecision | None = None
    """open, grow, keep, shrink or close."""
    notes: str = ""

    @property
    def key(self) -> str:
        """Natural key: the name."""
        return self.name


class Friction(StrictModel):
    """An obstacle in a service or purchase process."""

    title: Name
    """Short name of the obstacle."""
    stage: StageId = "during"
    """The journey stage it belongs to (an id of the plan's stages)."""
    description: str = ""
    severity: Annotated[int, Field(ge=1, le=5)] | None = None
    """How badly it hurts the customer, 1–5."""
    frequency: Frequency | None = None
    """rare, monthly, weekly or daily."""
    evidence: str = ""
    """How we know: complaints, data, observation."""
    fix: str = ""
    """Proposed fix."""

    @property
    def key(self) -> str:
        """Natural key: the title."""
        return self.title


class MobilityCheck(StrictModel):
    """One item of the mobility checklist for one channel."""

    channel: Name
    check: Name
    """A standard check key (see kxplan.framework.MOBILITY_CHECKS) or words of your own."""
    status: CheckStatus = "unknown"
    """yes, partly, no or unknown."""
    notes: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """Natural key: (channel, check)."""
        return (self.channel, self.check)


class ContactReason(StrictModel):
    """A reason customers get in touch, and whether it is value or failure demand."""

    reason: Name
    """E.g. "Where is my order?"."""
    channel: str = ""
    """Channel the contacts arrive in; its cost per contact prices the avoidable ones."""
    monthly_volume: Count = 0
    """Contacts per month."""
    demand: Demand = "value"
    """value (the customer wants this contact) or failure (we caused it)."""
    root_cause: str = ""
    avoidable: Percent = 0.0
    """Share of these contacts that could be avoided, in %."""
    notes: str = ""

    @property
    def avoidable_per_month(self) -> float:
        """Contacts a month that could be avoided: volume × avoidable share."""
        return self.monthly_volume * self.avoidable / 100

    @property
    def key(self) -> tuple[str, str]:
        """Natural key: (reason, channel)."""
        return (self.reason, self.channel)


class Stakeholder(StrictModel):
    """A department or person whose part of the journey the strategy needs."""

    name: Name
    """Department or person."""
    role: str = ""
    """Their part in the journey: who does what."""
    stages: list[StageId] = Field(default_factory=empty_list)
    """Journey stages they touch."""
    buy_in: BuyIn = "unknown"
    """unknown, opposed, sceptical, neutral, supportive or champion."""
    contact: str = ""
    """Who to talk to."""
    next_step: str = ""
    notes: str = ""

    @property
    def key(self) -> str:
        """Natural key: the name."""
        return self.name
