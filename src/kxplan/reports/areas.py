"""The document's sections on the areas: answers, maturity, each area table, initiatives.

Which tables an area has, and their titles, come from the registry
(:data:`~kxplan.model.tables.TABLES_BY_AREA`); here is only how each table's rows read.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from typing import Final

from kxplan.framework import (
    AREAS_BY_ID,
    BUY_IN,
    CHECK_STATUSES,
    CLOSED_STATUSES,
    DECISIONS,
    DEMANDS,
    FREQUENCIES,
    MOBILITY_CHECKS,
    SCORES,
    STATUSES,
    STRATEGY_QUESTIONS,
    UNANCHORED,
    AreaId,
)
from kxplan.i18n import N_, _, ngettext, pgettext
from kxplan.model import Initiative, Plan
from kxplan.model.evidence import addressed_by
from kxplan.model.figures import demand_totals
from kxplan.model.journey import stage_label
from kxplan.model.tables import TABLES_BY_AREA, AreaTable
from kxplan.reports.blocks import NOTHING, Answer, Block, Bullets, Facts, Heading, Note
from kxplan.reports.blocks import table_or_note as _table_or_note
from kxplan.reports.journey import journey_section, touchpoints_section
from kxplan.reports.kpi_progress import kpi_followup
from kxplan.reports.log import log_section
from kxplan.reports.results import Results
from kxplan.reports.words import area_heading, currency
from kxplan.text.numbers import money, number, percent, whole


def area_section(plan: Plan, results: Results, area_id: AreaId) -> Iterator[Block]:
    """One area: its purpose, maturity, answers, tables and the initiatives serving it."""
    area = AREAS_BY_ID[area_id]
    item = plan.areas.get(area.id)
    yield Heading(2, area_heading(area), f"area-{area.id}")
    yield Note(_(area.purpose))
    if item.maturity_today is None and item.maturity_target is None:
        yield Facts(((_("Maturity"), _("not judged yet")),))
    else:
        today, target = number(item.maturity_today), number(item.maturity_target)
        if item.gap is None:
            maturity = f"{today} → {target}"
        else:
            maturity = _("{today} → {target} (gap {gap})").format(
                today=today, target=target, gap=f"{item.gap:+d}"
            )
        yield Facts(((_("Maturity"), maturity),))
    if any(getattr(item, key).strip() for key, _question, _hint in STRATEGY_QUESTIONS):
        for key, question, _hint in STRATEGY_QUESTIONS:
            yield Answer(_(question), getattr(item, key), _(NOTHING))
    else:  # one line instead of three empty answers: a fresh area takes little paper
        yield Note(_("None of the three questions is answered yet."))

    for table in TABLES_BY_AREA[area.id]:
        yield from TABLE_SECTIONS[table.attribute](plan, table)
        if table.attribute == "touchpoints":
            yield from _touchpoints_addressed(plan, table)

    serving = [i for i in plan.initiatives if area.id in i.areas]
    yield Heading(3, _("Initiatives for this area"))
    if serving:
        # A stable sort: equal ranks (the unranked) keep the plan's order.
        serving.sort(key=lambda i: results.ranks.get(i.id, math.inf))
        yield Bullets(tuple(initiative_label(i, results) for i in serving))
    else:
        yield Note(_("No initiative names this area yet."))


def initiative_label(item: Initiative, results: Results) -> str:
    """An initiative in a list: ``#2 Title``, or its status when it has no rank."""
    rank = results.ranks.get(item.id)
    if rank is not None:
        return f"#{rank} {item.title}"
    if item.status in CLOSED_STATUSES:
        return _("{title} ({status})").format(title=item.title, status=STATUSES.label(item.status))
    return _("{title} (not scored)").format(title=item.title)


ADDRESSED_BY: Final = N_("Addressed by")
"""The column of an area table that names the initiatives addressing each row."""


def with_addressed_by(
    plan: Plan, table: AreaTable, rows: Sequence[object], cells: Sequence[tuple[str, ...]]
) -> list[tuple[str, ...]]:
    """Each row's cells and one more: the initiatives that address it, by title, or
    "nobody yet" (a row no initiative answers). Empty in every row when no initiative
    links to any row yet, so the column is left out of the table."""
    if not any(item.addresses for item in plan.initiatives):
        return [(*row, "") for row in cells]
    added = []
    for row, row_cells in zip(rows, cells, strict=True):
        names = [item.title for item in addressed_by(plan, table, row)]
        added.append((*row_cells, "; ".join(names) or _("nobody yet")))
    return added


def _touchpoints_addressed(plan: Plan, table: AreaTable) -> Iterator[Block]:
    """Under the touchpoints: which initiatives address each, and those nobody does
    (when any initiative links to a row at all)."""
    touchpoints = plan.areas.insight.touchpoints
    if not touchpoints or not any(item.addresses for item in plan.initiatives):
        return
    addressed, left = [], []
    for touchpoint in touchpoints:
        titles = [item.title for item in addressed_by(plan, table, touchpoint)]
        if not titles:
            left.append(touchpoint.name)
            continue
        addressed.append(
            _("{touchpoint}: addressed by {initiatives}").format(
                touchpoint=touchpoint.name, initiatives="; ".join(titles)
            )
        )
    if addressed:
        yield Bullets(tuple(addressed))
    if left:
        yield Note(
            _("Touchpoints no initiative addresses yet: {touchpoints}.").format(
                touchpoints=", ".join(left)
            )
        )


def _kpis(plan: Plan, table: AreaTable) -> Iterator[Block]:
    rows = []
    for kpi in plan.areas.insight.kpis:
        nps = kpi.nps_from_shares
        from_shares = (
            ""
            if nps is None
            else _("{nps} ({promoters} promoters − {detractors} detractors)").format(
                nps=number(nps),
                promoters=percent(kpi.promoters, 2),
                detractors=percent(kpi.detractors, 2),
            )
        )
        rows.append(
            (
                kpi.shown_label,
                kpi.shown_channel,
                stage_label(plan, kpi.stage),
                f"{number(kpi.baseline)} → {kpi.shown(kpi.target)}",
                kpi.cadence,
                from_shares,
                kpi.notes,
            )
        )
    # TRANSLATORS: a column's header over the KPIs' names (capitalised).
    headers = (
        pgettext("column", "KPI"),
        _("Channel"),
        _("Stage"),
        _("Baseline → target"),
        _("Cadence"),
    )
    cells = with_addressed_by(plan, table, plan.areas.insight.kpis, rows)
    yield from _table_or_note(
        _(table.title), (*headers, _("NPS from shares"), _("Notes"), _(ADDRESSED_BY)), cells
    )
    yield from kpi_followup(plan)


def _channels(plan: Plan, table: AreaTable) -> Iterator[Block]:
    rows = [
        (
            c.name,
            percent(c.preference, 2),
            number(c.customer_value),
            money(c.cost_per_contact, currency(plan), places=2),
            c.hours,
            c.staffing,
            DECISIONS.label(c.decision),
            c.notes,
        )
        for c in plan.areas.accessibility.channels
    ]
    cells = with_addressed_by(plan, table, plan.areas.accessibility.channels, rows)
    headers = (
        _("Channel"),
        _("Share"),
        SCORES.label("customer_value"),
        _("Cost per contact"),
        _("Hours"),
        _("Staffing"),
        _("Decision"),
        _("Notes"),
        _(ADDRESSED_BY),
    )
    yield from _table_or_note(_(table.title), headers, cells, (1, 2, 3))


def _frictions(plan: Plan, table: AreaTable) -> Iterator[Block]:
    rows = [
        (
            stage_label(plan, f.stage),
            f.title,
            f.description,
            number(f.severity),
            FREQUENCIES.label(f.frequency),
            f.evidence,
            f.fix,
        )
        for f in plan.areas.service_friendliness.frictions
    ]
    cells = with_addressed_by(plan, table, plan.areas.service_friendliness.frictions, rows)
    headers = (
        _("Stage"),
        _("Friction"),
        _("Description"),
        _("Severity"),
        _("Frequency"),
        _("Evidence"),
        _("Fix"),
        _(ADDRESSED_BY),
    )
    yield from _table_or_note(_(table.title), headers, cells, (3,))


def _checks(plan: Plan, table: AreaTable) -> Iterator[Block]:
    checks = plan.areas.mobility.checks
    rows = [
        (c.channel, MOBILITY_CHECKS.label(c.check), CHECK_STATUSES.label(c.status), c.notes)
        for c in checks
    ]
    headers = (_("Channel"), _("Check"), _("Status"), _("Notes"))
    yield from _table_or_note(_(table.title), headers, rows)
    if checks:
        met = sum(c.status == "yes" for c in checks)
        partly = sum(c.status == "partly" for c in checks)
        yield Note(
            ngettext(
                "{met} of {count} check met, {partly} partly.",
                "{met} of {count} checks met, {partly} partly.",
                len(checks),
            ).format(met=met, count=len(checks), partly=partly)
        )


def _contact_reasons(plan: Plan, table: AreaTable) -> Iterator[Block]:
    reasons = plan.areas.unnecessary_demand.contact_reasons
    unit = currency(plan)
    rows = [
        (
            r.reason,
            r.channel,
            number(r.monthly_volume),
            DEMANDS.label(r.demand),
            r.root_cause,
            percent(r.avoidable, 2),
            whole(r.avoidable_per_month),
            money(plan.avoidable_cost_per_month(r), unit),
        )
        for r in reasons
    ]
    cells = with_addressed_by(plan, table, reasons, rows)
    totals = demand_totals(plan)
    cost = money(totals.cost, unit)
    yield from _table_or_note(
        _(table.title),
        (
            _("Reason"),
            _("Channel"),
            _("Contacts / month"),
            _("Demand"),
            _("Root cause"),
            _("Avoidable"),
            _("Avoidable / month"),
            _("Avoidable cost / month"),
            _(ADDRESSED_BY),
        ),
        cells,
        (2, 5, 6, 7),
        (_("Total"), "", number(totals.contacts), "", "", "", whole(totals.avoidable), cost, "")
        if reasons
        else None,
    )
    if reasons:
        share = totals.failure_share
        failure, contacts = number(totals.failure), number(totals.contacts)
        if share is None:
            text = _("Failure demand: {failure} of {contacts} contacts a month.").format(
                failure=failure, contacts=contacts
            )
        else:
            text = _("Failure demand: {failure} of {contacts} contacts a month ({share}).").format(
                failure=failure, contacts=contacts, share=percent(share)
            )
        text += " " + _("Avoidable: {avoidable} contacts, {cost} a month.").format(
            avoidable=whole(totals.avoidable), cost=cost
        )
        if totals.unpriced_channels:
            text += " " + _("No cost per contact is known for: {channels}.").format(
                channels=", ".join(totals.unpriced_channels)
            )
        yield Note(text)


def _stakeholders(plan: Plan, table: AreaTable) -> Iterator[Block]:
    people = plan.areas.anchoring.stakeholders
    rows = [
        (
            s.name,
            s.role,
            ", ".join(stage_label(plan, stage) for stage in s.stages),
            BUY_IN.label(s.buy_in),
            s.contact,
            s.next_step,
        )
        for s in people
    ]
    headers = (
        _("Stakeholder"),
        _("Role in the journey"),
        _("Stages"),
        _("Buy-in"),
        _("Contact"),
        _("Next step"),
    )
    yield from _table_or_note(_(table.title), headers, rows)
    if people:
        loose = [s.name for s in people if s.buy_in in UNANCHORED]
        if loose:
            yield Note(
                _("Not yet anchored ({count} of {total}): {names}.").format(
                    count=len(loose), total=len(people), names=", ".join(loose)
                )
            )
        else:
            yield Note(
                ngettext(
                    "The one stakeholder is at least neutral.",
                    "All {count} stakeholders are at least neutral.",
                    len(people),
                ).format(count=len(people))
            )


TABLE_SECTIONS: Final[dict[str, Callable[[Plan, AreaTable], Iterator[Block]]]] = {
    "journey": journey_section,
    "touchpoints": touchpoints_section,
    "kpis": _kpis,
    "channels": _channels,
    "frictions": _frictions,
    "checks": _checks,
    "contact_reasons": _contact_reasons,
    "stakeholders": _stakeholders,
    "log": log_section,
}
"""How each table of the registry reads in the document, by its attribute."""
