"""Time ranking (plain and robust) against loading the same plan.

Run: ``/work/venv/bin/python benchmarks/bench_scoring.py [--quick]``. Plans come
from ``generate.make_plan`` (3–6 participants' estimates per initiative,
dependencies on earlier ones, a quarter of them done). Targets:

* plain ranking adds at most 10 % to the time of ``storage.load`` of the plan;
* ``robustness`` with 1,000 samples on 1,000 initiatives takes under 2 s.

Robustness is timed with closed initiatives included, so that all 1,000 are
ranked, and also with the default (open ones only, about 750). Each figure is
the best of a few runs.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import make_plan

from kxplan.scoring import rank, robustness
from kxplan.storage import load, save

LOAD_RATIO_TARGET = 0.10
ROBUST_TARGET_SECONDS = 2.0


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The shortest wall-clock time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    quick = "--quick" in sys.argv
    sizes = (100, 1_000) if quick else (100, 1_000, 10_000)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'initiatives':>11}  {'load':>8}  {'rank':>8}  {'rank/load':>9}  target ≤ 10 %")
        for size in sizes:
            path = Path(folder) / f"plan-{size}.toml"
            save(make_plan(size, seed=1), path)
            runs = 3 if size >= 10_000 else 5
            load_time = best_of(runs, partial(load, path))
            plan = load(path)
            rank_time = best_of(3 * runs, partial(rank, plan))  # cheap: more tries
            ratio = rank_time / load_time
            verdict = "ok" if ratio <= LOAD_RATIO_TARGET else "MISSED"
            failures += verdict != "ok"
            print(
                f"{size:>11,}  {load_time * 1000:>6.1f}ms  {rank_time * 1000:>6.1f}ms  "
                f"{ratio:>8.1%}  {verdict}"
            )

        print()
        print(f"{'initiatives':>11}  {'ranked':>6}  {'samples':>7}  {'robust':>8}  target < 2 s")
        for size in sizes:
            plan = make_plan(size, seed=1)
            for include_closed in (True, False):
                samples = 1000 if size <= 1_000 else 100
                ranked = len(rank(plan, include_closed=include_closed).results)
                runs = 3 if size <= 1_000 else 1
                robust = partial(robustness, plan, samples=samples, include_closed=include_closed)
                seconds = best_of(runs, robust)
                verdict = ""
                if size == 1_000 and include_closed:
                    verdict = "ok" if seconds < ROBUST_TARGET_SECONDS else "MISSED"
                    failures += verdict != "ok"
                print(f"{size:>11,}  {ranked:>6,}  {samples:>7,}  {seconds:>7.2f}s  {verdict}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
