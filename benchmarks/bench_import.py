"""Time ``kxplan import PLAN FILE.csv`` of 1,000 and 4,000 initiative rows, each a
fresh process.

The plan is :func:`generate.make_plan` with 100 initiatives (each addressing two rows
of evidence); the CSV file adds new initiatives with ids, titles, areas, scores, a
link to one of the plan's contact reasons and dependencies on earlier rows of the
file and on the plan's own initiatives, as a spreadsheet would hold them. ``kxplan
import PLAN FILE --dry-run`` (the preview: every row checked against the plan's
rules) runs as a child process of this one (the installed ``kxplan`` script, the
bytecode cached by an untimed warm-up); with ``--yes`` the import is applied and
saved to a fresh copy of the plan each run. Each figure is the median of the
children's CPU time (user + system) and wall time. The work should grow linearly:
4,000 rows ≤ 5 × the time of 1,000. Usage::

    python benchmarks/bench_import.py [--runs 3] [--rows 1000 4000] [--yes]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_cli_rank import kxplan_command, run_child

PLAN_INITIATIVES = 100
GROWTH_TARGET = 5.0
"""4,000 rows at most this many times 1,000 (linear is 4×, plus the fixed start)."""


def write_csv(path: Path, rows: int, reasons: list[tuple[str, str]], seed: int = 3) -> None:
    """``rows`` new initiatives in kxplan's English headers, separated by semicolons."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as file:
        out = csv.writer(file, delimiter=";")
        out.writerow(
            [
                "id",
                "title",
                "areas",
                "effort",
                "customer value",
                "efficiency",
                "confidence",
                "depends on",
                "addresses",
            ]
        )
        for number in range(1, rows + 1):
            earlier = [f"imported-{e}" for e in rng.sample(range(1, number), min(number - 1, 2))]
            earlier.append(f"initiative-{rng.randint(1, PLAN_INITIATIVES)}")
            reason, channel = rng.choice(reasons)
            out.writerow(
                [
                    f"imported-{number}",
                    f"Imported initiative number {number}",
                    rng.choice(("insight", "accessibility; mobility", "prioritisation")),
                    rng.randint(1, 5),
                    rng.randint(1, 5),
                    rng.randint(1, 5),
                    f"{rng.choice((50, 70, 90))} %",
                    "; ".join(earlier),
                    f"contact_reasons: {reason} / {channel}",
                ]
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each (median is kept)")
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000, 4_000])
    parser.add_argument("--yes", action="store_true", help="apply and save, not --dry-run")
    args = parser.parse_args()

    from generate import make_plan

    from kxplan import storage

    plan = make_plan(PLAN_INITIATIVES, seed=1, links=2)
    reasons = [(r.reason, r.channel) for r in plan.areas.unnecessary_demand.contact_reasons]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        original = base / "original.toml"
        storage.save(plan, original)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(base / "pycache")
        mode = "--yes" if args.yes else "--dry-run"
        medians: dict[int, tuple[float, float]] = {}
        for rows in args.rows:
            data = base / f"rows-{rows}.csv"
            write_csv(data, rows, reasons)
            target = base / "strategy.toml"
            command = [*kxplan_command(), "import", os.fspath(target), os.fspath(data), mode]
            shutil.copyfile(original, target)
            run_child([*kxplan_command(), "import", os.fspath(target), "--help"], env)  # warm-up
            times = []
            for _ in range(args.runs):
                shutil.copyfile(original, target)
                times.append(run_child(command, env))
            medians[rows] = (
                statistics.median(t[0] for t in times),
                statistics.median(t[1] for t in times),
            )
            cpu, wall = medians[rows]
            print(
                f"kxplan import {mode}, {rows:,} rows into {PLAN_INITIATIVES} initiatives, "
                f"median of {args.runs}: CPU {cpu:.2f} s, wall {wall:.2f} s",
                flush=True,
            )
    if len(medians) > 1:
        smallest, largest = min(medians), max(medians)
        growth = medians[largest][0] / medians[smallest][0]
        allowed = GROWTH_TARGET * largest / smallest / 4
        verdict = "met" if growth <= allowed else "NOT met"
        print(
            f"  {largest:,} rows take {growth:.1f}× the CPU of {smallest:,} "
            f"(target ≤ {allowed:.1f}×: {verdict})"
        )


if __name__ == "__main__":
    main()
