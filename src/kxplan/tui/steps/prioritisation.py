"""Step 6: prioritisation — the ranking or the effort/impact matrix, with the area's notes.

The ranked list is the heart of the workshop, so it takes the screen; the area's guiding
questions, maturity and notes open in a pane under it with ``q``.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Static

from kxplan.i18n import N_, _, ngettext
from kxplan.model import ScoringSettings
from kxplan.session import EditRefused, Session
from kxplan.tui.messages import DeleteInitiative, EditInitiative
from kxplan.tui.ranking_rows import first_lacking
from kxplan.tui.scores_grid import column_of
from kxplan.tui.screens.scores_grid import ScoresGrid
from kxplan.tui.screens.scoring_settings import ScoringSettingsScreen
from kxplan.tui.screens.spread import SpreadScreen
from kxplan.tui.steps.area import AreaStep
from kxplan.tui.steps.base import StepWork, step_header
from kxplan.tui.walk_steps import area_header
from kxplan.tui.widgets.matrix import EffortImpactMatrix
from kxplan.tui.widgets.ranking import RankingView


class PrioritisationStep(AreaStep):
    """The prioritisation area, with the initiatives ranked or placed in the 2×2."""

    GUIDE_SELECTOR: ClassVar[str] = "#area-pane"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete", "delete_initiative", N_("Delete"), show=False),
        Binding("f", "fill_in", N_("Fill in"), show=False),
        Binding("g", "scores_grid", N_("Scores grid"), show=False),
        Binding("s", "scoring_settings", N_("Scoring"), show=False),
        Binding("c", "calibration", N_("Calibration"), show=False),
    ]

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(session, "prioritisation", id=id)
        self._deleting: tuple[str, int] | None = None
        """The initiative being deleted and its row, to keep the cursor there after."""

    def compose(self) -> ComposeResult:
        info = self.area
        yield Static(
            step_header(area_header(self.area_id, info.number), _(info.purpose)),
            classes="step-header",
        )
        with ContentSwitcher(initial="ranking", id="priority-views"):
            yield RankingView(id="ranking")
            yield EffortImpactMatrix(id="matrix")
        with Vertical(id="area-pane"):
            yield from self.compose_guide()
            yield from self.compose_maturity_and_notes()
            with StepWork(classes="step-work", id="priority-log"):
                yield from self.compose_work()  # the area's log
        yield Static(id="initiative-count", classes="step-status")

    @property
    def guide_shown(self) -> bool:
        """The pane stays closed until the room opens it: the ranking comes first."""
        return self.guide_choice is True

    def action_toggle_guide(self) -> None:
        """Open the pane with the questions, maturity and notes, or close it."""
        pane = self.query_one("#area-pane")
        focused = self.screen.focused
        super().action_toggle_guide()
        if self.guide_shown:
            self.query_one("#maturity-today").focus()
        elif focused is not None and pane in focused.ancestors:
            self.focus_on_arrival()  # back to the view shown: the list or the matrix

    def notes_room(self) -> int:
        """The notes open in a pane under the ranking, which stays in sight: five lines."""
        return 7

    def status_text(self) -> Text:
        """How to open the area's pane (and where it stands), and the ranking's keys."""
        record = self.session.plan.areas.prioritisation
        if self.guide_shown:
            text = Text(_("q closes the pane"))
        else:
            today, target = record.maturity_today, record.maturity_target
            written = sum(1 for key in ("today", "target", "how") if getattr(record, key).strip())
            text = Text(_("q pane: "))
            said = _("maturity {today} → {target}, notes {written} of 3")
            text.append(said.format(today=today or "–", target=target or "–", written=written))
        # the keys the footer has no room for
        text.append(_(" · v matrix · a t u filter · d spread · i add · f1 all keys"))
        return text

    def reload(self) -> None:
        super().reload()
        view = self.query_one(RankingView)
        view.update_plan(self.session.plan)  # ranks once
        change = view.change()
        if change is not None:  # now, not when its Changed arrives: one frame shows both
            self._follow(change)
        doomed, self._deleting = self._deleting, None
        if doomed is not None and doomed[0] not in view.shown_ids and view.shown_ids:
            # deleted: the cursor stays where it was, on the row that took its place
            view.highlight(view.shown_ids[min(doomed[1], len(view.shown_ids) - 1)])

    def on_mount(self) -> None:
        super().on_mount()
        self.reload()

    def toggle_view(self) -> str:
        """Show the matrix instead of the ranking, or back; returns the view now shown."""
        switcher = self.query_one("#priority-views", ContentSwitcher)
        switcher.current = "matrix" if switcher.current == "ranking" else "ranking"
        self.focus_on_arrival()
        return switcher.current

    def focus_on_arrival(self) -> None:
        """The ranked list (or the matrix, when shown): its keys — method, sort, filters,
        spread, enter — then work at once and show in the footer."""
        if self.query_one("#priority-views", ContentSwitcher).current == "matrix":
            self.query_one(EffortImpactMatrix).focus()
        else:
            self.query_one(RankingView).table.focus()

    @property
    def chosen_id(self) -> str | None:
        """The initiative highlighted in the view shown (ranking or matrix)."""
        if self.query_one("#priority-views", ContentSwitcher).current == "matrix":
            return self.query_one(EffortImpactMatrix).selected_id
        return self.query_one(RankingView).highlighted_id

    def action_delete_initiative(self) -> None:
        """Delete the highlighted initiative (the walk asks first)."""
        chosen = self.chosen_id
        if chosen is not None:
            shown = self.query_one(RankingView).shown_ids
            self._deleting = (chosen, shown.index(chosen) if chosen in shown else 0)
            self.post_message(DeleteInitiative(chosen))

    def action_fill_in(self) -> None:
        """The scores grid, in the first input the method lacks (of the next initiative
        lacking one, after the highlighted one)."""
        view = self.query_one(RankingView)
        row = first_lacking(view.rows, view.highlighted_id)
        if row is None:
            self.notify(_("Every scored initiative has what this method needs."), markup=False)
            return
        view.highlight(row.id)
        self.action_scores_grid((row.id, column_of(row.lacks[0])))

    def action_scores_grid(self, focus: tuple[str, str] | None = None) -> None:
        """The scores grid: confidence, reach, WSJF's inputs and criteria for every open
        initiative (those the method lacks inputs for first)."""
        view = self.query_one(RankingView)
        lacking = list(view.ranking.lacking) if view.ranking is not None else []

        def closed(changed: int | None) -> None:
            if changed:
                self.reload()
                self.edited()
                said = ngettext(
                    "Scores kept for {count} initiative.",
                    "Scores kept for {count} initiatives.",
                    changed,
                )
                self.notify(said.format(count=changed))

        self.app.push_screen(ScoresGrid(self.session, lacking, focus), closed)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "table":  # the log is in the pane: a, e, d reach it while it shows
            return self.guide_shown
        return super().check_action(action, parameters)

    def action_calibration(self) -> None:
        """The calibration screen: estimated against actual effort of done initiatives."""
        from kxplan.tui.screens.calibration import CalibrationScreen

        self.app.push_screen(CalibrationScreen(self.session.plan))

    def action_scoring_settings(self) -> None:
        """Open the scoring settings; what is kept reaches the plan and re-ranks it."""
        session = self.session

        def kept(settings: ScoringSettings | None) -> None:
            if settings is None:
                return
            try:
                changed = session.set_scoring(settings)
            except EditRefused as refused:
                message = "; ".join(text for _loc, text in refused.problems)
                said = _("Not kept: {problems}").format(problems=message)
                self.notify(said, severity="error", markup=False)

                return
            if changed:
                view = self.query_one(RankingView)
                view.set_method(None)  # the plan's method, as just chosen
                self.reload()
                self.edited()

        shown = self.query_one(RankingView).method  # m may have switched it for the view
        screen = ScoringSettingsScreen(session.plan, session.scoring_problems, shown)
        self.app.push_screen(screen, kept)

    @on(RankingView.Changed)
    def _ranking_changed(self, event: RankingView.Changed) -> None:
        event.stop()
        self._follow(event)

    def _follow(self, change: RankingView.Changed) -> None:
        """The matrix draws the list's own ranking: its numbers, its method, its filters,
        and why the method asked for could not rank."""
        matrix = self.query_one(EffortImpactMatrix)
        if matrix.ranking is change.ranking and matrix.filters == change.filters:
            return  # shown already (reload shows it before the list's message arrives)
        matrix.show(
            change.plan,
            change.ranking,
            shown_ids=change.shown_ids,
            filters=change.filters,
            problem=change.problem,
        )

    @on(RankingView.SpreadWanted)
    def _spread(self, event: RankingView.SpreadWanted) -> None:
        event.stop()
        view = self.query_one(RankingView)
        if view.plan is not None:
            self.app.push_screen(SpreadScreen.of(view.plan, view.ranking, event.initiative_id))

    @on(RankingView.Selected)
    @on(EffortImpactMatrix.Selected)
    def _selected(self, event: RankingView.Selected | EffortImpactMatrix.Selected) -> None:
        event.stop()
        self.post_message(EditInitiative(event.initiative_id))
