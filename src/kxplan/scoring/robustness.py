"""Robustness: how firmly each initiative keeps its rank when estimates and weights vary.

Each round resamples every initiative's participant estimates (a bootstrap over
participants) and nudges the impact weights, then ranks again with the same
formula and order as :func:`~kxplan.scoring.ranking.rank`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from kxplan.framework import AreaId, Method
from kxplan.model import Plan
from kxplan.scoring.estimates import median
from kxplan.scoring.methods import Columns, Scored, columns, evaluate
from kxplan.scoring.order import dependency_indices, sort_keys, suggested_order
from kxplan.scoring.ranking import prepare
from kxplan.scoring.rules import Rules

ROBUST_PERCENTILES: Final = (0.05, 0.95)
"""The rank interval :func:`robustness` reports: 5th to 95th percentile."""

UNSTABLE_P_TOP: Final = (0.2, 0.8)
"""A chance of being in the top k strictly between these flags an initiative as unstable."""


@dataclass(frozen=True, slots=True)
class Robustness:
    """How firmly an initiative holds its rank when estimates and weights vary."""

    rank_low: int
    """Best rank in the interval (5th percentile)."""
    rank_high: int
    """Worst rank in the interval (95th percentile)."""
    p_top_k: float
    """Share of samples in which it made the top k."""
    top_k: int
    unstable: bool
    """True when the interval is wide or the top-k chance is neither low nor high."""


_Row = tuple[float | None, ...]
"""One participant's (effort, value, efficiency on the value scale, confidence, reach)."""

_METHOD_FIELDS: Final[dict[str, tuple[int, ...]]] = {
    "rice": (0, 1, 2, 3, 4),
    "ice": (0, 1, 2, 3),
}
"""Which of the five estimated scores each method reads (default: effort, value, efficiency)."""


@functools.lru_cache(maxsize=16)
def _multisets(count: int) -> tuple[tuple[tuple[int, ...], float], ...]:
    """Every outcome of drawing ``count`` rows from ``count`` with replacement, with its chance."""
    base = math.factorial(count) / count**count
    outcomes = []
    for combo in itertools.combinations_with_replacement(range(count), count):
        chance = base
        for _, run in itertools.groupby(combo):
            chance /= math.factorial(sum(1 for _ in run))
        outcomes.append((combo, chance))
    return tuple(outcomes)


class _Resampler:
    """Bootstrap draws of one initiative's scores from its participants' estimates.

    With few participants the exact bootstrap distribution is enumerated once
    (every multiset of draws, with its multinomial chance) and sampled by
    bisection; with many, each draw resamples the rows directly. Both give the
    same distribution.
    """

    __slots__ = ("_fallback", "_fields", "_rows", "cumulative", "outcomes")

    def __init__(
        self, rows: Sequence[_Row], fallback: Sequence[float], fields: Sequence[int], exact: bool
    ) -> None:
        self._rows = tuple(rows)
        self._fallback = tuple(fallback)
        self._fields = tuple(f for f in fields if any(row[f] is not None for row in rows))
        self.outcomes: list[tuple[float, ...]] = []
        """Exact mode: every distinct outcome (effort, value, efficiency, confidence, reach)."""
        self.cumulative: list[float] = []
        """Exact mode: cumulative chances of the outcomes, ending at exactly 1."""
        if exact:
            chances: dict[tuple[float, ...], float] = {}
            for combo, chance in _multisets(len(self._rows)):
                outcome = self._medians([self._rows[i] for i in combo])
                chances[outcome] = chances.get(outcome, 0.0) + chance
            self.outcomes = list(chances)
            total = math.fsum(chances.values())
            self.cumulative = [c / total for c in itertools.accumulate(chances.values())]
            self.cumulative[-1] = 1.0

    def _medians(self, picked: Sequence[_Row]) -> tuple[float, ...]:
        out = list(self._fallback)
        for field in self._fields:
            values = [v for row in picked if (v := row[field]) is not None]
            if values:
                out[field] = median(values)
        return tuple(out)

    def draw(self, rnd: Callable[[], float]) -> tuple[float, ...]:
        """One bootstrap outcome: (effort, value, efficiency, confidence, reach)."""
        if self.outcomes:
            return self.outcomes[bisect.bisect_right(self.cumulative, rnd())]
        count = len(self._rows)
        return self._medians([self._rows[int(rnd() * count)] for _ in range(count)])


def _resampler(rules: Rules, s: Scored, cols: Columns, index: int, samples: int) -> _Resampler:
    item = s.item
    rows = [
        (
            e.effort,
            e.customer_value,
            None if e.efficiency is None else rules.to_value_scale(e.efficiency),
            e.confidence,
            e.reach,
        )
        for e in item.estimates
    ]
    own = (
        item.effort,
        item.customer_value,
        None if item.efficiency is None else rules.to_value_scale(item.efficiency),
        item.confidence,
        item.reach,
    )
    base = (
        cols.effort[index],
        cols.value[index],
        cols.efficiency[index],
        cols.confidence[index],
        cols.reach[index],
    )
    fallback = [b if o is None else o for o, b in zip(own, base, strict=True)]
    fields = _METHOD_FIELDS.get(rules.method, (0, 1, 2))
    count = len(rows)
    exact = math.comb(2 * count - 1, count) <= samples
    return _Resampler(rows, fallback, fields, exact)


def robustness(
    plan: Plan,
    method: Method | None = None,
    *,
    samples: int = 1000,
    seed: int = 0,
    weight_jitter: float = 0.25,
    top_k: int = 5,
    include_closed: bool = False,
    area: AreaId | None = None,
) -> dict[str, Robustness]:
    """How firmly each ranked initiative keeps its place, by initiative id.

    Each of ``samples`` rounds resamples every initiative's participant
    estimates with replacement (a bootstrap over participants; initiatives with
    fewer than two estimates keep their scores), multiplies the value and
    efficiency weights by independent factors drawn uniformly from
    1 ± ``weight_jitter``, and ranks again, dependencies included. Reports the
    5th–95th percentile of the ranks and the share of rounds in the top
    ``top_k``. The same seed always gives the same answer.
    """
    if samples < 1:
        raise ValueError("samples must be at least 1")
    if not 0 <= weight_jitter < 1:
        raise ValueError("weight_jitter must be from 0 to just under 1")
    rules, found, _, _ = prepare(plan, method, include_closed, area, "median")
    count = len(found)
    if not count:
        return {}
    cols = columns(rules, found)
    needs, dependents = dependency_indices(found)
    varying = [
        (i, _resampler(rules, s, cols, i, samples))
        for i, s in enumerate(found)
        if len(s.item.estimates) >= 2
    ]

    tables = [(i, r.cumulative, r.outcomes) for i, r in varying if r.outcomes]
    redrawn = [(i, r) for i, r in varying if not r.outcomes]

    current: list[tuple[float, ...]] = list(
        zip(cols.effort, cols.value, cols.efficiency, cols.confidence, cols.reach, strict=True)
    )
    extra = cols.extra

    rnd = random.Random(seed).random
    pick = bisect.bisect_right
    positions: list[list[int]] = []
    base_vw, base_ew = rules.value_weight, rules.efficiency_weight
    for _ in range(samples):
        vw = base_vw * (1 + weight_jitter * (2 * rnd() - 1))
        ew = base_ew * (1 + weight_jitter * (2 * rnd() - 1))
        for i, cumulative, outcomes in tables:
            current[i] = outcomes[pick(cumulative, rnd())]
        for i, resampler in redrawn:
            current[i] = resampler.draw(rnd)
        efforts, values, efficiencies, confidences, reaches = zip(*current, strict=True)
        sample = Columns(efforts, values, efficiencies, confidences, reaches, extra)
        impacts, scores, groups = evaluate(rules, sample, vw, ew)
        order, _ = suggested_order(sort_keys(impacts, scores, groups, efforts), needs, dependents)
        positions.append(sorted(range(count), key=order.__getitem__))  # 0-based rank by index
    ranks = zip(*positions, strict=True)  # per initiative: its 0-based rank in every sample

    low_at = math.floor(ROBUST_PERCENTILES[0] * (samples - 1))
    high_at = math.ceil(ROBUST_PERCENTILES[1] * (samples - 1))
    wide = unstable_width(count)
    result: dict[str, Robustness] = {}
    for s, seen_unsorted in zip(found, ranks, strict=True):
        seen = sorted(seen_unsorted)
        in_top = bisect.bisect_left(seen, top_k) / samples  # ranks 0 … top_k − 1
        low, high = seen[low_at] + 1, seen[high_at] + 1
        result[s.item.id] = Robustness(
            rank_low=low,
            rank_high=high,
            p_top_k=in_top,
            top_k=top_k,
            unstable=(high - low) > wide or UNSTABLE_P_TOP[0] < in_top < UNSTABLE_P_TOP[1],
        )
    return result


def unstable_width(count: int) -> int:
    """Rank-interval width above which an initiative counts as unstable: 10 % of the list, ≥ 2."""
    return max(2, math.ceil(count / 10))
