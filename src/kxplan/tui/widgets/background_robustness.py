"""Robustness worked out in a thread once the ranked list has settled.

Robustness (how firmly each rank holds when estimates are resampled) takes a
fraction of a second on a large plan, so the ranking view asks for it after the list has stayed
unchanged for :data:`DELAY` seconds; a newer list makes older answers void.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget
from textual.worker import get_current_worker

from kxplan import scoring
from kxplan.model import Plan
from kxplan.scoring import Ranking, Robustness

DELAY: float = 0.4
"""Seconds the list must stay unchanged before robustness is worked out; at 0 the work
starts at once (the tests do so, to wait for the worker rather than for a clock)."""

Found = Callable[[dict[str, Robustness]], None]
"""What to call, on the UI thread, with the robustness of the latest list."""


class BackgroundRobustness:
    """Works out robustness for ``owner``'s latest ranking, and hands it to ``found``."""

    def __init__(self, owner: Widget, found: Found) -> None:
        self._owner = owner
        self._found = found
        self._timer: Timer | None = None
        self._generation = 0
        """Counts requests, so late results for an older list are dropped."""

    def request(self, plan: Plan, ranking: Ranking) -> None:
        """Work out robustness of this ranking once nothing newer is asked for a while."""
        self._generation += 1
        if self._timer is not None:
            self._timer.stop()
        if not ranking.results:
            return
        generation = self._generation

        def start() -> None:
            # A copy of the list, so the worker is not disturbed by edits made meanwhile.
            snapshot = plan.model_copy(update={"initiatives": list(plan.initiatives)})
            self._owner.run_worker(
                lambda: self._work(snapshot, ranking, generation),
                thread=True,
                exclusive=True,
                group="robustness",
            )

        if DELAY <= 0:
            start()
        else:
            self._timer = self._owner.set_timer(DELAY, start)

    def _work(self, plan: Plan, ranking: Ranking, generation: int) -> None:
        try:  # as kxplan rank --robust and the exports: the same plan, the same ranges
            found = scoring.robustness(plan, ranking.method)
        except (scoring.ScoringError, ValueError, KeyError):
            return
        if get_current_worker().is_cancelled:
            return
        self._owner.app.call_from_thread(self._deliver, generation, found)

    def _deliver(self, generation: int, found: dict[str, Robustness]) -> None:
        if generation == self._generation:
            self._found(found)
