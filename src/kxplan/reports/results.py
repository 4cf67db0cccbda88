"""What the documents compute from a plan: the ranking and how stable its ranks are."""

from __future__ import annotations

from dataclasses import dataclass, field

from kxplan import scoring
from kxplan.framework import CLOSED_STATUSES
from kxplan.model import Initiative, Plan


@dataclass(frozen=True)
class Results:
    """Everything the documents compute from the plan, worked out once."""

    ranking: scoring.Ranking
    robustness: dict[str, scoring.Robustness]
    closed: tuple[Initiative, ...]
    unscored: tuple[Initiative, ...]
    ranks: dict[str, int] = field(default_factory=dict)
    samples: int = 0
    """Rounds of resampling behind ``robustness`` (0 when not worked out)."""


def compute(plan: Plan, *, with_robustness: bool = True) -> Results:
    """Rank the plan and test how stable the ranks are, exactly as the app and
    ``kxplan rank --robust`` do (same rounds, seeded from the plan: repeatable)."""
    ranking = scoring.rank(plan)
    robust: dict[str, scoring.Robustness] = {}
    samples = 0
    if with_robustness and len(ranking.results) > 1:
        samples = scoring.default_samples(len(ranking.results))
        robust = scoring.robustness(plan, samples=samples)
    closed = tuple(i for i in plan.initiatives if i.status in CLOSED_STATUSES)
    closed_ids = {i.id for i in closed}
    by_id = {i.id: i for i in plan.initiatives}
    unscored = tuple(by_id[i] for i in ranking.unscored if i in by_id and i not in closed_ids)
    ranks = {r.id: r.rank for r in ranking.results}
    return Results(ranking, robust, closed, unscored, ranks, samples)
