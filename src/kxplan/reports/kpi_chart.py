"""A KPI's readings over time as an inline SVG chart for the HTML document: the
readings as a line with dots over a dated axis, the baseline as a dotted line, the
target as a dashed line and its date as a dashed upright line.

Drawn in one colour with three line patterns, so it reads printed in black and white;
the axes are labelled in the document's language (:func:`~kxplan.reports.dates.month_name`,
the KPI's own number formatting). :func:`chart_scale` is the geometry alone, so a test
can check that every point lands inside the plot.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from dataclasses import dataclass
from typing import Final

from kxplan.i18n import _
from kxplan.model import Kpi
from kxplan.model.followup import ordered
from kxplan.reports.dates import date_text, month_name
from kxplan.reports.kpi_progress import kpi_line
from kxplan.reports.svg import esc
from kxplan.text.numbers import number

WIDTH: Final = 640
HEIGHT: Final = 300
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 24, 52
"""The margins around the plot: room for the value labels, the target date and the
months (the KPI's name is the heading above the chart)."""

_INK: Final = "#1f5f99"
_GREY: Final = "#5a6573"
_TEXT: Final = "#1d232b"


@dataclass(frozen=True, slots=True)
class ChartScale:
    """Where dates and values land: the plot box in SVG units and the ranges it shows."""

    first: float
    """The earliest day shown, as a proleptic ordinal (``date.toordinal()``)."""
    last: float
    low: float
    high: float
    box: tuple[float, float, float, float] = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM)
    """left, top, right, bottom."""

    def x(self, day: dt.date) -> float:
        left, _top, right, _bottom = self.box
        return left + (day.toordinal() - self.first) / (self.last - self.first) * (right - left)

    def y(self, value: float) -> float:
        _left, top, _right, bottom = self.box
        return bottom - (value - self.low) / (self.high - self.low) * (bottom - top)


def chart_scale(kpi: Kpi) -> ChartScale | None:
    """The chart's ranges: every reading's date and the target date across, with a
    little room; every reading, the baseline and the target up, with room but not past
    the KPI's scale. None without readings."""
    if not kpi.readings:
        return None
    days = [r.date.toordinal() for r in kpi.readings]
    if kpi.target_date is not None:
        days.append(kpi.target_date.toordinal())
    first, last = min(days), max(days)
    room = max((last - first) / 20, 15.0)
    values = [float(r.value) for r in kpi.readings]
    values += [float(v) for v in (kpi.baseline, kpi.target) if v is not None]
    low, high = min(values), max(values)
    pad = (high - low) / 8 if high > low else max(abs(high) / 10, 1.0)
    term = kpi.scale_term
    bottom = low - pad if term.low is None else max(low - pad, float(term.low))
    top = high + pad if term.high is None else min(high + pad, float(term.high))
    if top <= bottom:  # a value at the scale's very end: room on the other side
        top, bottom = high + pad, low - pad
    return ChartScale(first - room, last + room, bottom, top)


def value_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round values from ``low`` to ``high`` (steps of 1, 2, 2.5 or 5 × a power of ten),
    at most ``most`` of them."""
    span = high - low
    if not math.isfinite(span) or span / most < sys.float_info.min:  # none, or too fine to count
        return [low]
    magnitude = 10 ** math.floor(math.log10(span / most))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10, 20) if span / (m * magnitude) <= most)
    first = math.ceil(low / step - 1e-9)
    count = math.floor(high / step + 1e-9) - first + 1
    return [round((first + i) * step, 10) for i in range(max(count, 0))]


def month_ticks(first: dt.date, last: dt.date, most: int = 6) -> list[dt.date]:
    """The first days of months from ``first`` to ``last``, every 1, 2, 3, 6, 12, 24 or
    60 months (the fewest that keep them to ``most``), on months that step divides."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= most), 120)
    ticks = []
    at = first.year * 12 + first.month - 1
    while at <= last.year * 12 + last.month - 1:
        day = dt.date(at // 12, at % 12 + 1, 1)
        if day >= first and at % step == 0:
            ticks.append(day)
        at += 1
    return ticks


def tick_text(kpi: Kpi, value: float) -> str:
    """A value on the axis: with its unit ("80 %", "6 min"), but a range that follows a
    value ("(1–5)", "(−100…100)") is left to the readings' own labels."""
    if kpi.shown_unit.startswith("("):
        return number(value)
    return kpi.shown(value)


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _level(
    scale: ChartScale,
    kind: str,
    value: float,
    label: str,
    dashes: str,
    *,
    below: bool,
    at_left: bool = False,
) -> list[str]:
    """A level across the plot (the baseline, the target) and its label at one end, on
    the side away from the other level, inside the plot."""
    left, top, right, bottom = scale.box
    y = scale.y(value)
    if below and y > bottom - 16:
        below = False
    elif not below and y < top + 16:
        below = True
    return [
        f'<line class="{kind}" x1="{left}" y1="{_n(y)}" x2="{right}" y2="{_n(y)}" '
        f'stroke="{_TEXT}" stroke-width="1.5" stroke-dasharray="{dashes}"/>',
        f'<text x="{left + 6 if at_left else right - 6}" y="{_n(y)}" '
        f'dy="{14 if below else -5}" text-anchor="{"start" if at_left else "end"}" '
        f'font-size="11" fill="{_TEXT}" stroke="#fff" stroke-width="3" '
        f'paint-order="stroke">{esc(label)}</text>',
    ]


def kpi_chart_svg(kpi: Kpi, number: int) -> str:
    """One KPI's chart as a ``<figure>`` (empty text without readings); ``number`` keeps
    the ids of several charts on one page apart."""
    scale = chart_scale(kpi)
    if scale is None:
        return ""
    left, top, right, bottom = scale.box
    name = f"{kpi.shown_label} ({kpi.channel})"
    ident = f"kpi-chart-{number}"
    title = _("{kpi}: readings against the baseline and the target").format(kpi=name)
    out = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{ident}-title '
        f'{ident}-desc" font-family="system-ui, sans-serif" class="kpi-chart">',
        f'<title id="{ident}-title">{esc(title)}</title>',
        f'<desc id="{ident}-desc">{esc(kpi_line(kpi, date_text))}</desc>',
    ]
    for tick in value_ticks(scale.low, scale.high):
        y = _n(scale.y(tick))
        out.append(f'<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="#e1e6ec"/>')
        out.append(
            f'<text x="{left - 8}" y="{y}" text-anchor="end" dominant-baseline="middle" '
            f'font-size="11" fill="{_GREY}">{esc(tick_text(kpi, tick))}</text>'
        )
    # the room either side stays within the calendar (a reading of year 1, a target of 9999)
    first = dt.date.fromordinal(max(1, math.ceil(scale.first)))
    last = dt.date.fromordinal(min(dt.date.max.toordinal(), math.floor(scale.last)))
    shown_year = 0
    for month in month_ticks(first, last):
        x = _n(scale.x(month))
        out.append(f'<line x1="{x}" y1="{bottom}" x2="{x}" y2="{bottom + 5}" stroke="{_GREY}"/>')
        out.append(
            f'<text x="{x}" y="{bottom + 18}" text-anchor="middle" font-size="11" '
            f'fill="{_GREY}">{esc(month_name(month.month))}</text>'
        )
        if month.year != shown_year:
            shown_year = month.year
            out.append(
                f'<text x="{x}" y="{bottom + 32}" text-anchor="middle" font-size="11" '
                f'fill="{_GREY}">{month.year}</text>'
            )
    out.append(
        f'<rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" '
        f'fill="none" stroke="{_GREY}"/>'
    )
    rising = kpi.target is None or kpi.baseline is None or kpi.target >= kpi.baseline
    if kpi.baseline is not None:
        label = _("Baseline {value}").format(value=kpi.shown(kpi.baseline))
        out += _level(scale, "baseline", kpi.baseline, label, "2 3", below=rising)
    if kpi.target is not None:
        label = _("Target {value}").format(value=kpi.shown(kpi.target))
        # at the left, away from the target date (readings start near the baseline)
        out += _level(scale, "target", kpi.target, label, "8 4", below=not rising, at_left=True)
    if kpi.target_date is not None:
        x = _n(scale.x(kpi.target_date))
        label = _("Target date {date}").format(date=date_text(kpi.target_date))
        out.append(
            f'<line class="target-date" x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" '
            f'stroke="{_TEXT}" stroke-dasharray="8 4"/>'
        )
        out.append(
            f'<text x="{x}" y="{top - 6}" text-anchor="end" font-size="11" '
            f'fill="{_TEXT}">{esc(label)}</text>'
        )
    readings = ordered(kpi.readings)
    spots = [(scale.x(r.date), scale.y(r.value)) for r in readings]
    points = " ".join(f"{_n(x)},{_n(y)}" for x, y in spots)
    out.append(
        f'<polyline class="readings" points="{points}" fill="none" stroke="{_INK}" '
        'stroke-width="2.5"/>'
    )
    for reading, (cx, cy) in zip(readings, spots, strict=True):
        value = kpi.shown(reading.value)
        tip = _("{date}: {value}").format(date=date_text(reading.date), value=value)
        out.append(
            f'<circle class="reading" cx="{_n(cx)}" cy="{_n(cy)}" r="4.5" fill="#fff" '
            f'stroke="{_INK}" stroke-width="2"><title>{esc(tip)}</title></circle>'
        )
    out.append("</svg>")
    # only what the chart draws: a baseline, a target, its date each when the KPI has it
    said = [_("Solid line and dots: the readings.")]
    if kpi.baseline is not None:
        said.append(_("Dotted line: the baseline."))
    if kpi.target is not None and kpi.target_date is not None:
        said.append(_("Dashed lines: the target, and upright, its date."))
    elif kpi.target is not None:
        said.append(_("Dashed line: the target."))
    elif kpi.target_date is not None:
        said.append(_("Dashed upright line: the target date."))
    caption = " ".join(said)
    return (
        '<figure class="kpi">\n'
        + "\n".join(out)
        + f"\n<figcaption>{esc(caption)}</figcaption>\n</figure>"
    )
