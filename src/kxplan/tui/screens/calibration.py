"""The calibration screen: how the effort estimated for done initiatives compares with
what it took, per participant and for the room.

A table (participant, done initiatives estimated, mean difference, tendency) with a
picture in each row: one mark per done initiative, left of zero where the work took
less than estimated, right where it took more. The figures come from
:mod:`kxplan.scoring.calibration`; :func:`strip` and :func:`axis` are plain text,
tested without the app.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar, Final

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Static

from kxplan.i18n import _, pgettext
from kxplan.model import Plan
from kxplan.reports.calibration import empty_text, explanation, headers, row
from kxplan.scoring.calibration import Calibration, calibrations, signed
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter

STRIP: Final = 17
"""The picture's width in cells: zero in the middle, the effort scale's span each side."""

MARK: Final = "●"
ZERO: Final = "│"
AXIS: Final = "·"


def strip(differences: Sequence[float], span: float, width: int = STRIP) -> str:
    """One row of the picture: a mark per difference (a digit where several share a
    cell), zero in the middle, ``-span`` at the left edge and ``+span`` at the right."""
    middle = width // 2
    reach = max(span, 1e-9)
    cells = [AXIS] * width
    cells[middle] = ZERO
    found: Counter[int] = Counter()
    for difference in differences:
        clipped = max(-reach, min(reach, difference))
        found[middle + round(clipped / reach * middle)] += 1
    for cell, count in found.items():
        cells[cell] = MARK if count == 1 else (str(count) if count < 10 else "+")
    return "".join(cells)


def axis(span: float, width: int = STRIP) -> str:
    """The picture column's header: ``−4`` at the left, ``0`` in the middle, ``+4`` at
    the right."""
    low, high = signed(-span), signed(span)
    middle = width // 2
    left = low + " " * max(1, middle - len(low))
    right = "0".ljust(width - len(left) - len(high)) + high
    return (left + right)[: max(width, len(low) + len(high) + 3)]


class CalibrationScreen(ModalScreen[None]):
    """Estimated against actual effort of the done initiatives."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("CalibrationScreen")

    DEFAULT_CSS = """
    CalibrationScreen {
        align: center middle;
        background: $background 60%;
    }
    CalibrationScreen > #calibration {
        width: 96;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        background: $surface;
        border: round $primary;
        border-title-style: bold;
        padding: 0 1;
    }
    CalibrationScreen #calibration-intro { color: $text-muted; margin-bottom: 1; }
    CalibrationScreen DataTable { height: auto; max-height: 16; }
    CalibrationScreen #calibration-note { margin-top: 1; color: $text-muted; }
    CalibrationScreen #calibration-buttons { height: auto; align-horizontal: right; }
    """

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan
        self.found: list[Calibration] = calibrations(plan)
        """Each participant's record, then the room's; empty when nothing can be compared."""

    @property
    def span(self) -> float:
        scale = self.plan.scales.effort
        return float(max(scale.max - scale.min, 1))

    def compose(self) -> ComposeResult:
        with Vertical(id="calibration") as box:
            box.border_title = _("Calibration: estimated against actual effort")
            if not self.found:
                yield Static(Text(empty_text()), id="calibration-empty")
            else:
                yield Static(Text(explanation(self.plan)), id="calibration-intro")
                table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=False)
                table.id = "calibration-table"
                yield table
                note = _(
                    "{mark} one done initiative: left of {zero} it took less than "
                    "estimated, right of it more (a digit: several in one place)."
                ).format(mark=MARK, zero=ZERO)
                yield Static(Text(note), id="calibration-note")
            with Horizontal(id="calibration-buttons"):
                yield Button(_("Close"), id="close", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        if not self.found:
            self.query_one("#close", Button).focus()
            return
        table: DataTable[Text] = self.query_one("#calibration-table", DataTable)
        who, _count, _mean, tendency = headers()
        table.add_column(who, key="who")
        # shorter words than the document's, so the picture fits at 80 columns
        table.add_column(pgettext("calibration", "Done"), key="count")
        table.add_column(_("Mean diff."), key="mean")
        table.add_column(tendency, key="tendency")
        table.add_column(axis(self.span), key="picture")
        for index, calibration in enumerate(self.found):
            table.add_row(*self.cells(calibration), key=calibration.who or f"room-{index}")
        table.focus()

    def cells(self, calibration: Calibration) -> list[Text]:
        """One row: who, how many, the mean difference, the tendency and the picture;
        the room's in bold."""
        style = "" if calibration.who else "bold"
        who, count, mean, tendency = row(calibration)
        return [
            Text(who, style=style),
            Text(count, style=style, justify="right"),
            Text(mean, style=style, justify="right"),
            Text(tendency, style=style),
            Text(strip(calibration.differences, self.span), style=style),
        ]

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        """Back to the prioritisation."""
        self.dismiss(None)
