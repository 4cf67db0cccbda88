"""Every enumerated thing a plan holds, once, with the words people read for it.

A :class:`Vocabulary` ties the keys a plan file uses (a ``Literal`` type, so the
model validates them and mypy checks them) to their terms: the label, and for
some kinds more (a quadrant's plural and advice, a method's short name). The
constructor refuses a vocabulary whose terms do not match the ``Literal`` key for
key, in order, so the two cannot drift apart. Screens, reports and the CLI read
labels from here and nowhere else. The terms hold the English words; what
:meth:`Vocabulary.label`, :meth:`Vocabulary.labels` and :meth:`Vocabulary.say` return
is in the current language, from the catalogue's entries whose context is the
vocabulary's name.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

from kxplan.framework.terms import Term as Term
from kxplan.framework.terms import Vocabulary as Vocabulary

Stage = Literal["before", "during", "after"]
"""Where in the customer journey something happens: before, during or after the purchase."""

STAGES: Final = Vocabulary[Stage, Term](
    "stage",
    Stage,
    (
        Term("before", "Before purchase"),
        Term("during", "During purchase"),
        Term("after", "After purchase"),
    ),
)


Status = Literal["idea", "planned", "in_progress", "done", "dropped"]
"""Where an initiative stands."""


class StatusTerm(NamedTuple):
    key: str
    label: str
    closed: bool = False
    """Done or dropped: left out of the ranking unless asked for."""


STATUSES: Final = Vocabulary[Status, StatusTerm](
    "status",
    Status,
    (
        StatusTerm("idea", "Idea"),
        StatusTerm("planned", "Planned"),
        StatusTerm("in_progress", "In progress"),
        StatusTerm("done", "Done", closed=True),
        StatusTerm("dropped", "Dropped", closed=True),
    ),
)

CLOSED_STATUSES: Final[frozenset[str]] = frozenset(t.key for t in STATUSES if t.closed)
"""Statuses left out of the ranking unless asked for."""


Quadrant = Literal["quick_win", "major_project", "fill_in", "thankless"]
"""Where an initiative falls in the effort/impact matrix."""


class QuadrantTerm(NamedTuple):
    key: str
    label: str
    plural: str = ""
    """A heading over several: "Quick wins"."""
    short: str = ""
    """For a narrow column: "Thankless"."""
    advice: str = ""
    """What to do with initiatives in this quadrant."""
    high_impact: bool = False
    low_effort: bool = False


QUADRANTS: Final = Vocabulary[Quadrant, QuadrantTerm](
    "quadrant",
    Quadrant,
    (
        QuadrantTerm(
            "quick_win",
            "Quick win",
            plural="Quick wins",
            short="Quick win",
            advice="High impact, low effort: do these first.",
            high_impact=True,
            low_effort=True,
        ),
        QuadrantTerm(
            "major_project",
            "Major project",
            plural="Major projects",
            short="Major project",
            advice="High impact, high effort: worth it, but plan them properly.",
            high_impact=True,
        ),
        QuadrantTerm(
            "fill_in",
            "Fill-in",
            plural="Fill-ins",
            short="Fill-in",
            advice="Low impact, low effort: do them when there is slack.",
            low_effort=True,
        ),
        QuadrantTerm(
            "thankless",
            "Thankless task",
            plural="Thankless tasks",
            short="Thankless",
            advice="Low impact, high effort: avoid unless something else requires them.",
        ),
    ),
)
"""In the order the ``quadrant`` method ranks them: quick wins first."""


def quadrant_of(*, high_impact: bool, low_effort: bool) -> Quadrant:
    """The quadrant for an impact above or below the line and an effort either side."""
    for term in QUADRANTS:
        if term.high_impact == high_impact and term.low_effort == low_effort:
            return term.key  # type: ignore[return-value]
    raise AssertionError("the quadrants cover every combination")  # pragma: no cover


Method = Literal["ratio", "quadrant", "rice", "ice", "wsjf", "weighted", "savings"]
"""Ranking methods: see kxplan.scoring."""


class MethodTerm(NamedTuple):
    key: str
    label: str
    short: str = ""
    """The method's name alone: "RICE"."""


METHODS: Final = Vocabulary[Method, MethodTerm](
    "method",
    Method,
    (
        MethodTerm("ratio", "Impact ÷ effort", short="Impact ÷ effort"),
        MethodTerm("quadrant", "Effort/impact quadrants", short="Effort/impact quadrants"),
        MethodTerm("rice", "RICE (reach × impact × confidence ÷ effort)", short="RICE"),
        MethodTerm("ice", "ICE (impact × confidence × ease)", short="ICE"),
        MethodTerm(
            "wsjf", "WSJF (value + time criticality + risk reduction) ÷ job size", short="WSJF"
        ),
        MethodTerm("weighted", "Weighted criteria", short="Weighted criteria"),
        MethodTerm("savings", "Money saved ÷ effort", short="Money saved ÷ effort"),
    ),
)
"""Every ranking method, in the order they are offered."""


BuyIn = Literal["unknown", "opposed", "sceptical", "neutral", "supportive", "champion"]
"""How far a department or stakeholder backs the strategy."""


class BuyInTerm(NamedTuple):
    key: str
    label: str
    anchored: bool = True
    """False where the strategy is not yet anchored with them."""


BUY_IN: Final = Vocabulary[BuyIn, BuyInTerm](
    "buy-in",
    BuyIn,
    (
        BuyInTerm("unknown", "Unknown", anchored=False),
        BuyInTerm("opposed", "Opposed", anchored=False),
        BuyInTerm("sceptical", "Sceptical", anchored=False),
        BuyInTerm("neutral", "Neutral"),
        BuyInTerm("supportive", "Supportive"),
        BuyInTerm("champion", "Champion"),
    ),
)

UNANCHORED: Final[frozenset[str]] = frozenset(t.key for t in BUY_IN if not t.anchored)
"""Buy-in levels that mean the strategy is not yet anchored there."""


Demand = Literal["value", "failure"]
"""Value demand is a contact the customer wants; failure demand exists because we failed."""

DEMANDS: Final = Vocabulary[Demand, Term](
    "demand",
    Demand,
    (Term("value", "Value demand"), Term("failure", "Failure demand")),
)


LogKind = Literal["success", "failure"]
"""What an entry of an area's log records: something that worked, or did not."""

LOG_KINDS: Final = Vocabulary[LogKind, Term](
    "log kind",
    LogKind,
    (Term("success", "Success"), Term("failure", "Failure")),
)


Tendency = Literal["under", "over", "close"]
"""How an estimator's efforts compare with what done work took (calibration)."""

TENDENCIES: Final = Vocabulary[Tendency, Term](
    "tendency",
    Tendency,
    (Term("under", "Under-estimates"), Term("over", "Over-estimates"), Term("close", "Close")),
)


ChannelDecision = Literal["open", "grow", "keep", "shrink", "close"]
"""What the team decides to do with a channel."""

DECISIONS: Final = Vocabulary[ChannelDecision, Term](
    "decision",
    ChannelDecision,
    (
        Term("open", "Open"),
        Term("grow", "Grow"),
        Term("keep", "Keep"),
        Term("shrink", "Shrink"),
        Term("close", "Close"),
    ),
)


Frequency = Literal["rare", "monthly", "weekly", "daily"]
"""How often a friction point hits customers."""

FREQUENCIES: Final = Vocabulary[Frequency, Term](
    "frequency",
    Frequency,
    (
        Term("rare", "Rare"),
        Term("monthly", "Monthly"),
        Term("weekly", "Weekly"),
        Term("daily", "Daily"),
    ),
)


CheckStatus = Literal["yes", "partly", "no", "unknown"]
"""Whether a mobility check is met today."""

CHECK_STATUSES: Final = Vocabulary[CheckStatus, Term](
    "check status",
    CheckStatus,
    (Term("yes", "Yes"), Term("partly", "Partly"), Term("no", "No"), Term("unknown", "Unknown")),
)


StandardCheck = Literal[
    "readable_on_phone", "mobile_contact", "self_service", "mobile_identification", "mobile_payment"
]
"""The standard mobility checks; a plan may also name checks of its own."""

MOBILITY_CHECKS: Final = Vocabulary[StandardCheck, Term](
    "mobility check",
    StandardCheck,
    (
        Term("readable_on_phone", "Readable and usable on a phone"),
        Term("mobile_contact", "Contact without a call: chat, messaging or call-back"),
        Term("self_service", "Self-service works on a phone"),
        Term("mobile_identification", "Identification works on a phone"),
        Term("mobile_payment", "Payment works on a phone"),
    ),
)


KpiScale = Literal[
    "percent", "1-5", "1-7", "1-10", "0-10", "nps", "seconds", "minutes", "hours", "days",
    "count", "other",
]  # fmt: skip
"""The scale a KPI's baseline and target are on; a measure's usual one is its default."""


class ScaleTerm(NamedTuple):
    key: str
    label: str
    low: float | None = None
    high: float | None = None
    unit: str = ""
    """What follows a value: "%", "(1–5)", "min"; "" takes the KPI's own unit."""
    span: str = ""
    """The range in words, for messages: "1–5", "0–100 %"."""


KPI_SCALES: Final = Vocabulary[KpiScale, ScaleTerm](
    "KPI scale",
    KpiScale,
    (
        ScaleTerm("percent", "Percent, 0–100 %", 0, 100, "%", "0–100 %"),
        ScaleTerm("1-5", "Score 1–5", 1, 5, "(1–5)", "1–5"),
        ScaleTerm("1-7", "Score 1–7", 1, 7, "(1–7)", "1–7"),
        ScaleTerm("1-10", "Score 1–10", 1, 10, "(1–10)", "1–10"),
        ScaleTerm("0-10", "Score 0–10", 0, 10, "(0–10)", "0–10"),
        ScaleTerm("nps", "NPS, −100…100", -100, 100, "(−100…100)", "−100…100"),
        ScaleTerm("seconds", "Seconds", 0, None, "s", "seconds"),
        ScaleTerm("minutes", "Minutes", 0, None, "min", "minutes"),
        ScaleTerm("hours", "Hours", 0, None, "h", "hours"),
        ScaleTerm("days", "Days", 0, None, "days", "days"),
        ScaleTerm("count", "Count (0 or more)", 0, None, "", "count"),
        ScaleTerm("other", "Other: say it in the unit", None, None, "", ""),
    ),
)  # fmt: skip
"""The scales a KPI can be on, in the order the form offers them."""


Agreement = Literal["high", "medium", "low"]
"""How close the participants' estimates are."""

AGREEMENTS: Final = Vocabulary[Agreement, Term](
    "agreement",
    Agreement,
    (Term("high", "High"), Term("medium", "Medium"), Term("low", "Low")),
)


Score = Literal[
    "effort",
    "customer_value",
    "efficiency",
    "confidence",
    "reach",
    "time_criticality",
    "risk_reduction",
]
"""The scores an initiative carries."""


class ScoreTerm(NamedTuple):
    key: str
    label: str
    short: str = ""
    """For a narrow column or a phrase: "Value"."""
    unit: str = ""
    """What the number counts in, where it is not the plan's scale: "%"."""
    on_scale: bool = True
    """Whether it is given on one of the plan's scales (effort, customer value, efficiency)."""
    estimated: bool = True
    """Whether each participant may estimate it (WSJF's extra inputs are the plan's own)."""


SCORES: Final = Vocabulary[Score, ScoreTerm](
    "score",
    Score,
    (
        ScoreTerm("effort", "Effort", short="Effort"),
        ScoreTerm("customer_value", "Customer value", short="Value"),
        ScoreTerm("efficiency", "Efficiency", short="Efficiency"),
        ScoreTerm("confidence", "Confidence", short="Confidence", unit="%", on_scale=False),
        ScoreTerm("reach", "Reach", short="Reach", on_scale=False),
        ScoreTerm("time_criticality", "Time criticality", short="Time criticality",
                  estimated=False),
        ScoreTerm("risk_reduction", "Risk reduction", short="Risk reduction", estimated=False),
    ),
)  # fmt: skip
"""In the order the forms and the estimates grid show them."""

ESTIMATED_SCORES: Final[tuple[Score, ...]] = tuple(
    term.key  # type: ignore[misc]
    for term in SCORES
    if term.estimated
)
"""The scores each participant may estimate, in order."""


Period = Literal["day", "week", "month", "quarter", "year"]
"""The period a count is given for (an initiative's reach)."""


class PeriodTerm(NamedTuple):
    key: str
    label: str
    per_month: float = 1.0
    """How many months one period is: a count per period × ``1 / per_month`` is a
    count per month."""
    phrase: str = ""
    """After a count: "a month"."""


PERIODS: Final = Vocabulary[Period, PeriodTerm](
    "period",
    Period,
    (
        PeriodTerm("day", "Day", per_month=12 / 365.25, phrase="a day"),
        PeriodTerm("week", "Week", per_month=12 / 52.1775, phrase="a week"),
        PeriodTerm("month", "Month", per_month=1.0, phrase="a month"),
        PeriodTerm("quarter", "Quarter", per_month=3.0, phrase="a quarter"),
        PeriodTerm("year", "Year", per_month=12.0, phrase="a year"),
    ),
)
"""Periods a count may be given for; kxplan compares counts a month."""
