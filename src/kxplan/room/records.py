"""What the room keeps in the plan's records: a finished dot vote, a revealed round."""

from __future__ import annotations

from datetime import datetime

from kxplan.framework import ESTIMATED_SCORES
from kxplan.model import DotVoteRecord, PlacedDots, Plan, QuestionResult, RoundRecord
from kxplan.model.workshop import Outcome
from kxplan.room.activities import DotVote, Round
from kxplan.room.questions import criterion_id
from kxplan.room.tally import round_tallies


def vote_record(vote: DotVote, when: datetime) -> DotVoteRecord:
    """An ended dot vote as the plan keeps it: counts per initiative, names if it was named."""
    counts = {item: count for item, count in vote.counts().items() if count}
    placed = None
    if not vote.anonymous:
        placed = [
            PlacedDots(participant=name, initiative=item, dots=dots)
            for name, given in vote.placed.items()
            for item, dots in given.items()
        ]
    return DotVoteRecord(
        when=when,
        question=vote.question,
        dots=vote.dots,
        anonymous=vote.anonymous,
        voters=sum(1 for given in vote.placed.values() if any(given.values())),
        initiatives=list(vote.initiatives),
        counts=counts,
        placed=placed,
    )


def round_record(plan: Plan, done: Round, when: datetime, outcome: Outcome) -> RoundRecord | None:
    """A revealed round's summary per question answered (None when nothing was answered),
    with the agreement measured as the ranking measures it."""
    results = []
    ids = {item.id for item in plan.initiatives}
    for tally in round_tallies(plan, done):
        if (
            tally.initiative not in ids
            or not tally.count
            or tally.median is None
            or tally.low is None
            or tally.high is None
        ):
            continue
        criterion = criterion_id(tally.score)
        results.append(
            QuestionResult(
                initiative=tally.initiative,
                score=tally.score if tally.score in ESTIMATED_SCORES else None,
                criterion=criterion,
                answers=tally.count,
                median=tally.median,
                low=tally.low,
                high=tally.high,
                agreement=tally.agreement,
            )
        )
    return RoundRecord(when=when, outcome=outcome, results=results) if results else None


def rounds_to_keep(
    plan: Plan, rounds: list[Round], number: int, when: datetime
) -> list[RoundRecord]:
    """Round ``number``, accepted, after the rounds it voted again on (oldest first), so
    the plan shows whether the room came closer."""
    chain: list[Round] = []
    current: int | None = number
    while current is not None and 1 <= current <= len(rounds) and len(chain) < len(rounds):
        chain.append(rounds[current - 1])
        current = rounds[current - 1].follows
    kept = []
    for done in reversed(chain):
        outcome: Outcome = "accepted" if done.number == number else "voted again"
        at = datetime.fromisoformat(done.revealed_at) if done.revealed_at else when
        record = round_record(plan, done, at, outcome)
        if record is not None:
            kept.append(record)
    return kept


def with_rounds(plan: Plan, kept: list[RoundRecord]) -> Plan:
    """``plan`` with these rounds added to its records, checked by the plan's rules."""
    if not kept:
        return plan
    data = plan.model_dump(by_alias=True)
    data["rounds"] = [r.model_dump() for r in (*plan.rounds, *kept)]
    return Plan.model_validate(data)
