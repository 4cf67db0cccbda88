"""The plan: one version of one organisation's customer-experience strategy.

Fields validate first; then :func:`~kxplan.model.rules.plan_rule_problems` checks the
rules that span fields, and :class:`Plan` raises
:class:`~kxplan.model.rules.RuleViolations` listing every broken one with its location.
Derived figures are properties or live in :mod:`kxplan.model.figures`, never stored.
"""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, ConfigDict, Field, model_validator

from kxplan.i18n import DEFAULT, Language
from kxplan.model.areas import Areas, Questions
from kxplan.model.checkin import CheckIn, checkin_problems
from kxplan.model.initiative import Initiative
from kxplan.model.rows import ContactReason
from kxplan.model.rules import RuleViolations, plan_rule_problems
from kxplan.model.scales import Scales, ScoringSettings
from kxplan.model.types import SCHEMA_VERSION, Name, StrictModel, empty_dict, empty_list, unset
from kxplan.model.workshop import DotVoteRecord, RoundRecord


class Plan(StrictModel):
    """One version of one organisation's CX strategy."""

    model_config = ConfigDict(populate_by_name=True)

    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema")
    """File-format version (``schema`` in the file)."""
    title: Name
    organisation: str = ""
    version: str = ""
    """Version label, e.g. "v2 – after workshop 2"."""
    created: AwareDatetime | None = None
    updated: AwareDatetime | None = None
    facilitator: str = ""
    participants: list[str] = Field(default_factory=empty_list)
    currency: str = ""
    """Currency of costs, e.g. "SEK"."""
    language: Language | None = None
    """The language of the plan's content and documents ("sv", "en"); none is English."""
    strategy: Questions = Field(default_factory=Questions)
    """The three questions for the strategy as a whole."""
    scales: Scales = Field(default_factory=Scales)
    scoring: ScoringSettings = Field(default_factory=ScoringSettings)
    areas: Areas = Field(default_factory=Areas)
    initiatives: list[Initiative] = Field(default_factory=empty_list)
    votes: list[DotVoteRecord] = Field(default_factory=empty_list, exclude_if=unset)
    """Dot votes the facilitator kept, oldest first (schema 2; written only when set)."""
    rounds: list[RoundRecord] = Field(default_factory=empty_list, exclude_if=unset)
    """Revealed estimation rounds, oldest first (schema 2; written only when set)."""
    checkins: list[CheckIn] = Field(default_factory=empty_list, exclude_if=unset)
    """Check-ins held, oldest first (schema 3; written only when set)."""
    extra: dict[str, Any] = Field(default_factory=empty_dict)
    """Free-form table for anything else; kxplan keeps it but never reads it."""

    @model_validator(mode="after")
    def _check_rules(self) -> Plan:
        problems = [*plan_rule_problems(self), *checkin_problems(self.checkins)]
        if problems:
            raise RuleViolations(problems)
        return self

    @property
    def document_language(self) -> Language:
        """The language the plan's documents are written in (English when it says none)."""
        return self.language or DEFAULT

    def initiative(self, initiative_id: str) -> Initiative:
        """The initiative with this id; KeyError if there is none."""
        for item in self.initiatives:
            if item.id == initiative_id:
                return item
        raise KeyError(initiative_id)

    def channel_cost(self, channel: str) -> float | None:
        """Cost per contact of the named accessibility channel, if known (the names match
        whatever their case and surrounding spaces)."""
        wanted = channel.strip().casefold()
        for item in self.areas.accessibility.channels:
            if item.name.strip().casefold() == wanted:
                return item.cost_per_contact
        return None

    def avoidable_cost_per_month(self, reason: ContactReason) -> float | None:
        """Avoidable contacts × the channel's cost per contact; None when the cost is unknown."""
        cost = self.channel_cost(reason.channel)
        return None if cost is None else reason.avoidable_per_month * cost

    def to_data(self) -> dict[str, Any]:
        """The plan as plain data, in file order, without empty optional values."""
        return self.model_dump(mode="python", by_alias=True, exclude_none=True)
