"""The mobility checklist as one grid: channels across, checks down, a status in each cell.

The channels are the plan's own (Accessibility) and any other a check names; the checks
are the standard ones (:data:`~kxplan.framework.MOBILITY_CHECKS`) and any of the plan's
own. A cell is set with one key — space or enter cycles unknown → yes → partly → no, a
digit sets it (1 yes, 2 partly, 3 no, 0 unknown) — and reaches the plan at once through
the session's row operations (``add_row`` for a cell not yet in the checklist,
``replace_row`` otherwise). The plain functions come first, unit-tested without Pilot.
"""

from __future__ import annotations

from typing import ClassVar, Final

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from kxplan.framework import CHECK_STATUSES, MOBILITY_CHECKS, CheckStatus
from kxplan.i18n import N_, _
from kxplan.model import MobilityCheck, Plan
from kxplan.model.tables import TABLES_BY_ATTRIBUTE
from kxplan.session import Session
from kxplan.tui.messages import PlanEdited

CYCLE: Final[tuple[CheckStatus, ...]] = ("unknown", "yes", "partly", "no")
"""The order space and enter step a cell through."""
DIGITS: Final[dict[str, CheckStatus]] = {"1": "yes", "2": "partly", "3": "no", "0": "unknown"}
"""The digit that sets each status."""
MARKS: Final[dict[str, str]] = {"yes": "✓", "partly": "◐", "no": "✗", "unknown": "?"}
"""A sign before each status, so colour is not the only cue."""
STYLES: Final[dict[str, str]] = {"yes": "green", "partly": "yellow", "no": "red", "unknown": "dim"}
CELL_WIDTH: Final = 9
"""A channel's column at least: "? Unknown"."""


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def grid_channels(plan: Plan) -> list[str]:
    """The columns: the plan's channels, then channels only the checklist names."""
    names = [channel.name for channel in plan.areas.accessibility.channels]
    for check in plan.areas.mobility.checks:
        if not any(_same(check.channel, name) for name in names):
            names.append(check.channel)
    return names


def grid_checks(plan: Plan) -> list[str]:
    """The rows: the standard checks' keys, then the plan's own checks as written."""
    checks: list[str] = list(MOBILITY_CHECKS.keys)
    for check in plan.areas.mobility.checks:
        if not any(_same(check.check, known) for known in checks):
            checks.append(check.check)
    return checks


def check_label(check: str) -> str:
    """A check as the grid names it: a standard check's wording, else the plan's words."""
    return MOBILITY_CHECKS.label(check) if check in MOBILITY_CHECKS else check


def find_check(plan: Plan, channel: str, check: str) -> int | None:
    """The index of the checklist row for this channel and check, if there is one."""
    for index, row in enumerate(plan.areas.mobility.checks):
        if _same(row.channel, channel) and _same(row.check, check):
            return index
    return None


def status_of(plan: Plan, channel: str, check: str) -> CheckStatus:
    """The cell's status: the row's, or unknown while there is no row."""
    index = find_check(plan, channel, check)
    return "unknown" if index is None else plan.areas.mobility.checks[index].status


def next_status(status: CheckStatus) -> CheckStatus:
    """The status after ``status`` in :data:`CYCLE`."""
    return CYCLE[(CYCLE.index(status) + 1) % len(CYCLE)]


def set_status(session: Session, channel: str, check: str, status: CheckStatus) -> bool:
    """Put ``status`` in the cell through the session's operations; True when that
    changed the plan (a cell set to unknown that had no row gets none)."""
    table = TABLES_BY_ATTRIBUTE["checks"]
    index = find_check(session.plan, channel, check)
    if index is None:
        if status == "unknown":
            return False
        session.add_row(table, MobilityCheck(channel=channel, check=check, status=status))
        return True
    row = session.plan.areas.mobility.checks[index]
    return session.replace_row(table, index, row.model_copy(update={"status": status}))


def cell_text(status: CheckStatus) -> Text:
    """A cell: its sign and its label, coloured."""
    return Text(f"{MARKS[status]} {CHECK_STATUSES.label(status)}", style=STYLES[status])


class MobilityGrid(DataTable[Text]):
    """Channels across, checks down; one key sets a cell."""

    DEFAULT_CSS = """
    MobilityGrid {
        height: auto;
        max-height: 12;
        min-height: 3;
    }
    """

    class Changed(Message):
        """A cell was set: the checklist's table shows the new row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter", "cycle", N_("Next status")),
        Binding("1", "set('yes')", N_("Yes"), show=False),
        Binding("2", "set('partly')", N_("Partly"), show=False),
        Binding("3", "set('no')", N_("No"), show=False),
        Binding("0", "set('unknown')", N_("Unknown"), show=False),
    ]

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        self.session = session
        self.channels: list[str] = []
        self.checks: list[str] = []

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Build the grid from the plan as it is now; the cursor stays on its cell."""
        plan = self.session.plan
        row, column = self.cursor_coordinate
        self.channels, self.checks = grid_channels(plan), grid_checks(plan)
        self.clear(columns=True)
        widths = [max(CELL_WIDTH, len(channel)) for channel in self.channels]
        room = self.size.width - 4 - sum(width + 2 for width in widths)  # cells are padded
        label_width = max(16, min(room, max(len(check_label(c)) for c in self.checks)))
        self.add_column(Text(_("Check"), style="bold"), width=label_width, key="check")
        for channel, width in zip(self.channels, widths, strict=True):
            self.add_column(Text(channel, style="bold"), width=width)
        for check in self.checks:
            label = check_label(check)
            if len(label) > label_width:
                label = label[: label_width - 1] + "…"
            cells = [cell_text(status_of(plan, channel, check)) for channel in self.channels]
            self.add_row(Text(label), *cells, key=check)
        if self.channels:
            column = min(max(column, 1), len(self.channels))
            self.move_cursor(row=min(row, len(self.checks) - 1), column=column)

    @property
    def cell(self) -> tuple[str, str] | None:
        """The (channel, check) under the cursor; None on the checks' own column."""
        row, column = self.cursor_coordinate
        if column < 1 or column > len(self.channels) or row >= len(self.checks):
            return None
        return self.channels[column - 1], self.checks[row]

    def action_cycle(self) -> None:
        """The cell's next status: unknown → yes → partly → no → unknown."""
        if self.cell is not None:
            channel, check = self.cell
            self.action_set(next_status(status_of(self.session.plan, channel, check)))

    def action_set(self, status: CheckStatus) -> None:
        """Give the cell under the cursor this status."""
        if self.cell is None:
            return
        channel, check = self.cell
        if set_status(self.session, channel, check, status):
            row, column = self.cursor_coordinate
            self.update_cell_at(self.cursor_coordinate, cell_text(status))
            self.move_cursor(row=row, column=column)
            self.post_message(PlanEdited())
            self.post_message(self.Changed())
