"""The kxplan workshop app: welcome, the guided walk, versions and exports.

Opening and saving files live in :mod:`kxplan.tui.plan_files`, the command palette in
:mod:`kxplan.tui.commands`, every key in :mod:`kxplan.tui.actions`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import BindingType
from textual.filter import LineFilter
from textual.screen import ModalScreen, Screen
from textual.widgets import ContentSwitcher, Input, TextArea

from kxplan import i18n
from kxplan.i18n import _
from kxplan.session import Clock, Session, utc_now
from kxplan.storage import PlanError
from kxplan.tui.actions import EXPORT_NAMES
from kxplan.tui.background_exports import BackgroundExports
from kxplan.tui.commands import KxplanCommands
from kxplan.tui.control_filter import ControlCharacterFilter
from kxplan.tui.csv_importing import CsvImporting
from kxplan.tui.keys import bindings_for
from kxplan.tui.languages import SETTING, LanguageSwitching, start_language
from kxplan.tui.no_break import keep_no_break_spaces
from kxplan.tui.plan_files import PlanFiles, path_problem
from kxplan.tui.recent import (
    default_config_dir,
    load_recent,
    load_settings,
    remember,
    remember_setting,
)
from kxplan.tui.room_hosting import RoomHosting
from kxplan.tui.screens.prompt import Prompt
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.typeahead import TypeAhead

__all__ = ["EXPORT_NAMES", "KxplanApp", "KxplanCommands", "one_line_paste", "path_problem"]

# Templates, the welcome, error and help screens are imported where they are used: opening a
# plan file, the usual start, needs none of them before the walk shows.
if TYPE_CHECKING:
    from kxplan.reports.formats import Format
    from kxplan.tui.screens.compare import Jump
    from kxplan.tui.screens.welcome import WelcomeScreen


DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


def one_line_paste(event: events.Paste) -> events.Paste:
    """A paste for a one-line field: its lines joined with spaces.

    Textual's Input keeps only the first line of a paste; the rest of what was pasted
    would be lost without a word.
    """
    lines = [line.strip() for line in event.text.splitlines() if line.strip()]
    if len(lines) <= 1:
        return event
    return events.Paste(" ".join(lines))


class KxplanApp(LanguageSwitching, RoomHosting, PlanFiles, CsvImporting):
    """Walk a room through a CX strategy and save it as a plan file."""

    CSS_PATH = "kxplan.tcss"
    TITLE = "kxplan"
    COMMANDS: ClassVar = App.COMMANDS | {KxplanCommands}
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("KxplanApp")

    def __init__(
        self,
        path: Path | None = None,
        *,
        clock: Clock = utc_now,
        timer_clock: Callable[[], float] = time.monotonic,
        config_dir: Path | None = None,
        cursor_blink: bool = True,
        example: str | None = None,
        theme: str | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__()
        keep_no_break_spaces()  # "1 200" is never cut at its narrow no-break space
        self.start_language = language
        """The language asked for at start (``--lang``); else the one remembered."""
        self.start_theme = theme
        """The theme asked for at start (``--theme``); else the one remembered, else dark."""
        self.start_example = example
        """A template to open as the in-memory example at start, instead of the welcome."""
        self.cursor_blink = cursor_blink
        """False keeps text cursors steady (for tests and screenshots)."""
        self.start_path = path
        self.clock = clock
        """Gives the time stamped into ``updated`` on each change."""
        self.timer_clock = timer_clock
        """Drives the timebox countdown (seconds, any origin)."""
        self.config_dir = config_dir if config_dir is not None else default_config_dir()
        self.session: Session | None = None
        """The plan being edited, once one is open."""
        self._control_filter = ControlCharacterFilter()
        """Keeps control characters in a plan's text from reaching the terminal."""
        self.type_ahead = TypeAhead(self)
        """Keys typed faster than the app follows wait their turn instead of going astray."""
        self.exports = BackgroundExports(self)
        """Exports written in worker threads, so the app stays usable meanwhile."""

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), self._control_filter]

    async def on_event(self, event: events.Event) -> None:
        if self.type_ahead.take(event):
            return
        if isinstance(event, events.Paste) and isinstance(self.focused, Input):
            event = one_line_paste(event)
        await super().on_event(event)

    # --- starting ---------------------------------------------------------------------

    def on_mount(self) -> None:
        settings = load_settings(self.config_dir)
        language = start_language(self.start_language, settings.get(SETTING))
        if language != i18n.current():
            i18n.set_language(language)
        theme = self.start_theme or settings.get("theme", DARK_THEME)
        self.theme = theme if theme in self.available_themes else DARK_THEME
        if self.start_path is not None:
            self.open_path(self.start_path)
        elif self.start_example is not None:
            self.open_example(self.start_example or None)
        else:
            self.show_welcome()

    def show_welcome(self) -> None:
        """The welcome screen, in place of whatever is shown."""
        from kxplan.tui.screens.welcome import WelcomeScreen

        self.session = None
        self._show_screen(WelcomeScreen(self.recent_files()))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save" and self.screen_keeps("ctrl+s"):
            return False  # the form's own ctrl+s (keep the row, save the initiative) runs
        if action in ("save", "save_as", "save_version", "versions", "compare_version", "room"):
            return None if action == "save" and self.session is None else self.session is not None
        return True

    def screen_keeps(self, key: str) -> bool:
        """Whether the screen shown (not the app) binds ``key`` itself."""
        chain = self.screen._modal_binding_chain
        return any(node is not self and key in b.key_to_bindings for node, b in chain)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if not self.cursor_blink and isinstance(event.widget, Input | TextArea):
            event.widget.cursor_blink = False

    def recent_files(self) -> list[Path]:
        """Recent plans that still exist, newest first."""
        return [path for path in load_recent(self.config_dir) if path.is_file()]

    def shown_step(self) -> int:
        """The walk's step on screen, 0 without a walk."""
        walk = self.walk_screen
        return walk.step_index if walk is not None else 0

    @property
    def walk_screen(self) -> WalkScreen | None:
        """The walk, when a plan is open."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, WalkScreen):
                return screen
        return None

    def on_welcome_screen_chosen(self, event: WelcomeScreen.Chosen) -> None:
        from kxplan.tui.screens.welcome import FromTemplate, OpenExample, OpenFile, OpenRecent

        match event.choice:
            case FromTemplate(name):
                self.ask_new_plan(name)
            case OpenExample():
                self.open_example()
            case OpenFile():
                self.action_open_file()
            case OpenRecent(path):
                self.open_path(path)

    def on_error_screen_back(self) -> None:
        self.show_welcome()

    def open_example(self, name: str | None = None) -> None:
        """A template as an example plan, in memory only: saving asks for a new file."""
        from kxplan import templates

        if name is None:  # the built-in example in the app's language
            names = [t.name for t in templates.list_templates()]
            wanted = templates.example_name(i18n.current())
            name = wanted if wanted in names else names[-1]
        try:
            plan = templates.load_template(name)
        except (PlanError, LookupError) as error:
            self.notify(str(error), title=_("Example"), severity="error", markup=False)
            self.show_welcome()
            return
        self.start_session(Session(plan, None, clock=self.clock))

    def open_path(self, path: Path) -> None:
        """Open the plan at ``path``; a path that does not exist yet starts a new plan there."""
        if not path.exists():
            from kxplan.tui.screens.welcome import FromTemplate, TemplatePicker

            def picked(choice: FromTemplate | None) -> None:
                if choice is not None:
                    self.ask_new_plan(choice.name, path)
                elif len(self.screen_stack) == 1:
                    self.show_welcome()

            self.push_screen(TemplatePicker(path), picked)
            return
        try:
            session = Session.open(path, clock=self.clock)
        except PlanError as error:
            from kxplan.tui.screens.error import ErrorScreen

            self._show_screen(ErrorScreen(str(path), error.problems))
            return
        self.start_session(session)
        self.call_after_refresh(remember, self.config_dir, path)  # after the walk shows

    def start_session(self, session: Session, step_index: int = 0) -> None:
        """Show the walk for ``session``, at step ``step_index``."""
        if self.room_control is not None and self.room_control.session is not session:
            self.run_worker(self.close_room(), group="room")
        self.session = session
        self._show_screen(WalkScreen(session, self.timer_clock, step_index))
        self.refresh_bindings()
        self.offer_unfinished_room(session)

    def _show_screen(self, screen: Screen[None]) -> None:
        while isinstance(self.screen, ModalScreen):
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _show_state(self) -> None:
        walk = self.walk_screen
        if walk is not None:
            walk.show_state()

    # --- versions ---------------------------------------------------------------------

    def action_save_version(self) -> None:
        """Ask for a label, save the plan, then keep a copy of the file in PLAN.versions/."""
        if self.session is None:
            return

        def answered(label: str | None) -> None:
            if label is not None:
                self.save(after=lambda: self._keep_version(label))

        self.push_screen(
            Prompt(
                _("Save as new version"),
                _(
                    "A few words for this version, e.g. After workshop 2 (may be left "
                    "empty). The plan is saved first."
                ),
            ),
            answered,
        )

    def _keep_version(self, label: str) -> None:
        from kxplan.versions import save_version

        session = self.session
        assert session is not None
        assert session.path is not None
        try:
            saved = save_version(session.path.read_bytes(), session.path, label, now=self.clock())
        except (PlanError, OSError) as error:
            self.notify(str(error), title=_("Version not kept"), severity="error", markup=False)
            return
        shown = f"{saved.parent.name}/{saved.name}"
        said = _("Kept version {label} as {file}") if label else _("Kept version as {file}")
        self.notify(
            said.format(label=repr(label), file=shown), title=_("New version"), markup=False
        )

    def action_versions(self) -> None:
        """The list of saved versions; enter compares one with the current plan."""
        self._show_versions()

    def action_compare_version(self) -> None:
        """Compare the current plan with the newest saved version."""
        self._show_versions(newest=True)

    def _show_versions(self, newest: bool = False) -> None:
        from kxplan.tui.screens.versions import VersionsScreen
        from kxplan.versions import list_versions

        session = self.session
        if session is None:
            return
        if session.path is None:
            self.notify(
                _("This plan has no file yet, so no versions: save it first (ctrl+s)."),
                severity="warning",
            )
            return
        try:
            versions = list_versions(session.path)
        except PlanError as error:
            self.notify(str(error), title=_("Versions"), severity="error", markup=False)
            return
        current = _("current plan (unsaved)") if session.dirty else _("current plan")
        screen = VersionsScreen(versions, session.plan, current, session.name, newest=newest)
        self.push_screen(screen, self.jump_to)

    async def jump_to(self, jump: Jump | None) -> None:
        """Show the step of the walk a chosen change lives in, its initiative highlighted."""
        walk = self.walk_screen
        if jump is None or walk is None:
            return
        await walk.action_go_to(jump.step)
        if jump.initiative_id is None:
            return
        from kxplan.tui.steps.prioritisation import PrioritisationStep
        from kxplan.tui.widgets.ranking import RankingView

        step = walk.current_step
        if not isinstance(step, PrioritisationStep):
            return
        step.query_one("#priority-views", ContentSwitcher).current = "ranking"
        ranking = step.query_one(RankingView)
        if jump.initiative_id in ranking.shown_ids:
            ranking.highlight(jump.initiative_id)
            ranking.table.focus(scroll_visible=False)
            step.call_after_refresh(step.scroll_to_widget, ranking, top=True, animate=False)
        else:
            self.notify(
                _("{id} is not in the ranking (removed, or closed).").format(id=jump.initiative_id),
                markup=False,
            )

    # --- exporting --------------------------------------------------------------------

    def action_export(self, fmt: Format) -> None:
        """Export the plan next to its file (saving it first when it has no file)."""
        session = self.session
        if session is None:
            return
        if session.path is None:
            self.notify(_("Exports are written next to the plan file: save the plan first."))
            self.save(after=lambda: self._export(fmt))
            return
        self._export(fmt)

    def _export(self, fmt: Format) -> None:
        session = self.session
        assert session is not None
        assert session.path is not None
        self.exports.start(session.plan, session.path, fmt)

    # --- the rest ---------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key."""
        from kxplan.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)  # f1 again closes it
        else:
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        """Switch between the dark and the light theme; the next start keeps it."""
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME
        remember_setting(self.config_dir, "theme", self.theme)
