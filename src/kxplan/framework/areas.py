"""The seven areas of a CX strategy, the questions asked of each, and maturity levels.

Pure data. The texts are kxplan's own summary of the domain; the screens, the
reports and the CLI all read them from here so they say the same thing. They are
written in English and marked for translation (``N_``); what callers read
(:attr:`Area.name`, :attr:`Area.purpose`, :attr:`Area.questions`,
:data:`STRATEGY_QUESTIONS`, :data:`MATURITY_LEVELS`) is in the current language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Final, Literal, NamedTuple, overload

from kxplan.i18n import N_, _

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


class Area(NamedTuple):
    """One area of the strategy and the help kxplan gives for it.

    The fields hold the English source texts (the catalogue's msgids); the properties
    read them in the current language.
    """

    id: AreaId
    number: int
    source_name: str
    name_sv: str
    """The area's Swedish name, shown beside the name in other languages
    (:attr:`other_name`)."""
    source_short: str
    source_purpose: str
    source_questions: tuple[str, ...]

    @property
    def name(self) -> str:
        """The area's name in the current language: "Insight", "Insikt"."""
        return _(self.source_name)

    @property
    def short(self) -> str:
        """The step's name where room is short (the step bar)."""
        return _(self.source_short)

    @property
    def purpose(self) -> str:
        """What the team works out in this area."""
        return _(self.source_purpose)

    @property
    def questions(self) -> tuple[str, ...]:
        """Guiding questions the facilitator can put to the room."""
        return tuple(_(question) for question in self.source_questions)

    @property
    def other_name(self) -> str:
        """The Swedish name to show beside :attr:`name` ("Insight · Insikt"), or "" when
        the name reads the same already (in Swedish)."""
        return "" if self.name == self.name_sv else self.name_sv


class _Translated(Sequence[tuple[str, str, str]]):
    """(key, question, hint) rows whose texts read in the current language."""

    __slots__ = ("_rows",)

    def __init__(self, rows: tuple[tuple[str, str, str], ...]) -> None:
        self._rows = rows

    @overload
    def __getitem__(self, index: int) -> tuple[str, str, str]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[str, str, str], ...]: ...
    def __getitem__(
        self, index: int | slice
    ) -> tuple[str, str, str] | tuple[tuple[str, str, str], ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(len(self._rows))[index])
        key, question, hint = self._rows[index]
        return key, _(question), _(hint)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[tuple[str, str, str]]:
        return (self[i] for i in range(len(self._rows)))


STRATEGY_QUESTIONS: Final[Sequence[tuple[str, str, str]]] = _Translated(
    (
        (
            "today",
            N_("Where are we today?"),
            N_("Describe the experience customers get now, honestly."),
        ),
        (
            "target",
            N_("Where do we want to be?"),
            N_("Describe the experience you want customers to get."),
        ),
        (
            "how",
            N_("How do we get there?"),
            N_("The route: principles, big moves, what to stop doing."),
        ),
    )
)
"""The three questions asked of the whole strategy and of each area: key, question, hint
(in the current language)."""

AREAS: Final[tuple[Area, ...]] = (
    Area(
        id="insight",
        number=1,
        source_name=N_("Insight"),
        source_short=N_("Insight"),
        name_sv="Insikt",
        source_purpose=N_(
            "Know how customers perceive you before you design processes. Measure the "
            "experience in every channel you serve, across the whole journey."
        ),
        source_questions=(
            N_("Which stages of the journey (before, during, after purchase) do we measure today?"),
            N_("In which channels do we ask customers what they thought, and how often?"),
            N_(
                "Which figures (CSAT, NPS, CES, first-contact resolution, handling time) do we "
                "know, and which are guesses?"
            ),
            N_("Most unhappy customers leave without complaining: how do we hear from them?"),
        ),
    ),
    Area(
        id="accessibility",
        number=2,
        source_name=N_("Accessibility"),
        source_short=N_("Access"),
        name_sv="Tillgänglighet",
        source_purpose=N_(
            "Be reachable where customers want to reach you. Choose the channels that "
            "create the most value for customers and staff them accordingly."
        ),
        source_questions=(
            N_("Which channels do customers use, and which would they rather use?"),
            N_("What does a contact cost in each channel, and what value does it give?"),
            N_("Do opening hours and staffing match when customers actually get in touch?"),
            N_("Which channel should we open, grow, keep, shrink or close?"),
        ),
    ),
    Area(
        id="service_friendliness",
        number=3,
        source_name=N_("Service friendliness"),
        source_short=N_("Service"),
        name_sv="Servicevänlighet",
        source_purpose=N_(
            "Find the frictions that make it hard to buy from or get help from you, write "
            "them down, and remove them so customers feel at ease."
        ),
        source_questions=(
            N_("Where do customers get stuck, repeat themselves or give up?"),
            N_("Which rules or steps exist for our sake rather than the customer's?"),
            N_("How often does each obstacle occur, and what evidence do we have?"),
            N_("What is the simplest fix for each?"),
        ),
    ),
    Area(
        id="mobility",
        number=4,
        source_name=N_("Mobility"),
        source_short=N_("Mobile"),
        name_sv="Mobilitet",
        source_purpose=N_(
            "Customers are on the move. Service and information must work on a phone: "
            "readable, reachable and able to finish the job there."
        ),
        source_questions=(
            N_("Can a customer read and use each channel comfortably on a phone?"),
            N_("Can they contact us from the phone without calling (chat, messaging, call-back)?"),
            N_("Can they serve themselves, identify themselves and pay on the phone?"),
        ),
    ),
    Area(
        id="unnecessary_demand",
        number=5,
        source_name=N_("Unnecessary demand"),
        source_short=N_("Demand"),
        name_sv="Onödig efterfrågan",
        source_purpose=N_(
            "Some contacts only happen because something went wrong earlier (failure "
            "demand): 'where is my order?', 'what does this invoice mean?', chasing a "
            "promised call-back. Find them, find their causes, remove them."
        ),
        source_questions=(
            N_("What are the most common reasons customers contact us?"),
            N_(
                "Which of them add value for the customer, and which only exist because we "
                "failed earlier?"
            ),
            N_("What is the root cause of each failure contact?"),
            N_("How many could be avoided, and what do they cost us each month?"),
        ),
    ),
    Area(
        id="prioritisation",
        number=6,
        source_name=N_("Prioritisation"),
        source_short=N_("Priority"),
        name_sv="Prioritering",
        source_purpose=N_(
            "Choose what to do first: the improvements with the greatest effect on "
            "customer value and efficiency for the least effort."
        ),
        source_questions=(
            N_("What effect would each initiative have for customers and for us?"),
            N_("How much effort does it take, on the plan's effort scale?"),
            N_("Where do we disagree, and why?"),
            N_("Which quick wins can start next week?"),
        ),
    ),
    Area(
        id="anchoring",
        number=7,
        source_name=N_("Anchoring"),
        source_short=N_("Anchor"),
        name_sv="Förankring",
        source_purpose=N_(
            "Customer service owns only part of the journey. The strategy must be owned "
            "by every department that touches the customer, or the goal is not reached."
        ),
        source_questions=(
            N_("Which departments shape the customer's experience, and at which stage?"),
            N_("Who does what in the experience chain?"),
            N_("Who supports the strategy, who doubts it, and who has not heard of it?"),
            N_("What is the next step with each of them?"),
        ),
    ),
)

AREA_IDS: Final[tuple[AreaId, ...]] = tuple(area.id for area in AREAS)
AREAS_BY_ID: Final[dict[str, Area]] = {area.id: area for area in AREAS}


def area(area_id: str) -> Area:
    """The area with this id; KeyError if there is none."""
    return AREAS_BY_ID[area_id]


class _TranslatedLevels(Mapping[int, str]):
    """Level → its meaning, read in the current language."""

    __slots__ = ("_levels",)

    def __init__(self, levels: dict[int, str]) -> None:
        self._levels = levels

    def __getitem__(self, level: int) -> str:
        return _(self._levels[level])

    def __len__(self) -> int:
        return len(self._levels)

    def __iter__(self) -> Iterator[int]:
        return iter(self._levels)


MATURITY_LEVELS: Final[Mapping[int, str]] = _TranslatedLevels(
    {
        1: N_("Ad hoc: little is known or done on purpose"),
        2: N_("Aware: the need is seen, first steps are taken here and there"),
        3: N_("Defined: a way of working exists and is mostly followed"),
        4: N_("Managed: measured, followed up and improved regularly"),
        5: N_("Leading: part of how the whole organisation works, a model for others"),
    }
)
"""What each maturity level (today and target, 1–5) means."""

MATURITY_MIN: Final = 1
MATURITY_MAX: Final = 5
