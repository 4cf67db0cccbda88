"""Reading the initiative form: what was typed -> a checked initiative, or what is wrong.

Plain Python, no widgets: the editor (:mod:`kxplan.tui.screens.initiative_editor`) hands
over the text of its fields as a :class:`FormState`, and :meth:`InitiativeForm.read`
builds the initiative through the model and the plan's rules, placing every problem on
the field it belongs to. Unit-tested without Pilot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import ValidationError

from kxplan.framework import SCORES
from kxplan.i18n import _
from kxplan.model import (
    SCORE_FIELDS,
    Estimate,
    Initiative,
    Loc,
    Plan,
    Scale,
    dependency_cycle,
    plan_rule_problems,
    with_initiative,
)
from kxplan.model.evidence import Link
from kxplan.storage import friendly_message
from kxplan.tui.forms import read_number
from kxplan.tui.initiative_followup import ERROR_KEYS, read_followup

ESTIMATE_FIELDS: Final = ("effort", "customer_value", "efficiency", "confidence")
"""The scores each participant can give in the estimates grid, in column order."""

ESTIMATE_ROWS_LIMIT: Final = 12
"""Above this many participants, only those with an estimate get a row at first."""

CYCLE_PREFIX: Final = "dependencies form a cycle: "

TEXT_FIELDS: Final = ("why", "what", "how")
"""Long answers, edited in text areas."""
LINE_FIELDS: Final = ("who", "when")
"""Short answers, edited in one-line inputs."""


CRITERION_PREFIX: Final = "criterion-"
"""A weighted criterion's input is ``criterion-<id>``."""

FIRST_SCORES: Final = ("effort", "customer_value", "efficiency")
"""The scores a room gives first (the ranking's own); the rest follow under "More scores"."""


@dataclass(frozen=True, slots=True)
class ScoreField:
    """One score input of the form and how to explain its values."""

    key: str
    label: str
    hint: str
    scale: Scale | None
    bounds: tuple[int, int] | None = None
    """The lowest and highest score, for a score without a scale of anchors."""

    @property
    def criterion(self) -> str | None:
        """The weighted criterion's id, for a criterion's input."""
        return self.key.removeprefix(CRITERION_PREFIX) if self.is_criterion else None

    @property
    def is_criterion(self) -> bool:
        """Whether this is a score for one of the plan's weighted criteria."""
        return self.key.startswith(CRITERION_PREFIX)


def score_fields(plan: Plan) -> tuple[ScoreField, ...]:
    """The score inputs of the form, on the plan's scales: the ranking's own first, then
    confidence and reach (RICE, ICE), time criticality and risk reduction (WSJF, on the
    customer-value scale) and the plan's weighted criteria."""
    scales = plan.scales
    value = (scales.customer_value.min, scales.customer_value.max)
    criteria = tuple(
        ScoreField(
            f"{CRITERION_PREFIX}{c.id}",
            c.label or c.id,
            _("weighted criterion {id}, weight {weight}, {low}–{high}").format(
                id=c.id, weight=show_number(c.weight), low=c.min, high=c.max
            ),
            None,
            (c.min, c.max),
        )
        for c in plan.scoring.criteria
    )
    return (
        ScoreField("effort", _("Effort"), _("how much work it takes"), scales.effort),
        ScoreField(
            "customer_value",
            _("Customer value"),
            _("how much better for customers"),
            scales.customer_value,
        ),
        ScoreField("efficiency", _("Efficiency"), _("time or cost it saves us"), scales.efficiency),
        ScoreField(
            "confidence", _("Confidence %"), _("how sure we are of these scores, 0–100"), None
        ),
        ScoreField("reach", _("Reach"), _("customers or contacts per period (for RICE)"), None),
        ScoreField(
            "time_criticality",
            _("Time criticality"),
            _("WSJF: how much value is lost by waiting, {low}–{high}").format(
                low=value[0], high=value[1]
            ),
            None,
            value,
        ),
        ScoreField(
            "risk_reduction",
            _("Risk reduction"),
            _("WSJF: risk reduced or opportunity opened, {low}–{high}").format(
                low=value[0], high=value[1]
            ),
            None,
            value,
        ),
        *criteria,
    )


def show_number(value: float | None) -> str:
    """A score as the form shows it: ``2``, ``2.5``, or "" for none."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def in_kept_order(before: list[str], chosen: list[str]) -> list[str]:
    """``chosen`` with the values that were there before in their old order, new ones after:
    opening an initiative and keeping it unchanged must not reorder its lists (that would
    show as an edit in the file and in version comparisons)."""
    kept = [value for value in before if value in chosen]
    return kept + [value for value in chosen if value not in kept]


@dataclass(frozen=True, slots=True)
class FormState:
    """What the form's fields hold, as typed."""

    title: str = ""
    id: str = ""
    texts: dict[str, str] = field(default_factory=dict)
    """why, what, how, who, when."""
    status: str | None = None
    areas: list[str] = field(default_factory=list)
    depends_on: list[str] = field(default_factory=list)
    scores: dict[str, str] = field(default_factory=dict)
    """The text of each score input, by key."""
    estimates: list[dict[str, str]] = field(default_factory=list)
    """Per row of the estimates grid: the text of each of :data:`ESTIMATE_FIELDS`."""
    follow: dict[str, str] = field(default_factory=dict)
    """The evidence and follow-up inputs (reach period, dates, actual effort, outcome)."""
    links: tuple[Link, ...] | None = None
    """The rows it addresses, as picked; None leaves them as they were."""


@dataclass(frozen=True, slots=True)
class FormReading:
    """The form read: the initiative when valid, and what is wrong, by field key."""

    initiative: Initiative | None
    errors: dict[str, str]
    """By field key: ``title``, ``effort``, ``estimate-1-effort``, ``general``…"""
    estimated: dict[str, list[float]]
    """The participants' estimates of each score, where any gave one."""


class InitiativeForm:
    """The initiative being added or edited, and who can estimate it."""

    def __init__(self, plan: Plan, original: Initiative | None = None) -> None:
        self.plan = plan
        self.original = original
        found = (
            next((i for i, item in enumerate(plan.initiatives) if item.id == original.id), None)
            if original is not None
            else None
        )
        self.index = len(plan.initiatives) if found is None else found
        """Where the initiative is (or will be) in the plan's list."""
        self.replacing = None if found is None or original is None else original.id
        self.taken = {
            item.id: item.title for i, item in enumerate(plan.initiatives) if i != self.index
        }
        """Ids of the other initiatives, with their titles."""
        self.scores = score_fields(plan)
        self.participants = self._initial_participants()
        """Everyone who can give an estimate: the plan's participants and names added here."""
        self.rows = (
            list(self.participants)
            if len(self.participants) <= ESTIMATE_ROWS_LIMIT
            else [name for name in self.participants if self.estimate_of(name) is not None]
        )
        """The participants with a row in the estimates grid, in row order."""

    def _initial_participants(self) -> list[str]:
        names = list(self.plan.participants)
        known = {name.strip().casefold() for name in names}
        for estimate in self.original.estimates if self.original else []:
            if estimate.participant.strip().casefold() not in known:
                names.append(estimate.participant)
                known.add(estimate.participant.strip().casefold())
        return names

    def estimate_of(self, participant: str) -> Estimate | None:
        """The original initiative's estimate by ``participant``, if any."""
        if self.original is None:
            return None
        key = participant.strip().casefold()
        return next(
            (e for e in self.original.estimates if e.participant.strip().casefold() == key), None
        )

    def add_row(self, name: str) -> str | None:
        """Give ``name`` a row in the estimates grid; returns the name as known (a known
        participant keeps their spelling), or None when they have a row already."""
        if name.casefold() in {p.strip().casefold() for p in self.rows}:
            return None
        known = next(
            (p for p in self.participants if p.strip().casefold() == name.casefold()), None
        )
        if known is None:
            self.participants.append(name)
        self.rows.append(known or name)
        return known or name

    def score(self, key: str) -> ScoreField:
        """The score input ``key``."""
        return next(s for s in self.scores if s.key == key)

    def read_score(self, key: str, text: str) -> float | None:
        """The number typed for a score, checked against its scale; ValueError says why not."""
        value = read_number(text)
        if value is None:
            return None
        score = self.score(key)
        shown = show_number(value)
        bounds = (score.scale.min, score.scale.max) if score.scale is not None else score.bounds
        if bounds is not None and not bounds[0] <= value <= bounds[1]:
            raise ValueError(
                _("expected a score from {low} to {high}, got {text}").format(
                    low=bounds[0], high=bounds[1], text=shown
                )
            )
        if key == "confidence" and not 0 <= value <= 100:
            raise ValueError(_("expected a share from 0 to 100 %, got {text}").format(text=shown))
        if key == "reach" and value < 0:
            raise ValueError(_("expected a number of at least 0, got {text}").format(text=shown))
        return value

    def read(self, state: FormState) -> FormReading:
        """Build the initiative from the form, with every problem placed on its field."""
        errors: dict[str, str] = {}
        data: dict[str, Any] = self.original.model_dump() if self.original else {}
        data["title"] = state.title
        data["id"] = state.id.strip()
        for key in TEXT_FIELDS + LINE_FIELDS:
            data[key] = state.texts.get(key, "")
        data["status"] = state.status or "idea"
        data["areas"] = in_kept_order(data.get("areas", []), state.areas)
        data["depends_on"] = in_kept_order(data.get("depends_on", []), state.depends_on)
        read_followup(state.follow, state.links, data, errors)
        criteria = dict(data.get("criteria", {}))
        for score in self.scores:
            try:
                number = self.read_score(score.key, state.scores.get(score.key, ""))
            except ValueError as error:
                errors[score.key] = str(error)
                number = None
            if score.criterion is None:
                data[score.key] = number
            elif number is None:
                criteria.pop(score.criterion, None)
            else:
                criteria[score.criterion] = number
        data["criteria"] = criteria

        estimates: list[dict[str, Any]] = []
        rows_of_estimates: list[int] = []
        estimated: dict[str, list[float]] = {}
        for row, name in enumerate(self.rows):
            typed = state.estimates[row] if row < len(state.estimates) else {}
            previous = self.estimate_of(name)
            values: dict[str, Any] = {"participant": name}
            if previous is not None and previous.reach is not None:
                values["reach"] = previous.reach
            for key in ESTIMATE_FIELDS:
                try:
                    number = self.read_score(key, typed.get(key, ""))
                except ValueError as error:
                    errors[f"estimate-{row}-{key}"] = _("{name}, {score}: {problem}").format(
                        name=name, score=SCORES.label(key).lower(), problem=error
                    )

                    number = None
                if number is not None:
                    values[key] = number
                    estimated.setdefault(key, []).append(number)
            if len(values) > 1:
                estimates.append(values)
                rows_of_estimates.append(row)
        data["estimates"] = estimates

        initiative: Initiative | None = None
        try:
            initiative = Initiative.model_validate(data)
        except ValidationError as error:
            for item in error.errors(include_url=False):
                self._place(errors, tuple(item["loc"]), friendly_message(item), rows_of_estimates)

        if initiative is not None and initiative.id in self.taken:
            errors["id"] = _("the id {id} is taken by {title}").format(
                id=repr(initiative.id), title=repr(self.taken[initiative.id])
            )
            initiative = None
        if initiative is not None:
            self._check_rules(initiative, errors, rows_of_estimates)
        return FormReading(initiative if not errors else None, errors, estimated)

    def _check_rules(
        self, initiative: Initiative, errors: dict[str, str], rows_of_estimates: list[int]
    ) -> None:
        candidate = with_initiative(self.plan, initiative, self.replacing)
        cycle = dependency_cycle(candidate.initiatives)
        for loc, message in plan_rule_problems(candidate):
            if cycle and loc[2:] == ("depends_on",) and message.startswith(CYCLE_PREFIX):
                # Through this initiative (the plan had no cycle before): name it here,
                # by the titles the room knows.
                titles = {**self.taken, initiative.id: initiative.title}
                names = [titles.get(i, i) for i in [*cycle, cycle[0]]]
                said = _("dependencies form a cycle: {cycle}").format(cycle=" → ".join(names))
                errors.setdefault("depends_on", said)
            elif loc[:2] == ("initiatives", self.index):
                self._place(errors, loc[2:], message, rows_of_estimates)
            elif loc[:1] == ("initiatives",) and loc[2:3] == ("id",):
                errors.setdefault("id", message)
            else:
                errors.setdefault("general", message)

    def _place(
        self, errors: dict[str, str], loc: Loc, message: str, rows_of_estimates: list[int]
    ) -> None:
        if not loc:
            errors.setdefault("general", message)
            return
        field_name = str(loc[0])
        if field_name == "estimates" and len(loc) >= 2 and isinstance(loc[1], int):
            row = rows_of_estimates[loc[1]] if loc[1] < len(rows_of_estimates) else 0
            part = str(loc[2]) if len(loc) > 2 else "participant"
            name = self.rows[row] if row < len(self.rows) else "?"
            key = f"estimate-{row}-{part}" if part in ESTIMATE_FIELDS else f"estimate-{row}-name"
            errors.setdefault(key, f"{name}, {part.replace('_', ' ')}: {message}")
        elif (
            field_name == "criteria"
            and len(loc) > 1
            and any(s.criterion == str(loc[1]) for s in self.scores)
        ):
            errors.setdefault(f"{CRITERION_PREFIX}{loc[1]}", message)
        elif field_name in {
            "title",
            "id",
            "areas",
            "depends_on",
            "time_criticality",
            "risk_reduction",
            *SCORE_FIELDS,
            *TEXT_FIELDS,
            *ERROR_KEYS,
        }:
            errors.setdefault(field_name, message)
        else:
            errors.setdefault("general", f"{field_name.replace('_', ' ')}: {message}")
