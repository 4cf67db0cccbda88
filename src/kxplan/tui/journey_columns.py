"""The journey's cells in the app's tables: a row's stage by the plan's label, a
touchpoint's critical mark and expectation gap; and the stage choices a row form offers.
Plain functions over the model (no widgets)."""

from __future__ import annotations

from typing import Any

from kxplan.model import Plan, Touchpoint
from kxplan.model.journey import expectation_gap, stage_choices, stage_label
from kxplan.model.tables import still_named
from kxplan.reports.journey import critical_mark, signed


def stage_cell(row: Any, plan: Plan) -> str:
    """A row's stage, labelled as the plan names it."""
    return stage_label(plan, getattr(row, "stage", None))


def stages_cell(row: Any, plan: Plan) -> str:
    """A stakeholder's stages, in the order they are listed."""
    return ", ".join(stage_label(plan, stage) for stage in row.stages)


def critical_cell(row: Touchpoint, _plan: Plan) -> str:
    """The mark of a critical touchpoint; blank for the others."""
    return critical_mark(row)


def gap_cell(row: Touchpoint, _plan: Plan) -> str:
    """The expectation gap, signed: +2 where customers get less than they expect."""
    return signed(expectation_gap(row))


def plan_choices(plan: Plan | None) -> dict[str, tuple[tuple[str, str], ...]]:
    """The choices of the fields whose values depend on the plan, as (value, label) in
    the plan's order: a row's stage, a stakeholder's stages (no plan: the built-in ones)."""
    stages = stage_choices(plan)
    return {"stage": stages, "stages": stages}


def delete_refusal(plan: Plan, table: str, index: int) -> str | None:
    """Why row ``index`` of ``table`` may not be deleted: a journey stage that rows still
    name (the message says which); None when it may."""
    if table != "journey" or not 0 <= index < len(plan.areas.insight.journey):
        return None
    return still_named(plan, plan.areas.insight.journey[index].id)
