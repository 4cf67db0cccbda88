"""Calibration: how the effort estimated for done initiatives compares with what it took.

For every done initiative with an actual effort, each participant's estimate and the
room's (the median of the estimates, or the initiative's own effort without any) are
set against the actual. A positive difference means the work took more than
estimated: that estimator tends to under-estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from kxplan.model import Initiative, Plan
from kxplan.scoring.estimates import median

CLOSE_SHARE: Final = 0.1
"""Within this share of the effort scale's span on average, estimates count as close."""

Tendency = Literal["under", "over", "close"]


@dataclass(frozen=True, slots=True)
class Pair:
    """One done initiative: the effort estimated and the effort it took."""

    initiative: Initiative
    estimated: float
    actual: float

    @property
    def difference(self) -> float:
        """Actual − estimated: above 0, it took more than estimated."""
        return self.actual - self.estimated


@dataclass(frozen=True, slots=True)
class Calibration:
    """One estimator's record (``who`` is empty for the room as a whole)."""

    who: str
    pairs: tuple[Pair, ...]
    span: float
    """The effort scale's span, against which "close" is judged."""

    @property
    def mean_difference(self) -> float:
        return sum(pair.difference for pair in self.pairs) / len(self.pairs)

    @property
    def tendency(self) -> Tendency:
        """Under-estimates (work took more), over-estimates, or close on average."""
        mean = self.mean_difference
        if abs(mean) <= CLOSE_SHARE * self.span:
            return "close"
        return "under" if mean > 0 else "over"


def _done(plan: Plan) -> list[Initiative]:
    return [i for i in plan.initiatives if i.status == "done" and i.actual_effort is not None]


def room_calibration(plan: Plan) -> Calibration | None:
    """The room's estimates against the actuals; None without a done initiative to compare."""
    pairs = []
    for item in _done(plan):
        given = [e.effort for e in item.estimates if e.effort is not None]
        estimated = median(given) if given else item.effort
        if estimated is not None and item.actual_effort is not None:
            pairs.append(Pair(item, estimated, item.actual_effort))
    return Calibration("", tuple(pairs), _span(plan)) if pairs else None


def participant_calibrations(plan: Plan) -> list[Calibration]:
    """Each participant's estimates against the actuals, by name (as first written)."""
    found: dict[str, tuple[str, list[Pair]]] = {}
    for item in _done(plan):
        for estimate in item.estimates:
            if estimate.effort is None or item.actual_effort is None:
                continue
            name = estimate.participant.strip()
            entry = found.setdefault(name.casefold(), (name, []))
            entry[1].append(Pair(item, estimate.effort, item.actual_effort))
    span = _span(plan)
    return sorted(
        (Calibration(name, tuple(pairs), span) for name, pairs in found.values()),
        key=lambda calibration: calibration.who.casefold(),
    )


def _span(plan: Plan) -> float:
    return float(plan.scales.effort.max - plan.scales.effort.min)
