"""What each area's three notes invite the room to write, shown while a note is empty.

The Overview asks the three questions of the strategy as a whole (the framework's hints);
each area asks them about its own subject.
"""

from __future__ import annotations

from typing import Final

from kxplan.framework import STRATEGY_QUESTIONS, AreaId
from kxplan.i18n import N_, _

NOTE_HINTS: Final[dict[AreaId, dict[str, str]]] = {
    "insight": {
        "today": N_("What we measure now, in which channels, and what we only guess."),
        "target": N_("The measures we want in every channel, and how often we look at them."),
        "how": N_("Surveys to switch on, a dashboard, who reads it, how we hear the silent ones."),
    },
    "accessibility": {
        "today": N_("The channels customers use now, their hours, cost and staffing."),
        "target": N_("The channels that give customers most value, staffed right."),
        "how": N_("Which channels to open, grow, keep, shrink or close, and when."),
    },
    "service_friendliness": {
        "today": N_("Where customers get stuck: forms, waits, hand-offs, rules."),
        "target": N_("Service and buying that feel easy at every stage of the journey."),
        "how": N_("The frictions to remove first, and who removes them."),
    },
    "mobility": {
        "today": N_("What works on a phone today, and what does not."),
        "target": N_("Everything a customer needs, easy on the move."),
        "how": N_("Mobile pages, chat or call-back, self-service, log-in and paying by phone."),
    },
    "unnecessary_demand": {
        "today": N_("Contacts that add no value: chasing orders, unclear invoices, call-backs."),
        "target": N_("Customers contact us because they want to, not because we failed."),
        "how": N_("Root causes to fix, so that those contacts never need to happen."),
    },
    "prioritisation": {
        "today": N_("How we choose improvements now, and who decides."),
        "target": N_("Most effect for least effort first, agreed by the room."),
        "how": N_("Scores, estimates and the order in which we start."),
    },
    "anchoring": {
        "today": N_("Which departments back the strategy, and who does what in the journey."),
        "target": N_("Every department owns its part of the experience."),
        "how": N_("Who to win over, the next step with each, and how we keep it alive."),
    },
}
"""Per area: the hint for each note (today, target, how)."""


def note_hint(area_id: AreaId | None, key: str) -> str:
    """The placeholder for note ``key`` of ``area_id`` (the strategy's for None)."""
    if area_id is not None:
        return _(NOTE_HINTS[area_id][key])
    return _(next(hint for k, _question, hint in STRATEGY_QUESTIONS if k == key))
