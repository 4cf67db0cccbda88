"""What the ranking's details pane says about one initiative, without any widget: why
this rank, the dependency that moved it (by title), how firmly it holds, the spread of
the estimates and the room's results.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from kxplan.framework import AGREEMENTS, SCORES, STATUSES
from kxplan.i18n import N_, _
from kxplan.model import Plan
from kxplan.scoring import RankedInitiative, Robustness
from kxplan.scoring.explanations import phrase
from kxplan.scoring.parts import PlacedAfter
from kxplan.text.numbers import number, percent
from kxplan.tui.ranking_rows import DEPENDENCY_MARK, UNSTABLE_MARK, Cell, Row, lacks_text
from kxplan.tui.room_results import room_lines

Line = tuple[Cell, ...]
"""One line of text as (text, style) pieces; the style "" is plain, others are Textual
styles ("bold", "dim", "$text-accent")."""

HINT: Final = N_("Enter opens an initiative · d shows the participants' spread")


def why(result: RankedInitiative) -> str:
    """The explanation as the details pane words it: without the dependency that moved
    it, which the pane names by title on a line of its own."""
    return "; ".join(
        phrase(part) for part in result.explanation_parts if not isinstance(part, PlacedAfter)
    )


def robustness_text(robust: Robustness) -> str:
    """How firmly the rank holds, in words."""
    if robust.unstable:
        verdict = _("unstable ({mark} in the Range column)").format(mark=UNSTABLE_MARK)
    else:
        verdict = _("stable")
    return _("rank {low}–{high} in {share} of resamples, top {k} in {chance}: {verdict}").format(
        share="90 %",
        low=robust.rank_low,
        high=robust.rank_high,
        k=robust.top_k,
        chance=percent(100 * robust.p_top_k),
        verdict=verdict,
    )


def spread_text(result: RankedInitiative) -> str:
    """Each estimated score's range, with its agreement when not high; "" without estimates."""
    parts = []
    for field, spread in result.spreads.items():
        low, high = number(spread.low), number(spread.high)
        name = SCORES.label(field).lower() if field in SCORES else field.replace("_", " ")
        part = f"{name} {low if low == high else f'{low}–{high}'}"
        if spread.agreement != "high":
            agreement = AGREEMENTS.label(spread.agreement).lower()
            part += _(" ({agreement} agreement)").format(agreement=agreement)
        parts.append(part)
    return "; ".join(parts)


def details(
    plan: Plan | None,
    rows: list[Row],
    initiative_id: str | None,
    notice: str,
    robustness: Mapping[str, Robustness],
) -> list[Line]:
    """What the details pane says about one initiative: why this rank, the dependency
    that moved it (by title), how firmly it holds, and the spread of the estimates."""
    lines: list[Line] = [((notice, "$text-warning"),)] if notice else []
    if initiative_id is None or plan is None:
        return [*lines, ((_(HINT), "dim"),)]
    row = next((r for r in rows if r.id == initiative_id), None)
    if row is None:
        return lines
    about = _about(plan, row, list(lines), robustness)
    at = len(lines) + 1  # the room's results right under the title: the pane is short
    return [*about[:at], *room_lines(plan, initiative_id), *about[at:]]


def _about(
    plan: Plan, row: Row, lines: list[Line], robustness: Mapping[str, Robustness]
) -> list[Line]:
    result = row.result
    title = (row.initiative.title, "bold")
    if result is None and row.closed:
        status = row.initiative.status
        said = _("  {status}: closed initiatives are not ranked").format(
            status=STATUSES.label(status).lower()
        )
        return [*lines, (title, (said, "dim"))]
    if result is None and row.lacks:
        return [
            *lines,
            (
                title,
                (_("  not ranked by this method: "), "dim"),
                (lacks_text(row.lacks), "$text-warning"),
                (
                    _(" · f4 in the initiative editor links contact reasons")
                    if row.lacks == ("money_saved",)
                    else _(" · f fills it in"),
                    "dim",
                ),
            ),
        ]
    if result is None:
        return [
            *lines,
            (title, (_("  not ranked: needs effort, customer value and efficiency"), "dim")),
        ]
    blocker = result.moved_by_dependency
    mark = DEPENDENCY_MARK if blocker else ""
    lines.append(
        ((f"{result.rank}{mark}. ", "bold"), (result.title, "bold"), ("  ", ""), (why(result), ""))
    )
    if blocker is not None:
        prerequisite = next(
            (item.title for item in plan.initiatives if item.id == blocker), blocker
        )
        lines.append(
            ((f"{DEPENDENCY_MARK} ", "bold"), (_("placed after "), ""), (prerequisite, "bold"),
             (_(", which it depends on"), ""))
        )  # fmt: skip
    robust = robustness.get(result.id)
    if robust is not None:
        lines.append(((_("Range: "), "dim"), (robustness_text(robust), "")))
    spread = spread_text(result)
    if spread:
        lines.append(((_("Spread: "), "dim"), (spread, "")))

    return lines
