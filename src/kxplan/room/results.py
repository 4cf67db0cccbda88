"""What accepted rounds put into the plan: each participant's answers to the scores as
their estimates, and the median answer to a weighted criterion as the initiative's
score for it (criteria take one score per initiative, not one per participant)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kxplan.model import Estimate, Initiative, Plan
from kxplan.room.activities import Round
from kxplan.room.questions import criterion_id
from kxplan.room.tally import round_tallies


def with_answers(plan: Plan, rounds: Sequence[Round], names: Sequence[str]) -> Plan:
    """``plan`` with the answers of the accepted ``rounds`` as estimates (a later round
    overrides an earlier one) and the names that answered added as participants."""
    answers: dict[tuple[str, str, str], float] = {}
    criteria: dict[str, dict[str, float]] = {}
    for done in rounds:
        if done.status == "accepted":
            answers.update(done.answers)
            for tally in round_tallies(plan, done):
                found = criterion_id(tally.score)
                if found is not None and tally.median is not None:
                    criteria.setdefault(tally.initiative, {})[found] = tally.median
    if not answers:
        return plan
    by_item: dict[str, dict[str, dict[str, float]]] = {}
    for (who, item, score), value in answers.items():
        if criterion_id(score) is None:
            by_item.setdefault(item, {}).setdefault(who, {})[score] = value
    initiatives = [
        _with_criteria(_with_estimates(item, by_item.get(item.id, {})), criteria.get(item.id, {}))
        for item in plan.initiatives
    ]
    named = {who for who, _, _ in answers}
    participants = [*plan.participants]
    participants += [n for n in names if n in named and n not in participants]
    return Plan.model_validate(
        plan.model_copy(
            update={"initiatives": initiatives, "participants": participants}
        ).model_dump(by_alias=True)
    )


def _with_estimates(item: Initiative, scores: Mapping[str, Mapping[str, float]]) -> Initiative:
    """``item`` with each participant's estimate updated by the scores they gave."""
    if not scores:
        return item
    estimates = list(item.estimates)
    index = {e.participant: i for i, e in enumerate(estimates)}
    for who, given in scores.items():
        values = {k: _stored(v) for k, v in given.items()}
        if who in index:
            i = index[who]
            estimates[i] = estimates[i].model_copy(update=values)
        else:
            estimates.append(Estimate(participant=who, **values))
    return item.model_copy(update={"estimates": estimates})


def _with_criteria(item: Initiative, medians: Mapping[str, float]) -> Initiative:
    if not medians:
        return item
    scores = {**item.criteria, **{k: _stored(v) for k, v in medians.items()}}
    return item.model_copy(update={"criteria": scores})


def _stored(value: float) -> int | float:
    return int(value) if value.is_integer() else value
