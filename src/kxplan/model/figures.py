"""Figures derived from a plan, computed once here for every view to read.

The app's tables and summary, ``kxplan show``, the document and the data exports
all show these same numbers; none of them adds contacts or costs up on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kxplan.framework import AreaId
from kxplan.text.numbers import data_number

if TYPE_CHECKING:
    from kxplan.model.plan import Plan
    from kxplan.model.rows import ContactReason


@dataclass(frozen=True, slots=True)
class DemandTotals:
    """The unnecessary demand of a plan, a month, over all its contact reasons."""

    contacts: float
    """Contacts a month, of every kind."""
    failure: float
    """Contacts a month that are failure demand."""
    avoidable: float
    """Contacts a month that could be avoided (volume × avoidable share)."""
    cost: float
    """What the avoidable contacts cost a month, over the reasons whose channel has a cost."""
    priced: bool
    """Whether any reason's channel has a known cost (else ``cost`` means nothing)."""
    unpriced: tuple[ContactReason, ...]
    """Reasons with avoidable contacts whose channel has no cost per contact."""

    @property
    def failure_share(self) -> float | None:
        """Failure demand in percent of all contacts; None without contacts."""
        return 100 * self.failure / self.contacts if self.contacts else None

    def data(self) -> dict[str, Any]:
        """The totals as JSON data, one shape for ``show`` and ``export`` alike."""
        return {
            "contacts_per_month": data_number(self.contacts),
            "failure_per_month": data_number(self.failure),
            "avoidable_per_month": data_number(self.avoidable),
            "avoidable_cost_per_month": data_number(self.cost),
            "unpriced_channels": self.unpriced_channels,
        }

    @property
    def unpriced_channels(self) -> list[str]:
        """The channels of the unpriced reasons, once each, sorted; "(no channel)" for blank."""
        return sorted({r.channel.strip() or "(no channel)" for r in self.unpriced})


def demand_totals(plan: Plan) -> DemandTotals:
    """Contacts, failure demand, avoidable contacts and their cost, a month."""
    reasons = plan.areas.unnecessary_demand.contact_reasons
    cost = 0.0
    priced = False
    unpriced: list[ContactReason] = []
    for reason in reasons:
        reason_cost = plan.avoidable_cost_per_month(reason)
        if reason_cost is not None:
            cost += reason_cost
            priced = True
        elif reason.avoidable_per_month:
            unpriced.append(reason)
    return DemandTotals(
        contacts=sum(r.monthly_volume for r in reasons),
        failure=sum(r.monthly_volume for r in reasons if r.demand == "failure"),
        avoidable=sum(r.avoidable_per_month for r in reasons),
        cost=cost,
        priced=priced,
        unpriced=tuple(unpriced),
    )


def gaps(plan: Plan) -> dict[AreaId, int | None]:
    """Each area's maturity gap (target − today), None where either is not judged."""
    return {area_id: area.gap for area_id, area in plan.areas.items()}
