"""A starter plan with its evidence filled in: KPI readings and target dates, links from
initiatives to the rows they address, a done initiative with its actuals. For the
export tests and for looking at the documents by hand."""

from __future__ import annotations

import datetime

from support import TEMPLATES

from kxplan import storage
from kxplan.model import Plan
from kxplan.model.evidence import Link
from kxplan.model.followup import Reading

D = datetime.date


def with_evidence(template: str = "contact-centre") -> Plan:
    """The template (contact-centre or its Swedish twin kundservice) with evidence."""
    plan = storage.load(TEMPLATES / f"{template}.toml")
    for item in plan.initiatives:  # the template's own links: these plans set theirs
        item.addresses = []
    kpis = plan.areas.insight.kpis
    csat, nps, fcr = kpis[0], kpis[1], kpis[2]
    csat.target_date = D(2027, 6, 30)
    csat.readings = [
        Reading(date=D(2026, 3, 31), value=74.5, source="survey Q1"),
        Reading(date=D(2026, 6, 30), value=76, source="survey Q2", note="after the call-backs"),
        Reading(date=D(2026, 9, 30), value=77.5, source="survey Q3"),
    ]
    nps.target_date = D(2026, 12, 31)
    nps.readings = [Reading(date=D(2026, 4, 30), value=14), Reading(date=D(2026, 10, 31), value=11)]
    fcr.readings = [Reading(date=D(2026, 10, 31), value=69)]
    reasons = plan.areas.unnecessary_demand.contact_reasons
    frictions = plan.areas.service_friendliness.frictions
    tracking, invoice = plan.initiatives[0], plan.initiatives[1]
    invoice_point = plan.areas.insight.touchpoints[3]
    tracking.addresses = [
        Link(table="contact_reasons", key=[reasons[0].reason, reasons[0].channel]),
        Link(table="contact_reasons", key=[reasons[1].reason, reasons[1].channel]),
        Link(table="kpis", key=[csat.label, csat.channel]),
    ]
    invoice.addresses = [
        Link(table="contact_reasons", key=[reasons[2].reason, reasons[2].channel]),
        Link(table="frictions", key=[frictions[2].title]),
        Link(table="touchpoints", key=[invoice_point.name, invoice_point.stage]),
    ]
    done = plan.initiatives[3]  # the call-back log, in progress in the template
    done.status = "done"
    done.started = D(2026, 2, 1)
    done.finished = D(2026, 5, 15)
    done.actual_effort = 2
    done.outcome = "Promised call-backs are logged; complaints about them halved."
    done.addresses = [
        Link(table="contact_reasons", key=[reasons[3].reason, reasons[3].channel]),
        Link(table="kpis", key=[csat.label, csat.channel]),
    ]
    started = plan.initiatives[7]
    started.started = D(2026, 9, 1)
    started.reach = 9000
    started.reach_period = "quarter"
    return plan
