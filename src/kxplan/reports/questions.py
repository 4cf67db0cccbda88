"""The document's open questions: disagreements, unstable ranks, what is not scored."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from kxplan.framework import SCORES, STATUSES
from kxplan.i18n import N_, _
from kxplan.model import Plan
from kxplan.reports.blocks import Block, Bullets, Heading, Note, Table
from kxplan.reports.results import Results
from kxplan.scoring import DEFAULT_TOP_K, unstable_rule
from kxplan.text.numbers import number, percent, whole

ESTIMATE_FIELDS: Final[tuple[tuple[str, str], ...]] = (
    ("effort", "Effort"),
    ("customer_value", "Customer value"),
    ("efficiency", "Efficiency"),
    ("confidence", N_("Confidence %")),
    ("reach", "Reach"),
)
"""The fields a participant estimates, with their column headers in English; shown
through :func:`field_header` (the vocabulary's words)."""


def field_header(name: str) -> str:
    """An estimated field's column header in the current language: "Customer value"."""
    if name == "confidence":
        return _("Confidence %")
    return SCORES.label(name) if name in SCORES else name.replace("_", " ")


def field_label(name: str) -> str:
    """An estimated field inside a sentence: "customer value"."""
    if name in SCORES:
        return SCORES.label(name).lower()
    return name.replace("_", " ")


def questions_section(plan: Plan, results: Results) -> Iterator[Block]:
    """What the workshop has not settled yet."""
    yield Heading(2, _("Open questions"), "open-questions")
    yield from _disagreements(plan, results)
    yield from _unstable(results)
    yield Heading(3, _("Not yet scored"), "unscored")
    if results.unscored:
        yield Bullets(tuple(f"{i.title} ({i.id})" for i in results.unscored))
    else:
        yield Note(_("Every open initiative is scored."))
    if results.closed:
        yield Heading(3, _("Done and dropped"), "closed")
        yield Bullets(
            tuple(
                _("{title} ({status})").format(title=i.title, status=STATUSES.label(i.status))
                for i in results.closed
            )
        )


def _disagreements(plan: Plan, results: Results) -> Iterator[Block]:
    by_id = {i.id: i for i in plan.initiatives}
    yield Heading(3, _("Open disagreements"), "disagreements")
    split = [r for r in results.ranking.results if r.agreement == "low"]
    if not split:
        yield Note(_("No initiative has low agreement between participants."))
    for result in split:
        yield Heading(4, f"#{result.rank} {result.title}")
        spreads = [
            f"{field_label(name)} {number(s.low)}–{number(s.high)}"
            for name, s in result.spreads.items()
            if s.agreement == "low"
        ]
        if spreads:
            yield Note(_("Low agreement on: {spreads}.").format(spreads="; ".join(spreads)))
        estimates = by_id[result.id].estimates
        used = [
            (k, label)
            for k, label in ESTIMATE_FIELDS
            if any(getattr(e, k) is not None for e in estimates)
        ]
        yield Table(
            (_("Participant"), *(field_header(k) for k, _label in used)),
            tuple(
                (e.participant, *(number(getattr(e, k)) for k, _label in used)) for e in estimates
            ),
            frozenset(range(1, len(used) + 1)),
        )


def _unstable(results: Results) -> Iterator[Block]:
    ranking = results.ranking
    yield Heading(3, _("Unstable ranks"), "unstable")
    unstable = [
        (r, results.robustness[r.id])
        for r in ranking.results
        if r.id in results.robustness and results.robustness[r.id].unstable
    ]
    if not unstable:
        yield Note(
            _(
                "No initiative's place in or out of the top {k} is in doubt when "
                "the scores vary within the participants' estimates."
            ).format(k=DEFAULT_TOP_K)
            if results.robustness
            else _("Too few scored initiatives to test how stable the ranks are.")
        )
        return
    top_k = unstable[0][1].top_k
    show_chance = top_k < len(ranking.results)
    yield Note(
        _(
            "Ranks when the scores vary within the participants' estimates "
            "({samples} samples, seeded from the plan's scores, so the app, "
            "kxplan rank --robust and every export show the same); the range holds "
            "{share} of the samples."
        ).format(samples=whole(results.samples), share=percent(90))
        + " "
        + unstable_rule(top_k)
    )
    headers = (
        _("Rank"),
        _("Initiative"),
        _("Rank range"),
        _("Chance of top {k}").format(k=top_k),
    )
    yield Table(
        headers if show_chance else headers[:3],
        tuple(
            (
                str(r.rank),
                r.title,
                f"{rob.rank_low}–{rob.rank_high}",
                percent(100 * rob.p_top_k),
            )[: 4 if show_chance else 3]
            for r, rob in unstable
        ),
        frozenset({0, 2, 3}),
    )
