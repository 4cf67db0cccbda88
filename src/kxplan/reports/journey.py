"""The customer journey for people: the plan's stages in order, the touchpoints grouped
by them (critical ones marked, with expectation, experience and gap), and the largest
gaps at critical touchpoints, one line each, for the summary and ``kxplan show``.

The stages, their labels and the gaps come from :mod:`kxplan.model.journey`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kxplan.i18n import _, ngettext
from kxplan.model import Plan, Touchpoint
from kxplan.model.journey import (
    Gap,
    by_stage,
    expectation_gap,
    largest_gaps,
    stage_label,
    stage_views,
)
from kxplan.model.tables import AreaTable
from kxplan.reports.blocks import Block, Bullets, Heading, Note
from kxplan.reports.blocks import table_or_note as _table_or_note
from kxplan.text.literal import one_line, printable
from kxplan.text.numbers import data_number, number


def signed(gap: float | None) -> str:
    """A gap as people read it: +3, 0, −0.5; blank for none."""
    if gap is None:
        return ""
    return ("+" if gap > 0 else "") + number(gap)


def critical_mark(touchpoint: Touchpoint) -> str:
    """The word that marks a critical touchpoint in a table; blank for the others."""
    # TRANSLATORS: the mark in the Critical column of a critical touchpoint.
    return _("yes") if touchpoint.critical else ""


def scores(touchpoint: Touchpoint) -> str:
    """Expected → experienced, where either is scored: ``5 → 2``."""
    if touchpoint.expectation_score is None and touchpoint.experience_score is None:
        return ""
    return f"{number(touchpoint.expectation_score)} → {number(touchpoint.experience_score)}"


def gap_line(plan: Plan, item: Gap) -> str:
    """One gap at a critical touchpoint, in a sentence."""
    touchpoint = item.touchpoint
    return _(
        "{touchpoint} ({stage}): expected {expected}, experienced {experienced}, gap {gap}"
    ).format(
        touchpoint=one_line(touchpoint.name),
        stage=stage_label(plan, touchpoint.stage),
        expected=number(touchpoint.expectation_score),
        experienced=number(touchpoint.experience_score),
        gap=signed(item.gap),
    )


def journey_section(plan: Plan, table: AreaTable) -> Iterator[Block]:
    """The plan's own stages, in order, with what happens in each; nothing for a plan on
    the built-in three (before, during and after purchase say it themselves)."""
    if not plan.areas.insight.journey:
        return
    counts = {view.id: len(rows) for view, rows in by_stage(plan)}
    rows = [
        (
            view.label,
            view.description,
            ngettext("{count} touchpoint", "{count} touchpoints", counts.get(view.id, 0)).format(
                count=counts.get(view.id, 0)
            ),
        )
        for view in stage_views(plan)
    ]
    headers = (_("Stage"), _("What happens"), _("Touchpoints"))
    yield from _table_or_note(_(table.title), headers, rows)


def touchpoints_section(plan: Plan, table: AreaTable) -> Iterator[Block]:
    """The touchpoints grouped by stage in the plan's order: critical marked, what
    customers expect and experience, the scores and the gap."""
    rows = [
        (
            view.label,
            t.name,
            t.channel,
            critical_mark(t),
            t.expectation,
            t.experience,
            scores(t),
            signed(expectation_gap(t)),
            t.notes,
        )
        for view, touchpoints in by_stage(plan)
        for t in touchpoints
    ]
    headers = (
        _("Stage"),
        _("Touchpoint"),
        _("Channel"),
        _("Critical"),
        _("Expectation"),
        _("Experience"),
        # TRANSLATORS: a column's header: a touchpoint's scores, expected → experienced.
        _("Expected → experienced"),
        _("Gap"),
        _("Notes"),
    )
    yield from _table_or_note(_(table.title), headers, rows, (6, 7))


def summary_gaps(plan: Plan) -> Iterator[Block]:
    """The summary's block: the largest gaps at critical touchpoints, one line each;
    nothing for a plan that marks no touchpoint critical."""
    if not any(t.critical for t in plan.areas.insight.touchpoints):
        return
    yield Heading(3, _("The largest gaps at critical touchpoints"), "summary-journey")
    gaps = largest_gaps(plan)
    if not gaps:
        yield Note(_("No critical touchpoint has an experience below its expectation yet."))
        return
    yield Bullets(tuple(gap_line(plan, item) for item in gaps))


def journey_lines(plan: Plan) -> list[str]:
    """``kxplan show``'s lines: the stages in order with their touchpoints, and the
    largest gaps at critical touchpoints."""
    if not plan.areas.insight.journey and not plan.areas.insight.touchpoints:
        return []
    lines = ["", _("Journey")]
    groups = by_stage(plan)
    width = max(len(view.label) for view, _rows in groups) + 2
    for view, rows in groups:
        critical = sum(t.critical for t in rows)
        text = ngettext("{count} touchpoint", "{count} touchpoints", len(rows)).format(
            count=len(rows)
        )
        if critical:
            text = ngettext(
                "{touchpoints}, {critical} critical", "{touchpoints}, {critical} critical", critical
            ).format(touchpoints=text, critical=critical)
        lines.append(f"  {printable(view.label):<{width}}{text}")
    gaps = largest_gaps(plan)
    if gaps:
        lines += ["", _("Largest gaps at critical touchpoints")]
        lines += [f"  {printable(gap_line(plan, item))}" for item in gaps]
    return lines


def journey_data(plan: Plan) -> dict[str, Any]:
    """The journey for ``kxplan show --format json``: stages in order, each touchpoint's
    gap by its place in the plan's list."""
    return {
        "stages": [{"id": view.id, "label": view.label} for view in stage_views(plan)],
        "gaps": [
            {
                "touchpoint": t.name,
                "stage": t.stage,
                "critical": t.critical,
                "gap": data_number(expectation_gap(t)),
            }
            for t in plan.areas.insight.touchpoints
        ],
    }
