"""Time ``kxplan export PLAN --format markdown|html`` against the floor, each a fresh process.

The floor is what any command that reads a plan must pay: a Python process that
imports pydantic, defines a one-field model and parses the same file with tomli
(as in ``bench_cli_rank.py``). Both run as child processes of this one (kxplan as
the installed ``kxplan`` script, writing the export to a file), so start-up and
imports count as they do for a user; the bytecode is cached (one untimed warm-up
run each), and the runs alternate. Each figure is the median of several runs of
the children's CPU time (user + system, from ``os.wait4``).

Targets: at 1,000 initiatives each format ≤ 3 × the floor; at 10,000 within 12 ×
its own time at 1,000 (linear or n log n growth). Usage::

    python benchmarks/bench_export.py [--runs 5] [--initiatives 1000 10000]
        [--formats markdown html]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_cli_rank import FLOOR, kxplan_command  # benchmarks/ is not a package

TARGET_RATIO = 3.0
"""At the first size: export CPU ÷ floor CPU."""
TARGET_GROWTH = 12.0
"""From the first size to ten times as many initiatives: CPU at 10 n ÷ CPU at n."""


def cpu_of(command: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) of one child process."""
    child = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    _, status, usage = os.wait4(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{command} exited with status {code}")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each (median is kept)")
    parser.add_argument("--initiatives", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--formats", nargs="+", default=["markdown", "html"])
    args = parser.parse_args()

    from generate import make_plan

    from kxplan import storage

    timings: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        for count in args.initiatives:
            plan_path = str(Path(folder) / f"strategy-{count}.toml")
            storage.save(make_plan(count, seed=1), plan_path)
            floor = [sys.executable, "-c", FLOOR, plan_path]
            commands = {
                fmt: [*kxplan_command(), "export", plan_path, "-f", fmt, "-o", f"{plan_path}.{fmt}"]
                for fmt in args.formats
            }
            for warm_up in (floor, *commands.values()):  # writes the bytecode cache
                cpu_of(warm_up, env)
            runs: dict[str, list[float]] = {name: [] for name in ("floor", *commands)}
            for _ in range(args.runs):
                runs["floor"].append(cpu_of(floor, env))
                for fmt, command in commands.items():
                    runs[fmt].append(cpu_of(command, env))
            for name, seen in runs.items():
                timings[name, count] = statistics.median(seen)

    first = args.initiatives[0]
    print(f"kxplan export, CPU seconds, median of {args.runs}:")
    for count in args.initiatives:
        base = timings["floor", count]
        print(f"  {count:,} initiatives: floor {base:.3f} s")
        for fmt in args.formats:
            mine = timings[fmt, count]
            line = f"    {fmt:<8} {mine:7.3f} s  {mine / base:5.2f}× the floor"
            if count == first:
                verdict = "met" if mine / base <= TARGET_RATIO else "NOT met"
                line += f" (target ≤ {TARGET_RATIO:g}×: {verdict})"
            else:
                growth = mine / timings[fmt, first]
                verdict = "met" if growth <= TARGET_GROWTH * count / first / 10 else "NOT met"
                line += f", {growth:.1f}× its time at {first:,} (target ≤ "
                line += f"{TARGET_GROWTH * count / first / 10:g}×: {verdict})"
            print(line)


if __name__ == "__main__":
    main()
