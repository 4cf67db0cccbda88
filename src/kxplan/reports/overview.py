"""``kxplan show``: a plain-text overview of a plan for a terminal.

Who, maturity per area, how many rows each area table holds, the initiatives by
status, and the unnecessary demand. Names, labels, counts and figures come from
the framework, the table registry and the plan's derived figures; numbers read as
everywhere else (:mod:`kxplan.text.numbers`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from kxplan.framework import AREAS, MATURITY_MAX, STATUSES
from kxplan.model import Plan
from kxplan.model.figures import demand_totals
from kxplan.model.tables import AREA_TABLES
from kxplan.reports.kpi_progress import kpi_data, kpi_lines
from kxplan.text.literal import printable
from kxplan.text.numbers import DASH, data_number, money, whole


def overview(plan: Plan) -> str:
    """A plain-text overview of a plan: who, maturity per area, contents, avoidable demand.

    User text is shown literally, one line each (see :func:`kxplan.literal.printable`).
    """
    lines = [*_heading(plan), "", *_maturity_lines(plan), "", *_content_lines(plan)]
    lines += kpi_lines(plan)
    lines += ["", "Unnecessary demand", *_demand_lines(plan)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def overview_data(plan: Plan) -> dict[str, Any]:
    """The overview's facts for ``kxplan show --format json``.

    ``areas`` and ``demand_totals`` have the shapes of ``kxplan export --format json``'s
    ``results.areas`` and ``results.demand_totals``; ``contents`` counts each area table
    by its key in the plan file, and the initiatives.
    """
    statuses: Counter[str] = Counter(item.status for item in plan.initiatives)
    totals = demand_totals(plan)
    return {
        "title": plan.title,
        "organisation": plan.organisation,
        "version": plan.version,
        "facilitator": plan.facilitator,
        "participants": list(plan.participants),
        "updated": plan.model_dump(mode="json", include={"updated"}).get("updated"),
        "currency": plan.currency,
        "areas": {
            area_def.id: {
                "maturity_today": data_number(area.maturity_today),
                "maturity_target": data_number(area.maturity_target),
                "gap": area.gap,
            }
            for area_def in AREAS
            if (area := plan.areas.get(area_def.id)) is not None
        },
        "contents": {
            **{table.attribute: len(table.rows(plan)) for table in AREA_TABLES},
            "initiatives": len(plan.initiatives),
        },
        "initiatives_by_status": {term.key: statuses[term.key] for term in STATUSES},
        "demand_totals": totals.data(),
        "kpis": [kpi_data(kpi) for kpi in plan.areas.insight.kpis],
    }


def _heading(plan: Plan) -> list[str]:
    title = printable(plan.title)
    facts = [
        ("Organisation", printable(plan.organisation)),
        ("Version", printable(plan.version)),
        ("Facilitator", printable(plan.facilitator)),
        ("Participants", ", ".join(map(printable, plan.participants))),
        ("Updated", f"{plan.updated:%Y-%m-%d %H:%M %Z}".strip() if plan.updated else ""),
    ]
    return [title, "=" * min(len(title), 79)] + [
        f"{label + ':':<14}{value}" for label, value in facts if value
    ]


def _maturity_lines(plan: Plan) -> list[str]:
    lines = [f"{'Area':<28}{'Today':>6}{'Target':>8}{'Gap':>6}"]
    for area_def in AREAS:
        area = plan.areas.get(area_def.id)
        gap = area.gap
        lines.append(
            f"{area_def.number} {area_def.name:<26}"
            f"{_maturity(area.maturity_today):>6}{_maturity(area.maturity_target):>8}"
            f"{'' if gap is None else f'{gap:+d}':>6}"
        )
    return lines


def _maturity(value: int | None) -> str:
    return DASH if value is None else f"{value}/{MATURITY_MAX}"


def _content_lines(plan: Plan) -> list[str]:
    counts = [(table.plural, len(table.rows(plan))) for table in AREA_TABLES]
    counts.append(("Initiatives", len(plan.initiatives)))
    lines = ["Contents", *(f"  {label:<17}{count:>4}" for label, count in counts)]
    statuses: Counter[str] = Counter(item.status for item in plan.initiatives)
    status_text = ", ".join(
        f"{term.label.lower()} {count}" for term in STATUSES if (count := statuses[term.key])
    )
    if status_text:
        lines[-1] += f"  ({status_text})"
    return lines


def _demand_lines(plan: Plan) -> list[str]:
    if not plan.areas.unnecessary_demand.contact_reasons:
        return ["  No contact reasons recorded yet."]
    totals = demand_totals(plan)
    lines = [
        f"  Contacts per month:  {whole(totals.contacts)} ({whole(totals.failure)} failure demand)",
        f"  Avoidable contacts:  {whole(totals.avoidable)} per month",
        f"  Avoidable cost:      {money(totals.cost, printable(plan.currency))} per month",
    ]
    if unpriced := len(totals.unpriced):
        reasons_text = "1 contact reason" if unpriced == 1 else f"{unpriced} contact reasons"
        lines.append(f"  Not priced:          {reasons_text} without a channel cost")
    return lines
