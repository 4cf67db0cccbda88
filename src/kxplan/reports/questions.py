"""The document's open questions: disagreements, unstable ranks, what is not scored."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from kxplan.framework import STATUSES
from kxplan.model import Plan
from kxplan.reports.blocks import Block, Bullets, Heading, Note, Table
from kxplan.reports.results import Results
from kxplan.scoring import DEFAULT_TOP_K, unstable_rule
from kxplan.text.numbers import number, percent, whole

ESTIMATE_FIELDS: Final[tuple[tuple[str, str], ...]] = (
    ("effort", "Effort"),
    ("customer_value", "Customer value"),
    ("efficiency", "Efficiency"),
    ("confidence", "Confidence %"),
    ("reach", "Reach"),
)
"""The fields a participant estimates, with their column headers."""


def field_label(name: str) -> str:
    """An estimated field inside a sentence: "customer value"."""
    return dict(ESTIMATE_FIELDS).get(name, name.replace("_", " ")).removesuffix(" %").lower()


def questions_section(plan: Plan, results: Results) -> Iterator[Block]:
    """What the workshop has not settled yet."""
    yield Heading(2, "Open questions", "open-questions", major=True)
    yield from _disagreements(plan, results)
    yield from _unstable(results)
    yield Heading(3, "Not yet scored", "unscored")
    if results.unscored:
        yield Bullets(tuple(f"{i.title} ({i.id})" for i in results.unscored))
    else:
        yield Note("Every open initiative is scored.")
    if results.closed:
        yield Heading(3, "Done and dropped", "closed")
        yield Bullets(tuple(f"{i.title} ({STATUSES.label(i.status)})" for i in results.closed))


def _disagreements(plan: Plan, results: Results) -> Iterator[Block]:
    by_id = {i.id: i for i in plan.initiatives}
    yield Heading(3, "Open disagreements", "disagreements")
    split = [r for r in results.ranking.results if r.agreement == "low"]
    if not split:
        yield Note("No initiative has low agreement between participants.")
    for result in split:
        yield Heading(4, f"#{result.rank} {result.title}")
        spreads = [
            f"{field_label(name)} {number(s.low)}–{number(s.high)}"
            for name, s in result.spreads.items()
            if s.agreement == "low"
        ]
        if spreads:
            yield Note("Low agreement on: " + "; ".join(spreads) + ".")
        estimates = by_id[result.id].estimates
        used = [
            (k, label)
            for k, label in ESTIMATE_FIELDS
            if any(getattr(e, k) is not None for e in estimates)
        ]
        yield Table(
            ("Participant", *(label for _k, label in used)),
            tuple(
                (e.participant, *(number(getattr(e, k)) for k, _label in used)) for e in estimates
            ),
            frozenset(range(1, len(used) + 1)),
        )


def _unstable(results: Results) -> Iterator[Block]:
    ranking = results.ranking
    yield Heading(3, "Unstable ranks", "unstable")
    unstable = [
        (r, results.robustness[r.id])
        for r in ranking.results
        if r.id in results.robustness and results.robustness[r.id].unstable
    ]
    if not unstable:
        yield Note(
            f"No initiative's place in or out of the top {DEFAULT_TOP_K} is in doubt when "
            "the scores vary within the participants' estimates."
            if results.robustness
            else "Too few scored initiatives to test how stable the ranks are."
        )
        return
    top_k = unstable[0][1].top_k
    show_chance = top_k < len(ranking.results)
    yield Note(
        f"Ranks when the scores vary within the participants' estimates "
        f"({whole(results.samples)} samples, seeded from the plan's scores, so the app, "
        f"kxplan rank --robust and every export show the same); the range holds "
        f"{percent(90)} of the samples. {unstable_rule(top_k)}"
    )
    headers = ("Rank", "Initiative", "Rank range", f"Chance of top {top_k}")
    yield Table(
        headers if show_chance else headers[:3],
        tuple(
            (
                str(r.rank),
                r.title,
                f"{rob.rank_low}–{rob.rank_high}",
                percent(100 * rob.p_top_k),
            )[: 4 if show_chance else 3]
            for r, rob in unstable
        ),
        frozenset({0, 2, 3}),
    )
