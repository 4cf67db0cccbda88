"""Robustness: how firmly each initiative keeps its rank when estimates and weights vary.

Each round resamples every initiative's participant estimates (a bootstrap over
participants) and nudges the impact weights, then ranks again with the same
formula and order as :func:`~kxplan.scoring.ranking.rank`.

The same plan always gives the same figures, wherever they are worked out (the
app, ``kxplan rank --robust``, the exports): the number of rounds follows from
the length of the list (:func:`default_samples`) and the random draws are seeded
from what the ranking is made of (:func:`content_seed`). The one rule for calling
a rank unstable is :func:`is_unstable`, worded once in :func:`unstable_rule`.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import math
import operator
import random
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple, Protocol, TypeVar

from kxplan.framework import PERIODS, AreaId, Method
from kxplan.i18n import _
from kxplan.model import Initiative, Plan
from kxplan.scoring.estimates import median
from kxplan.scoring.methods import Columns, Scored, columns, evaluate
from kxplan.scoring.order import dependency_indices, sort_keys, suggested_order
from kxplan.scoring.ranking import _prepare
from kxplan.scoring.rules import Rules
from kxplan.text.numbers import percent

ROBUST_PERCENTILES: Final = (0.05, 0.95)
"""The rank interval :func:`robustness` reports: 5th to 95th percentile."""

DEFAULT_TOP_K: Final = 5
"""The cut the robustness check asks about unless told otherwise: is it in the top 5?"""

UNSTABLE_SHARE: Final = 0.1
"""A rank is unstable when more than this share of the rounds put the initiative on the
other side of the top-k cut than its rank does (see :func:`is_unstable`)."""

MAX_SAMPLES: Final = 1000
"""Rounds for short lists."""
MIN_SAMPLES: Final = 30
"""Rounds for the longest lists: still a share in steps of 2 %."""
SAMPLE_BUDGET: Final = 40_000
"""Rounds × ranked initiatives the default check may cost (about 0.15 s of CPU)."""


def default_samples(count: int) -> int:
    """Rounds of resampling for a list of ``count`` ranked initiatives: 1,000 up to 100
    initiatives, then fewer so the work stays about the same, never under 50."""
    return max(MIN_SAMPLES, min(MAX_SAMPLES, SAMPLE_BUDGET // max(count, 1)))


def is_unstable(rank: int, p_top_k: float, top_k: int) -> bool:
    """Whether the estimates' uncertainty could change the decision the ranking informs:
    whether the initiative is in the top ``top_k``.

    Ranked within the top k, it is unstable when it falls out of the top k in more
    than :data:`UNSTABLE_SHARE` of the rounds (``p_top_k`` below 90 %); ranked below
    the cut, when it gets in in more than that share (``p_top_k`` above 10 %). With
    no more than k ranked initiatives nothing can cross the cut, so nothing is.
    """
    crossing = 1 - p_top_k if rank <= top_k else p_top_k
    return crossing > UNSTABLE_SHARE


def unstable_rule(top_k: int = DEFAULT_TOP_K) -> str:
    """:func:`is_unstable` in words, for help texts and documents."""
    share = percent(100 * UNSTABLE_SHARE)
    return _(
        "A rank is unstable only when the uncertainty in the estimates could change "
        "whether the initiative is in the top {top_k}: ranked in the top {top_k}, it "
        "falls out of it in more than {share} of the resamples; ranked below, it gets "
        "in in more than {share}."
    ).format(top_k=top_k, share=share)


class Robustness(NamedTuple):
    """How firmly an initiative holds its rank when estimates and weights vary."""

    rank_low: int
    """Best rank in the interval (5th percentile)."""
    rank_high: int
    """Worst rank in the interval (95th percentile)."""
    p_top_k: float
    """Share of samples in which it made the top k."""
    top_k: int
    unstable: bool
    """Whether the uncertainty could move it across the top-k cut (:func:`is_unstable`)."""
    rank: int = 0
    """Its rank in the ranking itself (without resampling); 0 when not known."""


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
        for _value, run in itertools.groupby(combo):
            chance /= math.factorial(sum(1 for _item in run))
        outcomes.append((combo, chance))
    return tuple(outcomes)


_T = TypeVar("_T")


class _Pick(Protocol):
    """Chooses the drawn rows' values from a column of per-row values."""

    def __call__(self, column: Sequence[_T], /) -> Sequence[_T]: ...


@functools.lru_cache(maxsize=16)
def _pickers(count: int) -> tuple[_Pick, ...]:
    """For each outcome of :func:`_multisets`: what picks its rows' values from a column."""
    return tuple(operator.itemgetter(*combo) for combo, _ in _multisets(count))


class _Resampler:
    """Bootstrap draws of one initiative's scores from its participants' estimates.

    With few participants the exact bootstrap distribution is enumerated once
    (every multiset of draws, with its multinomial chance) and sampled by
    bisection; with many, each draw resamples the rows directly. Both give the
    same distribution. The estimates are held as columns, one per estimated score.
    """

    __slots__ = ("_complete", "_count", "_fallback", "_partial", "cumulative", "outcomes")

    def __init__(
        self, rows: Sequence[_Row], fallback: Sequence[float], fields: Sequence[int], exact: bool
    ) -> None:
        self._count = count = len(rows)
        self._fallback = tuple(fallback)
        self._complete: list[tuple[int, tuple[float, ...]]] = []
        """(field, its value in each row) for the estimated fields every row gives."""
        self._partial: list[tuple[int, tuple[float | None, ...]]] = []
        """(field, its value or None in each row) for the fields only some rows give."""
        for field in fields:
            column = tuple(row[field] for row in rows)
            given = tuple(v for v in column if v is not None)
            if len(given) == count:
                self._complete.append((field, given))
            elif given:
                self._partial.append((field, column))
        self.outcomes: list[tuple[float, ...]] = []
        """Exact mode: every distinct outcome (effort, value, efficiency, confidence, reach)."""
        self.cumulative: list[float] = []
        """Exact mode: cumulative chances of the outcomes, ending at exactly 1."""
        if exact:
            chances: dict[tuple[float, ...], float] = {}
            picks = _pickers(count)
            for (_combo, chance), pick in zip(_multisets(count), picks, strict=True):
                outcome = self._medians(pick)
                chances[outcome] = chances.get(outcome, 0.0) + chance
            self.outcomes = list(chances)
            total = math.fsum(chances.values())
            self.cumulative = [c / total for c in itertools.accumulate(chances.values())]
            self.cumulative[-1] = 1.0

    def _medians(self, pick: _Pick) -> tuple[float, ...]:
        """The outcome when ``pick`` chooses the drawn rows' values from a column: each
        estimated score's median over them (as :func:`median`), else the fallback."""
        out = list(self._fallback)
        half = self._count // 2
        odd = self._count % 2
        for field, complete in self._complete:
            values = sorted(pick(complete))
            out[field] = values[half] if odd else (values[half - 1] + values[half]) / 2
        for field, column in self._partial:
            given = sorted([v for v in pick(column) if v is not None])
            if given:
                out[field] = median(given)
        return tuple(out)

    def draw(self, rnd: Callable[[], float]) -> tuple[float, ...]:
        """One bootstrap outcome: (effort, value, efficiency, confidence, reach)."""
        if self.outcomes:
            return self.outcomes[bisect.bisect_right(self.cumulative, rnd())]
        count = self._count
        rows = operator.itemgetter(*[int(rnd() * count) for _ in range(count)])
        return self._medians(rows)


def _months(item: Initiative) -> float:
    """How many months the initiative's reach counts (its ``reach_period``; a month
    without one), so a resampled reach is a month's, as the ranking reads it."""
    period = item.reach_period
    return 1.0 if period is None else PERIODS[period].per_month


def _rows(rules: Rules, s: Scored) -> list[_Row]:
    """The participants' estimates of one initiative, efficiency on the value scale and
    reach a month."""
    months = _months(s.item)
    return [
        (
            e.effort,
            e.customer_value,
            None if e.efficiency is None else rules.to_value_scale(e.efficiency),
            e.confidence,
            None if e.reach is None else e.reach / months,
        )
        for e in s.item.estimates
    ]


def _resampler(
    rules: Rules, s: Scored, rows: list[_Row], base: tuple[float, ...], samples: int
) -> _Resampler:
    item = s.item
    own = (
        item.effort,
        item.customer_value,
        None if item.efficiency is None else rules.to_value_scale(item.efficiency),
        item.confidence,
        None if item.reach is None else item.reach / _months(item),
    )
    fallback = [b if o is None else o for o, b in zip(own, base, strict=True)]
    fields = _METHOD_FIELDS.get(rules.method, (0, 1, 2))
    count = len(rows)
    exact = math.comb(2 * count - 1, count) <= samples
    return _Resampler(rows, fallback, fields, exact)


def content_seed(
    rules: Rules,
    found: Sequence[Scored],
    rows: Sequence[Sequence[_Row]],
    cols: Columns,
    weight_jitter: float,
) -> int:
    """A seed made from everything the check reads: the method, weights, thresholds and
    scales, and each ranked initiative's id, scores, estimates and dependencies.

    The same plan therefore always gets the same draws, wherever the check runs;
    editing a score or an estimate draws afresh, editing a note does not.
    """
    settings = (
        rules.method,
        rules.value_weight,
        rules.efficiency_weight,
        rules.impact_threshold,
        rules.effort_threshold,
        *(
            (sc.min, sc.max)
            for sc in (rules.effort_scale, rules.value_scale, rules.efficiency_scale)
        ),
        rules.criteria,
        rules.aggregate,
        weight_jitter,
    )
    digest = hashlib.blake2b(repr(settings).encode(), digest_size=8)
    for index, s in enumerate(found):
        item = s.item
        facts = (
            item.id,
            cols.effort[index],
            cols.value[index],
            cols.efficiency[index],
            cols.confidence[index],
            cols.reach[index],
            cols.extra[index],
            rows[index],
            item.depends_on,
        )
        digest.update(repr(facts).encode())
    return int.from_bytes(digest.digest(), "big")


def robustness(
    plan: Plan,
    method: Method | None = None,
    *,
    samples: int | None = None,
    seed: int | None = None,
    weight_jitter: float = 0.25,
    top_k: int = DEFAULT_TOP_K,
    include_closed: bool = False,
    area: AreaId | None = None,
) -> dict[str, Robustness]:
    """How firmly each ranked initiative keeps its place, by initiative id.

    Each of ``samples`` rounds (default: :func:`default_samples` of the ranked
    initiatives) resamples every initiative's participant estimates with
    replacement (a bootstrap over participants, each reach read a month;
    initiatives with fewer than two estimates keep their scores), multiplies the
    value and efficiency weights by independent factors drawn uniformly from
    1 ± ``weight_jitter``, and ranks again, dependencies included. Initiatives the
    method lacks inputs for are left out, as ``rank(..., partial=True)`` leaves
    them. Reports the 5th–95th percentile of the ranks, the share of rounds in the
    top ``top_k`` and whether that makes the rank unstable (:func:`is_unstable`).
    The draws are seeded with ``seed``, or without one from the plan's content
    (:func:`content_seed`): the same plan always gives the same answer.
    """
    if samples is not None and samples < 1:
        raise ValueError("samples must be at least 1")
    if not 0 <= weight_jitter < 1:
        raise ValueError("weight_jitter must be from 0 to just under 1")
    rules, found, _, _, _ = _prepare(plan, method, include_closed, area, "median", partial=True)
    count = len(found)
    if not count:
        return {}
    rounds = default_samples(count) if samples is None else samples
    cols = columns(rules, found)
    needs, dependents = dependency_indices(found)
    current: list[tuple[float, ...]] = list(
        zip(cols.effort, cols.value, cols.efficiency, cols.confidence, cols.reach, strict=True)
    )
    rows = [_rows(rules, s) for s in found]
    if seed is None:
        seed = content_seed(rules, found, rows, cols, weight_jitter)
    varying = [
        (i, _resampler(rules, s, rows[i], current[i], rounds))
        for i, s in enumerate(found)
        if len(rows[i]) >= 2
    ]
    tables = [(i, r.cumulative, r.outcomes) for i, r in varying if r.outcomes]
    redrawn = [(i, r) for i, r in varying if not r.outcomes]
    extra = cols.extra

    base_vw, base_ew = rules.value_weight, rules.efficiency_weight
    impacts, scores, groups = evaluate(rules, cols, base_vw, base_ew)
    order, _ = suggested_order(sort_keys(impacts, scores, groups, cols.effort), needs, dependents)
    ranked = [0] * count
    for position, index in enumerate(order, 1):
        ranked[index] = position

    rnd = random.Random(seed).random
    pick = bisect.bisect_right
    positions: list[list[int]] = []
    for _ in range(rounds):
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

    low_at = math.floor(ROBUST_PERCENTILES[0] * (rounds - 1))
    high_at = math.ceil(ROBUST_PERCENTILES[1] * (rounds - 1))
    result: dict[str, Robustness] = {}
    for s, rank, seen_unsorted in zip(found, ranked, ranks, strict=True):
        seen = sorted(seen_unsorted)
        in_top = bisect.bisect_left(seen, top_k) / rounds  # ranks 0 … top_k − 1
        result[s.item.id] = Robustness(
            rank_low=seen[low_at] + 1,
            rank_high=seen[high_at] + 1,
            p_top_k=in_top,
            top_k=top_k,
            unstable=is_unstable(rank, in_top, top_k),
            rank=rank,
        )
    return result
