"""Time from a key typed in a row form to the form's message being painted.

A harness app shows the contact-reasons table of a synthetic plan (an
:class:`~kxplan.tui.widgets.area_table.AreaTable` over a session, as the
Unnecessary-demand step does) and opens the form of its first row. Each key
types into the contacts-a-month field, alternately a letter (the form then says
"expected a whole number") and Backspace (the message goes), so every key reads
and checks the row and changes what the form says. The clock runs from the press
until the first frame painted after the form's messages were updated; the time to
the messages updated (before Textual's next frame, at most 60 a second) is given
too. Usage::

    python benchmarks/bench_row_form.py [--initiatives 1000] [--presses 40]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import RenderableType
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input

sys.path.insert(0, str(Path(__file__).parent))

from generate import make_plan

from kxplan.session import Session
from kxplan.tui.forms import check_row
from kxplan.tui.screens.row_editor import RowEditor
from kxplan.tui.tables import TABLES_BY_AREA
from kxplan.tui.widgets.area_table import AreaTable

TARGET_MS = 16.0


class Harness(App[None]):
    """The contact-reasons table of a plan; its first row's form is opened by the bench."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.painted_at = 0.0
        self.updated_at = 0.0
        self.check_ms: list[float] = []

    def compose(self) -> ComposeResult:
        yield AreaTable(TABLES_BY_AREA["unnecessary_demand"][0], self.session)

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None and self.painted_at < self.updated_at:
            self.painted_at = time.perf_counter()  # the first frame after the check

    def timed(self, editor: RowEditor) -> None:
        """Record when each of the form's checks ends, and how long it took."""
        validate = editor.validate_form

        def validate_timed() -> bool:
            started = time.perf_counter()
            valid = validate()
            self.updated_at = time.perf_counter()
            self.check_ms.append((self.updated_at - started) * 1000)
            return valid

        editor.validate_form = validate_timed  # type: ignore[method-assign]


async def measure(initiatives: int, presses: int) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds from each key to the painted form, to the form's messages updated,
    and of the form's check alone."""
    app = Harness(Session(make_plan(initiatives, seed=1)))
    timings: list[float] = []
    updated: list[float] = []
    async with app.run_test(size=(100, 40)) as pilot:
        spec = TABLES_BY_AREA["unnecessary_demand"][0]
        rows = spec.rows(app.session.plan)
        app.push_screen(  # as the area step opens it when the table asks for the form
            RowEditor(
                spec.model,
                spec.row_name,
                rows[0],
                lambda row: check_row(spec.table, rows, row, 0),
            )
        )
        await pilot.pause(0.5)
        editor = app.screen
        assert isinstance(editor, RowEditor)
        app.timed(editor)
        app.check_ms.clear()
        editor.query_one("#field-monthly_volume", Input).focus()
        await pilot.press("end")
        await pilot.pause(0.1)
        for index in range(presses):
            start = time.perf_counter()
            await pilot.press("x" if index % 2 == 0 else "backspace")
            while app.painted_at < app.updated_at or app.updated_at < start:
                await asyncio.sleep(0.001)
            timings.append((app.painted_at - start) * 1000)
            updated.append((app.updated_at - start) * 1000)
            await pilot.pause(0.05)
    return timings, updated, app.check_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=1000)
    parser.add_argument("--presses", type=int, default=40)
    args = parser.parse_args()
    timings, updated, checks = asyncio.run(measure(args.initiatives, args.presses))
    median = statistics.median(updated)
    print(
        f"key in a row form → message updated, {args.initiatives} initiatives: "
        f"median {median:.1f} ms, worst {max(updated):.1f} ms over {len(updated)} keys "
        f"(target ≤ {TARGET_MS:.0f} ms: {'met' if median <= TARGET_MS else 'NOT met'})"
    )
    print(
        f"  of which RowEditor.validate_form (read, check, show): "
        f"median {statistics.median(checks):.1f} ms"
    )
    print(
        f"  key → message painted: median {statistics.median(timings):.1f} ms, worst "
        f"{max(timings):.1f} ms (Textual paints at most {1000 / 60:.1f} ms apart)"
    )


if __name__ == "__main__":
    main()
