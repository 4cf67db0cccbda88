"""Opening, saving and leaving a plan: the app's file dialogs and what they answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from textual.app import App

from kxplan.i18n import Language, _
from kxplan.model import Plan, RuleViolations, slugify
from kxplan.session import ChangedOnDisk, Clock, Session
from kxplan.storage import PlanError, write_atomic
from kxplan.tui.recent import remember
from kxplan.tui.screens.confirm import Answer, file_exists, unsaved_changes
from kxplan.tui.screens.prompt import Prompt

if TYPE_CHECKING:
    from kxplan.versions.merge import MergeResult


def path_problem(text: str) -> str:
    """What is wrong with a typed path for saving a plan, or ""."""
    if not text.strip():
        return _("Type a file name, e.g. strategy.toml")
    path = Path(text.strip()).expanduser()
    if path.suffix != ".toml":
        return _("Plan files end in .toml")
    if path.is_dir():
        return _("That is a folder; add a file name")
    if not path.parent.expanduser().is_dir():
        return _("There is no folder {folder}").format(folder=path.parent)
    return ""


class PlanFiles(App[None]):
    """The app's file handling: open a path, save, save as, and ask before losing changes."""

    session: Session | None
    """The plan being edited, once one is open."""
    config_dir: Path
    """Where the recent-files list is kept."""

    def open_path(self, path: Path) -> None:
        """Open the plan at ``path`` (the app says how)."""
        raise NotImplementedError

    def show_welcome(self) -> None:
        """Show the welcome screen (the app says how)."""
        raise NotImplementedError

    def start_session(self, session: Session, step_index: int = 0) -> None:
        """Show the walk for ``session`` at a step (the app says how)."""
        raise NotImplementedError

    def shown_step(self) -> int:
        """The walk's step on screen, 0 without a walk (the app says where)."""
        raise NotImplementedError

    def _show_state(self) -> None:
        """Show whether the plan has unsaved changes (the app says where)."""
        raise NotImplementedError

    clock: Clock
    """Gives the time stamped into a new plan."""

    # --- a new plan -------------------------------------------------------------------

    def ask_new_plan(self, name: str, path: Path | None = None) -> None:
        """Ask the new plan's language, then start it from template ``name``."""
        from kxplan.tui.screens.welcome import NewPlanDialog, template_language

        def answered(language: Language | None) -> None:
            if language is not None:
                self.new_from_template(name, path, language)
            elif len(self.screen_stack) == 1:
                self.show_welcome()

        self.push_screen(NewPlanDialog(name, template_language(name)), answered)

    def new_from_template(
        self, name: str, path: Path | None = None, language: Language | None = None
    ) -> None:
        """Start a new, unsaved plan from a template (to be saved at ``path``, if given),
        written in ``language`` (else the template's)."""
        from kxplan import templates

        try:
            plan = templates.new_plan(name, now=self.clock())
        except (PlanError, LookupError) as error:
            self.notify(str(error), title=_("Template"), severity="error", markup=False)
            return
        if language is not None:
            plan = plan.model_copy(update={"language": language})
        self.start_session(Session(plan, path, clock=self.clock, dirty=True))

    # --- leaving ----------------------------------------------------------------------

    def guard_unsaved(self, then: Callable[[], object]) -> None:
        """Run ``then`` — after asking save / discard / cancel if there are unsaved changes."""
        session = self.session
        if session is None or not session.dirty:
            then()
            return

        def answered(answer: Answer | None) -> None:
            if answer is Answer.DISCARD:
                then()
            elif answer is Answer.SAVE:
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
                _("Open a plan"),
                _("Path of the plan file (a new path starts a new plan there)."),
                check=lambda text: "" if text.strip() else _("Type a path"),
            ),
            answered,
        )

    # --- saving -----------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the plan to its file (asking for one the first time)."""
        if (
            self.session is not None
            and self.session.path is None
            and isinstance(self.screen, Prompt)
        ):
            self.notify(_("Answer this first; then ctrl+s asks where to save."), severity="warning")
            return
        self.save()

    def save(self, *, after: Callable[[], object] | None = None, overwrite: bool = False) -> None:
        """Save, then run ``after`` if the save succeeded."""
        session = self.session
        if session is None:
            self.notify(_("Open or start a plan first."), severity="warning")
            return
        if session.path is None:
            self.save_as(after=after)
            return
        try:
            session.save(overwrite=overwrite)
        except ChangedOnDisk:
            self._changed_on_disk(session, after)
            return
        except PlanError as error:
            self.notify(
                str(error), title=_("Not saved"), severity="error", markup=False, timeout=15
            )
            self._show_state()
            return
        remember(self.config_dir, session.path)
        self.notify(_("Saved {path}").format(path=session.path), markup=False)
        self._show_state()
        if after is not None:
            after()

    def _changed_on_disk(self, session: Session, after: Callable[[], object] | None) -> None:
        """Someone else saved the file: show what they changed; merge, reload theirs,
        keep mine (overwrite) or cancel."""
        from kxplan.tui.screens.disk_changed import disk_changed_dialog, what_they_changed
        from kxplan.versions.merge import merge

        try:
            text, theirs = session.read_disk()
        except PlanError:
            text, theirs = "", None
        base = session.last_saved()
        result = merge(base, session.plan, theirs) if theirs is not None else None
        changes = what_they_changed(base, theirs) if theirs is not None else []

        def answered(answer: Answer | None) -> None:
            if answer is Answer.OVERWRITE:
                self.save(after=after, overwrite=True)
            elif answer is Answer.RELOAD and session.path is not None:
                self.open_path(session.path)
                said = _("Reloaded {path}: their version").format(path=session.path)
                self.notify(said, markup=False)
            elif answer is Answer.MERGE and result is not None and theirs is not None:
                self._merge_in(session, text, theirs, result, after)

        self.push_screen(disk_changed_dialog(session.name, changes, result), answered)

    def _merge_in(
        self,
        session: Session,
        text: str,
        theirs: Plan,
        result: MergeResult,
        after: Callable[[], object] | None,
    ) -> None:
        """Take their file with our changes merged in, asking about each conflict."""
        from kxplan.reports.comparison import titles_of
        from kxplan.tui.screens.disk_changed import ResolveConflicts

        def adopt(plan: Plan) -> None:
            step = self.shown_step()
            session.adopt_disk(text, theirs, plan)
            self.start_session(session, step)  # the room stays on the step it was on
            self.save(after=after)

        if result.clean:
            adopt(result.plan())
            return
        screen = ResolveConflicts(result.conflicts, titles_of(theirs, session.plan))

        def resolved(answer: Answer | None) -> None:
            if answer is not Answer.MERGE:
                return
            try:
                plan = result.plan(dict(screen.picks))
            except (ValidationError, RuleViolations) as error:
                self.notify(
                    _("These choices together break a rule of the plan: {error}").format(
                        error=error
                    ),
                    title=_("Not merged"),
                    severity="error",
                    markup=False,
                    timeout=15,
                )
                return
            adopt(plan)

        self.push_screen(screen, resolved)

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

                def confirm(answer: Answer | None) -> None:
                    if answer is Answer.OVERWRITE:
                        self._write_as(path, after)

                self.push_screen(file_exists(path), confirm)
                return
            self._write_as(path, after)

        self.push_screen(
            Prompt(_("Save as"), _("Path of the new plan file."), str(suggestion), path_problem),
            answered,
        )

    def _write_as(self, path: Path, after: Callable[[], object] | None) -> None:
        assert self.session is not None
        try:
            self.session.save_as(path)
        except PlanError as error:
            self.notify(
                str(error), title=_("Not saved"), severity="error", markup=False, timeout=15
            )
            self._show_state()
            return
        remember(self.config_dir, path)
        self.notify(_("Saved {path}").format(path=path), markup=False)
        self._show_state()
        if after is not None:
            after()

    # --- screenshots ------------------------------------------------------------------

    def action_screenshot_beside_plan(self) -> None:
        """Save a picture of the screen (SVG) beside the plan file (or in the current
        folder, for a plan without a file yet), and say where it went."""
        from datetime import UTC, datetime

        session = self.session
        folder = session.path.parent if session is not None and session.path else Path.cwd()
        stem = session.path.stem if session is not None and session.path else "kxplan"
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H%M%SZ")
        target = folder / f"{stem}-screen-{stamp}.svg"
        try:
            write_atomic(target, self.export_screenshot().encode("utf-8"))
        except (OSError, PlanError) as error:
            self.notify(
                f"{target}: {error}", title=_("No screenshot"), severity="error", markup=False
            )
            return
        said = _("Saved a screenshot as {path}").format(path=target)
        self.notify(said, title=_("Screenshot"), markup=False)
