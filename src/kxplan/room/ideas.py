"""What an accepted idea becomes in the plan: an initiative or a row, saying who suggested it."""

from __future__ import annotations

from pydantic import BaseModel

from kxplan.i18n import _, language
from kxplan.model import ContactReason, Friction, Initiative, Plan, unique_slug
from kxplan.room.activities import Idea


def suggested(idea: Idea, *, sentence: bool = True) -> str:
    """The words that keep who suggested it: a sentence, or a phrase for inside one."""
    if sentence:
        return _("Suggested by {name} in the room.").format(name=idea.by)
    return _("suggested by {name} in the room").format(name=idea.by)


def as_initiative(idea: Idea, plan: Plan) -> Initiative:
    """The idea as a new initiative of the plan, with an id no other initiative has, for
    the area the workshop was on when it was sent."""
    taken = [item.id for item in plan.initiatives]
    with language(plan.document_language):  # words in the plan are in its language
        notes = suggested(idea)
    return Initiative(
        id=unique_slug(idea.title, taken),
        title=idea.title,
        areas=[idea.area] if idea.area else [],
        why=idea.text,
        notes=notes,
    )


def as_row(idea: Idea) -> BaseModel:
    """A friction point or contact reason idea as a row of its area's table."""
    if idea.kind == "friction":
        return Friction(title=idea.title, description=idea.text, evidence=suggested(idea))
    if idea.kind == "contact_reason":
        note = f"{idea.text}\n{suggested(idea)}" if idea.text else suggested(idea)
        return ContactReason(reason=idea.title, notes=note)
    raise ValueError(f"a {idea.kind} idea becomes an initiative, not a row")


def merged_into(idea: Idea, item: Initiative) -> Initiative:
    """``item`` with the idea added to its notes, so nothing the participant wrote is lost."""
    line = f"{idea.title}: {idea.text}" if idea.text else idea.title
    addition = f"{line} ({suggested(idea, sentence=False)})"
    notes = f"{item.notes}\n{addition}" if item.notes else addition
    return item.model_copy(update={"notes": notes})
