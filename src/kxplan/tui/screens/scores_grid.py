"""The scores grid (``g`` on Prioritisation, or ``f`` at the first missing input): the
inputs the methods need beyond effort and impact, for many initiatives at once.

Initiatives down, inputs across (confidence, reach, time criticality, risk reduction,
each weighted criterion); tab moves along a row and on to the next. Everything is
checked as it is typed with the plan's rules; ``ctrl+s`` keeps it all through the
session (``replace_initiative``), ``escape`` closes without changing anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from kxplan.i18n import _
from kxplan.session import Session
from kxplan.tui.keys import bindings_for
from kxplan.tui.scores_grid import MAX_ROWS, cell_text, columns, read, rows
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.tui.widgets.scroll import Scroll

TITLE_WIDTH = 24
"""The title column's width."""


class ScoresGrid(ModalScreen[int | None]):
    """Fill in confidence, reach, WSJF's inputs and criteria; returns how many initiatives
    changed (None when cancelled)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("ScoresGrid")

    def __init__(
        self, session: Session, first: Sequence[str] = (), focus: tuple[str, str] | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.items = rows(session.plan, first)
        self.cols = columns(session.plan)
        self.focus_at = focus
        """(initiative id, column key) to start in: the first input a method lacks."""
        self.errors: dict[tuple[int, int], str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="scores-grid", classes="dialog"):
            title = _("Scores for the methods: confidence, reach, WSJF's inputs, criteria")
            yield Label(title, classes="dialog-title")
            more = len(self.session.plan.initiatives) > MAX_ROWS
            hint = _("tab: next cell · blank: none · ctrl+s keeps · escape closes")
            if more:
                hint += _(" · the first {count} open initiatives (the editor has the rest)").format(
                    count=MAX_ROWS
                )
            yield Static(Text(hint, style="dim"))
            widths = f"{TITLE_WIDTH} " + " ".join(
                str(max(7, *(len(word) + 1 for word in c.header.split()))) for c in self.cols
            )
            head = Grid(id="scores-head")
            head.styles.grid_size_columns = 1 + len(self.cols)
            head.styles.grid_columns = widths
            head.styles.grid_rows = "3"
            head.styles.height = 3
            with head:  # headers wrap onto three lines, so narrow columns keep their words
                yield Label(Text(_("Initiative"), style="bold"))
                for column in self.cols:
                    yield Label(Text(column.header, style="bold"))
            with Scroll(id="scores-rows"):
                grid = Grid(id="scores")
                grid.styles.grid_size_columns = 1 + len(self.cols)
                grid.styles.grid_columns = widths
                with grid:
                    for row, item in enumerate(self.items):
                        title_text = item.title
                        if len(title_text) > TITLE_WIDTH - 1:
                            title_text = title_text[: TITLE_WIDTH - 2] + "…"
                        yield Label(Text(title_text))
                        for col, column in enumerate(self.cols):
                            yield Input(
                                cell_text(item, column),
                                placeholder="·",
                                id=f"cell-{row}-{col}",
                                compact=True,
                            )
            yield Static("", id="scores-status", classes="field-error")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#scores", Grid).styles.height = "auto"
        self.query_one("#scores", Grid).styles.grid_rows = "1"
        target = "cell-0-0"
        if self.focus_at is not None:
            item_id, key = self.focus_at
            row = next((r for r, i in enumerate(self.items) if i.id == item_id), 0)
            col = next((c for c, column in enumerate(self.cols) if column.key == key), 0)
            target = f"cell-{row}-{col}"
        if self.items:
            self.query_one(f"#{target}", Input).focus()

    def _texts(self) -> dict[tuple[int, int], str]:
        return {
            (row, col): self.query_one(f"#cell-{row}-{col}", Input).value
            for row in range(len(self.items))
            for col in range(len(self.cols))
        }

    def check(self) -> int:
        """Check every cell; mark the wrong ones and say what is wrong. Returns the number
        of initiatives that would change (or -1 while something is wrong)."""
        changed, self.errors = read(self.session, self.items, self.cols, self._texts())
        for widget in self.query(Input):
            parts = (widget.id or "").split("-")
            widget.set_class((int(parts[1]), int(parts[2])) in self.errors, "-invalid-field")
        messages = [
            f"{self.items[row].title}, {self.cols[col].header}: {message}"
            for (row, col), message in sorted(self.errors.items())
        ]
        self.query_one("#scores-status", Static).update(Text("; ".join(messages[:3])))
        return -1 if self.errors else len(changed)

    @on(Input.Changed)
    def _changed(self) -> None:
        self.check()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.focus_next()

    def action_keep(self) -> None:
        """Keep every change, if all cells are valid."""
        changed, self.errors = read(self.session, self.items, self.cols, self._texts())
        if self.errors:
            self.check()
            self.notify(_("Some cells are not valid yet; see the message."), severity="warning")

            return
        for item_id, initiative in changed:
            self.session.replace_initiative(item_id, initiative)
        self.dismiss(len(changed))

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)
