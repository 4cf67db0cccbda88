"""Time reading and writing plan files of 100, 1,000 and 10,000 initiatives.

Run from the project root: ``python benchmarks/bench_storage.py [--runs N] [--sizes ...]``.
Prints, per size: the bare TOML parse with tomli (the floor) and with the
standard library's tomllib, validation alone (``Plan.model_validate`` on parsed
data), the full ``storage.load`` and ``storage.save``, each the best of a few
runs, and the ratio load / tomli parse. The target is a ratio of at most 1.5.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import tomli

sys.path.insert(0, str(Path(__file__).parent))

from generate import make_plan  # benchmarks/ is not a package

from kxplan import storage
from kxplan.model import Plan

TARGET_RATIO = 1.5


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``action``, in seconds."""
    fastest = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def bench(size: int, runs: int, folder: Path) -> dict[str, float]:
    """Timings for one plan size; also checks that the plan round-trips."""
    plan = make_plan(size)
    path = folder / f"plan-{size}.toml"
    storage.save(plan, path)
    text = path.read_text(encoding="utf-8")
    data = tomli.loads(text)
    assert storage.load(path) == plan, "the plan did not round-trip"
    return {
        "bytes": float(path.stat().st_size),
        "tomli": best_of(runs, lambda: tomli.loads(text)),
        "tomllib": best_of(runs, lambda: tomllib.loads(text)),
        "validate": best_of(runs, lambda: Plan.model_validate(data)),
        "load": best_of(runs, lambda: storage.load(path)),
        "save": best_of(runs, lambda: storage.save(plan, path)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timings per figure (best is kept)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    args = parser.parse_args()

    header = (
        f"{'initiatives':>11} {'file':>9} {'tomli':>9} {'tomllib':>9} {'validate':>9} "
        f"{'load':>9} {'save':>9} {'load/tomli':>10}"
    )
    print(header)
    print("-" * len(header))
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            t = bench(size, args.runs, Path(folder))
            ratio = t["load"] / t["tomli"]
            worst = max(worst, ratio)
            print(
                f"{size:>11,} {t['bytes'] / 1e6:>7.2f}MB"
                + "".join(
                    f" {t[k] * 1000:>7.1f}ms"
                    for k in ("tomli", "tomllib", "validate", "load", "save")
                )
                + f" {ratio:>9.2f}x"
            )
    verdict = "meets" if worst <= TARGET_RATIO else "MISSES"
    print(f"\nworst load/tomli ratio {worst:.2f}x {verdict} the target of {TARGET_RATIO}x")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
