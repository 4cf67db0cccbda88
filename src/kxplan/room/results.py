"""What accepted rounds put into the plan: each participant's answers as their estimates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kxplan.model import Estimate, Initiative, Plan
from kxplan.room.activities import Round


def with_answers(plan: Plan, rounds: Sequence[Round], names: Sequence[str]) -> Plan:
    """``plan`` with the answers of the accepted ``rounds`` as estimates (a later round
    overrides an earlier one) and the names that answered added as participants."""
    answers: dict[tuple[str, str, str], float] = {}
    for done in rounds:
        if done.status == "accepted":
            answers.update(done.answers)
    if not answers:
        return plan
    by_item: dict[str, dict[str, dict[str, float]]] = {}
    for (who, item, score), value in answers.items():
        by_item.setdefault(item, {}).setdefault(who, {})[score] = value
    initiatives = [
        _with_estimates(item, by_item[item.id]) if item.id in by_item else item
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


def _stored(value: float) -> int | float:
    return int(value) if value.is_integer() else value
