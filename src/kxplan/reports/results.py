"""What the documents compute from a plan: the ranking and how stable its ranks are."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

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
    ranking = ranked(plan)
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


def ranked(plan: Plan) -> scoring.Ranking:
    """The plan ranked by its own method as the app ranks it: what the method lacks
    inputs for is listed in ``lacking``, not ranked. A ``savings`` plan where no
    initiative addresses a contact reason yet has every scored initiative lacking money
    saved (the method cannot rank any). Other methods that cannot rank at all raise
    :class:`~kxplan.scoring.ScoringError` (the rules refuse those plans)."""
    try:
        return scoring.rank(plan, partial=True)
    except scoring.ScoringError:
        if plan.scoring.method != "savings":
            raise
    by_ratio = scoring.rank(plan, "ratio")
    lacking: dict[str, tuple[str, ...]] = {
        r.id: ("money_saved",) for r in sorted(by_ratio.results, key=lambda r: r.id)
    }
    return replace(by_ratio, method="savings", results=[], lacking=lacking)
