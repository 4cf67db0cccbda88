"""Time from a saved initiative edit on Prioritisation to the list and matrix repainted.

A harness app shows the Prioritisation step of a synthetic plan; each press of
``p`` does what saving the initiative editor does (the session puts the edited
initiative in place, the step reloads): the effort of one initiative and of its
estimates flips between 1 and 5, so it jumps up or down the list. The clock runs
from the press until the matrix has been updated and a frame painted after it.
Every call of ``kxplan.scoring.rank`` is counted: an edit should rank once.
Usage::

    python benchmarks/bench_saved_edit.py [--initiatives 1000] [--presses 30]
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
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.screen import Screen

sys.path.insert(0, str(Path(__file__).parent))

from generate import make_plan

from kxplan import scoring
from kxplan.session import Session
from kxplan.tui.steps.prioritisation import PrioritisationStep
from kxplan.tui.widgets.matrix import EffortImpactMatrix

TARGET_MS = 50.0


class Harness(App[None]):
    """The Prioritisation step and a key that saves an edit of one initiative."""

    BINDINGS: ClassVar[list[BindingType]] = [("p", "save_edit", "Save an edit")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.presses = 0
        self.painted_at = 0.0
        self.matrix_at = 0.0

    def compose(self) -> ComposeResult:
        yield PrioritisationStep(self.session, id="step")

    def on_mount(self) -> None:
        matrix = self.query_one(EffortImpactMatrix)
        refresh: Callable[..., Any] = matrix.refresh

        def timed_refresh(*args: Any, **kwargs: Any) -> Any:
            self.matrix_at = time.perf_counter()
            return refresh(*args, **kwargs)

        matrix.refresh = timed_refresh  # type: ignore[method-assign]

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None and self.painted_at < self.matrix_at:
            self.painted_at = time.perf_counter()  # the first frame after the matrix update

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


class RankCounter:
    """Wraps ``kxplan.scoring.rank`` and counts its calls."""

    def __init__(self) -> None:
        self.calls = 0
        self._rank = scoring.rank

    def __call__(self, *args: Any, **kwargs: Any) -> scoring.Ranking:
        self.calls += 1
        return self._rank(*args, **kwargs)


async def measure(initiatives: int, presses: int) -> tuple[list[float], list[int]]:
    """Milliseconds from each saved edit to the repainted view, and rank() calls per edit."""
    app = Harness(Session(make_plan(initiatives, seed=1)))
    counter = RankCounter()
    scoring.rank = counter  # type: ignore[assignment]
    timings: list[float] = []
    calls: list[int] = []
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.5)
            for _ in range(presses):
                before = counter.calls
                start = time.perf_counter()
                await pilot.press("p")
                while app.painted_at < app.matrix_at or app.matrix_at < start:
                    await asyncio.sleep(0.001)
                timings.append((app.painted_at - start) * 1000)
                await pilot.pause(0.05)
                calls.append(counter.calls - before)
    finally:
        scoring.rank = counter._rank  # type: ignore[assignment]
    return timings, calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=1000)
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args()
    timings, calls = asyncio.run(measure(args.initiatives, args.presses))
    median = statistics.median(timings)
    print(
        f"saved edit → list and matrix repainted, {args.initiatives} initiatives: "
        f"median {median:.1f} ms, best {min(timings):.1f} ms, worst {max(timings):.1f} ms "
        f"over {len(timings)} edits "
        f"(target ≤ {TARGET_MS:.0f} ms: {'met' if median <= TARGET_MS else 'NOT met'})"
    )
    print(f"  rank() calls per edit: {sorted(set(calls))} (should be [1])")


if __name__ == "__main__":
    main()
