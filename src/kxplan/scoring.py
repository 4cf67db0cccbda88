"""Prioritisation engine: from a plan to a suggested order of its initiatives.

Pure functions over :class:`~kxplan.model.Plan`; nothing here knows about the
terminal. :func:`rank` orders the initiatives by the plan's method (or the one
asked for), :func:`robustness` tells how firmly each keeps its place when the
participants' estimates are resampled and the impact weights nudged, and
:func:`applicable_methods` lists the methods the plan has the scores for.

Rules, in short (the README has the long version):

* impact = weighted mean of customer value and efficiency potential (weights
  ``scoring.value_weight`` and ``scoring.efficiency_weight``), on the
  customer-value scale; efficiency is mapped onto that scale first when the
  two scales differ;
* a score with participant estimates is their median (or mean) and falls back
  to the initiative's own value when no estimate gives it;
* high impact means impact **at or above** the impact threshold, high effort
  means effort **above** the effort threshold (both default to mid-scale), so
  a value exactly on a threshold counts as the favourable side;
* ties go to higher impact, then lower effort, then the id;
* an initiative never comes before one it depends on (priority-queue
  topological order); dependencies on closed, unscored or filtered-out
  initiatives do not hold anything back;
* divisions by effort use at least 0.5, so an effort of 0 (possible on a scale
  starting at 0) gives a large but finite score;
* RICE and ICE count a missing confidence as 100 %; RICE needs reach and WSJF
  needs time criticality and risk reduction on every ranked initiative, and
  raise :class:`ScoringError` naming the ones that lack them.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import heapq
import itertools
import math
import random
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from kxplan.framework import CLOSED_STATUSES, AreaId, Method, Quadrant
from kxplan.model import Initiative, Plan, Scale

Agreement = Literal["high", "medium", "low"]
Aggregate = Literal["median", "mean"]

METHODS: Final[tuple[Method, ...]] = ("ratio", "quadrant", "rice", "ice", "wsjf", "weighted")
"""Every ranking method, in the order they are offered."""

METHOD_LABELS: Final[dict[str, str]] = {
    "ratio": "Impact ÷ effort",
    "quadrant": "Effort/impact quadrants",
    "rice": "RICE (reach × impact × confidence ÷ effort)",
    "ice": "ICE (impact × confidence × ease)",
    "wsjf": "WSJF (value + time criticality + risk reduction) ÷ job size",
    "weighted": "Weighted criteria",
}

QUADRANT_ORDER: Final[dict[str, int]] = {
    "quick_win": 0,
    "major_project": 1,
    "fill_in": 2,
    "thankless": 3,
}
"""The order of the quadrants under the ``quadrant`` method."""

QUADRANT_NAMES: Final[dict[str, str]] = {
    "quick_win": "quick win",
    "major_project": "major project",
    "fill_in": "fill-in",
    "thankless": "thankless task",
}

MIN_EFFORT_DIVISOR: Final = 0.5
"""Divisions by effort use at least this, so an effort of 0 cannot divide by zero."""

DEFAULT_CONFIDENCE: Final = 100.0
"""Confidence (in %) assumed by RICE and ICE when an initiative gives none."""

AGREEMENT_HIGH: Final = 1.0
AGREEMENT_MEDIUM: Final = 2.0
"""Spread limits, in steps of a 5-point scale: range ≤ 1 is high agreement, ≤ 2 medium."""

AGREEMENT_FIELDS: Final = ("effort", "customer_value", "efficiency")
"""The scores whose spread decides an initiative's agreement level."""

ESTIMATED_FIELDS: Final = ("effort", "customer_value", "efficiency", "confidence", "reach")

ROBUST_PERCENTILES: Final = (0.05, 0.95)
"""The rank interval :func:`robustness` reports: 5th to 95th percentile."""

UNSTABLE_P_TOP: Final = (0.2, 0.8)
"""A chance of being in the top k strictly between these flags an initiative as unstable."""


class ScoringError(ValueError):
    """The chosen method needs scores some initiatives lack; the message names them."""


@dataclass(frozen=True, slots=True)
class Spread:
    """How far participants' estimates of one score lie apart."""

    field: str
    low: float
    high: float
    values: tuple[float, ...]
    """The estimates, in the order the participants are listed."""
    agreement: Agreement


@dataclass(frozen=True)
class RankedInitiative:
    """One initiative's place in the ranking and the numbers behind it.

    ``spreads``, ``agreement``, ``explanation`` and ``inputs`` are worked out
    the first time they are read, so ranking a large plan stays cheap.
    """

    id: str
    title: str
    rank: int
    """1-based position in the suggested order."""
    score: float
    """The method's score (for ``quadrant``: the ratio used within the quadrant)."""
    effort: float
    impact: float
    customer_value: float
    efficiency: float
    """On the plan's efficiency scale (impact uses it mapped onto the value scale)."""
    confidence: float | None
    reach: float | None
    quadrant: Quadrant
    participants: int
    """Number of participant estimates."""
    moved_by_dependency: str | None
    """Id of the dependency that pushed it down the order, if any."""
    _detail: _Scored = dataclasses.field(repr=False, compare=False)
    """What the lazily worked-out attributes are made from."""

    @functools.cached_property
    def spreads(self) -> dict[str, Spread]:
        """Spread of each score that has at least one estimate."""
        scored = self._detail
        return _spreads(_estimated(scored.item), scored.rules.spans)

    @functools.cached_property
    def agreement(self) -> Agreement | None:
        """Lowest agreement over effort, value and efficiency; None with fewer than 2 estimates."""
        return _overall_agreement(self.spreads, self.participants)

    @functools.cached_property
    def explanation(self) -> str:
        """A short "why this rank": the arithmetic, the quadrant, what moved it."""
        scored = self._detail
        return _explain(
            scored.rules,
            scored,
            self.impact,
            self.score,
            self.quadrant,
            self.moved_by_dependency,
        )

    @functools.cached_property
    def inputs(self) -> dict[str, float | None]:
        """The numbers the method used."""
        scored = self._detail
        return _inputs(scored.rules, scored, self.impact)


@dataclass(frozen=True, slots=True)
class Ranking:
    """The suggested order of a plan's initiatives under one method."""

    method: Method
    results: list[RankedInitiative]
    """Ranked initiatives, in the suggested order."""
    unscored: list[str]
    """Ids of open initiatives lacking effort or impact: listed, not ranked."""
    excluded: list[str]
    """Ids left out: done or dropped, or not serving the chosen area."""
    impact_threshold: float
    effort_threshold: float

    def by_id(self) -> dict[str, RankedInitiative]:
        """Results keyed by initiative id."""
        return {item.id: item for item in self.results}


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


# --- the rules -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rules:
    """Everything about the plan a score depends on, except the initiative."""

    method: Method
    value_weight: float
    efficiency_weight: float
    impact_threshold: float
    effort_threshold: float
    effort_scale: Scale
    value_scale: Scale
    efficiency_scale: Scale
    criteria: tuple[tuple[str, float], ...]
    aggregate: Aggregate
    spans: dict[str, float]
    """Width of each estimated score's scale, for agreement levels."""
    dropped: dict[str, str]
    """Titles of the dropped initiatives, by id: depending on one is worth a word."""

    def to_value_scale(self, efficiency: float) -> float:
        """Efficiency on the customer-value scale (unchanged when the scales match)."""
        eff, val = self.efficiency_scale, self.value_scale
        if (eff.min, eff.max) == (val.min, val.max):
            return efficiency
        return val.min + (efficiency - eff.min) * (val.max - val.min) / (eff.max - eff.min)

    def quadrant(self, impact: float, effort: float) -> Quadrant:
        """The effort/impact quadrant; a value on a threshold counts as high impact, low effort."""
        high_impact = impact >= self.impact_threshold
        high_effort = effort > self.effort_threshold
        if high_impact:
            return "major_project" if high_effort else "quick_win"
        return "thankless" if high_effort else "fill_in"

    def ease(self, effort: float) -> float:
        """ICE's ease: the effort scale turned round (on 1–5, effort 5 → ease 1)."""
        return self.effort_scale.max + self.effort_scale.min - effort


def _midpoint(scale: Scale) -> float:
    return (scale.min + scale.max) / 2


def _rules(plan: Plan, method: Method, aggregate: Aggregate) -> _Rules:
    scoring = plan.scoring
    value_scale = plan.scales.customer_value
    effort_scale = plan.scales.effort
    return _Rules(
        method=method,
        value_weight=scoring.value_weight,
        efficiency_weight=scoring.efficiency_weight,
        impact_threshold=(
            scoring.impact_threshold
            if scoring.impact_threshold is not None
            else _midpoint(value_scale)
        ),
        effort_threshold=(
            scoring.effort_threshold
            if scoring.effort_threshold is not None
            else _midpoint(effort_scale)
        ),
        effort_scale=effort_scale,
        value_scale=value_scale,
        efficiency_scale=plan.scales.efficiency,
        criteria=tuple((c.id, c.weight) for c in scoring.criteria),
        aggregate=aggregate,
        spans=_spans(plan),
        dropped={item.id: item.title for item in plan.initiatives if item.status == "dropped"},
    )


# --- aggregating estimates -------------------------------------------------------------


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def _estimated(item: Initiative) -> dict[str, tuple[float, ...]]:
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


_Five = tuple[float | None, float | None, float | None, float | None, float | None]


def _aggregates(item: Initiative, how: Aggregate, estimated: dict[str, tuple[float, ...]]) -> _Five:
    """(effort, value, efficiency, confidence, reach): the estimates' median or mean where
    there are estimates, else the initiative's own score."""
    own = item.__dict__
    if not estimated:
        return (
            own["effort"],
            own["customer_value"],
            own["efficiency"],
            own["confidence"],
            own["reach"],
        )
    combine = _median if how == "median" else statistics.fmean
    found = [
        combine(values) if (values := estimated.get(name)) else own[name]
        for name in ESTIMATED_FIELDS
    ]
    return found[0], found[1], found[2], found[3], found[4]


def _agreement(low: float, high: float, span: float) -> Agreement:
    steps = (high - low) * 4 / span if span > 0 else 0.0
    if steps <= AGREEMENT_HIGH + 1e-9:
        return "high"
    if steps <= AGREEMENT_MEDIUM + 1e-9:
        return "medium"
    return "low"


def _spans(plan: Plan) -> dict[str, float]:
    scales = plan.scales
    return {
        "effort": scales.effort.max - scales.effort.min,
        "customer_value": scales.customer_value.max - scales.customer_value.min,
        "efficiency": scales.efficiency.max - scales.efficiency.min,
        "confidence": 100.0,
    }


def _spreads(estimated: dict[str, tuple[float, ...]], spans: dict[str, float]) -> dict[str, Spread]:
    result: dict[str, Spread] = {}
    for field, values in estimated.items():
        low, high = min(values), max(values)
        span = spans.get(field, high)  # reach: relative to the largest estimate
        result[field] = Spread(field, low, high, values, _agreement(low, high, span))
    return result


def _overall_agreement(spreads: dict[str, Spread], participants: int) -> Agreement | None:
    if participants < 2:
        return None
    levels = [spreads[f].agreement for f in AGREEMENT_FIELDS if f in spreads]
    if not levels:
        return None
    return max(levels, key=("high", "medium", "low").index)


# --- ranking ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Scored:
    rules: _Rules
    item: Initiative
    effort: float
    value: float
    efficiency: float
    confidence: float | None
    reach: float | None
    extra: float
    """WSJF: time criticality + risk reduction; weighted: the weighted sum; else 0."""


def _select(
    plan: Plan, include_closed: bool, area: AreaId | None
) -> tuple[list[Initiative], list[str]]:
    chosen: list[Initiative] = []
    excluded: list[str] = []
    for item in plan.initiatives:
        if (not include_closed and item.status in CLOSED_STATUSES) or (
            area is not None and area not in item.areas
        ):
            excluded.append(item.id)
        else:
            chosen.append(item)
    return chosen, excluded


def _base_scores(
    plan: Plan, rules: _Rules, chosen: Sequence[Initiative], how: Aggregate
) -> tuple[list[_Scored], list[str]]:
    """Aggregated scores of the initiatives that have effort and impact; the ids of the rest."""
    scored: list[_Scored] = []
    unscored: list[str] = []
    missing: dict[str, list[str]] = {}
    for item in chosen:
        estimated = _estimated(item)
        effort, value, efficiency, confidence, reach = _aggregates(item, how, estimated)
        if value is None and rules.value_weight == 0:
            value = float(rules.value_scale.min)
        if efficiency is None and rules.efficiency_weight == 0:
            efficiency = float(rules.efficiency_scale.min)
        if effort is None or value is None or efficiency is None:
            unscored.append(item.id)
            continue
        extra = 0.0
        if rules.method == "rice" and reach is None:
            missing.setdefault("reach", []).append(item.id)
        elif rules.method == "wsjf":
            lacks = [
                name
                for name in ("time_criticality", "risk_reduction")
                if getattr(item, name) is None
            ]
            for name in lacks:
                missing.setdefault(name, []).append(item.id)
            if not lacks:
                extra = float(item.time_criticality or 0) + float(item.risk_reduction or 0)
        elif rules.method == "weighted":
            lacks = [cid for cid, _ in rules.criteria if cid not in item.criteria]
            for cid in lacks:
                missing.setdefault(f"criterion {cid!r}", []).append(item.id)
            if not lacks:
                extra = math.fsum(item.criteria[cid] * weight for cid, weight in rules.criteria)
        scored.append(_Scored(rules, item, effort, value, efficiency, confidence, reach, extra))
    if rules.method == "weighted" and not rules.criteria:
        raise ScoringError("weighted needs criteria: add [[scoring.criteria]] to the plan")
    order = ["reach", "time_criticality", "risk_reduction"]
    order += [f"criterion {cid!r}" for cid, _ in rules.criteria]
    if missing:
        ordered = {name: missing[name] for name in order if name in missing}
        raise ScoringError(_missing_message(rules.method, ordered))
    return scored, unscored


def _missing_message(method: Method, missing: dict[str, list[str]]) -> str:
    parts = []
    for name, ids in missing.items():
        shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        parts.append(f"{name.replace('_', ' ')} for {shown}")
    return f"{method} needs scores that are missing: " + "; ".join(parts)


SortKey = tuple[int, float, float, float, int]
"""(quadrant group, −score, −impact, effort, position in id order): smaller goes first."""


def _order(
    keys: Sequence[SortKey], needs: Sequence[int], dependents: Sequence[Sequence[int]]
) -> tuple[list[int], list[int]]:
    """Indices in suggested order, and for each the dependency that held it back (or -1).

    The result is the priority-queue topological order: of the initiatives whose
    dependencies are all placed, the one with the smallest key goes next. It is
    computed as a walk down the plain sorted order that skips blocked items and
    merges them back from a heap once their last dependency is placed. An
    initiative was held back when, by then, something with a larger key than
    its own had already been placed.
    """
    count = len(keys)
    moved = [-1] * count
    ordered = sorted(keys)
    if not any(needs):
        return [key[4] for key in ordered], moved
    waiting = list(needs)
    passed = [False] * count
    heap: list[SortKey] = []
    order: list[int] = []
    worst: list[SortKey] = [ordered[0]]  # the largest key placed so far

    def release(index: int) -> None:
        """Count ``index`` as placed; queue the skipped initiatives it was the last need of."""
        for other in dependents[index]:
            waiting[other] -= 1
            if not waiting[other] and passed[other]:
                if worst[0] > keys[other]:
                    moved[other] = index
                heapq.heappush(heap, keys[other])

    for key in ordered:
        index = key[4]
        if waiting[index]:
            passed[index] = True
            continue
        while heap and heap[0] < key:
            held = heapq.heappop(heap)
            order.append(held[4])
            if held > worst[0]:
                worst[0] = held
            release(held[4])
        order.append(index)
        worst[0] = key  # the walk is in key order and everything from the heap was smaller
        if dependents[index]:
            release(index)
    while heap:
        held = heapq.heappop(heap)
        order.append(held[4])
        if held > worst[0]:
            worst[0] = held
        release(held[4])
    if len(order) < count:  # a cycle; the model rejects these, so only as a safeguard
        placed = set(order)
        order.extend(key[4] for key in ordered if key[4] not in placed)
    return order, moved


def _walk(
    keys: Sequence[SortKey], needs: Sequence[int], dependents: Sequence[Sequence[int]]
) -> list[int]:
    """The order of :func:`_order` without tracking what moved what: the robustness loop.

    ``needs`` holds how many ranked dependencies each initiative has.
    """
    ordered = sorted(keys)
    waiting = list(needs)
    passed = [False] * len(keys)
    heap: list[SortKey] = []
    order: list[int] = []
    append = order.append
    push, pop = heapq.heappush, heapq.heappop
    for key in ordered:
        index = key[4]
        if waiting[index]:
            passed[index] = True
            continue
        while heap and heap[0] < key:
            held = pop(heap)[4]
            append(held)
            for other in dependents[held]:
                waiting[other] -= 1
                if not waiting[other] and passed[other]:
                    push(heap, keys[other])
        append(index)
        for other in dependents[index]:
            waiting[other] -= 1
            if not waiting[other] and passed[other]:
                push(heap, keys[other])
    while heap:
        held = pop(heap)[4]
        append(held)
        for other in dependents[held]:
            waiting[other] -= 1
            if not waiting[other] and passed[other]:
                push(heap, keys[other])
    return order


def _dependency_indices(scored: Sequence[_Scored]) -> tuple[list[int], list[Sequence[int]]]:
    """For each scored initiative: how many ranked ones it depends on, and which depend on it."""
    position = {s.item.id: i for i, s in enumerate(scored)}
    needs = [0] * len(scored)
    nobody: Sequence[int] = ()
    dependents: list[Sequence[int]] = [nobody] * len(scored)
    for index, s in enumerate(scored):
        for dependency in s.item.depends_on:
            need = position.get(dependency)
            if need is None:
                continue
            needs[index] += 1
            found = dependents[need]
            if isinstance(found, list):
                found.append(index)
            else:
                dependents[need] = [index]
    return needs, dependents


@dataclass(slots=True)
class _Columns:
    """The numbers every score is made of, as parallel lists indexed like the initiatives."""

    effort: Sequence[float]
    value: Sequence[float]
    efficiency: Sequence[float]
    """On the customer-value scale."""
    confidence: Sequence[float]
    """In %, with the default filled in."""
    reach: Sequence[float]
    extra: Sequence[float]


def _columns(rules: _Rules, scored: Sequence[_Scored]) -> _Columns:
    return _Columns(
        effort=[s.effort for s in scored],
        value=[s.value for s in scored],
        efficiency=[rules.to_value_scale(s.efficiency) for s in scored],
        confidence=[DEFAULT_CONFIDENCE if s.confidence is None else s.confidence for s in scored],
        reach=[s.reach or 0.0 for s in scored],
        extra=[s.extra for s in scored],
    )


def _evaluate(
    rules: _Rules, cols: _Columns, value_weight: float, efficiency_weight: float
) -> tuple[list[float], list[float], list[int]]:
    """Impacts, scores and sort groups of all initiatives: the method's formula, in one place."""
    total = value_weight + efficiency_weight
    impacts = [
        (v * value_weight + e * efficiency_weight) / total
        for v, e in zip(cols.value, cols.efficiency, strict=True)
    ]
    floor = MIN_EFFORT_DIVISOR
    divisors = [x if x > floor else floor for x in cols.effort]
    method = rules.method
    if method in ("ratio", "quadrant"):
        scores = [i / d for i, d in zip(impacts, divisors, strict=True)]
    elif method == "rice":
        scores = [
            r * i * c / 100 / d
            for r, i, c, d in zip(cols.reach, impacts, cols.confidence, divisors, strict=True)
        ]
    elif method == "ice":
        turn = rules.effort_scale.max + rules.effort_scale.min
        scores = [
            i * c / 100 * (turn - e)
            for i, c, e in zip(impacts, cols.confidence, cols.effort, strict=True)
        ]
    elif method == "wsjf":
        scores = [(v + x) / d for v, x, d in zip(cols.value, cols.extra, divisors, strict=True)]
    else:
        scores = list(cols.extra)
    if method == "quadrant":
        high_impact, high_effort = rules.impact_threshold, rules.effort_threshold
        groups = [
            (0 if i >= high_impact else 2) + (1 if e > high_effort else 0)
            for i, e in zip(impacts, cols.effort, strict=True)
        ]
    else:
        groups = [0] * len(impacts)
    return impacts, scores, groups


def _keys(
    impacts: list[float], scores: list[float], groups: list[int], efforts: Sequence[float]
) -> list[SortKey]:
    return list(
        zip(
            groups,
            [-s for s in scores],
            [-i for i in impacts],
            efforts,
            range(len(scores)),
            strict=True,
        )
    )


def _prepare(
    plan: Plan,
    method: Method | None,
    include_closed: bool,
    area: AreaId | None,
    aggregate: Aggregate,
) -> tuple[_Rules, list[_Scored], list[str], list[str]]:
    chosen_method: Method = method or plan.scoring.method
    if chosen_method not in METHODS:
        raise ScoringError(f"unknown method {chosen_method!r}; choose one of {', '.join(METHODS)}")
    rules = _rules(plan, chosen_method, aggregate)
    chosen, excluded = _select(plan, include_closed, area)
    scored, unscored = _base_scores(plan, rules, chosen, aggregate)
    scored.sort(key=lambda s: s.item.id)  # so an index is also the id tie-break
    return rules, scored, unscored, excluded


def _result(**fields: object) -> RankedInitiative:
    """A RankedInitiative built without the frozen dataclass's per-field ``__setattr__``.

    Same attributes as ``RankedInitiative(**fields)``, several times faster, which
    matters when a plan has thousands of initiatives.
    """
    result = object.__new__(RankedInitiative)
    result.__dict__.update(fields)
    return result


def rank(
    plan: Plan,
    method: Method | None = None,
    *,
    include_closed: bool = False,
    area: AreaId | None = None,
    aggregate: Aggregate = "median",
) -> Ranking:
    """Rank the plan's initiatives by ``method`` (default: the plan's own).

    Done and dropped initiatives are left out unless ``include_closed``; with
    ``area`` only initiatives serving that area are ranked. Raises
    :class:`ScoringError` when the method needs scores some initiatives lack.
    """
    rules, scored, unscored, excluded = _prepare(plan, method, include_closed, area, aggregate)
    cols = _columns(rules, scored)
    impacts, scores, groups = _evaluate(rules, cols, rules.value_weight, rules.efficiency_weight)
    order, moved = _order(_keys(impacts, scores, groups, cols.effort), *_dependency_indices(scored))

    results: list[RankedInitiative] = []
    for position, index in enumerate(order, 1):
        s = scored[index]
        impact, score = impacts[index], scores[index]
        quadrant = rules.quadrant(impact, s.effort)
        participants = len(s.item.estimates)
        blocker = scored[moved[index]].item.id if moved[index] >= 0 else None
        results.append(
            _result(
                id=s.item.id,
                title=s.item.title,
                rank=position,
                score=score,
                effort=s.effort,
                impact=impact,
                customer_value=s.value,
                efficiency=s.efficiency,
                confidence=s.confidence,
                reach=s.reach,
                quadrant=quadrant,
                participants=participants,
                moved_by_dependency=blocker,
                _detail=s,
            )
        )
    return Ranking(
        method=rules.method,
        results=results,
        unscored=unscored,
        excluded=excluded,
        impact_threshold=rules.impact_threshold,
        effort_threshold=rules.effort_threshold,
    )


def applicable_methods(plan: Plan) -> list[Method]:
    """The methods that can rank the plan's open initiatives, in :data:`METHODS` order."""
    usable: list[Method] = []
    for method in METHODS:
        try:
            rank(plan, method)
        except ScoringError:
            continue
        usable.append(method)
    return usable


# --- explanations ----------------------------------------------------------------------


def number(value: float) -> str:
    """A score for people: at most two decimals, no trailing zeros (3.5, 1.75, 4)."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _impact_text(rules: _Rules, s: _Scored, impact: float) -> str:
    vw, ew = rules.value_weight, rules.efficiency_weight
    efficiency = number(s.efficiency)
    mapped = rules.to_value_scale(s.efficiency)
    if mapped != s.efficiency:
        efficiency += f" (→ {number(mapped)} on the value scale)"
    return (
        f"impact {number(impact)} = (value {number(s.value)} × {number(vw)} + "
        f"efficiency {efficiency} × {number(ew)}) ÷ {number(vw + ew)}"
    )


def _explain(
    rules: _Rules, s: _Scored, impact: float, score: float, quadrant: Quadrant, blocker: str | None
) -> str:
    effort, result = number(s.effort), number(score)
    divisor = (
        effort
        if s.effort >= MIN_EFFORT_DIVISOR
        else f"{effort} (counted as {number(MIN_EFFORT_DIVISOR)})"
    )
    conf = DEFAULT_CONFIDENCE if s.confidence is None else s.confidence
    conf_text = f"confidence {number(conf)} %" + (" (not given)" if s.confidence is None else "")
    impact_text = _impact_text(rules, s, impact)
    method = rules.method
    if method == "ratio":
        parts = [f"{impact_text}; {number(impact)} ÷ effort {divisor} = {result}"]
    elif method == "quadrant":
        impact_side = "≥" if impact >= rules.impact_threshold else "<"
        effort_side = ">" if s.effort > rules.effort_threshold else "≤"
        parts = [
            f"{QUADRANT_NAMES[quadrant]}: impact {number(impact)} {impact_side} "
            f"{number(rules.impact_threshold)}, effort {effort} {effort_side} "
            f"{number(rules.effort_threshold)}",
            impact_text,
            f"within the quadrant by impact ÷ effort = {result}",
        ]
    elif method == "rice":
        parts = [
            f"reach {number(s.reach or 0)} × impact {number(impact)} × {conf_text} "
            f"÷ effort {divisor} = {result}",
            impact_text,
        ]
    elif method == "ice":
        parts = [
            f"impact {number(impact)} × {conf_text} × ease {number(rules.ease(s.effort))} "
            f"(effort {effort}) = {result}",
            impact_text,
        ]
    elif method == "wsjf":
        parts = [
            f"(value {number(s.value)} + time criticality {number(s.item.time_criticality or 0)}"
            f" + risk reduction {number(s.item.risk_reduction or 0)}) ÷ job size {divisor}"
            f" = {result}"
        ]
    else:
        terms = " + ".join(
            f"{cid} {number(s.item.criteria[cid])} × {number(weight)}"
            for cid, weight in rules.criteria
        )
        parts = [f"{terms} = {result}"]
    if method != "quadrant":
        parts.append(QUADRANT_NAMES[quadrant])
    estimates = len(s.item.estimates)
    if estimates == 1:
        parts.append("scores from 1 estimate")
    elif estimates:
        parts.append(f"scores: {rules.aggregate} of {estimates} estimates")
    lost = [rules.dropped[dep] for dep in s.item.depends_on if dep in rules.dropped]
    if lost:
        titles = ", ".join(repr(title) for title in lost)
        parts.append(f"depends on {titles}, which was dropped")
    if blocker:
        parts.append(f"placed after {blocker}, which it depends on")
    return "; ".join(parts)


def _inputs(rules: _Rules, s: _Scored, impact: float) -> dict[str, float | None]:
    inputs: dict[str, float | None] = {
        "effort": s.effort,
        "customer_value": s.value,
        "efficiency": s.efficiency,
        "impact": impact,
        "value_weight": rules.value_weight,
        "efficiency_weight": rules.efficiency_weight,
    }
    if rules.method in ("rice", "ice"):
        inputs["confidence"] = s.confidence
    if rules.method == "rice":
        inputs["reach"] = s.reach
    if rules.method == "ice":
        inputs["ease"] = rules.ease(s.effort)
    if rules.method == "wsjf":
        inputs["time_criticality"] = s.item.time_criticality
        inputs["risk_reduction"] = s.item.risk_reduction
    if rules.method == "weighted":
        for cid, _ in rules.criteria:
            inputs[cid] = s.item.criteria.get(cid)
    return inputs


# --- robustness ------------------------------------------------------------------------


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
                out[field] = _median(values)
        return tuple(out)

    def draw(self, rnd: Callable[[], float]) -> tuple[float, ...]:
        """One bootstrap outcome: (effort, value, efficiency, confidence, reach)."""
        if self.outcomes:
            return self.outcomes[bisect.bisect_right(self.cumulative, rnd())]
        count = len(self._rows)
        return self._medians([self._rows[int(rnd() * count)] for _ in range(count)])


def _resampler(rules: _Rules, s: _Scored, cols: _Columns, index: int, samples: int) -> _Resampler:
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
    rules, scored, _, _ = _prepare(plan, method, include_closed, area, "median")
    count = len(scored)
    if not count:
        return {}
    cols = _columns(rules, scored)
    needs, dependents = _dependency_indices(scored)
    varying = [
        (i, _resampler(rules, s, cols, i, samples))
        for i, s in enumerate(scored)
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
        sample = _Columns(efforts, values, efficiencies, confidences, reaches, extra)
        impacts, scores, groups = _evaluate(rules, sample, vw, ew)
        order = _walk(_keys(impacts, scores, groups, efforts), needs, dependents)
        positions.append(sorted(range(count), key=order.__getitem__))  # 0-based rank by index
    ranks = zip(*positions, strict=True)  # per initiative: its 0-based rank in every sample

    low_at = math.floor(ROBUST_PERCENTILES[0] * (samples - 1))
    high_at = math.ceil(ROBUST_PERCENTILES[1] * (samples - 1))
    wide = unstable_width(count)
    result: dict[str, Robustness] = {}
    for s, seen_unsorted in zip(scored, ranks, strict=True):
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
