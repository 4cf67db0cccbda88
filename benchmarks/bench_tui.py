"""Time from a key press that changes a score to the re-ranked list being painted.

A harness app shows a :class:`~kxplan.tui.widgets.ranking.RankingView` of a
synthetic plan; each press of ``p`` sets every estimate of effort of one
initiative (alternately 1 and 5), so it jumps up or down the list, and the
view re-ranks. The clock runs from the press until the screen has been
painted with the new order. Usage::

    python benchmarks/bench_tui.py [--initiatives 1000] [--presses 30]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any, ClassVar

from rich.console import RenderableType
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.screen import Screen

sys.path.insert(0, str(Path(__file__).parent))

from generate import make_plan

from kxplan import scoring
from kxplan.model import Plan, with_initiative
from kxplan.tui.widgets.ranking import RankingView

TARGET_MS = 50.0


class Harness(App[None]):
    """A ranking view and a key that changes one initiative's effort."""

    BINDINGS: ClassVar[list[BindingType]] = [("p", "change_score", "Change a score")]

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan
        self.presses = 0
        self.painted_at = 0.0
        self.updated_at = 0.0
        self.update_ms: list[float] = []

    def compose(self) -> ComposeResult:
        yield RankingView(self.plan)

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None and self.painted_at < self.updated_at:
            self.painted_at = time.perf_counter()  # the first frame after the re-rank

    def action_change_score(self) -> None:
        self.presses += 1
        target = self.plan.initiatives[self.presses % 50]
        effort = 1.0 if self.presses % 2 else 5.0
        changed = target.model_copy(
            update={
                "effort": effort,
                "estimates": [e.model_copy(update={"effort": effort}) for e in target.estimates],
            }
        )
        self.plan = with_initiative(self.plan, changed, target.id)
        started = time.perf_counter()
        self.query_one(RankingView).update_plan(self.plan)
        self.updated_at = time.perf_counter()
        self.update_ms.append((self.updated_at - started) * 1000)


async def measure(initiatives: int, presses: int) -> tuple[list[float], list[float]]:
    """Milliseconds from each press to the repainted list, and of re-ranking alone."""
    app = Harness(make_plan(initiatives, seed=1))
    timings: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        for _ in range(presses):
            start = time.perf_counter()
            await pilot.press("p")
            while app.painted_at < app.updated_at or app.updated_at < start:
                await asyncio.sleep(0.001)
            timings.append((app.painted_at - start) * 1000)
            await pilot.pause(0.05)
    return timings, app.update_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=1000)
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args()
    timings, updates = asyncio.run(measure(args.initiatives, args.presses))
    median = statistics.median(timings)
    print(
        f"key press → re-ranked list painted, {args.initiatives} initiatives: "
        f"median {median:.1f} ms, worst {max(timings):.1f} ms over {len(timings)} presses "
        f"(target ≤ {TARGET_MS:.0f} ms: {'met' if median <= TARGET_MS else 'NOT met'})"
    )
    plan = make_plan(args.initiatives, seed=1)
    rank_ms = []
    for _ in range(10):
        started = time.perf_counter()
        scoring.rank(plan)
        rank_ms.append((time.perf_counter() - started) * 1000)
    print(
        f"  of which RankingView.update_plan: median {statistics.median(updates):.1f} ms "
        f"(scoring.rank alone: median {statistics.median(rank_ms):.1f} ms); "
        f"the rest is Textual's frame"
    )


if __name__ == "__main__":
    main()
