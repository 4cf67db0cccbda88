"""The CX strategy framework kxplan walks a team through: areas, questions, measures.

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

Stage = Literal["before", "during", "after"]
"""Where in the customer journey something happens: before, during or after the purchase."""

STAGE_LABELS: Final[dict[str, str]] = {
    "before": "Before purchase",
    "during": "During purchase",
    "after": "After purchase",
}


@dataclass(frozen=True, slots=True)
class Area:
    """One area of the strategy and the help kxplan gives for it."""

    id: AreaId
    number: int
    name: str
    name_sv: str
    purpose: str
    questions: tuple[str, ...]
    """Guiding questions the facilitator can put to the room."""
    inputs: str
    """What the structured table of this area records."""


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
        inputs="Touchpoints along the journey and KPIs per channel with baseline and target.",
    ),
    Area(
        id="accessibility",
        number=2,
        name="Accessibility",
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
        inputs="Channels with customer preference, value, cost per contact, hours, staffing "
        "and a decision.",
    ),
    Area(
        id="service_friendliness",
        number=3,
        name="Service friendliness",
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
        inputs="Friction points with journey stage, severity, frequency, evidence and a fix.",
    ),
    Area(
        id="mobility",
        number=4,
        name="Mobility",
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
        inputs="A checklist per channel: what works on a phone today and what does not.",
    ),
    Area(
        id="unnecessary_demand",
        number=5,
        name="Unnecessary demand",
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
        inputs="Contact reasons with monthly volume, channel, value or failure demand, root "
        "cause and avoidable share; avoidable contacts and cost are worked out.",
    ),
    Area(
        id="prioritisation",
        number=6,
        name="Prioritisation",
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
        inputs="Initiatives scored for effort, customer value and efficiency, by each participant.",
    ),
    Area(
        id="anchoring",
        number=7,
        name="Anchoring",
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
        inputs="Departments and stakeholders with their part in the journey, buy-in and next step.",
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


@dataclass(frozen=True, slots=True)
class Measure:
    """A customer-experience measure a KPI can track."""

    id: str
    label: str
    unit: str
    low: float | None
    high: float | None
    higher_is_better: bool
    description: str


MEASURES: Final[tuple[Measure, ...]] = (
    Measure(
        "csat",
        "CSAT",
        "%",
        0,
        100,
        True,
        "Customer satisfaction: share of respondents who are satisfied (say 4 or 5 of 5).",
    ),
    Measure(
        "nps",
        "NPS",
        "points",
        -100,
        100,
        True,
        "Net Promoter Score: % promoters (9–10 on 'would you recommend us?') minus % "
        "detractors (0–6). A measure of loyalty.",
    ),
    Measure(
        "ces",
        "CES",
        "score",
        None,
        None,
        False,
        "Customer effort score: how easy it was to get help. Lower effort is better on "
        "most scales; state the scale in the unit.",
    ),
    Measure(
        "fcr",
        "FCR",
        "%",
        0,
        100,
        True,
        "First-contact resolution: share of matters solved at the first contact.",
    ),
    Measure(
        "handling_time",
        "Handling time",
        "min",
        0,
        None,
        False,
        "Average time to handle one contact, talk and wrap-up included.",
    ),
    Measure(
        "response_rate",
        "Response rate",
        "%",
        0,
        100,
        True,
        "Share of contacts answered (or answered within the promised time: service level).",
    ),
    Measure(
        "contact_volume",
        "Contact volume",
        "contacts/month",
        0,
        None,
        False,
        "How many contacts arrive. Falling volume is good when it is failure demand that falls.",
    ),
    Measure(
        "contacts_per_matter",
        "Contacts per matter",
        "contacts",
        0,
        None,
        False,
        "How many contacts a customer needs before the matter is solved.",
    ),
    Measure(
        "upsell",
        "Upsell",
        "%",
        0,
        100,
        True,
        "Share of service contacts that also lead to a sale.",
    ),
    Measure("custom", "Custom", "", None, None, True, "A measure of your own; name it."),
)
"""The measures a KPI can track; `custom` lets a plan name its own."""

MEASURES_BY_ID: Final[dict[str, Measure]] = {m.id: m for m in MEASURES}

MeasureId = Literal[
    "csat",
    "nps",
    "ces",
    "fcr",
    "handling_time",
    "response_rate",
    "contact_volume",
    "contacts_per_matter",
    "upsell",
    "custom",
]

ChannelDecision = Literal["open", "grow", "keep", "shrink", "close"]
"""What the team decides to do with a channel."""

Frequency = Literal["rare", "monthly", "weekly", "daily"]
"""How often a friction point hits customers."""

CheckStatus = Literal["yes", "partly", "no", "unknown"]
"""Whether a mobility check is met today."""

MOBILITY_CHECKS: Final[tuple[tuple[str, str], ...]] = (
    ("readable_on_phone", "Readable and usable on a phone"),
    ("mobile_contact", "Contact without a call: chat, messaging or call-back"),
    ("self_service", "Self-service works on a phone"),
    ("mobile_identification", "Identification works on a phone"),
    ("mobile_payment", "Payment works on a phone"),
)
"""The standard mobility checklist (key, label); plans may add checks of their own."""

Demand = Literal["value", "failure"]
"""Value demand is a contact the customer wants; failure demand exists because we failed."""

BuyIn = Literal["unknown", "opposed", "sceptical", "neutral", "supportive", "champion"]
"""How far a department or stakeholder backs the strategy."""

UNANCHORED: Final[frozenset[str]] = frozenset({"unknown", "opposed", "sceptical"})
"""Buy-in levels that mean the strategy is not yet anchored there."""

Status = Literal["idea", "planned", "in_progress", "done", "dropped"]
"""Where an initiative stands."""

CLOSED_STATUSES: Final[frozenset[str]] = frozenset({"done", "dropped"})
"""Statuses left out of the ranking unless asked for."""

Method = Literal["ratio", "quadrant", "rice", "ice", "wsjf", "weighted"]
"""Ranking methods: see kxplan.scoring."""

Quadrant = Literal["quick_win", "major_project", "fill_in", "thankless"]

QUADRANT_LABELS: Final[dict[str, str]] = {
    "quick_win": "Quick wins",
    "major_project": "Major projects",
    "fill_in": "Fill-ins",
    "thankless": "Thankless tasks",
}
QUADRANT_ADVICE: Final[dict[str, str]] = {
    "quick_win": "High impact, low effort: do these first.",
    "major_project": "High impact, high effort: worth it, but plan them properly.",
    "fill_in": "Low impact, low effort: do them when there is slack.",
    "thankless": "Low impact, high effort: avoid unless something else requires them.",
}
