"""What the ranking reads from an initiative's evidence: its reach a month and the money
its linked contact reasons would save.

An entered reach with a period is converted to a month; an initiative without an entered
reach (nor estimated) takes its linked contact reasons' avoidable contacts a month. The
``savings`` method reads the money those contacts cost a month. :class:`Basis` keeps
where the figures came from, so the explanation can show the arithmetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from kxplan.framework import PERIODS, Period
from kxplan.model import Initiative, Plan
from kxplan.model.evidence import RowIndex
from kxplan.model.rows import ContactReason


class DemandTerm(NamedTuple):
    """One linked contact reason: its volume a month × avoidable share = contacts."""

    reason: str
    volume: float
    share: float
    """Avoidable share, in %."""
    contacts: float
    cost: float | None
    """What those contacts cost a month; None when the channel has no cost per contact."""


class Basis(NamedTuple):
    """Where an initiative's reach and savings come from."""

    entered: float | None = None
    """The reach as entered (or estimated), before conversion, when it had a period."""
    period: Period | None = None
    terms: tuple[DemandTerm, ...] = ()
    """The linked contact reasons (for a derived reach, and for savings)."""
    reach_linked: bool = False
    """Whether the reach was derived from the linked reasons."""
    currency: str = ""
    """The plan's currency, for the savings."""

    @property
    def saved(self) -> float | None:
        """The money the linked reasons' avoidable contacts cost a month; None if unpriced."""
        priced = [term.cost for term in self.terms if term.cost is not None]
        return sum(priced) if priced else None

    @property
    def unpriced(self) -> tuple[str, ...]:
        """The linked reasons whose channel has no cost per contact."""
        return tuple(term.reason for term in self.terms if term.cost is None)


class Evidence:
    """Reads the linked figures of a plan's initiatives, with one row index and one table
    of channel costs per plan. The linked reasons are read only where they are needed:
    for a reach nobody entered, and for the ``savings`` method."""

    __slots__ = ("_costs", "_index", "currency", "savings")

    def __init__(
        self, plan: Plan | None, chosen: Sequence[Initiative], *, savings: bool = False
    ) -> None:
        self.savings = savings
        self.currency = plan.currency if plan is not None else ""
        self._index: RowIndex | None = None
        self._costs: dict[str, float | None] = {}
        if plan is not None and any(item.addresses for item in chosen):
            self._index = RowIndex(plan)
            for channel in plan.areas.accessibility.channels:
                self._costs.setdefault(channel.name.strip().casefold(), channel.cost_per_contact)

    def terms(self, item: Initiative) -> tuple[DemandTerm, ...]:
        """The contact reasons an initiative addresses, in its order."""
        index = self._index
        if index is None:
            return ()
        found = []
        for link in item.addresses:
            if link.table != "contact_reasons":
                continue
            reason = index.find(link)
            if not isinstance(reason, ContactReason):
                continue
            contacts = reason.avoidable_per_month
            cost = self._costs.get(reason.channel.strip().casefold())
            found.append(
                DemandTerm(
                    reason.reason,
                    float(reason.monthly_volume),
                    float(reason.avoidable),
                    contacts,
                    None if cost is None else contacts * cost,
                )
            )
        return tuple(found)

    def basis(self, item: Initiative, reach: float | None) -> tuple[float | None, Basis | None]:
        """The reach a month and its basis: ``reach`` (entered or estimated) over its
        period; else the linked reasons' avoidable contacts. The basis is None when
        nothing was converted or linked."""
        wanted = item.addresses and (reach is None or self.savings)
        terms = self.terms(item) if wanted else ()
        currency = self.currency
        if reach is not None:
            period = item.reach_period
            if period is None or period == "month":
                return reach, Basis(terms=terms, currency=currency) if terms else None
            return reach / PERIODS[period].per_month, Basis(reach, period, terms, False, currency)
        if terms:
            contacts = sum(term.contacts for term in terms)
            return contacts, Basis(terms=terms, reach_linked=True, currency=currency)
        return None, None
