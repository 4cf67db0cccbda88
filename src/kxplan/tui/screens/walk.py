"""The guided walk: overview, the seven areas, the summary — one step at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import ContentSwitcher, Header

from kxplan.i18n import _
from kxplan.model import Initiative
from kxplan.session import Session
from kxplan.tui.messages import DeleteInitiative, EditInitiative, PlanEdited
from kxplan.tui.screens.prompt import Prompt
from kxplan.tui.steps.base import Step
from kxplan.tui.steps.overview import OverviewStep
from kxplan.tui.walk_steps import CHECKIN_STEP, STEPS, StepInfo, step_name, step_short

__all__ = ["STEPS", "StepInfo", "WalkScreen", "minutes_problem"]
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.tui.widgets.step_bar import StepBar
from kxplan.tui.widgets.timebox import Timebox

if TYPE_CHECKING:
    from kxplan.tui.screens.initiative_evidence import EvidenceEditing

# The other steps (their tables, the ranking, scoring) and the initiative editor are
# imported when first needed: the walk opens on the overview, and opens faster without them.


def minutes_problem(text: str) -> str:
    """What is wrong with a typed number of minutes, or ""."""
    try:
        minutes = float(text.strip().replace(",", "."))
    except ValueError:
        return _("Type the minutes as a number, e.g. 15 (0 removes the timebox).")
    if not 0 <= minutes <= 24 * 60:
        return _("Between 0 and 1440 minutes, please.")
    return ""


class WalkScreen(Screen[None]):
    """The workshop's main screen: a step bar, the current step, and the keys."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("WalkScreen")

    def __init__(
        self, session: Session, timer_clock: Callable[[], float], step_index: int = 0
    ) -> None:
        super().__init__()
        self.session = session
        self.timer_clock = timer_clock
        self.step_index = step_index
        """The step shown: the first, or where the room was when the plan was re-read."""
        self.deadlines: dict[int, float] = {}
        """Per step: when its timebox runs out, on ``timer_clock``'s scale."""
        self._mounting: dict[int, AwaitMount] = {}
        """Steps being built, by index: each step but the first is built on its first visit,
        so the walk opens fast however large the plan."""
        self.show_state()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="top-bar"):
            yield StepBar(
                [step_name(s) for s in STEPS],
                [step_short(s) for s in STEPS],
                current=self.step_index,
                id="step-bar",
            )
            yield Timebox(self.timer_clock, id="timebox")
        with ContentSwitcher(initial=f"step-{self.step_index}", id="steps"):
            yield self._build_step(self.step_index)
        yield KeyFooter()

    def _build_step(self, index: int) -> Step:
        """A new widget for step ``index``, hidden until the switcher shows it."""
        info = STEPS[index]
        step_id = f"step-{index}"
        step: Step
        if index == 0:
            step = OverviewStep(self.session, id=step_id)
        elif info.area_id == "prioritisation":
            from kxplan.tui.steps.prioritisation import PrioritisationStep

            step = PrioritisationStep(self.session, id=step_id)
        elif info.area_id is not None:
            from kxplan.tui.steps.area import AreaStep

            step = AreaStep(self.session, info.area_id, id=step_id)
            # q's choice holds on every area step, those built later included.
            shown = [s.guide_choice for s in self.query(AreaStep) if type(s) is AreaStep]
            step.guide_choice = shown[0] if shown else None
        elif index == CHECKIN_STEP:
            from kxplan.tui.steps.checkin import CheckinStep

            step = CheckinStep(self.session, id=step_id)
        else:
            from kxplan.tui.steps.summary import SummaryStep

            step = SummaryStep(self.session, id=step_id)
        step.display = False  # the switcher shows the current step
        return step

    def on_mount(self) -> None:
        self.current_step.focus_on_arrival()

    async def relabel(self) -> None:
        """Show the walk again in the language now chosen: every step built so far is
        composed anew from the plan, the widgets themselves stay (dialogs opened from them
        still answer them)."""
        bar = self.query_one(StepBar)
        bar.names = tuple(step_name(s) for s in STEPS)
        bar.short_names = tuple(step_short(s) for s in STEPS)
        bar.refresh()
        self.show_state()
        self.query_one(KeyFooter).refresh(recompose=True)
        for step in list(self.query(Step)):
            await step.recompose()
            step.relabelled()

    @property
    def current_step(self) -> Step:
        """The step widget shown now."""
        return self.query_one(f"#step-{self.step_index}", Step)

    def show_state(self) -> None:
        """Put the file name, with ● when there are unsaved changes, in the header."""
        marker = "● " if self.session.dirty else ""
        name = self.session.name if self.session.path is not None else _("(not saved yet)")
        self.sub_title = f"{marker}{name}"

        self.title = "kxplan"

    # --- moving through the walk ------------------------------------------------------

    async def action_go_to(self, index: int) -> None:
        """Show step ``index`` (0 overview … 8 summary), building it on its first visit."""
        if not 0 <= index < len(STEPS):
            return
        switcher = self.query_one("#steps", ContentSwitcher)
        step_id = f"step-{index}"
        fresh = not switcher.query_children(f"#{step_id}")
        if fresh:
            self._mounting[index] = switcher.mount(self._build_step(index))
        mounting = self._mounting.get(index)  # also when another visit is still building it
        if mounting is not None:
            await mounting  # the step is composed and mounted
            self._mounting.pop(index, None)
        self.step_index = index
        switcher.current = step_id
        self.query_one(StepBar).current = index
        self.query_one(Timebox).deadline = self.deadlines.get(index)
        step = self.current_step
        if not fresh:  # a fresh step was built from the plan as it is now
            step.reload()
        step.scroll_home(animate=False)
        step.focus_on_arrival()
        self.refresh_bindings()

    @on(StepBar.Chosen)
    async def _step_clicked(self, event: StepBar.Chosen) -> None:
        await self.action_go_to(event.index)

    def action_leave_field(self) -> None:
        """Escape from a field or table: back to the step, where the step keys work
        (0–8, i, a/e/d); the field keeps what was typed."""
        self.current_step.focus_on_arrival()

    async def action_next_step(self) -> None:
        """Go on to the next step."""
        await self.action_go_to(min(self.step_index + 1, len(STEPS) - 1))

    async def action_previous_step(self) -> None:
        """Go back to the previous step."""
        await self.action_go_to(max(self.step_index - 1, 0))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_view":
            return STEPS[self.step_index].area_id == "prioritisation"
        return True

    def action_toggle_view(self) -> None:
        """Prioritisation: switch between the ranking and the effort/impact matrix."""
        from kxplan.tui.steps.prioritisation import PrioritisationStep

        step = self.current_step
        if isinstance(step, PrioritisationStep):
            shown = step.toggle_view()
            self.notify(
                _("Showing the matrix.") if shown == "matrix" else _("Showing the ranking.")
            )

    # --- timebox ----------------------------------------------------------------------

    def action_timebox(self) -> None:
        """Ask for this step's timebox in minutes; 0 removes it."""
        index = self.step_index

        def answered(text: str | None) -> None:
            if text is None:
                return
            minutes = float(text.replace(",", "."))
            if minutes <= 0:
                self.deadlines.pop(index, None)
            else:
                self.deadlines[index] = self.timer_clock() + minutes * 60
            if index == self.step_index:
                self.query_one(Timebox).deadline = self.deadlines.get(index)

        self.app.push_screen(
            Prompt(
                _("Timebox for {step}").format(step=step_name(STEPS[index])),
                _("Minutes for this step (0 removes the timebox)."),
                "15",
                minutes_problem,
            ),
            answered,
        )

    # --- initiatives ------------------------------------------------------------------

    def action_add_initiative(self) -> None:
        """Capture a new initiative, for the current step's area if it is an area's step
        (ideas come up on the overview and the summary too; they get no area)."""
        from kxplan.tui.screens.initiative_editor import InitiativeEditor

        area_id = STEPS[self.step_index].area_id
        editor = InitiativeEditor(self.session.plan, None, area_id)
        self.app.push_screen(editor, lambda kept: self._initiative_added(kept, editor))

    def _initiative_added(self, initiative: Initiative | None, editor: EvidenceEditing) -> None:
        if initiative is None:
            return
        self.session.put_initiative(initiative)
        said = _("Added the initiative {title}.").format(title=repr(initiative.title))
        self._initiatives_changed(self._logged(said, editor, initiative))

    def _logged(self, said: str, editor: EvidenceEditing, initiative: Initiative) -> str:
        """Write the log entry chosen when the initiative was marked done, if one."""
        if editor.pending_log is None:
            return said
        from kxplan.tui.screens.actuals import keep_log

        return f"{said} {keep_log(self.session, editor.pending_log, initiative)}"

    @on(EditInitiative)
    def _edit_initiative(self, event: EditInitiative) -> None:
        from kxplan.tui.screens.initiative_editor import InitiativeEditor

        try:
            original = self.session.plan.initiative(event.initiative_id)
        except KeyError:
            return

        editor = InitiativeEditor(self.session.plan, original)

        def edited(initiative: Initiative | None) -> None:
            if initiative is not None and self.session.replace_initiative(original.id, initiative):
                said = _("Updated the initiative {title}.").format(title=repr(initiative.title))
                self._initiatives_changed(self._logged(said, editor, initiative))

        self.app.push_screen(editor, edited)

    @on(DeleteInitiative)
    def _delete_initiative(self, event: DeleteInitiative) -> None:
        from kxplan.model import dependents
        from kxplan.tui.screens.confirm import Answer, delete_initiative

        initiative_id = event.initiative_id
        try:
            doomed = self.session.plan.initiative(initiative_id)
        except KeyError:
            return
        others = [item.title for item in dependents(self.session.plan, initiative_id)]

        def answered(answer: Answer | None) -> None:
            if answer is Answer.DELETE:
                gone = self.session.delete_initiative(initiative_id)
                said = _("Deleted the initiative {title}.").format(title=repr(gone.title))
                self._initiatives_changed(said)

        self.app.push_screen(delete_initiative(doomed.title, others), answered)

    def _initiatives_changed(self, message: str) -> None:
        self.current_step.reload()
        self.show_state()
        self.notify(message, markup=False)

    @on(PlanEdited)
    def _plan_edited(self) -> None:
        self.show_state()
