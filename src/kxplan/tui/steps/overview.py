"""Step 0: the strategy as a whole — who, and the three questions."""

from __future__ import annotations

from typing import Final

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Input, Label, Static, TextArea

from kxplan.framework import STRATEGY_QUESTIONS
from kxplan.i18n import N_, _
from kxplan.session import NOTE_KEYS, PLAN_FIELDS, PlanField
from kxplan.tui.steps.base import NotesArea, Step, step_header
from kxplan.tui.walk_steps import STEPS, step_name

PLAN_FIELD_LABELS: Final[dict[PlanField, str]] = {
    "title": N_("Title *"),
    "organisation": N_("Organisation"),
    "version": N_("Version"),
    "facilitator": N_("Facilitator"),
    "participants": N_("Participants"),
    "currency": N_("Currency"),
}
"""The plan's own fields edited on this step, with their labels, in the order shown."""


def split_names(text: str) -> list[str]:
    """Participants typed as "Ann, Bo, Cy" → ["Ann", "Bo", "Cy"]."""
    return [name.strip() for name in text.split(",") if name.strip()]


class OverviewStep(Step):
    """Title, organisation, version, facilitator, participants, and the strategy's questions."""

    @property
    def new_plan(self) -> bool:
        """Whether the plan is new from a template: no file yet, and changed (an example
        opened to look at is unchanged)."""
        return self.session.path is None and self.session.dirty

    @on(events.DescendantBlur, "Input")
    def _left_field(self, event: events.DescendantBlur) -> None:
        """A long field shows its start again once the cursor has left it."""
        field = event.widget
        if isinstance(field, Input):
            field.scroll_to(x=0, animate=False)

    def compose(self) -> ComposeResult:
        plan = self.session.plan
        yield Static(
            step_header(
                f"0 {step_name(STEPS[0])}",
                _(
                    "Who is in the room, and the three questions for the strategy as a whole. "
                    "The areas follow: page down to go on."
                ),
            ),
            classes="step-header",
        )
        with Grid(id="plan-fields"):
            for name, label in PLAN_FIELD_LABELS.items():
                with Vertical(classes="plan-field"):
                    yield Label(Text(_(label)), classes="field-label")
                    value = (
                        ", ".join(plan.participants)
                        if name == "participants"
                        else str(getattr(plan, name))
                    )
                    yield Input(
                        value,
                        id=f"plan-{name}",
                        placeholder=_("Names, separated by commas")
                        if name == "participants"
                        else "",
                        # a new plan's title is the template's: selected, typing replaces it
                        select_on_focus=name == "title" and self.new_plan,
                        compact=True,
                    )
                    yield Static("", id=f"plan-{name}-error", classes="field-error")
        with Horizontal(classes="notes-row strategy-notes"):
            for key, question, hint in STRATEGY_QUESTIONS:
                area = NotesArea(
                    getattr(plan.strategy, key),
                    _(question),
                    heading=_("Strategy"),
                    id=f"strategy-{key}",
                )
                area.placeholder = _(hint)
                yield area

    def reload(self) -> None:
        plan = self.session.plan
        for name in PLAN_FIELD_LABELS:
            widget = self.query_one(f"#plan-{name}", Input)
            if name == "participants":
                if split_names(widget.value) != plan.participants:
                    widget.value = ", ".join(plan.participants)
            elif widget.value != getattr(plan, name):
                widget.value = str(getattr(plan, name))
        for key, _question, _hint in STRATEGY_QUESTIONS:
            area = self.query_one(f"#strategy-{key}", TextArea)
            if area.text != getattr(plan.strategy, key):
                area.text = getattr(plan.strategy, key)

    @on(Input.Changed)
    def _field_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("plan-")
        if name not in PLAN_FIELDS:
            return
        error = ""
        if name == "participants":
            names = split_names(event.value)
            self.edited(self.session.set_plan_field(name, names))
            folded = [n.casefold() for n in names]
            twice = next((n for i, n in enumerate(names) if folded.index(n.casefold()) != i), None)
            if twice is not None:
                error = _("{name} is listed twice").format(name=repr(twice))
        else:
            if name == "title" and event.input.has_focus:
                event.input.select_on_focus = False  # the room's own title now
            self.edited(self.session.set_plan_field(name, event.value))
            if name == "title" and self.session.plan_field_problems("title"):
                error = _("The plan needs a title (it is not saved without one).")
        self.query_one(f"#plan-{name}-error", Static).update(Text(error))

    @on(TextArea.Changed)
    def _notes_changed(self, event: TextArea.Changed) -> None:
        key = (event.text_area.id or "").removeprefix("strategy-")
        if key in NOTE_KEYS:
            self.edited(self.session.set_strategy_notes(key, event.text_area.text))
