"""The customer journey as the organisation's own: its stages in order, and the gap
between what customers expect at a touchpoint and what they experience there.

A plan that defines no stages has the built-in three (before, during and after
purchase, labelled from :data:`kxplan.framework.STAGES`), so a plan written before
schema 3 means what it always meant. :func:`stage_label` is the one place a stage's
label for a plan is worked out; :func:`expectation_gap` the one place a gap is.
The rules here are called by :mod:`kxplan.model.rules`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from kxplan.framework import STAGES
from kxplan.i18n import _
from kxplan.model.rows import JourneyStage, Touchpoint
from kxplan.model.scales import Scale
from kxplan.text.numbers import number

if TYPE_CHECKING:
    from kxplan.model.plan import Plan

DEFAULT_SCALE: Final = Scale.model_construct(min=1, max=5)
"""The touchpoint scale of a plan that states none."""

DEFAULT_STAGES: Final[tuple[JourneyStage, ...]] = tuple(
    JourneyStage.model_construct(id=key) for key in STAGES.keys
)
"""The stages of a plan that defines none: before, during and after purchase."""


class StageView(NamedTuple):
    """A stage of a plan as people read it."""

    id: str
    label: str
    """The plan's name for it, else the built-in label in the current language."""
    description: str


def plan_stages(plan: Plan | None) -> Sequence[JourneyStage]:
    """The plan's stages in its order; the built-in three when it defines none (or for
    no plan)."""
    return (plan.areas.insight.journey if plan is not None else []) or DEFAULT_STAGES


def stage_ids(plan: Plan | None) -> tuple[str, ...]:
    """The ids a stage reference in ``plan`` may use, in the plan's order."""
    return tuple(stage.id for stage in plan_stages(plan))


def label_of(stage: JourneyStage) -> str:
    """A stage's label: its name, else the built-in label (translated), else its id."""
    if stage.name.strip():
        return stage.name.strip()
    if stage.id in STAGES:
        return STAGES.label(stage.id)
    return stage.id


def stage_label(plan: Plan | None, stage_id: str | None) -> str:
    """The label of the stage ``stage_id`` names in ``plan`` ("" for none); an id the plan
    does not define reads as its built-in label, or as itself."""
    if not stage_id:
        return ""
    for stage in plan_stages(plan):
        if stage.id == stage_id:
            return label_of(stage)
    return STAGES.label(stage_id) if stage_id in STAGES else stage_id


def stage_views(plan: Plan | None) -> tuple[StageView, ...]:
    """The plan's stages, in order, with their labels."""
    return tuple(StageView(s.id, label_of(s), s.description) for s in plan_stages(plan))


def stage_choices(plan: Plan | None) -> tuple[tuple[str, str], ...]:
    """(id, label) of the plan's stages, in order: what a form offers."""
    return tuple((view.id, view.label) for view in stage_views(plan))


def stage_position(plan: Plan) -> dict[str, int]:
    """Each stage id's place in the plan's order (sort unknown ones after with
    ``.get(id, len(...))``)."""
    return {stage_id: index for index, stage_id in enumerate(stage_ids(plan))}


def by_stage(plan: Plan) -> list[tuple[StageView, list[Touchpoint]]]:
    """The touchpoints grouped by stage, in the plan's order (stages without one too);
    within a stage in the plan's order."""
    groups: dict[str, list[Touchpoint]] = {stage_id: [] for stage_id in stage_ids(plan)}
    for touchpoint in plan.areas.insight.touchpoints:
        groups.setdefault(touchpoint.stage, []).append(touchpoint)
    views = {view.id: view for view in stage_views(plan)}
    return [
        (views.get(key) or StageView(key, stage_label(plan, key), ""), rows)
        for key, rows in groups.items()
    ]


def touchpoint_scale(plan: Plan) -> Scale:
    """The scale expectation and experience scores are on (1–5 unless the plan says)."""
    return plan.areas.insight.touchpoint_scale or DEFAULT_SCALE


def expectation_gap(touchpoint: Touchpoint) -> float | None:
    """Expected − experienced, when both are scored: above 0, customers get less than
    they expect."""
    if touchpoint.expectation_score is None or touchpoint.experience_score is None:
        return None
    return touchpoint.expectation_score - touchpoint.experience_score


class Gap(NamedTuple):
    """A touchpoint's expectation gap."""

    touchpoint: Touchpoint
    gap: float


def largest_gaps(plan: Plan, limit: int = 3) -> list[Gap]:
    """The critical touchpoints where customers get less than they expect, the largest
    gap first (equal gaps in the plan's order), at most ``limit``."""
    found = []
    for touchpoint in plan.areas.insight.touchpoints:
        gap = expectation_gap(touchpoint)
        if touchpoint.critical and gap is not None and gap > 0:
            found.append(Gap(touchpoint, gap))
    found.sort(key=lambda item: -item.gap)
    return found[:limit]


# --- rules ------------------------------------------------------------------------------


def _unknown(stage_id: str, plan: Plan) -> str:
    return _("unknown stage {id}; expected one of: {ids}").format(
        id=repr(stage_id), ids=", ".join(stage_ids(plan))
    )


def stage_rules(stage: JourneyStage) -> Iterator[tuple[str, str]]:
    """A stage's own rule: a stage of the plan's own needs a name."""
    if stage.id not in STAGES and not stage.name.strip():
        yield "name", _("expected a name for the stage {id}, got blank").format(id=repr(stage.id))


def reference_rules(row: Any, plan: Plan | None) -> Iterator[tuple[str | int, ...]]:
    """The stage references of a touchpoint, KPI, friction or stakeholder that ``plan``
    does not define, as (field, [index,] message)."""
    if plan is None:
        return
    known = set(stage_ids(plan))
    stage = getattr(row, "stage", None)
    if stage is not None and stage not in known:
        yield "stage", _unknown(stage, plan)
    for index, item in enumerate(getattr(row, "stages", ())):
        if item not in known:
            yield "stages", index, _unknown(item, plan)


def touchpoint_rules(row: Touchpoint, plan: Plan | None) -> Iterator[tuple[str | int, ...]]:
    """A touchpoint's rules against its plan: its stage, and scores on the scale."""
    yield from reference_rules(row, plan)
    if plan is None:
        return
    scale = touchpoint_scale(plan)
    for field in ("expectation_score", "experience_score"):
        value = getattr(row, field)
        if value is not None and not scale.min <= value <= scale.max:
            yield (
                field,
                _("expected a score from {low} to {high}, got {value}").format(
                    low=scale.min, high=scale.max, value=number(value)
                ),
            )


def scale_problems(plan: Plan) -> Iterator[tuple[tuple[str, ...], str]]:
    """The touchpoint scale's rule: max above min."""
    scale = touchpoint_scale(plan)
    if scale.min >= scale.max:
        yield (
            ("areas", "insight", "touchpoint_scale", "max"),
            _("expected max greater than min ({min})").format(min=scale.min),
        )
