"""Time from a saved initiative edit on Prioritisation to the list and matrix repainted.

A harness app shows the Prioritisation step of a synthetic plan; each press of
``p`` (posted as a terminal's driver posts a key, without Pilot's waits) does what
saving the initiative editor does (the session puts the edited initiative in place,
the step reloads): the effort of one initiative and of its estimates flips between
1 and 5, so it jumps up or down the list. The clock runs
from the press until both views have their new ranking (the list its rows, the
matrix its points) and a frame has been painted after the one on screen changed;
this is timed with the ranked list on screen and again with the matrix. Between
edits the harness waits for the robustness worked out in the background, as a
workshop does between two saved edits (the worker holds Python's lock while it runs).
Every call of ``kxplan.scoring.rank`` is counted: an edit should rank once.
Usage::

    python benchmarks/bench_saved_edit.py [--initiatives 1000] [--presses 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from rich.console import RenderableType
from textual import events
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import ContentSwitcher

sys.path.insert(0, str(Path(__file__).parent))

from generate import make_plan

from kxplan import scoring
from kxplan.session import Session
from kxplan.tui.steps.prioritisation import PrioritisationStep
from kxplan.tui.widgets.matrix import EffortImpactMatrix
from kxplan.tui.widgets.ranked_list import RankedList
from kxplan.tui.widgets.ranking import RankingView

TARGET_MS = 50.0
VIEWS = ("ranking", "matrix")


def stamped(method: Callable[..., Any], stamps: dict[str, float], name: str) -> Callable[..., Any]:
    """``method``, noting in ``stamps[name]`` when it was last called."""

    def call(*args: Any, **kwargs: Any) -> Any:
        stamps[name] = time.perf_counter()
        return method(*args, **kwargs)

    return call


class Harness(App[None]):
    """The Prioritisation step and a key that saves an edit of one initiative."""

    BINDINGS: ClassVar[list[BindingType]] = [("p", "save_edit", "Save an edit")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.presses = 0
        self.stamps: dict[str, float] = {}
        """When the list was filled, the matrix shown and redrawn, robustness delivered."""
        self.frames: list[float] = []

    def compose(self) -> ComposeResult:
        yield PrioritisationStep(self.session, id="step")

    def on_mount(self) -> None:
        matrix = self.query_one(EffortImpactMatrix)
        matrix.show = stamped(matrix.show, self.stamps, "matrix")  # type: ignore[method-assign]
        matrix.refresh = stamped(matrix.refresh, self.stamps, "matrix drawn")  # type: ignore[method-assign]
        table = self.query_one(RankedList)
        table.show = stamped(table.show, self.stamps, "list")  # type: ignore[method-assign]
        view = self.query_one(RankingView)
        found = stamped(view._robustness_found, self.stamps, "robustness")
        view._background._found = found

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None:
            self.frames.append(time.perf_counter())

    def action_save_edit(self) -> None:
        self.presses += 1
        target = self.session.plan.initiatives[self.presses % 50]
        effort = 1.0 if self.presses % 2 else 5.0
        changed = target.model_copy(
            update={
                "effort": effort,
                "estimates": [e.model_copy(update={"effort": effort}) for e in target.estimates],
            }
        )
        self.session.put_initiative(changed, replacing=target.id)
        self.query_one(PrioritisationStep).reload()

    def repainted_since(self, start: float, view: str) -> float | None:
        """When the first frame after this edit's change of ``view`` was painted, once
        both views have the new ranking; None until then."""
        stamps = self.stamps
        if min(stamps.get("list", 0.0), stamps.get("matrix", 0.0)) < start:
            return None
        changed = stamps["list"] if view == "ranking" else stamps.get("matrix drawn", 0.0)
        return next((frame for frame in self.frames if frame > changed), None)


class RankCounter:
    """Wraps ``kxplan.scoring.rank`` and counts its calls."""

    def __init__(self) -> None:
        self.calls = 0
        self._rank = scoring.rank

    def __call__(self, *args: Any, **kwargs: Any) -> scoring.Ranking:
        self.calls += 1
        return self._rank(*args, **kwargs)


async def settle(app: Harness, since: float) -> None:
    """Wait until the robustness of the list after ``since`` has been delivered and the
    list shown with it (a few frames later)."""
    while app.stamps.get("robustness", 0.0) < since:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.1)


async def measure(initiatives: int, presses: int) -> dict[str, tuple[list[float], list[int]]]:
    """For each view on screen: milliseconds from each saved edit to the repainted view,
    and rank() calls per edit."""
    app = Harness(Session(make_plan(initiatives, seed=1)))
    counter = RankCounter()
    scoring.rank = counter  # type: ignore[assignment]
    found: dict[str, tuple[list[float], list[int]]] = {}
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            step = app.query_one(PrioritisationStep)
            await settle(app, 0.0)
            for view in VIEWS:
                if app.query_one("#priority-views", ContentSwitcher).current != view:
                    step.toggle_view()
                    await pilot.pause(0.1)
                timings: list[float] = []
                calls: list[int] = []
                for _ in range(presses):
                    before = counter.calls
                    start = time.perf_counter()
                    app.post_message(events.Key("p", "p"))  # as a terminal's driver does
                    while (painted := app.repainted_since(start, view)) is None:
                        await asyncio.sleep(0.001)
                    timings.append((painted - start) * 1000)
                    calls.append(counter.calls - before)
                    await settle(app, start)
                found[view] = (timings, calls)
    finally:
        scoring.rank = counter._rank  # type: ignore[assignment]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=1000)
    parser.add_argument("--presses", type=int, default=20)
    args = parser.parse_args()
    found = asyncio.run(measure(args.initiatives, args.presses))
    for view, (timings, calls) in found.items():
        median = statistics.median(timings)
        print(
            f"saved edit → {view} on screen repainted, {args.initiatives} initiatives: "
            f"median {median:.1f} ms, best {min(timings):.1f} ms, worst {max(timings):.1f} ms "
            f"over {len(timings)} edits "
            f"(target ≤ {TARGET_MS:.0f} ms: {'met' if median <= TARGET_MS else 'NOT met'})"
        )
        print(f"  rank() calls per edit: {sorted(set(calls))} (should be [1])")


if __name__ == "__main__":
    main()
