"""The kxplan workshop app: welcome, the guided walk, saving."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Final

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.filter import LineFilter
from textual.screen import ModalScreen, Screen
from textual.widgets import ContentSwitcher, Input, TextArea

from kxplan.framework import area
from kxplan.model import slugify
from kxplan.session import ChangedOnDisk, Clock, Session, utc_now
from kxplan.storage import PlanError
from kxplan.tui.control_filter import ControlCharacterFilter
from kxplan.tui.recent import default_config_dir, load_recent, remember
from kxplan.tui.screens.confirm import changed_on_disk, file_exists, unsaved_changes
from kxplan.tui.screens.prompt import Prompt
from kxplan.tui.screens.walk import STEPS, WalkScreen
from kxplan.tui.typeahead import TypeAhead

# Templates, the welcome, error and help screens are imported where they are used: opening a
# plan file, the usual start, needs none of them before the walk shows.
if TYPE_CHECKING:
    from kxplan.export import Format
    from kxplan.tui.screens.compare import Jump
    from kxplan.tui.screens.welcome import WelcomeScreen


EXPORT_NAMES: Final[dict[Format, str]] = {
    "markdown": "Markdown",
    "html": "HTML",
    "csv": "CSV",
    "json": "JSON",
}
"""The export formats as the command palette names them."""

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


def path_problem(text: str) -> str:
    """What is wrong with a typed path for saving a plan, or ""."""
    if not text.strip():
        return "Type a file name, e.g. strategy.toml"
    path = Path(text.strip()).expanduser()
    if path.suffix != ".toml":
        return "Plan files end in .toml"
    if path.is_dir():
        return "That is a folder; add a file name"
    if not path.parent.expanduser().is_dir():
        return f"There is no folder {path.parent}"
    return ""


class KxplanCommands(Provider):
    """Every kxplan action in the command palette, and each step of the walk by name."""

    def commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(name, help, callback) for what can be done on the current screen."""
        app = self.app
        assert isinstance(app, KxplanApp)
        found: list[tuple[str, str, Callable[[], object]]] = [
            ("Save", "Save the plan to its file (ctrl+s)", app.action_save),
            ("Save as…", "Write the plan to a new file (f2)", app.action_save_as),
            (
                "Open…",
                "Back to the welcome screen: templates, recent plans (ctrl+o)",
                app.action_open,
            ),
            ("Open a plan file…", "Type the path of a plan to open", app.action_open_file),
            ("Toggle light/dark theme", "Switch the theme (ctrl+t)", app.action_toggle_theme),
            ("Help: keys", "Every key kxplan answers to (f1)", app.action_help),
        ]
        if app.session is not None:
            found += [
                (
                    "Save as new version",
                    "Save, then keep a labelled copy in PLAN.versions/ (f5)",
                    app.action_save_version,
                ),
                (
                    "Versions",
                    "The plan's saved versions, with what changed (f6)",
                    app.action_versions,
                ),
                (
                    "Compare with newest version",
                    "Compare the current plan with the newest saved version (f7)",
                    app.action_compare_version,
                ),
            ]
            for fmt, name in EXPORT_NAMES.items():
                found.append(
                    (
                        f"Export {name}",
                        f"Write the plan as {name} next to its file",
                        partial(app.action_export, fmt),
                    )
                )
        walk = app.walk_screen
        if walk is not None:
            for index, info in enumerate(STEPS):
                swedish = f" · {area(info.area_id).name_sv}" if info.area_id else ""
                found.append(
                    (
                        f"Go to {index} {info.name}{swedish}",
                        f"Show the {info.name} step of the walk (key {index})",
                        partial(walk.action_go_to, index),
                    )
                )
            found += [
                ("Next step", "Go on to the next step (pagedown)", walk.action_next_step),
                ("Previous step", "Go back a step (pageup)", walk.action_previous_step),
                (
                    "Add an initiative",
                    "Capture an initiative for this area (i)",
                    walk.action_add_initiative,
                ),
                ("Timebox this step", "Set a countdown for this step (f4)", walk.action_timebox),
                (
                    "Ranking / matrix",
                    "Prioritisation: switch the view (v)",
                    walk.action_toggle_view,
                ),
            ]
            from kxplan.tui.steps.prioritisation import PrioritisationStep

            step = walk.current_step
            if isinstance(step, PrioritisationStep):
                found.append(
                    (
                        "Delete initiative…",
                        "Prioritisation: delete the highlighted initiative, after asking (delete)",
                        step.action_delete_initiative,
                    )
                )
        return found

    async def discover(self) -> Hits:
        for name, help_text, callback in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class KxplanApp(App[None]):
    """Walk a room through a CX strategy and save it as a plan file."""

    CSS_PATH = "kxplan.tcss"
    TITLE = "kxplan"
    COMMANDS: ClassVar = App.COMMANDS | {KxplanCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("f2", "save_as", "Save as", show=False),
        Binding("ctrl+o", "open", "Open", show=False),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
        Binding("f5", "save_version", "New version", show=False),
        Binding("f6", "versions", "Versions", show=False),
        Binding("f7", "compare_version", "Compare", show=False),
        Binding("f1,question_mark", "help", "Help"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        path: Path | None = None,
        *,
        clock: Clock = utc_now,
        timer_clock: Callable[[], float] = time.monotonic,
        config_dir: Path | None = None,
        cursor_blink: bool = True,
        example: str | None = None,
    ) -> None:
        super().__init__()
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
        self.theme = DARK_THEME
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
        if action in ("save", "save_as", "save_version", "versions", "compare_version"):
            return self.session is not None
        return True

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if not self.cursor_blink and isinstance(event.widget, Input | TextArea):
            event.widget.cursor_blink = False

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title != "Quit":  # ours asks about unsaved changes first
                yield command
        yield SystemCommand("Quit", "Quit kxplan (ctrl+q)", self.action_quit)

    def recent_files(self) -> list[Path]:
        """Recent plans that still exist, newest first."""
        return [path for path in load_recent(self.config_dir) if path.is_file()]

    @property
    def walk_screen(self) -> WalkScreen | None:
        """The walk, when a plan is open."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, WalkScreen):
                return screen
        return None

    def on_welcome_screen_chosen(self, event: WelcomeScreen.Chosen) -> None:
        choice = event.choice
        if choice.startswith("template:"):
            self.new_from_template(choice.removeprefix("template:"))
        elif choice == "example":
            self.open_example()
        elif choice == "open-file":
            self.action_open_file()
        elif choice.startswith("recent:"):
            self.open_path(Path(choice.removeprefix("recent:")))

    def on_error_screen_back(self) -> None:
        self.show_welcome()

    def new_from_template(self, name: str, path: Path | None = None) -> None:
        """Start a new, unsaved plan from a template (to be saved at ``path``, if given)."""
        from kxplan import templates

        try:
            plan = templates.new_plan(name, now=self.clock())
        except (PlanError, LookupError) as error:
            self.notify(str(error), title="Template", severity="error", markup=False)
            return
        self.start_session(Session(plan, path, clock=self.clock, dirty=True))

    def open_example(self, name: str | None = None) -> None:
        """A template as an example plan, in memory only: saving asks for a new file."""
        from kxplan import templates

        if name is None:
            names = [t.name for t in templates.list_templates()]
            name = templates.EXAMPLE if templates.EXAMPLE in names else names[-1]
        try:
            plan = templates.load_template(name)
        except (PlanError, LookupError) as error:
            self.notify(str(error), title="Example", severity="error", markup=False)
            self.show_welcome()
            return
        self.start_session(Session(plan, None, clock=self.clock))

    def open_path(self, path: Path) -> None:
        """Open the plan at ``path``; a path that does not exist yet starts a new plan there."""
        if not path.exists():
            from kxplan.tui.screens.welcome import TemplatePicker

            def picked(name: str | None) -> None:
                if name:
                    self.new_from_template(name, path)
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

    def start_session(self, session: Session) -> None:
        """Show the walk for ``session``."""
        self.session = session
        self._show_screen(WalkScreen(session, self.timer_clock))
        self.refresh_bindings()

    def _show_screen(self, screen: Screen[None]) -> None:
        while isinstance(self.screen, ModalScreen):
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # --- leaving ----------------------------------------------------------------------

    def guard_unsaved(self, then: Callable[[], object]) -> None:
        """Run ``then`` — after asking save / discard / cancel if there are unsaved changes."""
        session = self.session
        if session is None or not session.dirty:
            then()
            return

        def answered(answer: str | None) -> None:
            if answer == "discard":
                then()
            elif answer == "save":
                self.save(after=then)

        self.push_screen(unsaved_changes(session.name), answered)

    async def action_quit(self) -> None:
        """Quit, asking first when there are unsaved changes."""
        self.guard_unsaved(self.exit)

    def action_open(self) -> None:
        """Back to the welcome screen (asking first about unsaved changes)."""

        self.guard_unsaved(self.show_welcome)

    def action_open_file(self) -> None:
        """Ask for a plan's path and open it."""

        def answered(text: str | None) -> None:
            if text:
                path = Path(text).expanduser()
                self.guard_unsaved(lambda: self.open_path(path))

        self.push_screen(
            Prompt(
                "Open a plan",
                "Path of the plan file (a new path starts a new plan there).",
                check=lambda text: "" if text.strip() else "Type a path",
            ),
            answered,
        )

    # --- saving -----------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the plan to its file (asking for one the first time)."""
        self.save()

    def save(self, *, after: Callable[[], object] | None = None, overwrite: bool = False) -> None:
        """Save, then run ``after`` if the save succeeded."""
        session = self.session
        if session is None:
            self.notify("Open or start a plan first.", severity="warning")
            return
        if session.path is None:
            self.save_as(after=after)
            return
        try:
            session.save(overwrite=overwrite)
        except ChangedOnDisk:

            def answered(answer: str | None) -> None:
                if answer == "overwrite":
                    self.save(after=after, overwrite=True)

            self.push_screen(changed_on_disk(session.name), answered)
            return
        except PlanError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=15)
            self._show_state()
            return
        remember(self.config_dir, session.path)
        self.notify(f"Saved {session.path}", markup=False)
        self._show_state()
        if after is not None:
            after()

    def action_save_as(self) -> None:
        """Write the plan to a new file, which becomes the plan's file."""
        self.save_as()

    def save_as(self, *, after: Callable[[], object] | None = None) -> None:
        """Ask for a path and save there."""
        session = self.session
        if session is None:
            return
        suggestion = session.path or Path(slugify(session.plan.title, max_length=40) + ".toml")

        def answered(text: str | None) -> None:
            if not text:
                return
            path = Path(text).expanduser()
            if path.exists() and path != session.path:

                def confirm(answer: str | None) -> None:
                    if answer == "overwrite":
                        self._write_as(path, after)

                self.push_screen(file_exists(path), confirm)
                return
            self._write_as(path, after)

        self.push_screen(
            Prompt("Save as", "Path of the new plan file.", str(suggestion), path_problem),
            answered,
        )

    def _write_as(self, path: Path, after: Callable[[], object] | None) -> None:
        assert self.session is not None
        try:
            self.session.save_as(path)
        except PlanError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=15)
            self._show_state()
            return
        remember(self.config_dir, path)
        self.notify(f"Saved {path}", markup=False)
        self._show_state()
        if after is not None:
            after()

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
                "Save as new version",
                "A few words for this version, e.g. After workshop 2 (may be left empty). "
                "The plan is saved first.",
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
            self.notify(str(error), title="Version not kept", severity="error", markup=False)
            return
        named = f" {label!r}" if label else ""
        shown = f"{saved.parent.name}/{saved.name}"
        self.notify(f"Kept version{named} as {shown}", title="New version", markup=False)

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
                "This plan has no file yet, so no versions: save it first (ctrl+s).",
                severity="warning",
            )
            return
        try:
            versions = list_versions(session.path)
        except PlanError as error:
            self.notify(str(error), title="Versions", severity="error", markup=False)
            return
        current = "current plan" + (" (unsaved)" if session.dirty else "")
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
                f"{jump.initiative_id} is not in the ranking (removed, or closed).", markup=False
            )

    # --- exporting --------------------------------------------------------------------

    def action_export(self, fmt: Format) -> None:
        """Export the plan next to its file (saving it first when it has no file)."""
        session = self.session
        if session is None:
            return
        if session.path is None:
            self.notify("Exports are written next to the plan file: save the plan first.")
            self.save(after=lambda: self._export(fmt))
            return
        self._export(fmt)

    def _export(self, fmt: Format) -> None:
        from kxplan import export

        session = self.session
        assert session is not None
        assert session.path is not None
        name = EXPORT_NAMES[fmt]
        target = export.default_filename(session.path, fmt)
        existed = target.exists()
        try:
            export.write(session.plan, fmt, target)
        except Exception as error:  # derived output: any failure is reported, never a crash
            self.notify(
                f"{target}: {error}", title=f"{name} export failed", severity="error", markup=False
            )
            return
        replaced = " (replaced the previous export)" if existed else ""
        self.notify(f"Exported {name} to {target}{replaced}", title="Exported", markup=False)

    # --- the rest ---------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key."""
        from kxplan.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        """Switch between the dark and the light theme."""
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME
