"""Edits that give a new plan: an initiative added, replaced or removed."""

from __future__ import annotations

from kxplan.model.initiative import Initiative
from kxplan.model.plan import Plan
from kxplan.model.workshop import records_for


def with_initiative(plan: Plan, initiative: Initiative, replacing: str | None = None) -> Plan:
    """The plan with ``initiative`` in place of the one with id ``replacing`` (None: added).

    When the id changed, dependencies on the old id follow it to the new one.
    The plan is copied, not validated again (a thousand unchanged initiatives need no
    second look): callers check the result with :func:`plan_rule_problems` where it
    matters. The given plan is left as it was.
    """
    items = list(plan.initiatives)
    index = next((i for i, item in enumerate(items) if item.id == replacing), None)
    if replacing is not None and index is None:
        raise KeyError(replacing)
    if index is None:
        items.append(initiative)
    else:
        items[index] = initiative
        if replacing != initiative.id:
            items = [
                item.model_copy(
                    update={
                        "depends_on": [
                            initiative.id if dep == replacing else dep for dep in item.depends_on
                        ]
                    }
                )
                if replacing in item.depends_on
                else item
                for item in items
            ]
    update: dict[str, object] = {"initiatives": items}
    if replacing is not None and replacing != initiative.id and (plan.votes or plan.rounds):
        update["votes"], update["rounds"] = records_for(plan, replacing, initiative.id)
    return plan.model_copy(update=update)


def without_initiative(plan: Plan, initiative_id: str) -> Plan:
    """The plan without the initiative ``initiative_id``; KeyError if there is none.

    Initiatives that depended on it no longer do (a dependency on an initiative that is
    gone would break the plan's rules). The given plan is left as it was.
    """
    if all(item.id != initiative_id for item in plan.initiatives):
        raise KeyError(initiative_id)
    items = [
        item.model_copy(
            update={"depends_on": [dep for dep in item.depends_on if dep != initiative_id]}
        )
        if initiative_id in item.depends_on
        else item
        for item in plan.initiatives
        if item.id != initiative_id
    ]
    votes, rounds = records_for(plan, initiative_id, None)  # its dots and results go too
    return plan.model_copy(update={"initiatives": items, "votes": votes, "rounds": rounds})
