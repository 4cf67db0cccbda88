"""The rules that span fields, checked once a plan's fields are valid.

:func:`plan_rule_problems` checks a whole plan; :func:`table_rule_problems` checks one
area table over its rows (required text, rows sharing a key, a KPI's own rules), so a
row form checks its row against its table alone and the rules are written once. Each
problem is (location, message), the location as pydantic reports one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import kxplan.model as package
from kxplan.framework import KPI_SCALES
from kxplan.i18n import N_, _
from kxplan.model.evidence import initiative_link_problems
from kxplan.model.followup import initiative_followup_problems, readings_problems
from kxplan.model.graph import dependency_cycle
from kxplan.model.initiative_rules import Indexes, check_initiative, duplicates, value_text
from kxplan.model.journey import reference_rules, scale_problems, stage_rules, touchpoint_rules
from kxplan.model.log import LOG, entry_rules, log_problems
from kxplan.model.rows import Kpi
from kxplan.model.tables import AREA_TABLES, AreaTable, still_named
from kxplan.model.types import MAX_EXTRA_DEPTH, Loc
from kxplan.model.workshop import workshop_rule_problems

if TYPE_CHECKING:
    from kxplan.model.plan import Plan

Problems = list[tuple[Loc, str]]
"""Broken rules, as (location, message)."""


class RuleViolations(Exception):
    """Raised by :class:`~kxplan.model.plan.Plan` when rules spanning several fields are
    broken."""

    def __init__(self, problems: Sequence[tuple[Loc, str]]) -> None:
        self.problems: list[tuple[Loc, str]] = list(problems)
        super().__init__("; ".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in problems))


def _blank(text: str) -> bool:
    return not text.strip()


def plan_rule_problems(plan: Plan) -> Problems:
    """Every broken cross-field rule of a plan, as (location, message)."""
    problems: Problems = []

    def add(loc: Loc, message: str) -> None:
        problems.append((loc, message))

    # read at call time: a migration test pretends to be a newer kxplan by setting it
    schema_version = package.SCHEMA_VERSION
    if plan.schema_version < 1 or plan.schema_version > schema_version:
        add(
            ("schema",),
            _("expected a schema number from 1 to {highest}").format(highest=schema_version),
        )
    if _blank(plan.title):
        add(("title",), _("expected a title, got an empty one"))
    for index, name in duplicates(p.strip().casefold() for p in plan.participants):
        add(
            ("participants", index),
            _("participant {name} is listed twice").format(name=repr(name)),
        )

    for name, scale in (
        ("effort", plan.scales.effort),
        ("customer_value", plan.scales.customer_value),
        ("efficiency", plan.scales.efficiency),
    ):
        if scale.min >= scale.max:
            add(
                ("scales", name, "max"),
                _("expected max greater than min ({min})").format(min=scale.min),
            )
        for key in scale.anchors:
            if not key.lstrip("-").isdigit() or not scale.min <= int(key) <= scale.max:
                add(
                    ("scales", name, "anchors", key),
                    _("expected a whole score from {low} to {high} as the key").format(
                        low=scale.min, high=scale.max
                    ),
                )

    for index, key in duplicates(c.id for c in plan.scoring.criteria):
        add(
            ("scoring", "criteria", index, "id"),
            _("criterion id {id} is used twice").format(id=repr(key)),
        )
    for index, criterion in enumerate(plan.scoring.criteria):
        if criterion.min >= criterion.max:
            add(
                ("scoring", "criteria", index, "max"),
                _("expected max greater than min ({min})").format(min=criterion.min),
            )
        for key in criterion.anchors:
            if not key.lstrip("-").isdigit() or not criterion.min <= int(key) <= criterion.max:
                add(
                    ("scoring", "criteria", index, "anchors", key),
                    _("expected a whole score from {low} to {high} as the key").format(
                        low=criterion.min, high=criterion.max
                    ),
                )
    if plan.scoring.value_weight == 0 and plan.scoring.efficiency_weight == 0:
        add(
            ("scoring", "value_weight"),
            _("customer value and efficiency weights cannot both be 0"),
        )

    problems.extend(scale_problems(plan))
    for table in AREA_TABLES:
        problems += table_rule_problems(table, table.rows(plan), plan)
    _initiative_rules(plan, problems)
    problems.extend(readings_problems(plan))
    problems.extend(log_problems(plan))
    workshop_rule_problems(plan, add)
    for key, value in plan.extra.items():
        depth = nesting_depth(value)
        if depth > MAX_EXTRA_DEPTH:
            add(
                ("extra", key),
                _("nested {depth} levels deep; free-form data may nest {most} levels").format(
                    depth=depth, most=MAX_EXTRA_DEPTH
                ),
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


def table_rule_problems(
    table: AreaTable, rows: Sequence[Any], plan: Plan | None = None
) -> Problems:
    """Every broken rule of one area table over its rows: text that must not be blank,
    rows that share a key (the later one is named), and the table's own row rules; with
    ``plan``, also what the rows say of the plan (a stage it defines, a score on its
    touchpoint scale)."""
    problems: Problems = []
    for index, row in enumerate(rows):
        for field in table.required:
            if _blank(getattr(row, field)):
                problems.append((table.loc(index, field), _required(field)))
    if table.unique:
        keys = [_casefold_key(table.key_of(row)) for row in rows]
        for index, _key in duplicates(keys):
            problems.append(
                (
                    table.loc(index),
                    _("{key} appears twice in {table}").format(
                        key=_describe_key(table.key_of(rows[index])), table=table.attribute
                    ),
                )
            )
    row_rules = ROW_RULES.get(table.attribute)
    if row_rules is not None:
        for index, row in enumerate(rows):
            for *place, message in row_rules(row, plan):
                problems.append((table.loc(index, *place), str(message)))
    return problems


def row_problems(
    table: AreaTable,
    rows: Sequence[Any],
    row: Any,
    index: int | None = None,
    plan: Plan | None = None,
) -> Problems:
    """What the table's rules say of ``row`` put in place of ``rows[index]`` (None: added
    at the end), as (field, message) with the field "" for the row as a whole. Only this
    table is looked at (given ``plan``, also its stages and touchpoint scale)."""
    candidate = list(rows)
    position = len(candidate) if index is None else index
    if index is None:
        candidate.append(row)
    else:
        candidate[index] = row
    prefix = table.loc(position)
    problems: Problems = [
        (loc[len(prefix) : len(prefix) + 1] or ("",), message)
        for loc, message in table_rule_problems(table, candidate, plan)
        if loc[: len(prefix)] == prefix
    ]
    if plan is not None and index is not None and table.attribute == "journey":
        named = still_named(plan, rows[index].id) if row.id != rows[index].id else None
        if named:  # a stage's new id would leave the rows that name the old one behind
            problems.append((("id",), named))
    return problems


_REQUIRED: Final[dict[str, str]] = {
    "name": N_("expected a name, got blank"),
    "title": N_("expected a title, got blank"),
    "reason": N_("expected a reason, got blank"),
}
"""The message for each required field left blank (translated when said)."""


def _required(field: str) -> str:
    message = _REQUIRED.get(field)
    return _(message) if message else _("expected {field}, got blank").format(field=field)


def _casefold_key(key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip().casefold() for part in key)


def _describe_key(key: tuple[str, ...]) -> str:
    return repr(key[0]) if len(key) == 1 else " / ".join(repr(part) for part in key if part)


def _kpi_rules(kpi: Kpi) -> Iterator[tuple[str, str]]:
    """A KPI's own rules, as (field, message): a custom measure's name, NPS shares, and
    baseline and target within the measure's range."""
    if kpi.measure == "custom" and _blank(kpi.name):
        yield "name", _("a custom measure needs a name")
    if (kpi.promoters is not None or kpi.detractors is not None) and kpi.measure != "nps":
        yield "promoters", _("promoter and detractor shares belong to NPS KPIs only")
    if (kpi.promoters or 0) + (kpi.detractors or 0) > 100:
        yield "detractors", _("promoters and detractors add up to more than 100 %")
    term = kpi.scale_term
    for field in ("baseline", "target"):
        value = getattr(kpi, field)
        if value is None:
            continue
        if term.low is not None and term.high is not None:
            if not term.low <= value <= term.high:
                yield (
                    field,
                    _("expected a value on {kpi}'s {span} scale, got {value}").format(
                        span=KPI_SCALES.say(term.span), kpi=kpi.shown_label, value=value_text(value)
                    ),
                )
        elif term.low is not None and value < term.low:
            yield (
                field,
                _("expected {kpi} of {low} or more ({span}), got {value}").format(
                    kpi=kpi.shown_label,
                    low=value_text(term.low),
                    span=KPI_SCALES.say(term.span),
                    value=value_text(value),
                ),
            )


def _kpi_row(kpi: Kpi, plan: Plan | None) -> Iterator[tuple[str | int, ...]]:
    yield from _kpi_rules(kpi)
    yield from reference_rules(kpi, plan)


ROW_RULES: Final[dict[str, Callable[[Any, Plan | None], Iterable[tuple[str | int, ...]]]]] = {
    "journey": lambda stage, _plan: stage_rules(stage),
    "touchpoints": touchpoint_rules,
    "kpis": _kpi_row,
    "frictions": reference_rules,
    "stakeholders": reference_rules,
    LOG: lambda entry, _plan: entry_rules(entry),
}
"""The rules of one row of a table, by attribute: (field, [index,] message), plan in hand."""


def _initiative_rules(plan: Plan, problems: Problems) -> None:
    """Each initiative's own rules (:mod:`kxplan.model.initiative_rules`), and the ones
    across initiatives: an id used twice, a dependency cycle; in the order they have
    always been said (ids, fields, the cycle, links, follow-up)."""
    for index, key in duplicates(item.id for item in plan.initiatives):
        problems.append(
            (
                ("initiatives", index, "id"),
                _("id {id} is used by an earlier initiative").format(id=repr(key)),
            )
        )
    indexes = Indexes(plan)
    links: Problems = []
    followup: Problems = []

    def add(loc: Loc, message: str) -> None:
        problems.append((loc, message))

    for index, item in enumerate(plan.initiatives):
        loc: Loc = ("initiatives", index)
        check_initiative(item, loc, indexes, add)
        if item.addresses:
            links.extend(initiative_link_problems(item, loc, indexes.rows))
        if item.started or item.actual_effort is not None:
            followup.extend(initiative_followup_problems(item, loc, indexes.effort))
    cycle = dependency_cycle(plan.initiatives)
    if cycle:
        index = next(i for i, item in enumerate(plan.initiatives) if item.id == cycle[0])
        add(
            ("initiatives", index, "depends_on"),
            _("dependencies form a cycle: {cycle}").format(cycle=" → ".join([*cycle, cycle[0]])),
        )
    problems += links
    problems += followup
