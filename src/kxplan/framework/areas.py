"""The seven areas of a CX strategy, the questions asked of each, and maturity levels.

Pure data. The texts are kxplan's own summary of the domain; the screens, the
reports and the CLI all read them from here so they say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

AreaId = Literal[
    "insight",
    "accessibility",
    "service_friendliness",
    "mobility",
    "unnecessary_demand",
    "prioritisation",
    "anchoring",
]
"""The seven areas of the strategy, as keys in a plan file."""


@dataclass(frozen=True, slots=True)
class Area:
    """One area of the strategy and the help kxplan gives for it."""

    id: AreaId
    number: int
    name: str
    name_sv: str
    short: str
    """The step's name where room is short (the step bar)."""
    purpose: str
    questions: tuple[str, ...]
    """Guiding questions the facilitator can put to the room."""


STRATEGY_QUESTIONS: Final[tuple[tuple[str, str, str], ...]] = (
    ("today", "Where are we today?", "Describe the experience customers get now, honestly."),
    ("target", "Where do we want to be?", "Describe the experience you want customers to get."),
    ("how", "How do we get there?", "The route: principles, big moves, what to stop doing."),
)
"""The three questions asked of the whole strategy and of each area: key, question, hint."""

AREAS: Final[tuple[Area, ...]] = (
    Area(
        id="insight",
        number=1,
        name="Insight",
        short="Insight",
        name_sv="Insikt",
        purpose=(
            "Know how customers perceive you before you design processes. Measure the "
            "experience in every channel you serve, across the whole journey."
        ),
        questions=(
            "Which stages of the journey (before, during, after purchase) do we measure today?",
            "In which channels do we ask customers what they thought, and how often?",
            "Which figures (CSAT, NPS, CES, first-contact resolution, handling time) do we "
            "know, and which are guesses?",
            "Most unhappy customers leave without complaining: how do we hear from them?",
        ),
    ),
    Area(
        id="accessibility",
        number=2,
        name="Accessibility",
        short="Access",
        name_sv="Tillgänglighet",
        purpose=(
            "Be reachable where customers want to reach you. Choose the channels that "
            "create the most value for customers and staff them accordingly."
        ),
        questions=(
            "Which channels do customers use, and which would they rather use?",
            "What does a contact cost in each channel, and what value does it give?",
            "Do opening hours and staffing match when customers actually get in touch?",
            "Which channel should we open, grow, keep, shrink or close?",
        ),
    ),
    Area(
        id="service_friendliness",
        number=3,
        name="Service friendliness",
        short="Service",
        name_sv="Servicevänlighet",
        purpose=(
            "Find the frictions that make it hard to buy from or get help from you, write "
            "them down, and remove them so customers feel at ease."
        ),
        questions=(
            "Where do customers get stuck, repeat themselves or give up?",
            "Which rules or steps exist for our sake rather than the customer's?",
            "How often does each obstacle occur, and what evidence do we have?",
            "What is the simplest fix for each?",
        ),
    ),
    Area(
        id="mobility",
        number=4,
        name="Mobility",
        short="Mobile",
        name_sv="Mobilitet",
        purpose=(
            "Customers are on the move. Service and information must work on a phone: "
            "readable, reachable and able to finish the job there."
        ),
        questions=(
            "Can a customer read and use each channel comfortably on a phone?",
            "Can they contact us from the phone without calling (chat, messaging, call-back)?",
            "Can they serve themselves, identify themselves and pay on the phone?",
        ),
    ),
    Area(
        id="unnecessary_demand",
        number=5,
        name="Unnecessary demand",
        short="Demand",
        name_sv="Onödig efterfrågan",
        purpose=(
            "Some contacts only happen because something went wrong earlier (failure "
            "demand): 'where is my order?', 'what does this invoice mean?', chasing a "
            "promised call-back. Find them, find their causes, remove them."
        ),
        questions=(
            "What are the most common reasons customers contact us?",
            "Which of them add value for the customer, and which only exist because we "
            "failed earlier?",
            "What is the root cause of each failure contact?",
            "How many could be avoided, and what do they cost us each month?",
        ),
    ),
    Area(
        id="prioritisation",
        number=6,
        name="Prioritisation",
        short="Priority",
        name_sv="Prioritering",
        purpose=(
            "Choose what to do first: the improvements with the greatest effect on "
            "customer value and efficiency for the least effort."
        ),
        questions=(
            "What effect would each initiative have for customers and for us?",
            "How much effort does it take, on the plan's effort scale?",
            "Where do we disagree, and why?",
            "Which quick wins can start next week?",
        ),
    ),
    Area(
        id="anchoring",
        number=7,
        name="Anchoring",
        short="Anchor",
        name_sv="Förankring",
        purpose=(
            "Customer service owns only part of the journey. The strategy must be owned "
            "by every department that touches the customer, or the goal is not reached."
        ),
        questions=(
            "Which departments shape the customer's experience, and at which stage?",
            "Who does what in the experience chain?",
            "Who supports the strategy, who doubts it, and who has not heard of it?",
            "What is the next step with each of them?",
        ),
    ),
)

AREA_IDS: Final[tuple[AreaId, ...]] = tuple(area.id for area in AREAS)
AREAS_BY_ID: Final[dict[str, Area]] = {area.id: area for area in AREAS}


def area(area_id: str) -> Area:
    """The area with this id; KeyError if there is none."""
    return AREAS_BY_ID[area_id]


MATURITY_LEVELS: Final[dict[int, str]] = {
    1: "Ad hoc: little is known or done on purpose",
    2: "Aware: the need is seen, first steps are taken here and there",
    3: "Defined: a way of working exists and is mostly followed",
    4: "Managed: measured, followed up and improved regularly",
    5: "Leading: part of how the whole organisation works, a model for others",
}
"""What each maturity level (today and target, 1–5) means."""

MATURITY_MIN: Final = 1
MATURITY_MAX: Final = 5
