"""Calibration: how the effort estimated for done initiatives compares with what it took.

For every done initiative with an actual effort, each participant's estimate and the
room's (the median of the estimates, or the initiative's own effort without any) are
set against the actual. A positive difference means the work took more than
estimated: that estimator tends to under-estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from kxplan.framework.vocabulary import TENDENCIES, Tendency
from kxplan.i18n import _
from kxplan.model import Initiative, Plan
from kxplan.scoring.estimates import median
from kxplan.text.numbers import data_number, number

CLOSE_SHARE: Final = 0.1
"""Within this share of the effort scale's span on average, estimates count as close."""

__all__ = [
    "CLOSE_SHARE",
    "Calibration",
    "Pair",
    "Tendency",
    "calibration_data",
    "calibrations",
    "participant_calibrations",
    "room_calibration",
    "signed",
]


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

    @property
    def differences(self) -> tuple[float, ...]:
        """Actual − estimated of each done initiative, in the plan's order."""
        return tuple(pair.difference for pair in self.pairs)

    @property
    def name(self) -> str:
        """Who, for people: the participant's name, or "The room" (translated)."""
        return self.who or _("The room")

    @property
    def tendency_label(self) -> str:
        """The tendency in words, in the current language: "Under-estimates"."""
        return TENDENCIES.label(self.tendency)


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


def calibrations(plan: Plan) -> list[Calibration]:
    """Every participant's record, then the room's; empty when nothing done has an
    actual effort to compare with."""
    room = room_calibration(plan)
    return [*participant_calibrations(plan), room] if room is not None else []


def signed(value: float) -> str:
    """A difference for people, always with its sign: ``+2``, ``−0.5``, ``0``."""
    text = number(abs(value))
    if text == number(0):
        return text
    return ("+" if value > 0 else "\u2212") + text


def calibration_data(plan: Plan) -> dict[str, Any]:
    """The calibration for scripts (``kxplan calibration --format json``): the scale's
    span, each participant's record and the room's (None without data)."""

    def record(calibration: Calibration) -> dict[str, Any]:
        return {
            "done_estimated": len(calibration.pairs),
            "mean_difference": data_number(round(calibration.mean_difference, 6)),
            "tendency": calibration.tendency,
            "initiatives": [
                {
                    "id": pair.initiative.id,
                    "estimated": data_number(pair.estimated),
                    "actual": data_number(pair.actual),
                }
                for pair in calibration.pairs
            ],
        }

    room = room_calibration(plan)
    return {
        "span": data_number(_span(plan)),
        "close_within": data_number(round(CLOSE_SHARE * _span(plan), 6)),
        "participants": {c.who: record(c) for c in participant_calibrations(plan)},
        "room": record(room) if room is not None else None,
    }
