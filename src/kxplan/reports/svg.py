"""The pictures in the HTML document, as inline SVG: the effort × impact matrix and the
maturity bars. Also :func:`esc`, the escaping of user text for HTML and SVG."""

from __future__ import annotations

import html
import math
from typing import Final

from kxplan.framework import AREAS, QUADRANTS
from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.reports.placement import LEADER_SPACING, place_points
from kxplan.reports.results import Results
from kxplan.text.literal import visible_lines
from kxplan.text.numbers import number

__all__ = [
    "LEADER_SPACING",
    "POINT_RADIUS",
    "axis_ticks",
    "esc",
    "matrix_svg",
    "maturity_svg",
    "place_points",
]


def esc(text: str) -> str:
    """User text for HTML (and SVG): every markup character escaped, quotes too, and
    control characters spelled out (a NUL makes a page invalid)."""
    return html.escape(visible_lines(text), quote=True)


_QUADRANT_FILL: Final = {
    "quick_win": "#e3f4e6",
    "major_project": "#e6eef9",
    "fill_in": "#f5f5f0",
    "thankless": "#fbe9e7",
}
_QUADRANT_STROKE: Final = {
    "quick_win": "#2e7d32",
    "major_project": "#1f5f99",
    "fill_in": "#6d6d5f",
    "thankless": "#b23c17",
}
POINT_RADIUS: Final = 11


def _svg_num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def axis_ticks(low: float, high: float, most: int = 11) -> list[int]:
    """Whole-number ticks from ``low`` to ``high``, at most ``most`` of them, on round steps."""
    span = max(high - low, 1)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if span / s < most)
    first = math.ceil(low / step) * step
    return list(range(first, math.floor(high) + 1, step))


def matrix_svg(plan: Plan, results: Results) -> str:
    """The effort × impact matrix: quadrants, thresholds, numbered points and a legend."""
    ranking = results.ranking
    points = [r for r in ranking.results if math.isfinite(r.effort) and math.isfinite(r.impact)]
    width, height = 640, 460
    left, right, top, bottom = 64, 16, 16, 56
    plot_w, plot_h = width - left - right, height - top - bottom

    effort_scale, value_scale = plan.scales.effort, plan.scales.customer_value
    x_values = [float(effort_scale.min), float(effort_scale.max)]
    x_values += [float(r.effort) for r in points]
    y_values = [float(value_scale.min), float(value_scale.max)]  # impact is on this scale
    y_values += [float(r.impact) for r in points]
    x_pad = (max(x_values) - min(x_values)) / 8 or 0.5
    y_pad = (max(y_values) - min(y_values)) / 8 or 0.5
    x_lo, x_hi = min(x_values) - x_pad, max(x_values) + x_pad
    y_lo, y_hi = min(y_values) - y_pad, max(y_values) + y_pad

    def sx(value: float) -> float:
        return left + (value - x_lo) / (x_hi - x_lo) * plot_w

    def sy(value: float) -> float:
        return top + plot_h - (value - y_lo) / (y_hi - y_lo) * plot_h

    effort_cut = ranking.effort_threshold
    impact_cut = ranking.impact_threshold
    cut_x = sx(effort_cut if effort_cut is not None else (x_lo + x_hi) / 2)
    cut_y = sy(impact_cut if impact_cut is not None else (y_lo + y_hi) / 2)
    right_x, bottom_y = left + plot_w, top + plot_h

    out: list[str] = [
        f'<svg viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="matrix-title matrix-desc" font-family="system-ui, sans-serif">',
        '<title id="matrix-title">' + esc(_("Effort and impact of each initiative")) + "</title>",
        '<desc id="matrix-desc">'
        + esc(
            _(
                "Effort on the horizontal axis, impact on the vertical axis; each numbered "
                "point is an initiative's rank, listed below the picture."
            )
        )
        + "</desc>",
    ]
    quadrants = (
        ("quick_win", left, top, cut_x - left, cut_y - top, "start", "hanging"),
        ("major_project", cut_x, top, right_x - cut_x, cut_y - top, "end", "hanging"),
        ("fill_in", left, cut_y, cut_x - left, bottom_y - cut_y, "start", "auto"),
        ("thankless", cut_x, cut_y, right_x - cut_x, bottom_y - cut_y, "end", "auto"),
    )
    for key, x, y, w, h, anchor, baseline in quadrants:
        out.append(
            f'<rect x="{_svg_num(x)}" y="{_svg_num(y)}" width="{_svg_num(max(w, 0))}" '
            f'height="{_svg_num(max(h, 0))}" fill="{_QUADRANT_FILL[key]}"/>'
        )
        label_x = x + 8 if anchor == "start" else x + w - 8
        label_y = y + 8 if baseline == "hanging" else y + h - 8
        out.append(
            f'<text x="{_svg_num(label_x)}" y="{_svg_num(label_y)}" text-anchor="{anchor}" '
            f'dominant-baseline="{baseline}" font-size="14" font-weight="600" '
            f'fill="{_QUADRANT_STROKE[key]}">{esc(QUADRANTS.say(QUADRANTS[key].plural))}</text>'
        )
    out.append(
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" '
        'stroke="#5a6573"/>'
    )
    for tick in axis_ticks(x_lo, x_hi):
        out.append(
            f'<text x="{_svg_num(sx(tick))}" y="{bottom_y + 18}" text-anchor="middle" '
            f'font-size="12" fill="#5a6573">{tick}</text>'
        )
    for tick in axis_ticks(y_lo, y_hi):
        out.append(
            f'<text x="{left - 8}" y="{_svg_num(sy(tick))}" text-anchor="end" '
            f'dominant-baseline="middle" font-size="12" fill="#5a6573">{tick}</text>'
        )
    out.append(
        f'<line x1="{_svg_num(cut_x)}" y1="{top}" x2="{_svg_num(cut_x)}" y2="{bottom_y}" '
        'stroke="#5a6573" stroke-dasharray="6 4"/>'
    )
    out.append(
        f'<line x1="{left}" y1="{_svg_num(cut_y)}" x2="{right_x}" y2="{_svg_num(cut_y)}" '
        'stroke="#5a6573" stroke-dasharray="6 4"/>'
    )
    out.append(
        f'<text x="{left + plot_w / 2:.0f}" y="{height - 12}" text-anchor="middle" '
        'font-size="14" fill="#1d232b">' + esc(_("Effort (low → high)")) + "</text>"
    )
    out.append(
        f'<text x="18" y="{top + plot_h / 2:.0f}" text-anchor="middle" font-size="14" '
        f'fill="#1d232b" transform="rotate(-90 18 {top + plot_h / 2:.0f})">'
        + esc(_("Impact (low → high)"))
        + "</text>"
    )
    true_spots = [(sx(float(r.effort or 0)), sy(float(r.impact or 0))) for r in points]
    spots = place_points(true_spots, POINT_RADIUS, (left, top, right_x, bottom_y))
    placed = list(zip(points, true_spots, spots, strict=True))
    for result, (tx, ty), (px, py) in placed:  # leader lines first, under every point
        if (px, py) != (tx, ty):
            colour = _QUADRANT_STROKE.get(result.quadrant, "#1d232b")
            out.append(
                f'<line x1="{_svg_num(tx)}" y1="{_svg_num(ty)}" x2="{_svg_num(px)}" '
                f'y2="{_svg_num(py)}" stroke="{colour}" stroke-width="1"/>'
            )
            out.append(f'<circle cx="{_svg_num(tx)}" cy="{_svg_num(ty)}" r="2.5" fill="{colour}"/>')
    for result, _true, (px, py) in placed:
        colour = _QUADRANT_STROKE.get(result.quadrant, "#1d232b")
        tooltip = esc(
            _("#{rank} {title}: effort {effort}, impact {impact}").format(
                rank=result.rank,
                title=result.title,
                effort=number(result.effort),
                impact=number(result.impact),
            )
        )
        out.append(f"<g><title>{tooltip}</title>")
        out.append(
            f'<circle cx="{_svg_num(px)}" cy="{_svg_num(py)}" r="{POINT_RADIUS}" fill="#fff" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
        out.append(
            f'<text x="{_svg_num(px)}" y="{_svg_num(py)}" text-anchor="middle" '
            f'dominant-baseline="central" font-size="11" font-weight="700" '
            f'fill="{colour}">{result.rank}</text></g>'
        )
    out.append("</svg>")
    legend = "\n".join(f'<li value="{r.rank}">{esc(r.title)}</li>' for r in ranking.results)
    caption = _(
        "Dashed lines: the thresholds for high impact and high effort. "
        "Points that share a spot are moved apart; a line leads back to the true position."
    )
    return (
        '<figure class="matrix">\n'
        + "\n".join(out)
        + f"\n<figcaption>{esc(caption)}</figcaption>\n"
        + '<ol class="legend" aria-label="'
        + esc(_("Initiatives by rank"))
        + f'">\n{legend}\n</ol>\n</figure>'
    )


def maturity_svg(plan: Plan) -> str:
    """Maturity today and target per area, as horizontal bars on the 1–5 scale."""
    row_h, label_w, bar_w, right = 34, 230, 300, 110
    width = label_w + bar_w + right
    height = row_h * len(AREAS) + 30
    unit = bar_w / 5
    out: list[str] = [
        f'<svg viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="maturity-title" font-family="system-ui, sans-serif">',
        '<title id="maturity-title">'
        + esc(_("Maturity today and target per area, 1 to 5"))
        + "</title>",
    ]
    for level in range(6):
        x = label_w + level * unit
        out.append(
            f'<line x1="{_svg_num(x)}" y1="0" x2="{_svg_num(x)}" y2="{height - 22}" '
            'stroke="#e1e6ec"/>'
        )
        out.append(
            f'<text x="{_svg_num(x)}" y="{height - 6}" text-anchor="middle" font-size="11" '
            f'fill="#5a6573">{level}</text>'
        )
    for index, area in enumerate(AREAS):
        item = plan.areas.get(area.id)
        y = index * row_h + 6
        out.append(
            f'<text x="{label_w - 10}" y="{y + 11}" text-anchor="end" '
            f'dominant-baseline="middle" font-size="13" fill="#1d232b">'
            + esc(f"{area.number}. {_(area.name)}")
            + "</text>"
        )
        if item.maturity_target is not None:
            out.append(
                f'<rect x="{label_w}" y="{y}" width="{_svg_num(item.maturity_target * unit)}" '
                'height="22" fill="none" stroke="#1f5f99" stroke-width="2" '
                'stroke-dasharray="5 3"/>'
            )
        if item.maturity_today is not None:
            out.append(
                f'<rect x="{label_w}" y="{y + 4}" width="{_svg_num(item.maturity_today * unit)}" '
                'height="14" fill="#1f5f99"/>'
            )
        if item.maturity_today is None and item.maturity_target is None:
            status = _("not judged")
        else:
            gap = "" if item.gap is None else f" ({item.gap:+d})"
            status = f"{number(item.maturity_today)} → {number(item.maturity_target)}{gap}"
        out.append(
            f'<text x="{label_w + bar_w + 10}" y="{y + 11}" dominant-baseline="middle" '
            f'font-size="13" fill="#1d232b">{esc(status)}</text>'
        )
    out.append("</svg>")
    caption = esc(_("Filled bar: maturity today. Dashed outline: the target."))
    return (
        f'<figure class="maturity">\n{"".join(out)}\n<figcaption>{caption}</figcaption>\n</figure>'
    )
