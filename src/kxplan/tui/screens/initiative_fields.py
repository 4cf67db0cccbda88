"""The initiative editor's fields, section by section: widgets only, no reading of them.

Reading what was typed is :mod:`kxplan.tui.initiative_form`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, Select, Static, TextArea
from textual.widgets.selection_list import Selection

from kxplan.framework import AREAS, STATUSES, AreaId
from kxplan.i18n import N_, _, ngettext
from kxplan.model import Estimate, Initiative, Plan, Scale
from kxplan.text.numbers import number
from kxplan.tui.forms import read_number
from kxplan.tui.initiative_form import ESTIMATE_FIELDS, ScoreField, show_number
from kxplan.tui.walk_steps import area_name
from kxplan.tui.widgets.tick_list import TickList

MEDIAN_NOTE: Final = N_(
    "Where participants give a score, the ranking uses their median; "
    "the scores above count where nobody did."
)
"""The estimates grid's note (marked; the editor shows ``_(MEDIAN_NOTE)``)."""


def anchor_hint(scale: Scale, text: str) -> Content:
    """What the typed score means on the scale: ``2 = A few weeks in one team``."""
    try:
        value = read_number(text)
    except ValueError:
        value = None
    scale_range = Content(
        _("scale {low}–{high}").format(low=number(scale.min), high=number(scale.max))
    )
    if value is None:
        return scale_range.stylize("dim")
    if value.is_integer():
        anchor = scale.anchors.get(str(int(value)))
        if anchor:
            return Content.assemble((f"{int(value)} = ", "bold"), anchor)
        return scale_range.stylize("dim")
    lower = scale.anchors.get(str(int(value // 1)))
    upper = scale.anchors.get(str(int(value // 1) + 1))
    if lower and upper:
        return Content.assemble(
            (_("{score} = between ").format(score=number(value)), "dim"),
            lower,
            (_(" and "), "dim"),
            upper,
        )
    return scale_range.stylize("dim")


def estimate_header(scores: Iterable[ScoreField]) -> Iterable[Label]:
    """The estimates grid's header: participant, then each score with its scale."""
    by_key = {score.key: score for score in scores}
    yield Label(_("Participant"), classes="head")
    for key in ESTIMATE_FIELDS:
        score = by_key[key]
        label = _("Value") if key == "customer_value" else score.label
        if score.scale is not None:
            label += f" {number(score.scale.min)}–{number(score.scale.max)}"
        yield Label(label, classes="head")


def estimate_row(row: int, name: str, estimate: Estimate | None) -> Iterable[Label | Input]:
    """One participant's row of the estimates grid."""
    yield Label(Content(name), id=f"estimate-{row}-name")
    for key in ESTIMATE_FIELDS:
        value = show_number(getattr(estimate, key)) if estimate else ""
        yield Input(value, id=f"estimate-{row}-{key}", compact=True)


def score_rows(
    scores: Iterable[ScoreField],
    item: Initiative | None,
    hint: Callable[[ScoreField, str], Content],
) -> ComposeResult:
    """One row per score: its label, its input and what the typed number means."""
    for score in scores:
        if item is None:
            value = ""
        elif score.criterion is not None:
            value = show_number(item.criteria.get(score.criterion))
        else:
            value = show_number(getattr(item, score.key))
        with Horizontal(classes="row score"):
            yield Label(score.label, classes="caption")
            yield Input(value, id=score.key, compact=True)
            yield Static(hint(score, value), id=f"{score.key}-hint", classes="hint")
        yield Static(id=f"{score.key}-error", classes="error", markup=False)


def case_fields(item: Initiative | None) -> ComposeResult:
    """The case: why, what, who, when, how."""
    yield Label(_("The case"), classes="section")
    for key, caption in (("why", _("Why")), ("what", _("What"))):
        with Horizontal(classes="row"):
            yield Label(caption, classes="caption")
            yield TextArea(getattr(item, key) if item else "", id=key, soft_wrap=True, compact=True)
        yield Static(id=f"{key}-error", classes="error", markup=False)
    with Horizontal(classes="row"):
        yield Label(_("Who (owner)"), classes="caption")
        yield Input(item.who if item else "", id="who", compact=True)
    with Horizontal(classes="row"):
        yield Label(_("When"), classes="caption")
        yield Input(
            item.when if item else "",
            id="when",
            compact=True,
            placeholder=_("e.g. 2027-Q2"),
        )
    with Horizontal(classes="row"):
        yield Label(_("How"), classes="caption")
        yield TextArea(item.how if item else "", id="how", soft_wrap=True, compact=True)


def status_and_areas(item: Initiative | None, default_area: AreaId | None) -> ComposeResult:
    """Where it stands and what it serves: the status, and the areas as tick boxes."""
    with Horizontal(classes="row status-row"):
        yield Label(_("Status"), classes="caption")
        yield Select(  # enter opens it, as space does (not the form's enter)
            [(label, key) for key, label in STATUSES.labels().items()],
            value=item.status if item else "idea",
            allow_blank=False,
            id="status",
            compact=True,
        )
    with Horizontal(classes="row"):
        yield Label(_("Areas"), classes="caption")
        chosen = set(item.areas) if item else ({default_area} if default_area else set())
        yield TickList(
            *(
                Selection[str](Content(f"{a.number}. {area_name(a.id)}"), a.id, a.id in chosen)
                for a in AREAS
            ),
            id="areas",
            compact=True,
        )
    yield Static(id="areas-error", classes="error", markup=False)


def dependency_fields(item: Initiative | None, plan: Plan, index: int) -> ComposeResult:
    """The initiatives it depends on."""
    with Horizontal(classes="row"):
        yield Label(_("Depends on"), classes="caption")
        deps = set(item.depends_on) if item else set()
        others = [i for n, i in enumerate(plan.initiatives) if n != index]
        if others:
            yield TickList(
                *(Selection(Content(o.title), o.id, o.id in deps) for o in others),
                id="depends_on",
                compact=True,
            )
        else:
            yield Static(Content(_("(no other initiatives yet)")).stylize("dim"))

    yield Static(id="depends_on-error", classes="error", markup=False)


def more_participants(count: int) -> str:
    """Says that ``count`` participants have no row in the estimates grid yet."""
    return ngettext(
        "{count} more participant has no estimate here: type a name below to give them a row.",
        "{count} more participants have no estimate here: type a name below to give them a row.",
        count,
    ).format(count=count)


def problems_to_fix(count: int) -> str:
    """The editor's notice while the form has problems."""
    return ngettext(
        "{count} problem to fix before saving", "{count} problems to fix before saving", count
    ).format(count=count)
