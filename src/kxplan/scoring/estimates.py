"""Participants' estimates: combining them into one score, and how far they agree."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Final, NamedTuple

from kxplan.framework import AGREEMENTS, ESTIMATED_SCORES, Agreement
from kxplan.model import Initiative
from kxplan.scoring.rules import Aggregate

AGREEMENT_HIGH: Final = 1.0
AGREEMENT_MEDIUM: Final = 2.0
"""Spread limits, in steps of a 5-point scale: range ≤ 1 is high agreement, ≤ 2 medium."""

AGREEMENT_FIELDS: Final = ("effort", "customer_value", "efficiency")
"""The scores whose spread decides an initiative's agreement level."""

ESTIMATED_FIELDS: Final = ESTIMATED_SCORES
"""The scores a participant can estimate, in the order the engine reads them."""


class Spread(NamedTuple):
    """How far participants' estimates of one score lie apart."""

    field: str
    low: float
    high: float
    values: tuple[float, ...]
    """The estimates, in the order the participants are listed."""
    agreement: Agreement


def median(values: Sequence[float]) -> float:
    """The middle value (the mean of the two middle ones for an even count)."""
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def estimated(item: Initiative) -> dict[str, tuple[float, ...]]:
    """Each score's estimates in participant order, for the scores someone estimated."""
    if not item.estimates:
        return {}
    found: dict[str, list[float]] = {}
    for estimate in item.estimates:
        given = estimate.__dict__
        for field in ESTIMATED_FIELDS:
            value = given[field]
            if value is not None:
                found.setdefault(field, []).append(value)
    return {field: tuple(values) for field, values in found.items()}


Five = tuple[float | None, float | None, float | None, float | None, float | None]
"""(effort, value, efficiency, confidence, reach)."""


def aggregates(item: Initiative, how: Aggregate, found: dict[str, tuple[float, ...]]) -> Five:
    """(effort, value, efficiency, confidence, reach): the estimates' median or mean where
    there are estimates, else the initiative's own score."""
    own = item.__dict__
    if not found:
        return (
            own["effort"],
            own["customer_value"],
            own["efficiency"],
            own["confidence"],
            own["reach"],
        )
    combine = median if how == "median" else statistics.fmean
    values = [
        combine(given) if (given := found.get(name)) else own[name] for name in ESTIMATED_FIELDS
    ]
    return values[0], values[1], values[2], values[3], values[4]


def agreement(low: float, high: float, span: float) -> Agreement:
    """The agreement level of estimates from ``low`` to ``high`` on a scale ``span`` wide."""
    steps = (high - low) * 4 / span if span > 0 else 0.0
    if steps <= AGREEMENT_HIGH + 1e-9:
        return "high"
    if steps <= AGREEMENT_MEDIUM + 1e-9:
        return "medium"
    return "low"


def spreads(found: dict[str, tuple[float, ...]], spans: dict[str, float]) -> dict[str, Spread]:
    """The spread of each estimated score."""
    result: dict[str, Spread] = {}
    for field, values in found.items():
        low, high = min(values), max(values)
        span = spans.get(field, high)  # reach: relative to the largest estimate
        result[field] = Spread(field, low, high, values, agreement(low, high, span))
    return result


def overall_agreement(found: dict[str, Spread], participants: int) -> Agreement | None:
    """The lowest agreement over effort, value and efficiency; None below two estimates."""
    if participants < 2:
        return None
    levels = [found[f].agreement for f in AGREEMENT_FIELDS if f in found]
    if not levels:
        return None
    return max(levels, key=AGREEMENTS.position)


_LEVELS: Final = {level: AGREEMENTS.position(level) for level in AGREEMENTS.keys}


def agreement_of(item: Initiative, spans: dict[str, float]) -> Agreement | None:
    """:func:`overall_agreement` of the item's :func:`spreads`, worked out straight from
    its estimates (the ranking reads it for every initiative; the spreads only the views
    that show them): the lowest agreement over effort, value and efficiency."""
    if len(item.estimates) < 2:
        return None
    given = [estimate.__dict__ for estimate in item.estimates]
    worst: Agreement | None = None
    for field in AGREEMENT_FIELDS:
        values = [value for row in given if (value := row[field]) is not None]
        if values:
            low, high = min(values), max(values)
            level = agreement(low, high, spans.get(field, high))
            if worst is None or _LEVELS[level] > _LEVELS[worst]:
                worst = level
    return worst
