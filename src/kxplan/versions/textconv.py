"""One plan as plain text, one fact per line, for ``git diff`` through a textconv driver.

Lines read like ``initiative web-chat: effort = 2`` and
``areas.insight.maturity_today = 2``; the ranking closes the text. These lines are
data for git, not prose for people: keys are the plan file's keys, numbers are
written as data files write them (:func:`kxplan.versions.values.data_text`: ``3``,
``33.6``, no grouping, no locale), so a diff shows only what changed. Only the
quadrant at the end of a rank line uses its label, read from
:data:`kxplan.framework.QUADRANTS`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from kxplan import scoring
from kxplan.framework import AREAS, QUADRANTS, Method
from kxplan.model import Plan, Scale
from kxplan.model.tables import TABLES_BY_AREA
from kxplan.versions.values import (
    INITIATIVE_FIELDS,
    META_FIELDS,
    data_text,
    estimate_text,
    extra_value,
    rows_by_key,
)


def fact_text(value: object) -> str:
    """A value on a fact line: ``(none)``, ``true``, ISO times, ``[a, b]``, data numbers."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return data_text(value)


def _fact(prefix: str, value: object) -> Iterator[str]:
    """``prefix = value``; multi-line text gets one ``prefix | line`` per line, and a
    list of rows (a KPI's readings, an initiative's links) one line per row."""
    if value is None or value == "" or value == [] or value == {}:
        return
    if isinstance(value, list) and all(isinstance(v, BaseModel) for v in value):
        yield from _row_facts(prefix, value)
        return
    if isinstance(value, str) and "\n" in value:
        for line in value.splitlines():
            yield f"{prefix} | {line}".rstrip()
        return
    yield f"{prefix} = {fact_text(value)}"


def _first(pair: tuple[Any, BaseModel]) -> Any:
    return pair[0]


def _row_facts(prefix: str, rows: list[BaseModel]) -> Iterator[str]:
    """One line per row of a list: a dated row (a reading) as ``prefix[2027-01-31] =
    value 76, source survey``, oldest first, so a new reading is a line of its own in
    a diff; any other row as ``prefix = table kpis, key [CSAT, all]``."""
    dates = [getattr(row, "date", None) for row in rows]
    dated = all(isinstance(day, date) for day in dates)
    if dated:
        rows = [row for _day, row in sorted(zip(dates, rows, strict=True), key=_first)]
    for row in rows:
        fields = [
            f"{name} {fact_text(' '.join(str(value).split()) if isinstance(value, str) else value)}"
            for name in type(row).model_fields
            if not (dated and name == "date")
            for value in (getattr(row, name),)
            if value is not None and value != "" and value != []
        ]
        day = getattr(row, "date", None)
        key = f"[{day.isoformat()}]" if dated and isinstance(day, date) else ""
        yield f"{prefix}{key} = {', '.join(fields)}"


def plan_as_lines(plan: Plan, method: Method | None = None) -> list[str]:
    """The plan as stable plain-text facts, one per line, for ``git diff`` (textconv).

    Lines read like ``initiative web-chat: effort = 2`` and
    ``areas.insight.maturity_today = 2``; the ranking under ``method`` (default:
    the plan's) closes the text. Empty values are left out.
    """
    lines: list[str] = []
    for name in META_FIELDS:
        if name == "schema_version":
            continue
        lines.extend(_fact(name, getattr(plan, name)))
    for participant in plan.participants:
        lines.append(f"participant = {participant}")
    for name in ("today", "target", "how"):
        lines.extend(_fact(f"strategy.{name}", getattr(plan.strategy, name)))
    for name in ("effort", "customer_value", "efficiency"):
        scale: Scale = getattr(plan.scales, name)
        lines.append(f"scales.{name} = {scale.min}..{scale.max}")
        for key, anchor in scale.anchors.items():
            lines.extend(_fact(f"scales.{name}.{key}", anchor))
    scoring_settings = plan.scoring
    for name in ("method", "value_weight", "efficiency_weight"):
        lines.extend(_fact(f"scoring.{name}", getattr(scoring_settings, name)))
    for name in ("impact_threshold", "effort_threshold"):
        lines.extend(_fact(f"scoring.{name}", getattr(scoring_settings, name)))
    for criterion in scoring_settings.criteria:
        lines.append(
            f"scoring.criterion {criterion.id} = weight {data_text(criterion.weight)}, "
            f"{criterion.min}..{criterion.max}"
            + (f", {criterion.label}" if criterion.label else "")
        )
    for area in AREAS:
        data = plan.areas.get(area.id)
        prefix = f"areas.{area.id}"
        lines.extend(_fact(f"{prefix}.maturity_today", data.maturity_today))
        lines.extend(_fact(f"{prefix}.maturity_target", data.maturity_target))
        lines.extend(_fact(f"{prefix}.gap", data.gap))
        for name in ("today", "target", "how"):
            lines.extend(_fact(f"{prefix}.{name}", getattr(data, name)))
        for table in TABLES_BY_AREA[area.id]:
            for key, row in rows_by_key(table, table.rows(plan)).items():
                row_prefix = f"{prefix}.{table.attribute}[{key}]"
                lines.append(row_prefix)
                for name in type(row).model_fields:
                    lines.extend(_fact(f"{row_prefix}.{name}", getattr(row, name)))
    for item in plan.initiatives:
        prefix = f"initiative {item.id}:"
        for name in INITIATIVE_FIELDS:
            lines.extend(_fact(f"{prefix} {name}", getattr(item, name)))
        for key, score in item.criteria.items():
            lines.append(f"{prefix} criteria.{key} = {data_text(score)}")
        for estimate in item.estimates:
            lines.append(f"{prefix} estimate {estimate.participant}: {estimate_text(estimate)}")
    for key, value in plan.extra.items():
        lines.append(f"extra.{key} = {fact_text(extra_value(value))}")
    lines.extend(_ranking_lines(plan, method or plan.scoring.method))
    return lines


def _ranking_lines(plan: Plan, method: Method) -> list[str]:
    try:
        ranking = scoring.rank(plan, method)
    except scoring.ScoringError as error:
        return [f"ranking ({method}) not possible: {error}"]
    return [
        f"rank {result.rank} ({ranking.method}): {result.id}, score {_score(result.score)}, "
        f"{QUADRANTS.label(str(result.quadrant)).lower()}"
        for result in ranking.results
    ]


def _score(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return fact_text(value)
