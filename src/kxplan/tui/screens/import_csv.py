"""Import from CSV in the app: the file's path, what it holds, the preview of every
row (added, updated from → to, unchanged, refused with the reason), then import or
cancel. Dismisses with an :class:`ImportChosen` (the file read and its preview), or
None; the app applies it through the session and saves (:mod:`kxplan.tui.csv_importing`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Final

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from kxplan import importing
from kxplan.i18n import N_, _
from kxplan.importing.outcomes import ACTION_LABELS, REFUSED
from kxplan.model import Plan
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter

GUESS: Final = "guess"
KIND_CHOICES: Final[tuple[tuple[str, str], ...]] = (
    (GUESS, N_("Guess from the headers")),
    ("initiatives", N_("Initiatives")),
    ("contact-reasons", N_("Contact reasons")),
    ("readings", N_("KPI readings")),
)
"""What the file holds, as the drop-down offers it."""

COLUMNS: Final = (N_("Line"), N_("Change"), N_("Row"), N_("What changes, or why not"))


@dataclass(frozen=True, slots=True)
class ImportChosen:
    """The facilitator's go-ahead: the file as read, and what importing it does."""

    path: Path
    source: importing.Source
    preview: importing.Preview


def preview_rows(preview: importing.Preview) -> list[tuple[int, str, str, str]]:
    """The preview's table, in line order: (line, what happens, the row, the details)."""
    rows = [
        (
            outcome.line,
            _(ACTION_LABELS[outcome.action]),
            outcome.subject,
            "; ".join(str(change) for change in outcome.changes),
        )
        for outcome in preview.outcomes
    ]
    names = preview.refused_names or ("",) * len(preview.refusals)
    rows += [
        (
            problem.line or 0,
            _(REFUSED),
            name,
            f"{problem.place}: {problem.message}" if problem.place else problem.message,
        )
        for problem, name in zip(preview.refusals, names, strict=True)
    ]
    return sorted(rows, key=lambda row: row[0])


class ImportScreen(ModalScreen[ImportChosen | None]):
    """Pick a CSV file, see what it would do, import it or not."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("ImportScreen")

    DEFAULT_CSS = """
    ImportScreen #import-csv {
        width: 100%;
        height: 100%;
        background: $surface;
        border: round $primary;
        padding: 0 1;
    }
    ImportScreen .import-row { height: 1; margin-bottom: 1; }
    ImportScreen .hint { margin-bottom: 1; }
    ImportScreen .import-caption { width: 12; color: $text-muted; }
    ImportScreen Input.-textual-compact { width: 1fr; }
    ImportScreen Select { width: 1fr; }
    ImportScreen #import-rows { height: 1fr; min-height: 3; }
    ImportScreen #import-heading { height: auto; }
    ImportScreen #import-detail { height: auto; max-height: 6; color: $text-muted; }
    ImportScreen .field-error { color: $text-error; }
    """

    def __init__(self, plan: Plan, folder: Path | None = None, start: str = "") -> None:
        super().__init__()
        self.plan = plan
        self.folder = folder
        """Where a relative path is read from (the plan's folder); None: the working one."""
        self.start = start
        self.chosen: ImportChosen | None = None
        self.rows: list[tuple[int, str, str, str]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="import-csv"):
            yield Label(_("Import from CSV"), classes="dialog-title")
            yield Static(
                _(
                    "Initiatives, contact reasons or KPI readings from a spreadsheet's CSV "
                    "file. Nothing changes until you import."
                ),
                classes="hint",
            )
            with Horizontal(classes="import-row"):
                yield Label(_("File"), classes="import-caption")
                yield Input(
                    self.start,
                    id="import-path",
                    compact=True,
                    placeholder=_("path of the CSV file; enter shows the preview"),
                )
            with Horizontal(classes="import-row"):
                yield Label(_("It holds"), classes="import-caption")
                yield Select(
                    [(_(label), value) for value, label in KIND_CHOICES],
                    value=GUESS,
                    allow_blank=False,
                    compact=True,
                    id="import-kind",
                )
            yield Static("", id="import-heading")
            table: DataTable[str] = DataTable(
                id="import-rows", cursor_type="row", zebra_stripes=True
            )
            yield table
            yield Static("", id="import-detail")
            yield Static("", id="import-tally")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    _("Import"), variant="primary", id="import-go", compact=True, disabled=True
                )
                yield Button(_("Cancel"), id="cancel", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#import-rows", DataTable)
        widths = (5, 10, 30, None)
        for title, width in zip(COLUMNS, widths, strict=True):
            table.add_column(_(title), width=width)
        self.query_one("#import-path", Input).focus()

    @property
    def path(self) -> Path | None:
        text = self.query_one("#import-path", Input).value.strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.is_absolute() and self.folder is not None:
            path = self.folder / path
        return path

    def show_preview(self) -> None:
        """Read the file and show what importing it would do."""
        path = self.path
        heading = self.query_one("#import-heading", Static)
        table = self.query_one("#import-rows", DataTable)
        tally = self.query_one("#import-tally", Static)
        table.clear()
        self.rows = []
        self.query_one("#import-detail", Static).update("")
        self.chosen = None
        self.query_one("#import-go", Button).disabled = True
        if path is None:
            heading.update("")
            tally.update("")
            return
        kind_value = self.query_one("#import-kind", Select).value
        kind = next((k for k in importing.KINDS if k == kind_value), None)
        try:
            data = path.read_bytes()
            source = importing.read(data, os.fspath(path), kind)
        except OSError as error:
            heading.update(
                Text(
                    _("{file}: cannot be read: {reason}").format(
                        file=path, reason=error.strerror or error
                    ),
                    style="bold red",
                )
            )
            tally.update("")
            return
        except importing.ImportFailed as error:
            message = error.in_form() if isinstance(error, importing.KindUnknown) else str(error)
            heading.update(Text(message, style="bold red"))
            tally.update("")
            return
        preview = importing.preview(self.plan, source)
        said = [importing.heading(preview)]
        if (columns := importing.ignored_line(preview)) is not None:
            said.append(columns)
        heading.update(Text("\n".join(said)))
        self.rows = preview_rows(preview)
        for line, action, subject, details in self.rows:
            style = "red" if action == _(REFUSED) else ""
            table.add_row(str(line), Text(action, style=style), Text(subject), Text(details))
        tally.update(Text(importing.tally(preview)))
        self.chosen = ImportChosen(path, source, preview)
        self.query_one("#import-go", Button).disabled = preview.to_import == 0

    @on(Input.Submitted, "#import-path")
    def _submitted(self) -> None:
        self.show_preview()
        if self.chosen is not None:
            self.query_one("#import-rows", DataTable).focus()

    @on(DataTable.RowHighlighted, "#import-rows")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted row's details in full, as the table cuts them."""
        row = self.rows[event.cursor_row] if 0 <= event.cursor_row < len(self.rows) else None
        text = (
            "" if row is None else _("Line {line}: {details}").format(line=row[0], details=row[3])
        )
        self.query_one("#import-detail", Static).update(Text(text if row and row[3] else ""))

    @on(Select.Changed, "#import-kind")
    def _kind_changed(self) -> None:
        if self.path is not None:
            self.show_preview()

    @on(Button.Pressed, "#import-go")
    def action_keep(self) -> None:
        """Import what the preview shows (refused rows stay out)."""
        if self.chosen is None or not self.chosen.preview.to_import:
            self.app.bell()
            return
        self.dismiss(self.chosen)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close; nothing is imported."""
        self.dismiss(None)
