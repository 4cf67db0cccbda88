"""The document's ranked initiatives: the ranking table and each initiative's case."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from kxplan.framework import (
    AGREEMENTS,
    AREAS_BY_ID,
    METHODS,
    QUADRANTS,
    SCORES,
    STATUSES,
    Quadrant,
)
from kxplan.i18n import _, ngettext
from kxplan.model import Initiative, Plan
from kxplan.model.evidence import RowIndex
from kxplan.reports.blocks import Answer, Block, Bullets, Facts, Heading, Note, Picture, Table
from kxplan.reports.dates import date_text
from kxplan.reports.followthrough import evidence_facts, followed_through
from kxplan.reports.results import Results
from kxplan.scoring import RankedInitiative, lacking_sentence
from kxplan.text.numbers import DASH, number, percent


def initiatives_section(plan: Plan, results: Results) -> Iterator[Block]:
    """The method, the matrix, the ranking table, then one case per ranked initiative."""
    ranking = results.ranking
    yield Heading(2, _("Initiatives, ranked"), "initiatives", major=True)
    yield Note(
        _("Method: {method}. High impact from {impact}; high effort above {effort}.").format(
            method=METHODS.label(ranking.method),
            impact=number(ranking.impact_threshold),
            effort=number(ranking.effort_threshold),
        )
    )
    yield from _lacking(plan, results)
    if not ranking.results:
        if not ranking.lacking:
            yield Note(_("No initiative is scored yet, so there is no ranking."))
        return
    yield Picture("matrix")
    yield Table(
        (
            _("Rank"),
            _("Initiative"),
            _("Quadrant"),
            SCORES.label("effort"),
            _("Impact"),
            _("Score"),
            _("Agreement"),
        ),
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
    index = RowIndex(plan)
    for result in ranking.results:
        item = by_id[result.id]
        yield Heading(3, f"{result.rank}. {result.title}", f"initiative-{result.id}")
        summary = [
            (_("Quadrant"), _quadrant(result.quadrant)),
            (_("Scores"), _scores(result)),
            (_("Agreement"), _agreement(result)),
            *_case_facts(item, titles, results),
            *evidence_facts(plan, item, index),
        ]
        yield Facts(tuple(summary))
        yield from _case(item)
        yield Answer(_("Why this rank"), result.explanation, DASH)
    yield from followed_through(plan, results, index)


def _lacking(plan: Plan, results: Results) -> Iterator[Block]:
    """The initiatives the method cannot rank for want of its inputs, one line each."""
    ranking = results.ranking
    if not ranking.lacking:
        return
    yield Note(
        _("Not ranked by {method}, for want of what it reads:").format(
            method=METHODS.label(ranking.method)
        )
    )
    yield Bullets(tuple(lacking_sentence(ranking, {i.id: i.title for i in plan.initiatives})))


def _scores(result: RankedInitiative) -> str:
    scores = [
        _("score {score}").format(score=number(result.score)),
        _("effort {effort}").format(effort=number(result.effort)),
        _("impact {impact} (customer value {value}, efficiency {efficiency})").format(
            impact=number(result.impact),
            value=number(result.customer_value),
            efficiency=number(result.efficiency),
        ),
    ]
    if result.confidence is not None:
        scores.append(_("confidence {share}").format(share=percent(result.confidence, 2)))
    if result.reach is not None:
        scores.append(_("reach {reach}").format(reach=number(result.reach)))
    return " · ".join(scores)


def _agreement(result: RankedInitiative) -> str:
    if not result.participants:
        return _("no estimates")
    count = ngettext("{count} estimate", "{count} estimates", result.participants).format(
        count=result.participants
    )
    if not result.agreement:
        return count
    return _("{agreement} ({estimates})").format(
        agreement=AGREEMENTS.label(result.agreement), estimates=count
    )


def _case_facts(
    item: Initiative, titles: Mapping[str, str], results: Results
) -> list[tuple[str, str]]:
    facts = [
        (_("Status"), STATUSES.label(item.status)),
        (_("Areas"), ", ".join(_(AREAS_BY_ID[a].name) for a in item.areas) or DASH),
    ]
    if item.started:
        facts.append((_("Started"), date_text(item.started)))
    if item.depends_on:
        facts.append(
            (_("Depends on"), ", ".join(_dependency(d, titles, results) for d in item.depends_on))
        )
    return facts


def _dependency(initiative_id: str, titles: Mapping[str, str], results: Results) -> str:
    title = titles.get(initiative_id, initiative_id)
    rank = results.ranks.get(initiative_id)
    return title if rank is None else f"#{rank} {title}"


def _case(item: Initiative) -> Iterator[Block]:
    yield Answer(_("Why"), item.why)
    yield Answer(_("What"), item.what)
    yield Answer(_("Who"), item.who)
    yield Answer(_("When"), item.when)
    yield Answer(_("How"), item.how)
    if item.notes.strip():
        yield Answer(_("Notes"), item.notes)


def _quadrant(quadrant: Quadrant) -> str:
    """The quadrant and what it advises: "Quick win — High impact, low effort: do these
    first."."""
    return _("{quadrant} — {advice}").format(
        quadrant=QUADRANTS.label(quadrant), advice=QUADRANTS.say(QUADRANTS[quadrant].advice)
    )
