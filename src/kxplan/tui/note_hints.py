"""What each area's three notes invite the room to write, shown while a note is empty.

The Overview asks the three questions of the strategy as a whole (the framework's hints);
each area asks them about its own subject.
"""

from __future__ import annotations

from typing import Final

from kxplan.framework import STRATEGY_QUESTIONS, AreaId

NOTE_HINTS: Final[dict[AreaId, dict[str, str]]] = {
    "insight": {
        "today": "What we measure now, in which channels, and what we only guess.",
        "target": "The measures we want in every channel, and how often we look at them.",
        "how": "Surveys to switch on, a dashboard, who reads it, how we hear the silent ones.",
    },
    "accessibility": {
        "today": "The channels customers use now, their hours, cost and staffing.",
        "target": "The channels that give customers most value, staffed right.",
        "how": "Which channels to open, grow, keep, shrink or close, and when.",
    },
    "service_friendliness": {
        "today": "Where customers get stuck: forms, waits, hand-offs, rules.",
        "target": "Service and buying that feel easy at every stage of the journey.",
        "how": "The frictions to remove first, and who removes them.",
    },
    "mobility": {
        "today": "What works on a phone today, and what does not.",
        "target": "Everything a customer needs, easy on the move.",
        "how": "Mobile pages, chat or call-back, self-service, log-in and paying by phone.",
    },
    "unnecessary_demand": {
        "today": "Contacts that add no value: chasing orders, unclear invoices, call-backs.",
        "target": "Customers contact us because they want to, not because we failed.",
        "how": "Root causes to fix, so that those contacts never need to happen.",
    },
    "prioritisation": {
        "today": "How we choose improvements now, and who decides.",
        "target": "Most effect for least effort first, agreed by the room.",
        "how": "Scores, estimates and the order in which we start.",
    },
    "anchoring": {
        "today": "Which departments back the strategy, and who does what in the journey.",
        "target": "Every department owns its part of the experience.",
        "how": "Who to win over, the next step with each, and how we keep it alive.",
    },
}
"""Per area: the hint for each note (today, target, how)."""


def note_hint(area_id: AreaId | None, key: str) -> str:
    """The placeholder for note ``key`` of ``area_id`` (the strategy's for None)."""
    if area_id is not None:
        return NOTE_HINTS[area_id][key]
    return next(hint for k, _question, hint in STRATEGY_QUESTIONS if k == key)
