"""The plan's saved versions, oldest first (as ``kxplan history``), and comparing them.

Each row is a snapshot from ``PLAN.versions/``: when it was taken (UTC), its
label, and one line on what changed since the one before. The last row is the
plan as it is now in the app, unsaved changes included. Enter compares the
highlighted version with the current plan; space marks a version, and enter on
another then compares those two (the older one on the left). Home and end go to
the first and the last row.

Opened with ``newest=True`` (f7, quick compare) the screen goes straight to the
comparison of the newest version with the current plan, and closes with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Final

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from kxplan.i18n import N_, _
from kxplan.model import Plan
from kxplan.reports.comparison import titles_of
from kxplan.storage import PlanError
from kxplan.text.literal import printable
from kxplan.tui.screens.compare import CompareScreen, Jump
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.versions import Version, load_version
from kxplan.versions.comparison import compare

NOW_KEY: Final = "now"
"""Row key of the current plan, below the versions."""
MARK: Final = "●"


@dataclass(frozen=True, slots=True)
class Entry:
    """A row of the list: a version (or the current plan), read or not."""

    key: str
    taken: str
    label: str
    plan: Plan | None
    """The plan it holds; None when the file could not be read."""
    changes: str
    """What changed since the entry before, or why it could not be read (safe to print)."""

    @property
    def name(self) -> str:
        """How the compare screen names it."""
        if self.key == NOW_KEY:
            return self.label
        return f"{self.label} ({self.taken})" if self.label else self.taken

    @property
    def short_name(self) -> str:
        """The label alone (or the time, without one): for a column heading."""
        return self.label or self.taken


def when(version: Version) -> str:
    """When a version was taken, as ``kxplan history`` shows it (UTC)."""
    return version.when


def entries(versions: list[Version], current: Plan, current_label: str) -> list[Entry]:
    """The rows: each version with what changed since the one before, then the current plan."""
    found: list[Entry] = []
    previous: Plan | None = None
    for index, version in enumerate(versions):
        try:
            plan = load_version(version)
        except PlanError as error:
            found.append(
                Entry(
                    str(index),
                    when(version),
                    version.label,
                    None,
                    _("unreadable: {problem}").format(problem=printable(str(error.problems[0]))),
                )
            )
            continue
        changes = _("first version") if previous is None else compare(previous, plan).summary()
        found.append(Entry(str(index), when(version), version.label, plan, changes))
        previous = plan
    if previous is None:
        changes = _("no version to compare")
    else:
        changes = compare(previous, current).summary()
    found.append(Entry(NOW_KEY, _("now"), current_label, current, changes))
    return found


class VersionsScreen(ModalScreen[Jump | None]):
    """The versions of the plan; returns where to jump when a change was chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close")),
        Binding("enter", "compare", N_("Compare"), priority=True),
        Binding("space", "mark", N_("Mark to compare two")),
        Binding("home", "first", N_("First"), show=False, priority=True),
        Binding("end", "last", N_("Last"), show=False, priority=True),
    ]

    def __init__(
        self,
        versions: list[Version],
        current: Plan,
        current_label: str,
        plan_name: str,
        *,
        newest: bool = False,
    ) -> None:
        super().__init__(classes="full-screen")
        self.entries = entries(versions, current, current_label)
        self.plan_name = plan_name
        self.marked: str | None = None
        """Key of the row marked with space, if any."""
        self.newest = newest
        """Open straight on the comparison of the newest version with the current plan."""

    def compose(self) -> ComposeResult:
        with Vertical(id="versions", classes="full-panel"):
            title = _("Versions of {plan}").format(plan=self.plan_name)
            yield Label(Text(title), classes="dialog-title")
            yield Static(
                Text(
                    _(
                        "Oldest first; the last row is the plan as it is now. enter compares "
                        "the highlighted version with the current plan; space marks one, "
                        "enter on another compares the two."
                    )
                ),
                classes="hint",
            )
            table: DataTable[Text] = DataTable(cursor_type="row", id="versions-table")
            table.add_column(" ", key="mark", width=1)
            table.add_column(_("Taken (UTC)"), key="taken")
            table.add_column(_("Label"), key="label")
            table.add_column(_("What changed since the one before"), key="changes")
            for entry in self.entries:
                table.add_row(
                    Text(""),
                    Text(entry.taken),
                    Text(printable(entry.label) or "–"),
                    Text(entry.changes),
                    key=entry.key,
                )
            yield table
            yield Static(id="version-details")
            if len(self.entries) == 1:
                yield Static(
                    Text(_("No versions yet: f5 (Save as new version) keeps one.")),
                    classes="hint",
                )
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.focus()
        table.move_cursor(row=max(len(self.entries) - 2, 0))
        if self.newest:
            self.call_after_refresh(self._compare_newest)

    def _compare_newest(self) -> None:
        if len(self.entries) < 2:
            self.notify(_("No saved versions yet: f5 (Save as new version) keeps one."))
            self.dismiss(None)
            return
        if self.entries[-2].plan is None:
            self.newest = False  # stay on the list; compare() says why
        self.compare(self.entries[-2].key, NOW_KEY)

    def action_first(self) -> None:
        """Go to the first (oldest) row."""
        self.query_one(DataTable).move_cursor(row=0)

    def action_last(self) -> None:
        """Go to the last row: the current plan."""
        table = self.query_one(DataTable)
        table.move_cursor(row=table.row_count - 1)

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        entry = self.highlighted
        details = f"{printable(entry.name)}: {entry.changes}"
        self.query_one("#version-details", Static).update(Text(details))

    @property
    def highlighted(self) -> Entry:
        """The row under the cursor."""
        return self.entries[self.query_one(DataTable).cursor_row]

    def action_mark(self) -> None:
        """Mark (or unmark) the highlighted row as one side of the comparison."""
        table = self.query_one(DataTable)
        key = self.highlighted.key
        if self.marked is not None:
            table.update_cell(self.marked, "mark", Text(""))
        self.marked = None if self.marked == key else key
        if self.marked is not None:
            table.update_cell(self.marked, "mark", Text(MARK))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_compare()

    def action_compare(self) -> None:
        """Compare the highlighted row with the marked one, or with the current plan."""
        keys = [entry.key for entry in self.entries]
        here = self.highlighted.key
        other = self.marked if self.marked not in (None, here) else NOW_KEY
        if here == other:
            self.notify(_("Highlight a version to compare with the current plan, or mark one."))
            return
        old, new = sorted((here, other), key=keys.index)
        self.compare(old, new)

    def compare(self, old_key: str, new_key: str) -> None:
        """Show the comparison of two rows (old on the left)."""
        by_key = {entry.key: entry for entry in self.entries}
        old, new = by_key[old_key], by_key[new_key]
        for entry in (old, new):
            if entry.plan is None:
                self.notify(
                    _("{version} cannot be read: {problem}").format(
                        version=entry.name, problem=entry.changes
                    ),
                    severity="error",
                    markup=False,
                )
                return
        assert old.plan is not None
        assert new.plan is not None
        comparison = compare(old.plan, new.plan)

        def closed(jump: Jump | None) -> None:
            if jump is not None or self.newest:
                self.dismiss(jump)

        screen = CompareScreen(
            comparison,
            old.name,
            new.name,
            old.short_name,
            new.short_name,
            titles_of(old.plan, new.plan),
        )
        self.app.push_screen(screen, closed)

    def action_close(self) -> None:
        """Back to the walk."""
        self.dismiss(None)
