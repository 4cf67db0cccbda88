"""The document's ranked initiatives: the ranking table and each initiative's case."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from kxplan.framework import AGREEMENTS, AREAS_BY_ID, METHODS, QUADRANTS, STATUSES
from kxplan.model import Initiative, Plan
from kxplan.reports.blocks import Answer, Block, Facts, Heading, Note, Picture, Table
from kxplan.reports.results import Results
from kxplan.scoring import RankedInitiative
from kxplan.text.numbers import DASH, number, percent


def initiatives_section(plan: Plan, results: Results) -> Iterator[Block]:
    """The method, the matrix, the ranking table, then one case per ranked initiative."""
    ranking = results.ranking
    yield Heading(2, "Initiatives, ranked", "initiatives", major=True)
    yield Note(
        f"Method: {METHODS.label(ranking.method)}. High impact from "
        f"{number(ranking.impact_threshold)}; high effort above "
        f"{number(ranking.effort_threshold)}."
    )
    if not ranking.results:
        yield Note("No initiative is scored yet, so there is no ranking.")
        return
    yield Picture("matrix")
    yield Table(
        ("Rank", "Initiative", "Quadrant", "Effort", "Impact", "Score", "Agreement"),
        tuple(
            (
                str(r.rank),
                r.title,
                QUADRANTS.label(r.quadrant),
                number(r.effort),
                number(r.impact),
                number(r.score),
                AGREEMENTS.label(r.agreement, DASH),
            )
            for r in ranking.results
        ),
        frozenset({0, 3, 4, 5}),
    )
    by_id = {i.id: i for i in plan.initiatives}
    titles = {i.id: i.title for i in plan.initiatives}
    for result in ranking.results:
        item = by_id[result.id]
        yield Heading(3, f"{result.rank}. {result.title}", f"initiative-{result.id}")
        summary = [
            ("Quadrant", QUADRANTS.label(result.quadrant)),
            ("Scores", _scores(result)),
            ("Agreement", _agreement(result)),
            *_case_facts(item, titles, results),
        ]
        yield Facts(tuple(summary))
        yield from _case(item)
        yield Answer("Why this rank", result.explanation, DASH)


def _scores(result: RankedInitiative) -> str:
    scores = [
        f"score {number(result.score)}",
        f"effort {number(result.effort)}",
        f"impact {number(result.impact)} (customer value {number(result.customer_value)}, "
        f"efficiency {number(result.efficiency)})",
    ]
    if result.confidence is not None:
        scores.append(f"confidence {percent(result.confidence, 2)}")
    if result.reach is not None:
        scores.append(f"reach {number(result.reach)}")
    return " · ".join(scores)


def _agreement(result: RankedInitiative) -> str:
    if not result.participants:
        return "no estimates"
    count = f"{result.participants} estimate{'s' if result.participants != 1 else ''}"
    return f"{AGREEMENTS.label(result.agreement)} ({count})" if result.agreement else count


def _case_facts(
    item: Initiative, titles: Mapping[str, str], results: Results
) -> list[tuple[str, str]]:
    facts = [
        ("Status", STATUSES.label(item.status)),
        ("Areas", ", ".join(AREAS_BY_ID[a].name for a in item.areas) or DASH),
    ]
    if item.depends_on:
        facts.append(
            ("Depends on", ", ".join(_dependency(d, titles, results) for d in item.depends_on))
        )
    return facts


def _dependency(initiative_id: str, titles: Mapping[str, str], results: Results) -> str:
    title = titles.get(initiative_id, initiative_id)
    rank = results.ranks.get(initiative_id)
    return title if rank is None else f"#{rank} {title}"


def _case(item: Initiative) -> Iterator[Block]:
    yield Answer("Why", item.why)
    yield Answer("What", item.what)
    yield Answer("Who", item.who)
    yield Answer("When", item.when)
    yield Answer("How", item.how)
    if item.notes.strip():
        yield Answer("Notes", item.notes)
