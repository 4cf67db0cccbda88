"""The seven areas of a plan: maturity, the three questions, and each area's tables."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from kxplan.framework import AREA_IDS, AreaId
from kxplan.model.log import LogEntry
from kxplan.model.rows import (
    Channel,
    ContactReason,
    Friction,
    JourneyStage,
    Kpi,
    MobilityCheck,
    Stakeholder,
    Touchpoint,
)
from kxplan.model.scales import Scale
from kxplan.model.types import Maturity, StrictModel, empty_list, unset


class Questions(StrictModel):
    """Answers to the three questions: where are we, where do we want to be, how."""

    today: str = ""
    """Where are we today?"""
    target: str = ""
    """Where do we want to be?"""
    how: str = ""
    """How do we get there?"""


class AreaBase(StrictModel):
    """What every area records: maturity today and target, and the three questions."""

    maturity_today: Maturity | None = None
    """Maturity today, 1–5."""
    maturity_target: Maturity | None = None
    """Target maturity, 1–5."""
    today: str = ""
    """Where are we today?"""
    target: str = ""
    """Where do we want to be?"""
    how: str = ""
    """How do we get there?"""
    log: list[LogEntry] = Field(default_factory=empty_list, exclude_if=unset)
    """Successes and failures, with what was learned (written only when there are any)."""

    @property
    def gap(self) -> int | None:
        """Target minus today, when both are judged."""
        if self.maturity_today is None or self.maturity_target is None:
            return None
        return self.maturity_target - self.maturity_today


class InsightArea(AreaBase):
    """Area 1: measure the experience."""

    journey: list[JourneyStage] = Field(default_factory=empty_list, exclude_if=unset)
    """The organisation's own journey stages, in order (schema 3); none: before, during
    and after purchase. (Not "stages": a stakeholder's ``stages`` holds their ids.)"""
    touchpoint_scale: Scale | None = Field(default=None, exclude_if=unset)
    """The scale touchpoints' expectation and experience scores are on; none: 1–5."""
    touchpoints: list[Touchpoint] = Field(default_factory=empty_list)
    kpis: list[Kpi] = Field(default_factory=empty_list)


class AccessibilityArea(AreaBase):
    """Area 2: the channels."""

    channels: list[Channel] = Field(default_factory=empty_list)


class ServiceFriendlinessArea(AreaBase):
    """Area 3: frictions in service and purchase."""

    frictions: list[Friction] = Field(default_factory=empty_list)


class MobilityArea(AreaBase):
    """Area 4: service on the phone."""

    checks: list[MobilityCheck] = Field(default_factory=empty_list)


class UnnecessaryDemandArea(AreaBase):
    """Area 5: failure demand."""

    contact_reasons: list[ContactReason] = Field(default_factory=empty_list)


class PrioritisationArea(AreaBase):
    """Area 6: the initiatives themselves live at the top of the plan."""


class AnchoringArea(AreaBase):
    """Area 7: departments and stakeholders."""

    stakeholders: list[Stakeholder] = Field(default_factory=empty_list)


class Areas(StrictModel):
    """The seven areas, in the order of the walk."""

    insight: InsightArea = Field(default_factory=InsightArea)
    accessibility: AccessibilityArea = Field(default_factory=AccessibilityArea)
    service_friendliness: ServiceFriendlinessArea = Field(default_factory=ServiceFriendlinessArea)
    mobility: MobilityArea = Field(default_factory=MobilityArea)
    unnecessary_demand: UnnecessaryDemandArea = Field(default_factory=UnnecessaryDemandArea)
    prioritisation: PrioritisationArea = Field(default_factory=PrioritisationArea)
    anchoring: AnchoringArea = Field(default_factory=AnchoringArea)

    def get(self, area_id: AreaId) -> AreaBase:
        """The area with this id."""
        result: AreaBase = getattr(self, area_id)
        return result

    def items(self) -> Iterator[tuple[AreaId, AreaBase]]:
        """(id, area) in the order of the walk."""
        for area_id in AREA_IDS:
            yield area_id, self.get(area_id)
