"""The ranking methods: which scores each needs, and each one's formula.

:func:`scored` aggregates every chosen initiative's scores and checks the
method has what it needs; :func:`evaluate` computes impacts and scores of all
of them at once, as parallel lists (the robustness loop calls it thousands of
times, so it works on columns, not objects).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from kxplan.framework import CLOSED_STATUSES, SCORES, AreaId, Method
from kxplan.i18n import _
from kxplan.model import Initiative, Plan
from kxplan.scoring.estimates import aggregates, estimated
from kxplan.scoring.linked import Basis, Evidence
from kxplan.scoring.rules import (
    DEFAULT_CONFIDENCE,
    MIN_EFFORT_DIVISOR,
    QUADRANT_GROUP,
    Rules,
    ScoringError,
)


@dataclass(slots=True)
class Scored:
    """One initiative with the scores the ranking uses (estimates combined)."""

    rules: Rules
    item: Initiative
    effort: float
    value: float
    efficiency: float
    """On the plan's efficiency scale."""
    confidence: float | None
    reach: float | None
    extra: float
    """WSJF: time criticality + risk reduction; weighted: the weighted sum; savings: the
    money saved a month; else 0."""
    basis: Basis | None = None
    """Where the reach a month and the savings came from (a period converted, linked
    contact reasons); None when neither applies."""


def select(
    plan: Plan, include_closed: bool, area: AreaId | None
) -> tuple[list[Initiative], list[str]]:
    """The initiatives to rank, and the ids of those left out (closed, or another area)."""
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


def scored(
    rules: Rules,
    chosen: Sequence[Initiative],
    *,
    partial: bool = False,
    plan: Plan | None = None,
) -> tuple[list[Scored], list[str], dict[str, tuple[str, ...]]]:
    """Combined scores of the initiatives the method can rank, in id order; the ids of
    those lacking effort or impact; and what the method needs that others lack, by id
    (``"reach"``, ``"time_criticality"``, ``"criterion 'cost'"``).

    Raises :class:`ScoringError` when the method needs scores some lack, unless
    ``partial``: then those initiatives are left out of the ranking and named in the
    third result instead. With ``plan``, reach is read a month and from the evidence an
    initiative addresses (:mod:`kxplan.scoring.linked`).
    """
    evidence = Evidence(plan, chosen, savings=rules.method == "savings")
    found: list[Scored] = []
    unscored: list[str] = []
    missing: dict[str, list[str]] = {}
    lacking: dict[str, tuple[str, ...]] = {}
    for item in chosen:
        effort, value, efficiency, confidence, reach = aggregates(
            item, rules.aggregate, estimated(item)
        )
        if value is None and rules.value_weight == 0:
            value = float(rules.value_scale.min)
        if efficiency is None and rules.efficiency_weight == 0:
            efficiency = float(rules.efficiency_scale.min)
        if effort is None or value is None or efficiency is None:
            unscored.append(item.id)
            continue
        reach, basis = evidence.basis(item, reach)
        extra = 0.0
        lacks: list[str] = []
        if rules.method == "rice" and reach is None:
            lacks = ["reach"]
        elif rules.method == "savings":
            saved = basis.saved if basis is not None else None
            lacks = ["money_saved"] if saved is None else []
            extra = saved or 0.0
        elif rules.method == "wsjf":
            lacks = [
                name
                for name in ("time_criticality", "risk_reduction")
                if getattr(item, name) is None
            ]
            if not lacks:
                extra = float(item.time_criticality or 0) + float(item.risk_reduction or 0)
        elif rules.method == "weighted":
            lacks = [
                f"{CRITERION_NEED}{cid!r}" for cid, _ in rules.criteria if cid not in item.criteria
            ]
            if not lacks:
                extra = math.fsum(item.criteria[cid] * weight for cid, weight in rules.criteria)
        if lacks:
            for name in lacks:
                missing.setdefault(name, []).append(item.id)
            lacking[item.id] = tuple(lacks)
            continue
        found.append(
            Scored(rules, item, effort, value, efficiency, confidence, reach, extra, basis)
        )
    if rules.method == "weighted" and not rules.criteria:
        raise ScoringError(_("weighted needs criteria: add [[scoring.criteria]] to the plan"))
    if rules.method == "savings" and not any(
        link.table == "contact_reasons" for item in chosen for link in item.addresses
    ):
        raise ScoringError(
            _(
                "savings needs initiatives that address contact reasons: link them in the "
                "initiative editor (f4) or with addresses = [...] in the plan"
            )
        )
    order = ["reach", "money_saved", "time_criticality", "risk_reduction"]
    order += [f"{CRITERION_NEED}{cid!r}" for cid, _ in rules.criteria]
    if missing and not partial:
        ordered = {name: missing[name] for name in order if name in missing}
        raise ScoringError(missing_message(rules.method, ordered))
    found.sort(key=lambda s: s.item.id)  # so an index is also the id tie-break
    return found, unscored, lacking


def lacking_label(need: str) -> str:
    """What an initiative lacks, in words (the current language): "reach", "time
    criticality", "criterion 'cost'"."""
    if need.startswith(CRITERION_NEED):
        return _("criterion {id}").format(id=need.removeprefix(CRITERION_NEED))
    if need in SCORES:
        return SCORES.label(need).lower()
    if need == "money_saved":
        return _("money saved")
    return need.replace("_", " ")


CRITERION_NEED: Final = "criterion "
"""How a missing criterion is named among an initiative's needs (``criterion 'cost'``)."""


def missing_message(method: Method, missing: dict[str, list[str]]) -> str:
    """ "rice needs scores that are missing: reach for a, b" (at most five ids a score)."""
    parts = []
    for name, ids in missing.items():
        shown = ", ".join(ids[:5])
        if len(ids) > 5:
            shown = _("{ids} and {count} more").format(ids=shown, count=len(ids) - 5)
        parts.append(_("{need} for {ids}").format(need=lacking_label(name), ids=shown))
    return _("{method} needs scores that are missing: {parts}").format(
        method=method, parts="; ".join(parts)
    )


@dataclass(slots=True)
class Columns:
    """The numbers every score is made of, as parallel lists indexed like the initiatives."""

    effort: Sequence[float]
    value: Sequence[float]
    efficiency: Sequence[float]
    """On the customer-value scale."""
    confidence: Sequence[float]
    """In %, with the default filled in."""
    reach: Sequence[float]
    extra: Sequence[float]


def columns(rules: Rules, found: Sequence[Scored]) -> Columns:
    """The scored initiatives' numbers as columns."""
    return Columns(
        effort=[s.effort for s in found],
        value=[s.value for s in found],
        efficiency=[rules.to_value_scale(s.efficiency) for s in found],
        confidence=[DEFAULT_CONFIDENCE if s.confidence is None else s.confidence for s in found],
        reach=[s.reach or 0.0 for s in found],
        extra=[s.extra for s in found],
    )


def evaluate(
    rules: Rules, cols: Columns, value_weight: float, efficiency_weight: float
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
    elif method == "savings":
        scores = [x / d for x, d in zip(cols.extra, divisors, strict=True)]
    else:
        scores = list(cols.extra)
    if method == "quadrant":
        high_impact, high_effort = rules.impact_threshold, rules.effort_threshold
        group = QUADRANT_GROUP
        groups = [
            group[i >= high_impact, e <= high_effort]
            for i, e in zip(impacts, cols.effort, strict=True)
        ]
    else:
        groups = [0] * len(impacts)
    return impacts, scores, groups
