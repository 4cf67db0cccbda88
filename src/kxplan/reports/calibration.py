"""Calibration for people: how the effort estimated for done work compares with what it
took, per participant and for the room — the document's section and its SVG picture,
and the lines of ``kxplan calibration``.

The figures come from :mod:`kxplan.scoring.calibration`; a positive difference means
the work took more than estimated (that estimator under-estimates).
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterator
from typing import Final

from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.reports.blocks import Block, Heading, Note, Picture, Table
from kxplan.reports.svg import axis_ticks, esc
from kxplan.scoring.calibration import (
    CLOSE_SHARE,
    Calibration,
    calibrations,
    signed,
)
from kxplan.text.numbers import number


def headers() -> tuple[str, str, str, str]:
    """The table's column headers, in the current language."""
    return (
        _("Participant"),
        _("Done initiatives estimated"),
        _("Mean difference"),
        _("Tendency"),
    )


def row(calibration: Calibration) -> tuple[str, str, str, str]:
    """One estimator's line of the table."""
    return (
        calibration.name,
        str(len(calibration.pairs)),
        signed(calibration.mean_difference),
        calibration.tendency_label,
    )


def explanation(plan: Plan) -> str:
    """What the figures mean, in one sentence for the page."""
    scale = plan.scales.effort
    return _(
        "Effort estimated for done initiatives against the actual effort, on the "
        "{low}–{high} scale. A positive difference means the work took more than "
        "estimated; within ±{close} on average counts as close."
    ).format(
        low=scale.min,
        high=scale.max,
        close=number(CLOSE_SHARE * (scale.max - scale.min)),
    )


def calibration_section(plan: Plan) -> Iterator[Block]:
    """The document's "Calibration" section; nothing until a done initiative has an
    actual effort to compare with."""
    found = calibrations(plan)
    if not found:
        return
    *people, room = found
    yield Heading(2, _("Calibration"), "calibration")
    yield Note(explanation(plan))
    yield Picture("calibration")
    yield Table(headers(), tuple(row(c) for c in people), frozenset({1, 2}), row(room))


def calibration_lines(plan: Plan) -> list[str]:
    """``kxplan calibration``'s text: the explanation and the table, or why there is
    nothing yet."""
    found = calibrations(plan)
    if not found:
        return [empty_text()]
    rows = [headers(), *(row(c) for c in found)]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [*textwrap.wrap(explanation(plan), 79), ""]
    for number_, cells in enumerate(rows):
        if number_ == len(rows) - 1:
            lines.append("  ".join("-" * w for w in widths))
        lines.append(
            "  ".join(
                cell.rjust(w) if 0 < i < 3 and number_ else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()
        )
    return lines


def empty_text() -> str:
    """What the views say before anything can be compared."""
    return _(
        "Nothing to compare yet: calibration needs done initiatives with an actual "
        "effort (mark an initiative done and the editor asks what it took)."
    )


_ROW: Final = 30
_LABEL: Final = 170
_PLOT: Final = 380
_RIGHT: Final = 150


def calibration_svg(plan: Plan) -> str:
    """Per estimator a row of dots, one per done initiative, left of zero where the work
    took less than estimated and right where it took more; a bar marks the mean."""
    found = calibrations(plan)
    scale = plan.scales.effort
    span = float(max(scale.max - scale.min, 1))
    width = _LABEL + _PLOT + _RIGHT
    top = 22
    height = top + _ROW * len(found) + 42

    def x(value: float) -> float:
        return _LABEL + (max(-span, min(span, value)) + span) / (2 * span) * _PLOT

    out = [
        f'<svg viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="calibration-title" font-family="system-ui, sans-serif">',
        '<title id="calibration-title">'
        + esc(_("Actual minus estimated effort of each done initiative, per participant"))
        + "</title>",
        f'<text x="{_LABEL}" y="12" font-size="11" fill="#5a6573">'
        + esc(_("← took less than estimated"))
        + "</text>",
        f'<text x="{_LABEL + _PLOT}" y="12" text-anchor="end" font-size="11" fill="#5a6573">'
        + esc(_("took more than estimated →"))
        + "</text>",
    ]
    bottom = top + _ROW * len(found)
    for tick in axis_ticks(-span, span):
        at = _num(x(tick))
        colour = "#8a96a3" if tick == 0 else "#e1e6ec"
        out.append(f'<line x1="{at}" y1="{top}" x2="{at}" y2="{bottom}" stroke="{colour}"/>')
        out.append(
            f'<text x="{at}" y="{bottom + 14}" text-anchor="middle" font-size="11" '
            f'fill="#5a6573">{esc(signed(tick))}</text>'
        )
    for index, calibration in enumerate(found):
        middle = top + index * _ROW + _ROW / 2
        room = not calibration.who
        if room:
            out.append(
                f'<line x1="0" y1="{_num(middle - _ROW / 2)}" x2="{width}" '
                f'y2="{_num(middle - _ROW / 2)}" stroke="#c5ced8"/>'
            )
        weight = ' font-weight="bold"' if room else ""
        out.append(
            f'<text x="{_LABEL - 10}" y="{_num(middle)}" text-anchor="end" '
            f'dominant-baseline="middle" font-size="13" fill="#1d232b"{weight}>'
            + esc(calibration.name)
            + "</text>"
        )
        seen: Counter[float] = Counter()
        for difference in calibration.differences:
            shift = seen[difference] * 5  # equal differences side by side, not on top
            seen[difference] += 1
            out.append(
                f'<circle cx="{_num(x(difference) + shift)}" cy="{_num(middle)}" r="5" '
                'fill="#1f5f99" fill-opacity="0.75"/>'
            )
        mean = _num(x(calibration.mean_difference))
        out.append(
            f'<line x1="{mean}" y1="{_num(middle - 9)}" x2="{mean}" y2="{_num(middle + 9)}" '
            'stroke="#b23c17" stroke-width="3"/>'
        )
        out.append(
            f'<text x="{_LABEL + _PLOT + 10}" y="{_num(middle)}" dominant-baseline="middle" '
            f'font-size="13" fill="#1d232b">'
            + esc(f"{signed(calibration.mean_difference)} {calibration.tendency_label}")
            + "</text>"
        )
    out.append(
        f'<text x="{_LABEL + _PLOT / 2}" y="{height - 6}" text-anchor="middle" '
        'font-size="11" fill="#5a6573">' + esc(_("actual − estimated effort")) + "</text>"
    )
    out.append("</svg>")
    caption = esc(
        _("Dots: one done initiative each. Bar: the mean difference. Zero: as estimated.")
    )
    return (
        f'<figure class="calibration">\n{"".join(out)}\n'
        f"<figcaption>{caption}</figcaption>\n</figure>"
    )


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")
