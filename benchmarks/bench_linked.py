"""Time ``kxplan rank`` on a plan whose initiatives address evidence against the same
plan without it: 1,000 initiatives × 5 links each and 5,000 KPI readings (issue 16).

Both plans come from :func:`generate.make_plan` with the same seed, so they differ
only in the links and readings. ``kxplan rank PLAN --format json`` runs as a fresh
process for each (the installed script, bytecode cached by an untimed warm-up), the
two alternating; each figure is the median of the children's CPU time (user +
system) and of their wall time. In-process, the ranking alone (``rank``) is timed for
the plan's own method, RICE (reach read from the links where none is entered) and the
money-saved method. Target: with links ≤ 1.2 × without. Usage::

    python benchmarks/bench_linked.py [--runs 11] [--initiatives 1000] [--links 5]
        [--readings 5000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_cli_rank import kxplan_command, run_child

TARGET_RATIO = 1.2


def in_process(plans: dict[str, Path], runs: int) -> None:
    """The ranking alone, per method, median of ``runs``."""
    from kxplan import storage
    from kxplan.scoring import rank

    loaded = {name: storage.load(path) for name, path in plans.items()}
    for method in (None, "rice", "savings"):
        medians = {}
        for name, plan in loaded.items():
            if method == "savings" and name == "without links":
                continue  # the method needs links: a plan without them is refused
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                rank(plan, method, partial=True)
                times.append(time.perf_counter() - started)
            medians[name] = statistics.median(times)
        label = method or f"{loaded['without links'].scoring.method} (the plan's)"
        line = f"  rank() {label:<16} with {medians['with links'] * 1000:6.1f} ms"
        if "without links" in medians:
            ratio = medians["with links"] / medians["without links"]
            line += f", without {medians['without links'] * 1000:6.1f} ms, ratio {ratio:.2f}"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each (median is kept)")
    parser.add_argument("--initiatives", type=int, default=1_000)
    parser.add_argument("--links", type=int, default=5)
    parser.add_argument("--readings", type=int, default=5_000)
    args = parser.parse_args()

    from generate import make_plan

    from kxplan import storage

    with tempfile.TemporaryDirectory() as folder:
        plans = {
            "with links": Path(folder) / "linked.toml",
            "without links": Path(folder) / "bare.toml",
        }
        storage.save(
            make_plan(args.initiatives, seed=1, links=args.links, readings=args.readings),
            plans["with links"],
        )
        storage.save(make_plan(args.initiatives, seed=1), plans["without links"])
        sizes = {name: path.stat().st_size for name, path in plans.items()}
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        commands = {
            name: [*kxplan_command(), "rank", str(path), "--format", "json"]
            for name, path in plans.items()
        }
        for command in commands.values():  # writes the bytecode cache
            run_child(command, env)
        found: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                found[name].append(run_child(command, env))

        print(
            f"kxplan rank --format json, {args.initiatives:,} initiatives × {args.links} links"
            f" + {args.readings:,} KPI readings, median of {args.runs}:"
        )
        print(
            f"  files: with links {sizes['with links'] / 1000:,.0f} kB, "
            f"without {sizes['without links'] / 1000:,.0f} kB"
        )
        for index, measure in enumerate(("CPU", "wall")):
            mine = statistics.median(run[index] for run in found["with links"])
            base = statistics.median(run[index] for run in found["without links"])
            ratio = mine / base
            verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
            print(
                f"  {measure:<4}  with links {mine * 1000:5.0f} ms, without {base * 1000:5.0f} ms,"
                f" ratio {ratio:.2f} (target ≤ {TARGET_RATIO}: {verdict})"
            )
        in_process(plans, args.runs)


if __name__ == "__main__":
    main()
