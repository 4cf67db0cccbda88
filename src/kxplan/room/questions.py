"""What a round may ask: the estimated scores and the plan's weighted criteria.

A question is named by a key: a score ("effort", "reach") or a criterion of
``[scoring]`` as ``criteria.<id>`` (a criterion may be called "effort" too). Its label,
its bounds and the words for its steps all come from the plan.
"""

from __future__ import annotations

from typing import Final

from kxplan.framework import ESTIMATED_SCORES, SCORES
from kxplan.i18n import _
from kxplan.model import MAX_NUMBER, Criterion, Plan
from kxplan.room.limits import Refused

CRITERION_PREFIX: Final = "criteria."


def criterion_key(criterion_id: str) -> str:
    return f"{CRITERION_PREFIX}{criterion_id}"


def criterion_id(key: str) -> str | None:
    """The criterion a key names, or None for a score."""
    return key[len(CRITERION_PREFIX) :] if key.startswith(CRITERION_PREFIX) else None


def askable(plan: Plan) -> list[str]:
    """Every question a round may ask of this plan, in order: scores, then criteria."""
    return [*ESTIMATED_SCORES, *(criterion_key(c.id) for c in plan.scoring.criteria)]


def criterion(plan: Plan, key: str) -> Criterion | None:
    wanted = criterion_id(key)
    return next((c for c in plan.scoring.criteria if c.id == wanted), None)


def label(plan: Plan, key: str) -> str:
    """The question's name for people: "Customer value", a criterion's label (or id)."""
    found = criterion(plan, key)
    if found is not None:
        return found.label or found.id
    if key in ESTIMATED_SCORES:
        return SCORES.label(key)
    return criterion_id(key) or key


def bounds(plan: Plan, key: str) -> tuple[float, float]:
    """The lowest and highest answer; Refused for a question this plan cannot ask."""
    if key == "confidence":
        return (0.0, 100.0)
    if key == "reach":
        return (0.0, float(MAX_NUMBER))
    if key in ("effort", "customer_value", "efficiency"):
        scale = getattr(plan.scales, key)
        return (float(scale.min), float(scale.max))
    found = criterion(plan, key)
    if found is None:
        raise Refused(_("That score is not asked of participants."))
    return (float(found.min), float(found.max))


def anchors(plan: Plan, key: str) -> dict[str, str]:
    """What the steps of the question's scale mean on this plan (none for % and reach)."""
    if key in ("effort", "customer_value", "efficiency"):
        return dict(getattr(plan.scales, key).anchors)
    found = criterion(plan, key)
    return dict(found.anchors) if found is not None else {}
