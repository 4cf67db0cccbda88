"""What the workshop room leaves in the plan: kept dot votes and estimation rounds.

Both are optional top-level lists of schema 2, in the order they happened (the last
dot vote is the one the ranking shows). A file holds them as::

    [[votes]]
    when = 2026-12-03T14:30:00Z
    question = "Which should we start first?"
    dots = 3                      # each participant's dots
    anonymous = true
    voters = 4
    initiatives = ["web-chat", "faq", "callback"]   # the set voted on

    [votes.counts]                # dots per initiative id
    web-chat = 7
    faq = 3

    [[rounds]]
    when = 2026-12-03T14:10:00Z
    outcome = "voted again"       # or "accepted"
    results = [   # one line per question: a score, or a criterion of [scoring]
        {initiative = "web-chat", score = "effort", answers = 4, median = 3, low = 2,
         high = 5, agreement = "low"},
        {initiative = "faq", criterion = "risk", answers = 4, median = 2, low = 2,
         high = 2, agreement = "high"},
    ]

The rules here check what spans fields (initiative ids the plan has, counts within the
dots given, a result for one score or one criterion); :func:`records_for` keeps them valid
when an initiative goes (its counts and results go with it) or changes id (they follow).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, Literal

from pydantic import AwareDatetime, Field

from kxplan.framework import Agreement, Score
from kxplan.i18n import _
from kxplan.model.types import Count, Loc, Name, Number, Slug, StrictModel, empty_dict, empty_list

if TYPE_CHECKING:
    from kxplan.model.plan import Plan

MAX_DOTS: Final = 100
"""The most dots one participant may have in one vote."""

Outcome = Literal["accepted", "voted again"]
"""What the facilitator did with a round once it was revealed."""


class PlacedDots(StrictModel):
    """Dots one participant put on one initiative (kept for named votes only)."""

    participant: Name
    initiative: Slug
    dots: int = Field(ge=1, le=MAX_DOTS)


class DotVoteRecord(StrictModel):
    """A finished dot vote, as the facilitator kept it."""

    when: AwareDatetime
    question: str = ""
    """What the room voted on, in words (the filter or question); may be blank."""
    dots: int = Field(ge=1, le=MAX_DOTS)
    """How many dots each participant had."""
    anonymous: bool = True
    voters: Count = 0
    """How many participants placed at least one dot."""
    initiatives: list[Slug] = Field(default_factory=empty_list)
    """The initiatives voted on."""
    counts: dict[Slug, Count] = Field(default_factory=empty_dict)
    """Dots per initiative id; an initiative voted on with no dots may be left out."""
    placed: list[PlacedDots] | None = None
    """Who put dots where: named votes only."""

    def count(self, initiative_id: str) -> int | None:
        """Dots on this initiative; None when it was not voted on."""
        if initiative_id not in self.initiatives:
            return None
        return self.counts.get(initiative_id, 0)


class QuestionResult(StrictModel):
    """One question of a round (one score, or one criterion, of one initiative)."""

    initiative: Slug
    score: Score | None = None
    criterion: Slug | None = None
    answers: Count
    median: Number
    low: Number
    high: Number
    agreement: Agreement | None = None
    """As the ranking measures it; none with a single answer."""

    @property
    def asked(self) -> str:
        """The score's or criterion's key: "effort", "criteria.risk"."""
        return self.score if self.score is not None else f"criteria.{self.criterion}"


class RoundRecord(StrictModel):
    """A revealed estimation round: what each question's answers came to."""

    when: AwareDatetime
    outcome: Outcome = "accepted"
    results: list[QuestionResult] = Field(default_factory=empty_list)


_Add = Callable[[Loc, str], None]


def workshop_rule_problems(plan: Plan, add: _Add) -> None:
    """Add every broken rule of the plan's kept votes and rounds."""
    ids = {item.id for item in plan.initiatives}
    criteria = {c.id for c in plan.scoring.criteria}
    for index, vote in enumerate(plan.votes):
        _vote_rules(vote, ("votes", index), ids, add)
    for index, done in enumerate(plan.rounds):
        for at, result in enumerate(done.results):
            _result_rules(result, ("rounds", index, "results", at), ids, criteria, add)


def _unknown(item_id: str) -> str:
    return _("no initiative has the id {id}").format(id=repr(item_id))


def _vote_rules(vote: DotVoteRecord, loc: Loc, ids: set[str], add: _Add) -> None:
    asked = set(vote.initiatives)
    for at, item_id in enumerate(vote.initiatives):
        if item_id not in ids:
            add((*loc, "initiatives", at), _unknown(item_id))
        elif vote.initiatives.index(item_id) != at:
            add((*loc, "initiatives", at), _("{id} is listed twice").format(id=repr(item_id)))
    for item_id in vote.counts:
        if item_id not in ids:
            add((*loc, "counts", item_id), _unknown(item_id))
        elif item_id not in asked:
            add(
                (*loc, "counts", item_id),
                _("{id} is not among the initiatives voted on").format(id=repr(item_id)),
            )
    given = sum(vote.counts.values())
    if given > vote.dots * vote.voters:
        add(
            (*loc, "counts"),
            _(
                "{given} dots counted, but {voters} voters with {dots} each have at most {most}"
            ).format(given=given, voters=vote.voters, dots=vote.dots, most=vote.dots * vote.voters),
        )
    if vote.placed is None:
        return
    if vote.anonymous:
        add((*loc, "placed"), _("an anonymous vote keeps no names: leave placed out"))
        return
    totals: dict[str, int] = {}
    for at, row in enumerate(vote.placed):
        if row.initiative not in asked:
            add(
                (*loc, "placed", at, "initiative"),
                _("{id} was not voted on").format(id=repr(row.initiative)),
            )
        totals[row.initiative] = totals.get(row.initiative, 0) + row.dots
    for item_id in asked:
        if totals.get(item_id, 0) != vote.counts.get(item_id, 0):
            add(
                (*loc, "counts", item_id),
                _("expected {count}, the dots placed on it").format(count=totals.get(item_id, 0)),
            )


def _result_rules(
    result: QuestionResult, loc: Loc, ids: set[str], criteria: set[str], add: _Add
) -> None:
    if result.initiative not in ids:
        add((*loc, "initiative"), _unknown(result.initiative))
    if (result.score is None) == (result.criterion is None):
        add((*loc, "score"), _("expected either a score or a criterion"))
    elif result.criterion is not None and result.criterion not in criteria:
        add((*loc, "criterion"), _("unknown criterion {id}").format(id=repr(result.criterion)))
    if not result.low <= result.median <= result.high:
        add((*loc, "median"), _("expected the median between low and high"))
    if result.answers < 1:
        add((*loc, "answers"), _("expected at least one answer"))


# --- reading and keeping them valid ----------------------------------------------------


def latest_vote(plan: Plan) -> DotVoteRecord | None:
    """The dot vote the ranking shows: the last one kept."""
    return plan.votes[-1] if plan.votes else None


def latest_dots(plan: Plan) -> dict[str, int] | None:
    """Dots per initiative id in the latest kept vote (0 for one voted on without dots);
    None when the plan keeps no vote. An initiative not voted on is not a key."""
    vote = latest_vote(plan)
    if vote is None:
        return None
    return {item_id: vote.counts.get(item_id, 0) for item_id in vote.initiatives}


def history(plan: Plan, initiative_id: str) -> list[tuple[RoundRecord, list[QuestionResult]]]:
    """Each kept round that asked about this initiative, oldest first, with its results."""
    found = []
    for done in plan.rounds:
        results = [r for r in done.results if r.initiative == initiative_id]
        if results:
            found.append((done, results))
    return found


def _renamed(ids: Sequence[str], old: str, new: str | None) -> list[str]:
    if new is None:
        return [i for i in ids if i != old]
    return [new if i == old else i for i in ids]


def _vote_with(vote: DotVoteRecord, old: str, new: str | None) -> DotVoteRecord | None:
    if old not in vote.initiatives and old not in vote.counts:
        return vote
    initiatives = _renamed(vote.initiatives, old, new)
    if not initiatives:
        return None
    counts = {
        (new if k == old else k): v for k, v in vote.counts.items() if k != old or new is not None
    }
    placed = vote.placed
    if placed is not None:
        placed = [
            row.model_copy(update={"initiative": new}) if row.initiative == old else row
            for row in placed
            if row.initiative != old or new is not None
        ]
    return vote.model_copy(update={"initiatives": initiatives, "counts": counts, "placed": placed})


def _round_with(done: RoundRecord, old: str, new: str | None) -> RoundRecord | None:
    if all(r.initiative != old for r in done.results):
        return done
    results = [
        r.model_copy(update={"initiative": new}) if r.initiative == old else r
        for r in done.results
        if r.initiative != old or new is not None
    ]
    return done.model_copy(update={"results": results}) if results else None


def records_for(
    plan: Plan, old: str, new: str | None
) -> tuple[list[DotVoteRecord], list[RoundRecord]]:
    """The plan's votes and rounds with initiative ``old`` renamed to ``new`` (None: gone;
    a vote or round left with no initiative goes too)."""
    votes = [v for v in (_vote_with(v, old, new) for v in plan.votes) if v is not None]
    rounds = [r for r in (_round_with(r, old, new) for r in plan.rounds) if r is not None]
    return votes, rounds
