"""Where each KPI stands, for ``kxplan show`` and the document: baseline → latest
reading → target, the trend a month, and whether it is on track for its target date;
in the document also each KPI's chart and readings.

Plain Python over :mod:`kxplan.model.followup`; no widgets.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

from kxplan.i18n import _
from kxplan.model import Kpi, Plan
from kxplan.model.followup import ordered, progress
from kxplan.reports.blocks import Block, Heading, Paragraph, Picture, Table
from kxplan.reports.dates import date_text
from kxplan.text.literal import printable
from kxplan.text.numbers import DASH, data_number, number, percent


def kpi_line(kpi: Kpi, day: Callable[[datetime.date], str] = datetime.date.isoformat) -> str:
    """``74 % → 78 % (2027-01-31) → 85 % by 2027-12-31 · trend +1.5 a month · on track``;
    dates written by ``day`` (the document passes its language's date formatter)."""
    found = progress(kpi)
    if found.latest is None:
        latest = DASH
    else:
        latest = _("{value} ({date})").format(
            value=kpi.shown(found.latest.value), date=day(found.latest.date)
        )
    target = kpi.shown(kpi.target)
    if kpi.target_date is not None:
        target = _("{target} by {date}").format(target=target, date=day(kpi.target_date))
    parts = [f"{kpi.shown(kpi.baseline)} → {latest} → {target}"]
    if found.share is not None:
        parts.append(_("{share} of the way").format(share=percent(found.share * 100)))
    if found.trend_per_month is not None:
        trend = number(found.trend_per_month)
        if found.trend_per_month > 0:
            trend = "+" + trend
        parts.append(_("trend {trend} a month").format(trend=trend))
    if found.on_track is True:
        parts.append(_("on track"))
    elif found.on_track is False:
        parts.append(_("off track"))
    elif found.wrong_way:
        parts.append(_("off track: going the wrong way"))
    elif found.latest is not None:
        parts.append(_("on track: not known yet"))
    return " · ".join(parts)


def kpi_followup(plan: Plan) -> Iterator[Block]:
    """For each KPI with readings, in the document: its name, its chart (HTML), where it
    stands in words and its readings, oldest first."""
    for index, kpi in enumerate(plan.areas.insight.kpis):
        if not kpi.readings:
            continue
        yield Heading(4, f"{kpi.shown_label} ({kpi.channel})", f"kpi-{index + 1}")
        yield Picture("kpi", index)
        yield Paragraph(kpi_line(kpi, date_text))
        rows = [
            (date_text(r.date), kpi.shown(r.value), r.source, r.note) for r in ordered(kpi.readings)
        ]
        keep = [0, 1] + [i for i in (2, 3) if any(row[i].strip() for row in rows)]
        headers = (_("Date"), _("Value"), _("Source"), _("Note"))
        yield Table(
            tuple(headers[i] for i in keep),
            tuple(tuple(row[i] for i in keep) for row in rows),
            frozenset({1}),
        )


def kpi_lines(plan: Plan) -> list[str]:
    """Each KPI's standing, one a line, names lined up; [] without KPIs."""
    kpis = plan.areas.insight.kpis
    if not kpis:
        return []
    names = [printable(f"{k.shown_label} ({k.channel})") for k in kpis]
    width = max(17, *(len(name) for name in names))
    read = any(k.readings for k in kpis)
    heading = _("KPIs: baseline → latest → target") if read else _("KPIs: baseline → target")
    lines = ["", heading]
    for name, kpi in zip(names, kpis, strict=True):
        shown = kpi_line(kpi) if read else f"{kpi.shown(kpi.baseline)} → {kpi.shown(kpi.target)}"
        lines.append(f"  {name:<{width}}  {printable(shown)}")
    return lines


def kpi_data(kpi: Kpi) -> dict[str, Any]:
    """One KPI's standing for ``kxplan show --format json``."""
    found = progress(kpi)
    return {
        "measure": kpi.measure,
        "label": kpi.label,
        "channel": kpi.channel,
        "baseline": data_number(kpi.baseline),
        "target": data_number(kpi.target),
        "target_date": kpi.target_date.isoformat() if kpi.target_date else None,
        "latest": None
        if found.latest is None
        else {"date": found.latest.date.isoformat(), "value": data_number(found.latest.value)},
        "readings": len(kpi.readings),
        "progress": None if found.share is None else round(found.share, 4),
        "trend_per_month": None
        if found.trend_per_month is None
        else round(found.trend_per_month, 4),
        "on_track": found.on_track,
    }
