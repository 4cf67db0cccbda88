"""The rules of one initiative, checked against indexes of its plan built once.

:class:`Indexes` holds what the rules look up in the plan (score bounds, criteria, the
ids present, the rows a link may name); :func:`initiative_problems` checks one
initiative against them without looking at the others. :func:`plan_rule_problems
<kxplan.model.rules.plan_rule_problems>` runs it for each initiative, an import or an
edit for the one it adds or changes; the plan-wide rules (an id used twice, a
dependency cycle) stay there.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Hashable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from kxplan.i18n import DECIMAL_MARKS, _, current
from kxplan.model.evidence import RowIndex, initiative_link_problems
from kxplan.model.followup import initiative_followup_problems
from kxplan.model.types import Loc, integral_as_int

if TYPE_CHECKING:
    from kxplan.model.initiative import Initiative
    from kxplan.model.plan import Plan

Add = Callable[[Loc, str], None]
"""Where a rule puts a problem: (location, message)."""
_K = TypeVar("_K", bound=Hashable)


def duplicates(keys: Iterable[_K]) -> Iterator[tuple[int, _K]]:
    """Each key met before, with its index."""
    seen: set[_K] = set()
    for index, key in enumerate(keys):
        if key in seen:
            yield index, key
        seen.add(key)


def value_text(value: float) -> str:
    """A value as the file gave it, with the current language's decimal mark."""
    text = str(integral_as_int(value))
    mark = DECIMAL_MARKS[current()]
    return text if mark == "." else text.replace(".", mark)


class Indexes:
    """What an initiative's rules look up in its plan, built once: the scores' bounds,
    the criteria, the ids present (``ids``; default: the plan's initiatives') and the
    rows links name (indexed at the first link)."""

    __slots__ = ("_plan", "_rows", "bounds", "criteria", "effort", "ids")

    def __init__(self, plan: Plan, ids: Container[str] | None = None) -> None:
        scales = plan.scales
        value = (scales.customer_value.min, scales.customer_value.max)
        self.bounds = (
            ("effort", scales.effort.min, scales.effort.max),
            ("customer_value", *value),
            ("efficiency", scales.efficiency.min, scales.efficiency.max),
            ("time_criticality", *value),
            ("risk_reduction", *value),
        )
        self.effort = scales.effort
        self.criteria = {c.id: c for c in plan.scoring.criteria}
        self.ids: Container[str] = {item.id for item in plan.initiatives} if ids is None else ids
        self._plan = plan
        self._rows: RowIndex | None = None

    def rows(self) -> RowIndex:
        """The plan's area rows by key."""
        if self._rows is None:
            self._rows = RowIndex(self._plan)
        return self._rows


def initiative_problems(item: Initiative, position: int, indexes: Indexes) -> list[tuple[Loc, str]]:
    """Every rule ``item``, at ``position`` in the plan, breaks on its own: its fields,
    scores, criteria, dependencies, estimates, links and follow-up."""
    problems: list[tuple[Loc, str]] = []
    loc: Loc = ("initiatives", position)
    check_initiative(item, loc, indexes, lambda at, message: problems.append((at, message)))
    problems.extend(initiative_link_problems(item, loc, indexes.rows))
    problems.extend(initiative_followup_problems(item, loc, indexes.effort))
    return problems


def check_initiative(item: Initiative, loc: Loc, indexes: Indexes, add: Add) -> None:
    """The rules of ``item``'s own fields (links and follow-up aside), located at ``loc``.

    This runs for every initiative on every load: the common case (nothing wrong) is
    kept to plain comparisons, and lists of one skip the duplicate checks."""
    if not item.title.strip():
        add((*loc, "title"), _("expected a title, got blank"))
    if len(item.areas) > 1:
        for index_area, area_id in duplicates(item.areas):
            add(
                (*loc, "areas", index_area),
                _("area {area} is listed twice").format(area=repr(area_id)),
            )
    for field, low, high in indexes.bounds:
        value = getattr(item, field)
        if value is not None and not low <= value <= high:
            _out_of_scale(add, (*loc, field), low, high, value)
    criteria = indexes.criteria
    for name, value in item.criteria.items():
        criterion = criteria.get(name)
        if criterion is None:
            known = ", ".join(sorted(criteria)) or _("none are defined under [scoring]")
            add(
                (*loc, "criteria", name),
                _("unknown criterion {id} (known: {known})").format(id=repr(name), known=known),
            )
        elif not criterion.min <= value <= criterion.max:
            _out_of_scale(add, (*loc, "criteria", name), criterion.min, criterion.max, value)
    if item.depends_on:
        _dependencies(item, loc, indexes.ids, add)
    if item.estimates:
        _estimates(item, loc, indexes, add)


def _dependencies(item: Initiative, loc: Loc, ids: Container[str], add: Add) -> None:
    for dep_index, dep in enumerate(item.depends_on):
        if dep == item.id:
            add((*loc, "depends_on", dep_index), _("an initiative cannot depend on itself"))
        elif dep not in ids:
            add(
                (*loc, "depends_on", dep_index),
                _("no initiative has the id {id}").format(id=repr(dep)),
            )
    if len(item.depends_on) > 1:
        for dep_index, dep in duplicates(item.depends_on):
            add((*loc, "depends_on", dep_index), _("{id} is listed twice").format(id=repr(dep)))


def _estimates(item: Initiative, loc: Loc, indexes: Indexes, add: Add) -> None:
    names = [e.participant.strip().casefold() for e in item.estimates]
    if len(set(names)) < len(names):
        for est_index, participant in duplicates(names):
            add(
                (*loc, "estimates", est_index, "participant"),
                _("participant {name} has two estimates").format(name=repr(participant)),
            )
    for est_index, estimate in enumerate(item.estimates):
        if not names[est_index]:
            add((*loc, "estimates", est_index, "participant"), _("expected a name, got blank"))
        for field, low, high in indexes.bounds[:3]:
            value = getattr(estimate, field)
            if value is not None and not low <= value <= high:
                _out_of_scale(add, (*loc, "estimates", est_index, field), low, high, value)


def _out_of_scale(add: Add, loc: Loc, low: int, high: int, value: float) -> None:
    add(
        loc,
        _("expected a score from {low} to {high}, got {value}").format(
            low=low, high=high, value=value_text(value)
        ),
    )
