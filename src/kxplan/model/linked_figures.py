"""Figures an initiative gets from the evidence it addresses, each able to explain itself.

From its linked contact reasons: the avoidable contacts a month it could remove and
what they cost (volume × avoidable share × the channel's cost per contact); from its
linked KPIs: the move it is expected to help (baseline → target). Its reach a month:
the entered reach converted from its period, else the linked reasons' avoidable
contacts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from kxplan.framework import PERIODS
from kxplan.i18n import _
from kxplan.model.evidence import RowIndex, linked_rows
from kxplan.model.rows import ContactReason, Kpi
from kxplan.text import numbers

if TYPE_CHECKING:
    from kxplan.model.initiative import Initiative
    from kxplan.model.plan import Plan


@dataclass(frozen=True, slots=True)
class ReasonPart:
    """What one linked contact reason contributes."""

    reason: ContactReason
    contacts: float
    """Avoidable contacts a month: volume × avoidable share."""
    cost: float | None
    """Their cost a month; None when the channel has no cost per contact."""

    def explain(self) -> str:
        """``2 800 = 4 000 × 70 % from “Where is my order?”``."""
        return _("{contacts} = {volume} × {share} from “{reason}”").format(**self._values())

    def _values(self) -> dict[str, str]:
        return {
            "contacts": numbers.whole(self.contacts),
            "volume": numbers.whole(self.reason.monthly_volume),
            "share": numbers.percent(self.reason.avoidable),
            "reason": self.reason.reason,
        }


@dataclass(frozen=True, slots=True)
class LinkedDemand:
    """The avoidable demand an initiative addresses, a month."""

    parts: tuple[ReasonPart, ...]

    @property
    def contacts(self) -> float:
        return sum(part.contacts for part in self.parts)

    @property
    def cost(self) -> float | None:
        """What the avoidable contacts cost a month over the priced reasons; None if none is."""
        priced = [part.cost for part in self.parts if part.cost is not None]
        return sum(priced) if priced else None

    @property
    def unpriced(self) -> tuple[ContactReason, ...]:
        return tuple(part.reason for part in self.parts if part.cost is None)

    def sum_text(self) -> str:
        """``2 800 a month = 4 000 × 70 % from “Where is my order?”`` (each part shown)."""
        if len(self.parts) == 1:
            values = self.parts[0]._values()
            return _("{contacts} a month = {volume} × {share} from “{reason}”").format(**values)
        terms = " + ".join(f"({part.explain()})" for part in self.parts)
        return _("{contacts} a month = {terms}").format(
            contacts=numbers.whole(self.contacts), terms=terms
        )

    def explain(self, currency: str = "") -> str:
        """``2 800 avoidable contacts a month = 4 000 × 70 % from “Where is my order?”``,
        with the cost when it is known."""
        cost = self.cost
        if cost is None:
            return _("avoidable contacts {sum}").format(sum=self.sum_text())
        return _("avoidable contacts {sum}; {cost} a month").format(
            sum=self.sum_text(), cost=numbers.money(cost, currency)
        )


def linked_demand(plan: Plan, item: Initiative, index: RowIndex | None = None) -> LinkedDemand:
    """The linked contact reasons' avoidable contacts and cost (no parts without links)."""
    parts = tuple(
        ReasonPart(row, row.avoidable_per_month, plan.avoidable_cost_per_month(row))
        for row in linked_rows(plan, item, index)
        if isinstance(row, ContactReason)
    )
    return LinkedDemand(parts)


@dataclass(frozen=True, slots=True)
class Reach:
    """An initiative's reach a month and where it comes from."""

    per_month: float
    source: Literal["entered", "linked"]
    explanation: str


def reach_per_month(plan: Plan, item: Initiative, index: RowIndex | None = None) -> Reach | None:
    """Reach a month: the entered reach over its period, else the linked reasons' avoidable
    contacts; None when neither is known (an entered reach without a period has no
    month to convert to)."""
    if item.reach is not None:
        if item.reach_period is None:
            return None
        term = PERIODS[item.reach_period]
        per_month = item.reach / term.per_month
        said = f"{numbers.whole(item.reach)} {PERIODS.say(term.phrase)}"
        if item.reach_period == "month":
            return Reach(per_month, "entered", _("reach {reach}").format(reach=said))
        explanation = _("reach {per_month} a month = {reach}").format(
            per_month=numbers.whole(per_month), reach=said
        )
        return Reach(per_month, "entered", explanation)
    demand = linked_demand(plan, item, index)
    if not demand.parts:
        return None
    return Reach(demand.contacts, "linked", _("reach {reach}").format(reach=demand.sum_text()))


@dataclass(frozen=True, slots=True)
class KpiMove:
    """A linked KPI and the move the initiative is expected to help."""

    kpi: Kpi

    def explain(self) -> str:
        """``CSAT (all): 3.6 → 4.2``; a dash for what is not set."""
        kpi = self.kpi
        unit = f" {kpi.shown_unit}" if kpi.shown_unit else ""
        return (
            f"{kpi.shown_label} ({kpi.shown_channel}): {numbers.number(kpi.baseline)} → "
            f"{numbers.number(kpi.target)}{unit}"
        )


def kpi_moves(plan: Plan, item: Initiative, index: RowIndex | None = None) -> list[KpiMove]:
    """The KPIs an initiative addresses, in its order."""
    return [KpiMove(row) for row in linked_rows(plan, item, index) if isinstance(row, Kpi)]
