"""What the documents compute from a plan: the ranking and how stable its ranks are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from kxplan import scoring
from kxplan.framework import CLOSED_STATUSES
from kxplan.model import Initiative, Plan

ROBUSTNESS_SAMPLES: Final = 1000
"""Samples drawn to find unstable ranks; with the fixed seed the result is repeatable."""
ROBUSTNESS_SEED: Final = 0


@dataclass(frozen=True)
class Results:
    """Everything the documents compute from the plan, worked out once."""

    ranking: scoring.Ranking
    robustness: dict[str, scoring.Robustness]
    closed: tuple[Initiative, ...]
    unscored: tuple[Initiative, ...]
    ranks: dict[str, int] = field(default_factory=dict)


def compute(plan: Plan, *, with_robustness: bool = True) -> Results:
    """Rank the plan and test how stable the ranks are (fixed seed, so repeatable)."""
    ranking = scoring.rank(plan)
    robust: dict[str, scoring.Robustness] = {}
    if with_robustness and len(ranking.results) > 1:
        robust = scoring.robustness(plan, samples=ROBUSTNESS_SAMPLES, seed=ROBUSTNESS_SEED)
    closed = tuple(i for i in plan.initiatives if i.status in CLOSED_STATUSES)
    closed_ids = {i.id for i in closed}
    by_id = {i.id: i for i in plan.initiatives}
    unscored = tuple(by_id[i] for i in ranking.unscored if i in by_id and i not in closed_ids)
    ranks = {r.id: r.rank for r in ranking.results}
    return Results(ranking, robust, closed, unscored, ranks)
