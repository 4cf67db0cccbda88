"""The scores grid's logic, without widgets: which initiatives and inputs it shows, and
what was typed -> checked initiatives, or what is wrong in which cell.

The grid (:mod:`kxplan.tui.screens.scores_grid`) is where the room fills in what the
methods need beyond effort and impact, for many initiatives at once: confidence (RICE,
ICE), reach (RICE), time criticality and risk reduction (WSJF) and the plan's weighted
criteria. Initiatives the method shown cannot rank yet come first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from pydantic import ValidationError

from kxplan.framework import CLOSED_STATUSES, SCORES
from kxplan.model import Initiative, Plan
from kxplan.session import Session
from kxplan.storage import friendly_message
from kxplan.tui.forms import read_number

MAX_ROWS: Final = 60
"""Initiatives the grid shows at most (those lacking inputs first); the editor has the rest."""

CRITERION: Final = "criteria."
"""A column key for a criterion: ``criteria.<id>``."""


@dataclass(frozen=True, slots=True)
class Column:
    """One input of the grid: a score of the initiative, or one of the plan's criteria."""

    key: str
    header: str


def columns(plan: Plan) -> list[Column]:
    """Confidence, reach, time criticality, risk reduction, then each criterion, with the
    range each is typed on."""
    value = plan.scales.customer_value
    span = f" {value.min}–{value.max}"
    found = [
        Column("confidence", f"{SCORES.label('confidence')} %"),
        Column("reach", SCORES.label("reach")),
        Column("time_criticality", SCORES.label("time_criticality") + span),
        Column("risk_reduction", SCORES.label("risk_reduction") + span),
    ]
    found += [
        Column(f"{CRITERION}{c.id}", f"{c.label or c.id} {c.min}–{c.max}")
        for c in plan.scoring.criteria
    ]
    return found


def column_of(need: str) -> str:
    """The column of an input a method lacks (:attr:`kxplan.scoring.Ranking.lacking`):
    ``reach`` → ``reach``, ``criterion 'cost'`` → ``criteria.cost``."""
    if need.startswith("criterion "):
        return CRITERION + need.removeprefix("criterion ").strip("'")
    return need


def rows(plan: Plan, first: Sequence[str] = ()) -> list[Initiative]:
    """The open initiatives, those with ids in ``first`` first, at most :data:`MAX_ROWS`."""
    open_items = [item for item in plan.initiatives if item.status not in CLOSED_STATUSES]
    wanted = set(first)
    ordered = [i for i in open_items if i.id in wanted] + [
        i for i in open_items if i.id not in wanted
    ]
    return ordered[:MAX_ROWS]


def _shown(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def cell_text(item: Initiative, column: Column) -> str:
    """What a cell starts with: the initiative's value, or blank."""
    if column.key.startswith(CRITERION):
        return _shown(item.criteria.get(column.key.removeprefix(CRITERION)))
    value: float | None = getattr(item, column.key)
    return _shown(value)


def read(
    session: Session,
    items: Sequence[Initiative],
    cols: Sequence[Column],
    texts: Mapping[tuple[int, int], str],
) -> tuple[list[tuple[str, Initiative]], dict[tuple[int, int], str]]:
    """The initiatives the texts change, as (id, new initiative), checked by the model and
    the plan's rules; and a message per (row, column) that is wrong."""
    changed: list[tuple[str, Initiative]] = []
    errors: dict[tuple[int, int], str] = {}
    for row, item in enumerate(items):
        data = item.model_dump()
        criteria = dict(item.criteria)
        for col, column in enumerate(cols):
            try:
                value = read_number(texts.get((row, col), ""))
            except ValueError as error:
                errors[row, col] = str(error)
                continue
            if column.key.startswith(CRITERION):
                name = column.key.removeprefix(CRITERION)
                if value is None:
                    criteria.pop(name, None)
                else:
                    criteria[name] = value
            else:
                data[column.key] = value
        data["criteria"] = criteria
        if any(key[0] == row for key in errors):
            continue
        where = {column.key: col for col, column in enumerate(cols)}
        try:
            candidate = Initiative.model_validate(data)
        except ValidationError as error:
            for found in error.errors(include_url=False):
                at = [str(part) for part in found["loc"]]
                key = f"{CRITERION}{at[1]}" if at[0] == "criteria" and len(at) > 1 else at[0]
                errors.setdefault((row, where.get(key, 0)), friendly_message(found, data))
            continue
        if candidate == item:
            continue
        problems = session.initiative_problems(candidate, replacing=item.id)
        for place, message in problems:
            parts = [str(part) for part in place[2:]]
            key = f"{CRITERION}{parts[1]}" if parts[:1] == ["criteria"] and len(parts) > 1 else ""
            errors.setdefault((row, where.get(key or (parts[0] if parts else ""), 0)), message)
        if not problems:
            changed.append((item.id, candidate))
    return changed, errors
