"""What a revealed question shows the room: the spread of the answers and who stands out."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from kxplan.framework import Agreement
from kxplan.model import Plan
from kxplan.room.activities import Round
from kxplan.room.questions import bounds
from kxplan.scoring.estimates import agreement


@dataclass(frozen=True, slots=True)
class Tally:
    """The answers to one score of one initiative in a round."""

    initiative: str
    score: str
    """The question: a score, or a criterion as ``criteria.<id>``."""
    values: Mapping[str, float]
    """Participant → value, in the order they answered."""
    span: float
    """The width of the scale the score is given on."""

    @property
    def count(self) -> int:
        return len(self.values)

    @property
    def distribution(self) -> list[tuple[float, int]]:
        """(value, how many gave it), lowest value first."""
        return sorted(Counter(self.values.values()).items())

    @property
    def low(self) -> float | None:
        return min(self.values.values()) if self.values else None

    @property
    def high(self) -> float | None:
        return max(self.values.values()) if self.values else None

    def given_by(self, value: float | None) -> list[str]:
        """Who gave ``value``, in the order they answered."""
        return [name for name, given in self.values.items() if given == value]

    @property
    def median(self) -> float | None:
        return statistics.median(self.values.values()) if self.values else None

    @property
    def agreement(self) -> Agreement | None:
        """None with fewer than two answers: there is nothing to agree on."""
        if self.count < 2 or self.low is None or self.high is None:
            return None
        return agreement(self.low, self.high, self.span)

    @property
    def outliers(self) -> list[str]:
        """Who lies furthest from the median, when that is more than a quarter of the
        scale away: the people the room asks "why?"."""
        median = self.median
        if median is None or self.count < 3 or self.agreement == "high":
            return []
        furthest = max(abs(value - median) for value in self.values.values())
        if furthest * 4 <= self.span + 1e-9:
            return []
        return [n for n, v in self.values.items() if abs(v - median) == furthest]


def round_tallies(plan: Plan, current: Round) -> list[Tally]:
    """Each question of the round with its answers, in the round's order."""
    result = []
    for item in current.initiatives:
        for score in current.scores:
            low, high = bounds(plan, score)
            values = {
                who: value
                for (who, i, s), value in current.answers.items()
                if i == item and s == score
            }
            if score == "reach":  # no scale: the spread is measured against the largest
                low, high = 0.0, max(values.values(), default=0.0)
            result.append(Tally(item, score, values, high - low))
    return result
