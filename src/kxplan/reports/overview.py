"""``kxplan show``: a plain-text overview of a plan for a terminal.

Who, maturity per area, how many rows each area table holds, the initiatives by
status, and the unnecessary demand. Names, labels, counts and figures come from
the framework, the table registry and the plan's derived figures; numbers read as
everywhere else (:mod:`kxplan.text.numbers`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from kxplan.framework import AREAS, AREAS_BY_ID, MATURITY_MAX, STATUSES
from kxplan.i18n import _, ngettext
from kxplan.model import Plan
from kxplan.model.figures import demand_totals
from kxplan.model.tables import AREA_TABLES
from kxplan.reports.journey import journey_data, journey_lines
from kxplan.reports.kpi_progress import kpi_data, kpi_lines
from kxplan.text.literal import printable
from kxplan.text.numbers import DASH, data_number, money, whole


def overview(plan: Plan) -> str:
    """A plain-text overview of a plan: who, maturity per area, contents, avoidable demand.

    User text is shown literally, one line each (see :func:`kxplan.text.literal.printable`).
    """
    lines = [*_heading(plan), "", *_maturity_lines(plan), "", *_content_lines(plan)]
    lines += journey_lines(plan)
    lines += kpi_lines(plan)
    lines += ["", _(AREAS_BY_ID["unnecessary_demand"].name), *_demand_lines(plan)]
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
            **_table_counts(plan),
            "initiatives": len(plan.initiatives),
        },
        "initiatives_by_status": {term.key: statuses[term.key] for term in STATUSES},
        "demand_totals": totals.data(),
        "journey": journey_data(plan),
        "kpis": [kpi_data(kpi) for kpi in plan.areas.insight.kpis],
    }


def _table_counts(plan: Plan) -> dict[str, int]:
    """The rows of each table by its key, the logs of all areas counted together."""
    counts: dict[str, int] = {}
    for table in AREA_TABLES:
        counts[table.attribute] = counts.get(table.attribute, 0) + len(table.rows(plan))
    counts["log"] = counts.pop("log")  # after the tables, as an area step shows it
    return counts


def _heading(plan: Plan) -> list[str]:
    title = printable(plan.title)
    facts = [
        (_("Organisation"), printable(plan.organisation)),
        (_("Version"), printable(plan.version)),
        (_("Facilitator"), printable(plan.facilitator)),
        (_("Participants"), ", ".join(map(printable, plan.participants))),
        (_("Updated"), f"{plan.updated:%Y-%m-%d %H:%M %Z}".strip() if plan.updated else ""),
    ]
    width = max(len(label) for label, _value in facts) + 2
    return [title, "=" * min(len(title), 79)] + [
        f"{label + ':':<{width}}{value}" for label, value in facts if value
    ]


def _maturity_lines(plan: Plan) -> list[str]:
    area_title, today, target, gap_title = _("Area"), _("Today"), _("Target"), _("Gap")
    lines = [f"{area_title:<28}{today:>6}{target:>8}{gap_title:>6}"]
    for area_def in AREAS:
        area = plan.areas.get(area_def.id)
        gap = area.gap
        name = _(area_def.name)
        lines.append(
            f"{area_def.number} {name:<26}"
            f"{_maturity(area.maturity_today):>6}{_maturity(area.maturity_target):>8}"
            f"{'' if gap is None else f'{gap:+d}':>6}"
        )
    return lines


def _maturity(value: int | None) -> str:
    return DASH if value is None else f"{value}/{MATURITY_MAX}"


def _content_lines(plan: Plan) -> list[str]:
    plurals = {table.attribute: table.plural for table in AREA_TABLES}
    counts = [(_(plurals[key]), count) for key, count in _table_counts(plan).items()]
    counts.append((_("Initiatives"), len(plan.initiatives)))
    width = max(17, *(len(label) + 1 for label, _count in counts))
    lines = [_("Contents"), *(f"  {label:<{width}}{count:>4}" for label, count in counts)]
    statuses: Counter[str] = Counter(item.status for item in plan.initiatives)
    status_text = ", ".join(
        f"{STATUSES.label(term.key).lower()} {count}"
        for term in STATUSES
        if (count := statuses[term.key])
    )
    if status_text:
        lines[-1] += f"  ({status_text})"
    return lines


def _demand_lines(plan: Plan) -> list[str]:
    if not plan.areas.unnecessary_demand.contact_reasons:
        return ["  " + _("No contact reasons recorded yet.")]
    totals = demand_totals(plan)
    facts = [
        (
            _("Contacts per month:"),
            _("{contacts} ({failure} failure demand)").format(
                contacts=whole(totals.contacts), failure=whole(totals.failure)
            ),
        ),
        (
            _("Avoidable contacts:"),
            _("{count} per month").format(count=whole(totals.avoidable)),
        ),
        (
            _("Avoidable cost:"),
            _("{cost} per month").format(cost=money(totals.cost, printable(plan.currency))),
        ),
    ]
    if unpriced := len(totals.unpriced):
        text = ngettext(
            "{count} contact reason without a channel cost",
            "{count} contact reasons without a channel cost",
            unpriced,
        ).format(count=unpriced)
        facts.append((_("Not priced:"), text))
    width = max(len(label) for label, _text in facts) + 2
    return [f"  {label:<{width}}{text}" for label, text in facts]
