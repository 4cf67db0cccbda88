"""Time ``kxplan rank PLAN --format json`` against the floor, each a fresh process.

The floor is what any command that reads a plan must pay: a Python process that
imports pydantic, defines a one-field model and parses the same file with tomli.
Both run as child processes of this one (kxplan as the installed ``kxplan``
script), so start-up and imports count as they do for a user; the bytecode is
cached (one untimed warm-up run each), and the runs alternate. Each figure is the
median of several runs of the children's CPU time (user + system, from
``os.wait4``) and of their wall time. Target: kxplan ≤ 1.5 × the floor. Usage::

    python benchmarks/bench_cli_rank.py [--runs 11] [--initiatives 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

TARGET_RATIO = 1.5

FLOOR = """\
import sys
import tomli
from pydantic import BaseModel

class Plan(BaseModel):
    title: str

with open(sys.argv[1], "rb") as file:
    Plan.model_validate({"title": tomli.load(file)["title"]})
"""


def kxplan_command() -> list[str]:
    """The ``kxplan`` script installed beside this Python, as users run it; else ``-m``."""
    script = Path(sys.executable).with_name("kxplan")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kxplan"]


def run_child(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{command} exited with status {child.returncode}")
    return usage.ru_utime + usage.ru_stime, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each (median is kept)")
    parser.add_argument("--initiatives", type=int, default=1_000)
    args = parser.parse_args()

    from generate import make_plan

    from kxplan import storage

    with tempfile.TemporaryDirectory() as folder:
        plan_path = str(Path(folder) / "strategy.toml")
        storage.save(make_plan(args.initiatives, seed=1), plan_path)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        kxplan = [*kxplan_command(), "rank", plan_path, "--format", "json"]
        floor = [sys.executable, "-c", FLOOR, plan_path]
        for warm_up in (kxplan, floor):  # writes the bytecode cache
            run_child(warm_up, env)
        ours: list[tuple[float, float]] = []
        bare: list[tuple[float, float]] = []
        for _ in range(args.runs):
            ours.append(run_child(kxplan, env))
            bare.append(run_child(floor, env))

    print(f"kxplan rank --format json, {args.initiatives:,} initiatives, median of {args.runs}:")
    for index, measure in enumerate(("CPU", "wall")):
        mine = statistics.median(run[index] for run in ours)
        base = statistics.median(run[index] for run in bare)
        ratio = mine / base
        verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
        print(
            f"  {measure:<4}  kxplan {mine * 1000:4.0f} ms, floor {base * 1000:4.0f} ms, "
            f"ratio {ratio:.2f} (target ≤ {TARGET_RATIO}: {verdict})"
        )


if __name__ == "__main__":
    main()
