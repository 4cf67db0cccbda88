"""The app's part in importing a CSV file: open the import screen, then apply what the
facilitator confirmed through the session's operations and save (atomically: a save
that fails leaves the file as it was, and the imported rows stay unsaved in the app).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App

from kxplan.i18n import _, ngettext
from kxplan.session import Session

if TYPE_CHECKING:
    from kxplan.tui.screens.import_csv import ImportChosen
    from kxplan.tui.screens.walk import WalkScreen


class CsvImporting(App[None]):
    """Mixed into the app: ``import_csv``."""

    session: Session | None

    if TYPE_CHECKING:  # the app's own

        @property
        def walk_screen(self) -> WalkScreen | None: ...

        def save(
            self, *, after: Callable[[], object] | None = None, overwrite: bool = False
        ) -> None: ...

    def action_import_csv(self) -> None:
        """Import initiatives, contact reasons or KPI readings from a CSV file."""
        from kxplan.tui.screens.import_csv import ImportScreen

        session = self.session
        if session is None:
            self.notify(_("Open or start a plan first."), severity="warning")
            return
        folder = session.path.parent if session.path is not None else None
        self.push_screen(ImportScreen(session.plan, folder), self.import_chosen)

    def import_chosen(self, chosen: ImportChosen | None) -> None:
        """Apply a confirmed import to the plan, show it, and save."""
        from kxplan import importing

        session = self.session
        if chosen is None or session is None:
            return
        done = importing.apply(session, chosen.source)
        walk = self.walk_screen
        if walk is not None:
            walk.current_step.reload()
            walk.show_state()
        self.notify(
            ngettext(
                "Imported {count} row from {file}.",
                "Imported {count} rows from {file}.",
                done.to_import,
            ).format(count=done.to_import, file=chosen.path.name),
            markup=False,
        )
        self.save()
