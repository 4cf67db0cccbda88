"""Step 8: the summary of the whole strategy."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label

from kxplan.tui.steps.base import Step
from kxplan.tui.walk_steps import STEPS, SUMMARY_STEP, step_name
from kxplan.tui.widgets.summary import StrategySummary


class SummaryStep(Step):
    """Where the strategy stands: the widgets helper's summary of the plan."""

    def compose(self) -> ComposeResult:
        yield Label(Text(f"{SUMMARY_STEP} {step_name(STEPS[SUMMARY_STEP])}"), classes="step-title")
        yield StrategySummary(id="summary")

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.query_one(StrategySummary).update_plan(self.session.plan)
