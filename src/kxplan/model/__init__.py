"""The plan: one version of one organisation's customer-experience strategy.

Pydantic models, strict and closed: unknown keys are errors (except under the
free-form ``extra`` table), types are not coerced, numbers must be finite.
Rules that span fields (unique ids, dependencies, scores within the plan's
scales) are checked by :func:`plan_rule_problems` after the fields validate;
:class:`Plan` raises :class:`RuleViolations` listing every broken rule with its
location. Derived figures (gaps, avoidable demand, NPS) are properties, never
stored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Annotated, Any, Final, TypeVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    model_validator,
)

from kxplan.framework import (
    AREA_IDS,
    MATURITY_MAX,
    MATURITY_MIN,
    MEASURES_BY_ID,
    SCORES,
    AreaId,
    BuyIn,
    ChannelDecision,
    CheckStatus,
    Demand,
    Frequency,
    MeasureId,
    Method,
    Stage,
    Status,
)

SCHEMA_VERSION: Final = 1
"""The file-format version this kxplan writes and the newest it reads."""

SLUG_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _integral_as_int(value: float) -> int | float:
    if isinstance(value, int):  # an int assigned to a float field after validation
        return value
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


MAX_NUMBER: Final = 10**15
"""The largest size of any number in a plan: far beyond any volume, cost or score, and
small enough that every ranking formula stays finite."""
MAX_SCALE: Final = 1000
"""The largest size of a scale's or criterion's min and max."""
MAX_EXTRA_DEPTH: Final = 50
"""How deep tables and lists under ``[extra]`` may nest (saving and exporting recurse)."""

Number = Annotated[
    float,
    Field(allow_inf_nan=False, ge=-MAX_NUMBER, le=MAX_NUMBER),
    PlainSerializer(_integral_as_int),
]
"""A finite number; written back as an integer when it is whole (3, not 3.0)."""
Percent = Annotated[Number, Field(ge=0, le=100)]
"""A share in percent, 0–100."""
NonNegative = Annotated[Number, Field(ge=0)]
Count = Annotated[int, Field(ge=0, le=MAX_NUMBER)]
ScaleEnd = Annotated[int, Field(ge=-MAX_SCALE, le=MAX_SCALE)]
"""The min or max of a scale."""
Maturity = Annotated[int, Field(ge=MATURITY_MIN, le=MATURITY_MAX)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
"""A stable identifier: lower-case letters, digits and single hyphens, e.g. ``web-chat``."""
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
"""A short required label (not blank: see the rules)."""

Loc = tuple[str | int, ...]
"""A location in a plan: keys and 0-based list indices, as pydantic reports them."""


class _Strict(BaseModel):
    # defer_build: each model builds its validator on first use, not on import. Loading a
    # plan needs only Plan's (which covers the nested models), so start-up skips the rest.
    model_config = ConfigDict(extra="forbid", strict=True, validate_default=False, defer_build=True)


# --- scales and scoring settings ------------------------------------------------------


class Scale(_Strict):
    """A scoring scale with words for its steps, so a 3 means the same to everyone."""

    min: ScaleEnd = 1
    """The lowest score."""
    max: ScaleEnd = 5
    """The highest score."""
    anchors: dict[str, str] = Field(default_factory=dict)
    """What a score means, keyed by the score as text: ``1 = "a few days in one team"``."""


def _scale(*anchors: str) -> Scale:
    return Scale(min=1, max=len(anchors), anchors={str(i): a for i, a in enumerate(anchors, 1)})


DEFAULT_EFFORT_ANCHORS: Final = (
    "A few days in one team",
    "A few weeks in one team",
    "A few months, or several teams",
    "Half a year and a budget decision",
    "A cross-department programme over a year or more",
)
DEFAULT_VALUE_ANCHORS: Final = (
    "Hardly noticed by customers",
    "Noticed by some customers in one situation",
    "Clearly better for many customers",
    "Changes how most customers see us",
    "A step change customers talk about",
)
DEFAULT_EFFICIENCY_ANCHORS: Final = (
    "No measurable saving",
    "Saves a little time in one team",
    "Removes a clear share of contacts or handling time",
    "Frees a team's worth of time",
    "Changes the cost of service across the organisation",
)


class Scales(_Strict):
    """The scales every score in the plan is given on."""

    effort: Scale = Field(default_factory=lambda: _scale(*DEFAULT_EFFORT_ANCHORS))
    """Effort: how much work an initiative takes."""
    customer_value: Scale = Field(default_factory=lambda: _scale(*DEFAULT_VALUE_ANCHORS))
    """Customer value: how much better the experience gets."""
    efficiency: Scale = Field(default_factory=lambda: _scale(*DEFAULT_EFFICIENCY_ANCHORS))
    """Efficiency potential: how much time or cost it saves us."""


class Criterion(_Strict):
    """A named criterion for the ``weighted`` ranking method."""

    id: Slug
    """Key used in each initiative's ``criteria`` table."""
    label: str = ""
    """What the criterion means."""
    weight: Number = 1.0
    """Weight in the sum; negative for criteria where more is worse (cost, risk)."""
    min: ScaleEnd = 1
    """The lowest score."""
    max: ScaleEnd = 5
    """The highest score."""


class ScoringSettings(_Strict):
    """How the plan ranks its initiatives."""

    method: Method = "ratio"
    """Default ranking method: ratio, quadrant, rice, ice, wsjf or weighted."""
    value_weight: NonNegative = 1.0
    """Weight of customer value in impact."""
    efficiency_weight: NonNegative = 1.0
    """Weight of efficiency potential in impact."""
    impact_threshold: Number | None = None
    """Impact at or above which an initiative counts as high impact; default: mid-scale."""
    effort_threshold: Number | None = None
    """Effort above which an initiative counts as high effort; default: mid-scale."""
    criteria: list[Criterion] = Field(default_factory=list)
    """Criteria for the ``weighted`` method."""


# --- the strategy and its areas -------------------------------------------------------


class Questions(_Strict):
    """Answers to the three questions: where are we, where do we want to be, how."""

    today: str = ""
    """Where are we today?"""
    target: str = ""
    """Where do we want to be?"""
    how: str = ""
    """How do we get there?"""


class Touchpoint(_Strict):
    """A point in the journey where the customer meets the organisation."""

    name: Name
    """What happens here, e.g. "Order confirmation e-mail"."""
    stage: Stage = "during"
    """Before, during or after the purchase."""
    channel: str = ""
    """The channel it happens in."""
    notes: str = ""


class Kpi(_Strict):
    """A measure of the experience in one channel, with where it is and where it should go."""

    measure: MeasureId
    """csat, nps, ces, fcr, handling_time, response_rate, contact_volume, …, or custom."""
    name: str = ""
    """Label; required for custom measures, defaults to the measure's name."""
    channel: str = "all"
    """Channel measured, or "all"."""
    stage: Stage | None = None
    """Journey stage measured, if one."""
    baseline: Number | None = None
    """Where the figure is today."""
    target: Number | None = None
    """Where it should be."""
    unit: str = ""
    """Unit of baseline and target; defaults to the measure's unit."""
    cadence: str = ""
    """How often it is measured, e.g. "monthly"."""
    promoters: Percent | None = None
    """NPS only: share of promoters (9–10), in %."""
    detractors: Percent | None = None
    """NPS only: share of detractors (0–6), in %."""
    notes: str = ""

    @property
    def label(self) -> str:
        """The name to show: the given name, or the measure's."""
        return self.name or MEASURES_BY_ID[self.measure].label

    @property
    def shown_unit(self) -> str:
        """The unit to show: the given unit, or the measure's."""
        return self.unit or MEASURES_BY_ID[self.measure].unit

    @property
    def nps_from_shares(self) -> float | None:
        """NPS worked out from promoter and detractor shares, when both are given."""
        if self.promoters is None or self.detractors is None:
            return None
        return self.promoters - self.detractors

    @property
    def key(self) -> tuple[str, str]:
        """Natural key: (label, channel)."""
        return (self.label, self.channel)


class Channel(_Strict):
    """A way customers reach the organisation."""

    name: Name
    """E.g. phone, e-mail, chat, web, app, office."""
    preference: Percent | None = None
    """Share of contacts, or of customers preferring it, in %."""
    customer_value: Annotated[int, Field(ge=1, le=5)] | None = None
    """Value to customers, 1–5."""
    cost_per_contact: NonNegative | None = None
    """Average cost of one contact, in the plan's currency."""
    hours: str = ""
    """Opening hours, e.g. "Mon–Fri 8–17"."""
    staffing: str = ""
    """Staffing, e.g. "6 FTE"."""
    decision: ChannelDecision | None = None
    """open, grow, keep, shrink or close."""
    notes: str = ""

    @property
    def key(self) -> str:
        """Natural key: the name."""
        return self.name


class Friction(_Strict):
    """An obstacle in a service or purchase process."""

    title: Name
    """Short name of the obstacle."""
    stage: Stage = "during"
    """Before, during or after the purchase."""
    description: str = ""
    severity: Annotated[int, Field(ge=1, le=5)] | None = None
    """How badly it hurts the customer, 1–5."""
    frequency: Frequency | None = None
    """rare, monthly, weekly or daily."""
    evidence: str = ""
    """How we know: complaints, data, observation."""
    fix: str = ""
    """Proposed fix."""

    @property
    def key(self) -> str:
        """Natural key: the title."""
        return self.title


class MobilityCheck(_Strict):
    """One item of the mobility checklist for one channel."""

    channel: Name
    check: Name
    """A standard check key (see kxplan.framework.MOBILITY_CHECKS) or words of your own."""
    status: CheckStatus = "unknown"
    """yes, partly, no or unknown."""
    notes: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """Natural key: (channel, check)."""
        return (self.channel, self.check)


class ContactReason(_Strict):
    """A reason customers get in touch, and whether it is value or failure demand."""

    reason: Name
    """E.g. "Where is my order?"."""
    channel: str = ""
    """Channel the contacts arrive in; its cost per contact prices the avoidable ones."""
    monthly_volume: Count = 0
    """Contacts per month."""
    demand: Demand = "value"
    """value (the customer wants this contact) or failure (we caused it)."""
    root_cause: str = ""
    avoidable: Percent = 0.0
    """Share of these contacts that could be avoided, in %."""
    notes: str = ""

    @property
    def avoidable_per_month(self) -> float:
        """Contacts a month that could be avoided: volume × avoidable share."""
        return self.monthly_volume * self.avoidable / 100

    @property
    def key(self) -> tuple[str, str]:
        """Natural key: (reason, channel)."""
        return (self.reason, self.channel)


class Stakeholder(_Strict):
    """A department or person whose part of the journey the strategy needs."""

    name: Name
    """Department or person."""
    role: str = ""
    """Their part in the journey: who does what."""
    stages: list[Stage] = Field(default_factory=list)
    """Journey stages they touch."""
    buy_in: BuyIn = "unknown"
    """unknown, opposed, sceptical, neutral, supportive or champion."""
    contact: str = ""
    """Who to talk to."""
    next_step: str = ""
    notes: str = ""

    @property
    def key(self) -> str:
        """Natural key: the name."""
        return self.name


class AreaBase(_Strict):
    """What every area records: maturity today and target, and the three questions."""

    maturity_today: Maturity | None = None
    """Maturity today, 1–5."""
    maturity_target: Maturity | None = None
    """Target maturity, 1–5."""
    today: str = ""
    """Where are we today?"""
    target: str = ""
    """Where do we want to be?"""
    how: str = ""
    """How do we get there?"""

    @property
    def gap(self) -> int | None:
        """Target minus today, when both are judged."""
        if self.maturity_today is None or self.maturity_target is None:
            return None
        return self.maturity_target - self.maturity_today


class InsightArea(AreaBase):
    """Area 1: measure the experience."""

    touchpoints: list[Touchpoint] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)


class AccessibilityArea(AreaBase):
    """Area 2: the channels."""

    channels: list[Channel] = Field(default_factory=list)


class ServiceFriendlinessArea(AreaBase):
    """Area 3: frictions in service and purchase."""

    frictions: list[Friction] = Field(default_factory=list)


class MobilityArea(AreaBase):
    """Area 4: service on the phone."""

    checks: list[MobilityCheck] = Field(default_factory=list)


class UnnecessaryDemandArea(AreaBase):
    """Area 5: failure demand."""

    contact_reasons: list[ContactReason] = Field(default_factory=list)


class PrioritisationArea(AreaBase):
    """Area 6: the initiatives themselves live at the top of the plan."""


class AnchoringArea(AreaBase):
    """Area 7: departments and stakeholders."""

    stakeholders: list[Stakeholder] = Field(default_factory=list)


class Areas(_Strict):
    """The seven areas, in the order of the walk."""

    insight: InsightArea = Field(default_factory=InsightArea)
    accessibility: AccessibilityArea = Field(default_factory=AccessibilityArea)
    service_friendliness: ServiceFriendlinessArea = Field(default_factory=ServiceFriendlinessArea)
    mobility: MobilityArea = Field(default_factory=MobilityArea)
    unnecessary_demand: UnnecessaryDemandArea = Field(default_factory=UnnecessaryDemandArea)
    prioritisation: PrioritisationArea = Field(default_factory=PrioritisationArea)
    anchoring: AnchoringArea = Field(default_factory=AnchoringArea)

    def get(self, area_id: AreaId) -> AreaBase:
        """The area with this id."""
        result: AreaBase = getattr(self, area_id)
        return result

    def items(self) -> Iterator[tuple[AreaId, AreaBase]]:
        """(id, area) in the order of the walk."""
        for area_id in AREA_IDS:
            yield area_id, self.get(area_id)


# --- initiatives ----------------------------------------------------------------------


class Estimate(_Strict):
    """One participant's scores for an initiative; any score may be left out."""

    participant: Name
    effort: Number | None = None
    customer_value: Number | None = None
    efficiency: Number | None = None
    confidence: Percent | None = None
    reach: NonNegative | None = None


SCORE_FIELDS: Final = SCORES.keys
"""Scores an initiative carries and participants may estimate."""


class Initiative(_Strict):
    """An improvement the team may make, with its case and its scores."""

    id: Slug
    """Stable identifier; kept when the title changes."""
    title: Name
    areas: list[AreaId] = Field(default_factory=list)
    """The areas it serves."""
    why: str = ""
    """Why: the problem or opportunity, in the customer's terms."""
    what: str = ""
    """What will be done."""
    who: str = ""
    """Owner."""
    when: str = ""
    """When, e.g. "2027-Q2"."""
    how: str = ""
    """How: steps, resources, how success is measured."""
    status: Status = "idea"
    """idea, planned, in_progress, done or dropped."""
    effort: Number | None = None
    """Effort on the plan's effort scale."""
    customer_value: Number | None = None
    """Customer value on the plan's customer-value scale."""
    efficiency: Number | None = None
    """Efficiency potential on the plan's efficiency scale."""
    confidence: Percent | None = None
    """How sure the team is of these scores, in %."""
    reach: NonNegative | None = None
    """Customers (or contacts) affected per period, for RICE."""
    time_criticality: Number | None = None
    """For WSJF: how much value decays with delay, on the customer-value scale."""
    risk_reduction: Number | None = None
    """For WSJF: risk reduced or opportunity enabled, on the customer-value scale."""
    criteria: dict[str, Number] = Field(default_factory=dict)
    """Scores for the plan's ``weighted`` criteria, keyed by criterion id."""
    depends_on: list[Slug] = Field(default_factory=list)
    """Ids of initiatives that must come first."""
    estimates: list[Estimate] = Field(default_factory=list)
    """Each participant's scores."""
    notes: str = ""


# --- the plan -------------------------------------------------------------------------


class Plan(_Strict):
    """One version of one organisation's CX strategy."""

    model_config = ConfigDict(populate_by_name=True)

    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema")
    """File-format version (``schema`` in the file)."""
    title: Name
    organisation: str = ""
    version: str = ""
    """Version label, e.g. "v2 – after workshop 2"."""
    created: AwareDatetime | None = None
    updated: AwareDatetime | None = None
    facilitator: str = ""
    participants: list[str] = Field(default_factory=list)
    currency: str = ""
    """Currency of costs, e.g. "SEK"."""
    strategy: Questions = Field(default_factory=Questions)
    """The three questions for the strategy as a whole."""
    scales: Scales = Field(default_factory=Scales)
    scoring: ScoringSettings = Field(default_factory=ScoringSettings)
    areas: Areas = Field(default_factory=Areas)
    initiatives: list[Initiative] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)
    """Free-form table for anything else; kxplan keeps it but never reads it."""

    @model_validator(mode="after")
    def _check_rules(self) -> Plan:
        problems = plan_rule_problems(self)
        if problems:
            raise RuleViolations(problems)
        return self

    def initiative(self, initiative_id: str) -> Initiative:
        """The initiative with this id; KeyError if there is none."""
        for item in self.initiatives:
            if item.id == initiative_id:
                return item
        raise KeyError(initiative_id)

    def channel_cost(self, channel: str) -> float | None:
        """Cost per contact of the named accessibility channel, if known (the names match
        whatever their case and surrounding spaces)."""
        wanted = channel.strip().casefold()
        for item in self.areas.accessibility.channels:
            if item.name.strip().casefold() == wanted:
                return item.cost_per_contact
        return None

    def avoidable_cost_per_month(self, reason: ContactReason) -> float | None:
        """Avoidable contacts × the channel's cost per contact; None when the cost is unknown."""
        cost = self.channel_cost(reason.channel)
        return None if cost is None else reason.avoidable_per_month * cost

    def to_data(self) -> dict[str, Any]:
        """The plan as plain data, in file order, without empty optional values."""
        return self.model_dump(mode="python", by_alias=True, exclude_none=True)


class RuleViolations(Exception):
    """Raised by :class:`Plan` when rules spanning several fields are broken."""

    def __init__(self, problems: Sequence[tuple[Loc, str]]) -> None:
        self.problems: list[tuple[Loc, str]] = list(problems)
        super().__init__("; ".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in problems))


_Add = Callable[[Loc, str], None]
_K = TypeVar("_K", bound=Hashable)


def _blank(text: str) -> bool:
    return not text.strip()


def _duplicates(keys: Iterable[_K]) -> Iterator[tuple[int, _K]]:
    seen: set[_K] = set()
    for index, key in enumerate(keys):
        if key in seen:
            yield index, key
        seen.add(key)


def _fmt(value: float) -> str:
    return str(_integral_as_int(value))


def plan_rule_problems(plan: Plan) -> list[tuple[Loc, str]]:
    """Every broken cross-field rule of a plan, as (location, message)."""
    problems: list[tuple[Loc, str]] = []

    def add(loc: Loc, message: str) -> None:
        problems.append((loc, message))

    if plan.schema_version < 1 or plan.schema_version > SCHEMA_VERSION:
        add(("schema",), f"expected a schema number from 1 to {SCHEMA_VERSION}")
    if _blank(plan.title):
        add(("title",), "expected a title, got an empty one")
    for index, name in _duplicates(p.strip().casefold() for p in plan.participants):
        add(("participants", index), f"participant {name!r} is listed twice")

    for name, scale in (
        ("effort", plan.scales.effort),
        ("customer_value", plan.scales.customer_value),
        ("efficiency", plan.scales.efficiency),
    ):
        if scale.min >= scale.max:
            add(("scales", name, "max"), f"expected max greater than min ({scale.min})")
        for key in scale.anchors:
            if not key.lstrip("-").isdigit() or not scale.min <= int(key) <= scale.max:
                add(
                    ("scales", name, "anchors", key),
                    f"expected a whole score from {scale.min} to {scale.max} as the key",
                )

    criteria = {c.id: c for c in plan.scoring.criteria}
    for index, key in _duplicates(c.id for c in plan.scoring.criteria):
        add(("scoring", "criteria", index, "id"), f"criterion id {key!r} is used twice")
    for index, criterion in enumerate(plan.scoring.criteria):
        if criterion.min >= criterion.max:
            add(
                ("scoring", "criteria", index, "max"),
                f"expected max greater than min ({criterion.min})",
            )
    if plan.scoring.value_weight == 0 and plan.scoring.efficiency_weight == 0:
        add(("scoring", "value_weight"), "customer value and efficiency weights cannot both be 0")

    _area_rules(plan, add)
    _initiative_rules(plan, criteria, add)
    for key, value in plan.extra.items():
        depth = nesting_depth(value)
        if depth > MAX_EXTRA_DEPTH:
            add(
                ("extra", key),
                f"nested {depth} levels deep; free-form data may nest {MAX_EXTRA_DEPTH} levels",
            )
    return problems


def nesting_depth(value: object) -> int:
    """How many tables and lists deep ``value`` goes (a plain value is 0); no recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Iterable[object] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _area_rules(plan: Plan, add: _Add) -> None:
    from kxplan.model.tables import AREA_TABLES

    areas = plan.areas
    for table in AREA_TABLES:
        items = table.rows(plan)
        for index, item in enumerate(items):
            for field in table.required:
                if _blank(getattr(item, field)):
                    add(table.loc(index, field), f"expected a {field}, got blank")
        if not table.unique:
            continue
        keys = [_casefold_key(getattr(item, "key", None)) for item in items]
        for index, _key in _duplicates(keys):
            add(
                table.loc(index),
                f"{_describe_key(items[index])} appears twice in {table.attribute}",
            )

    for index, kpi in enumerate(areas.insight.kpis):
        loc: Loc = ("areas", "insight", "kpis", index)
        if kpi.measure == "custom" and _blank(kpi.name):
            add((*loc, "name"), "a custom measure needs a name")
        if (kpi.promoters is not None or kpi.detractors is not None) and kpi.measure != "nps":
            add((*loc, "promoters"), "promoter and detractor shares belong to NPS KPIs only")
        if (kpi.promoters or 0) + (kpi.detractors or 0) > 100:
            add((*loc, "detractors"), "promoters and detractors add up to more than 100 %")
        measure = MEASURES_BY_ID[kpi.measure]
        if kpi.unit and kpi.unit != measure.unit:
            continue  # a unit of their own: its range is theirs too
        for field in ("baseline", "target"):
            value = getattr(kpi, field)
            if value is None:
                continue
            if (measure.low is not None and value < measure.low) or (
                measure.high is not None and value > measure.high
            ):
                add(
                    (*loc, field),
                    f"expected {measure.label} from {_fmt(measure.low or 0)} to "
                    f"{_fmt(measure.high) if measure.high is not None else 'up'}, "
                    f"got {_fmt(value)}",
                )


def _casefold_key(key: object) -> object:
    if isinstance(key, str):
        return key.strip().casefold()
    if isinstance(key, tuple):
        return tuple(_casefold_key(k) for k in key)
    return key


def _describe_key(item: Any) -> str:
    key = item.key
    if isinstance(key, tuple):
        return " / ".join(repr(k) for k in key if k)
    return repr(key)


def _initiative_rules(plan: Plan, criteria: dict[str, Criterion], add: _Add) -> None:
    ids = {item.id for item in plan.initiatives}
    for index, key in _duplicates(item.id for item in plan.initiatives):
        add(("initiatives", index, "id"), f"id {key!r} is used by an earlier initiative")

    scales = plan.scales
    bounds = {
        "effort": (scales.effort.min, scales.effort.max),
        "customer_value": (scales.customer_value.min, scales.customer_value.max),
        "efficiency": (scales.efficiency.min, scales.efficiency.max),
        "time_criticality": (scales.customer_value.min, scales.customer_value.max),
        "risk_reduction": (scales.customer_value.min, scales.customer_value.max),
    }
    initiative_bounds = list(bounds.items())
    estimate_bounds = initiative_bounds[:3]

    def out_of_scale(loc: Loc, low: int, high: int, value: float) -> None:
        add(loc, f"expected a score from {low} to {high}, got {_fmt(value)}")

    # This loop runs for every initiative on every load: the common case (nothing
    # wrong) is kept to plain comparisons, and lists of one skip the duplicate checks.
    for index, item in enumerate(plan.initiatives):
        loc: Loc = ("initiatives", index)
        if not item.title.strip():
            add((*loc, "title"), "expected a title, got blank")
        if len(item.areas) > 1:
            for index_area, area_id in _duplicates(item.areas):
                add((*loc, "areas", index_area), f"area {area_id!r} is listed twice")
        for field, (low, high) in initiative_bounds:
            value = getattr(item, field)
            if value is not None and not low <= value <= high:
                out_of_scale((*loc, field), low, high, value)
        for name, value in item.criteria.items():
            criterion = criteria.get(name)
            if criterion is None:
                known = ", ".join(sorted(criteria)) or "none are defined under [scoring]"
                add((*loc, "criteria", name), f"unknown criterion {name!r} (known: {known})")
            elif not criterion.min <= value <= criterion.max:
                out_of_scale((*loc, "criteria", name), criterion.min, criterion.max, value)
        if item.depends_on:
            for dep_index, dep in enumerate(item.depends_on):
                if dep == item.id:
                    add((*loc, "depends_on", dep_index), "an initiative cannot depend on itself")
                elif dep not in ids:
                    add((*loc, "depends_on", dep_index), f"no initiative has the id {dep!r}")
            if len(item.depends_on) > 1:
                for dep_index, dep in _duplicates(item.depends_on):
                    add((*loc, "depends_on", dep_index), f"{dep!r} is listed twice")
        if not item.estimates:
            continue
        names = [e.participant.strip().casefold() for e in item.estimates]
        if len(set(names)) < len(names):
            for est_index, participant in _duplicates(names):
                add(
                    (*loc, "estimates", est_index, "participant"),
                    f"participant {participant!r} has two estimates",
                )
        for est_index, estimate in enumerate(item.estimates):
            if not names[est_index]:
                add((*loc, "estimates", est_index, "participant"), "expected a name, got blank")
            for field, (low, high) in estimate_bounds:
                value = getattr(estimate, field)
                if value is not None and not low <= value <= high:
                    out_of_scale((*loc, "estimates", est_index, field), low, high, value)

    cycle = dependency_cycle(plan.initiatives)
    if cycle:
        index = next(i for i, item in enumerate(plan.initiatives) if item.id == cycle[0])
        add(
            ("initiatives", index, "depends_on"),
            "dependencies form a cycle: " + " → ".join([*cycle, cycle[0]]),
        )


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
    return plan.model_copy(update={"initiatives": items})


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
    return plan.model_copy(update={"initiatives": items})


def dependents(plan: Plan, initiative_id: str) -> list[Initiative]:
    """The initiatives that depend directly on ``initiative_id``, in plan order."""
    return [item for item in plan.initiatives if initiative_id in item.depends_on]


def dependency_cycle(initiatives: Sequence[Initiative]) -> list[str]:
    """The ids of one dependency cycle, in order, or [] when there is none."""
    graph = {item.id: [d for d in item.depends_on if d != item.id] for item in initiatives}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in graph:
        if state.get(start):
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(graph[start]))]
        state[start] = 1
        path.append(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif child not in graph:
                continue
            elif state.get(child) == 1:
                return path[path.index(child) :]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(graph[child])))
    return []


# --- helpers for ids ------------------------------------------------------------------

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, max_length: int = 48) -> str:
    """A slug for an id: "Webbchatt på sajten!" → "webbchatt-pa-sajten"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        head = slug[:max_length]
        if slug[max_length] != "-" and "-" in head:
            head = head.rsplit("-", 1)[0]  # end at a whole word
        slug = head.rstrip("-")
    return slug or "initiative"


def unique_slug(text: str, taken: Iterable[str]) -> str:
    """A slug for ``text`` that is not in ``taken``, numbered when needed."""
    existing = set(taken)
    base = slugify(text)
    if base not in existing:
        return base
    for number in range(2, len(existing) + 3):
        candidate = f"{base[: 60 - len(str(number))]}-{number}"
        if candidate not in existing:
            return candidate
    raise AssertionError("unreachable: more numbers than taken ids")  # pragma: no cover
