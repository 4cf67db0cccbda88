"""Time from launching the app to its first screen, against a bare Textual app.

Each run is a fresh Python process (so imports count, as they do for a user):
it imports the app, constructs it, runs it headless at 100×30 until the first
frame of the first real screen has been rendered, then exits. kxplan opens a
plan of 200 initiatives (``generate.make_plan``) on the walk; the baseline is a
minimal Textual app with the same kinds of widgets — a header, a footer, a
DataTable of 200 rows and a few TextAreas and Inputs. The clock runs in this
process from starting the child until it reports the frame; best of several
runs each, alternating, after one untimed warm-up run each. The children keep
compiled bytecode in a folder of their own (``PYTHONPYCACHEPREFIX``), so both
sides start from cached bytecode, as an installed app does: with
``PYTHONDONTWRITEBYTECODE`` set, kxplan's own modules would be compiled afresh
on every launch while textual's come precompiled from site-packages.
Target: kxplan ≤ 1.3 × the baseline.

For scale it also times the same baseline app when it first reads and validates the
plan with kxplan's core (``storage.load``, which imports pydantic) and lists the plan's
initiatives in its table: the ratio against that one is what kxplan's own screens cost,
with the work every run must do before a plan can be shown taken out. Usage::

    python benchmarks/bench_tui_launch.py [--runs 7] [--initiatives 200]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET_RATIO = 1.3
READY = "ready"


def child_kxplan(plan_path: str, config_dir: str) -> None:
    """Open the plan in the app; print "ready" at the walk's first frame and quit."""
    from textual.screen import Screen

    from kxplan.tui import app
    from kxplan.tui.screens.walk import WalkScreen

    class Timed(app.KxplanApp):
        CSS_PATH = str(Path(app.__file__).with_name("kxplan.tcss"))  # not beside this file
        shown = False

        def _display(self, screen: Screen[Any], renderable: Any) -> None:
            super()._display(screen, renderable)
            if renderable is not None and isinstance(screen, WalkScreen) and not self.shown:
                self.shown = True
                print(READY, flush=True)
                self.exit()

    Timed(Path(plan_path), config_dir=Path(config_dir)).run(headless=True, size=(100, 30))


def child_baseline(rows: int, plan_path: str | None = None) -> None:
    """A minimal app with the same kinds of widgets; "ready" at its first frame.

    With ``plan_path`` it first loads that plan through kxplan's core and lists its
    initiatives instead of ``rows`` made-up ones.
    """
    titles = [f"Initiative {row}" for row in range(rows)]
    if plan_path is not None:
        from kxplan import storage

        titles = [item.title for item in storage.load(Path(plan_path)).initiatives]

    from textual.app import App, ComposeResult
    from textual.containers import Horizontal
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Header, Input, TextArea

    class Baseline(App[None]):
        shown = False

        def compose(self) -> ComposeResult:
            yield Header()
            with Horizontal():
                for index in range(3):
                    yield Input(f"field {index}")
            with Horizontal():
                for index in range(3):
                    yield TextArea(f"Notes {index}\nsecond line")
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table: DataTable[str] = self.query_one(DataTable)
            table.add_columns("#", "Initiative", "Effort", "Impact", "Score", "Quadrant")
            for row, title in enumerate(titles):
                table.add_row(str(row + 1), title, "3", "4", "1.33", "Quick win")

        def _display(self, screen: Screen[Any], renderable: Any) -> None:
            super()._display(screen, renderable)
            if renderable is not None and not self.shown:
                self.shown = True
                print(READY, flush=True)
                self.exit()

    Baseline().run(headless=True, size=(100, 30))


def time_child(*args: str, env: dict[str, str]) -> float:
    """Seconds from starting a child process to its "ready" line."""
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, __file__, "--child", *args],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == READY:
                elapsed = time.perf_counter() - started
                break
        else:
            raise RuntimeError(f"child {args[0]} exited without a first frame")
        child.wait()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--initiatives", type=int, default=200)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "kxplan":
            child_kxplan(*rest)
        else:
            child_baseline(int(rest[0]), *rest[1:])
        return

    sys.path.insert(0, str(Path(__file__).parent))
    from generate import make_plan

    from kxplan import storage

    with tempfile.TemporaryDirectory() as folder:
        plan_path = Path(folder) / "strategy.toml"
        storage.save(make_plan(args.initiatives, seed=1), plan_path)
        config_dir = Path(folder) / "config"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        kxplan_args = ("kxplan", str(plan_path), str(config_dir))
        baseline_args = ("baseline", str(args.initiatives))
        loading_args = ("baseline", str(args.initiatives), str(plan_path))
        for warm_up in (kxplan_args, baseline_args, loading_args):  # writes the bytecode cache
            time_child(*warm_up, env=env)
        ours: list[float] = []
        bare: list[float] = []
        loading: list[float] = []
        for _ in range(args.runs):
            ours.append(time_child(*kxplan_args, env=env))
            bare.append(time_child(*baseline_args, env=env))
            loading.append(time_child(*loading_args, env=env))
    best_ours, best_bare, best_loading = min(ours), min(bare), min(loading)
    ratio = best_ours / best_bare
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(
        f"launch → first screen ({args.initiatives} initiatives), best of {args.runs}: "
        f"kxplan {best_ours * 1000:.0f} ms, bare Textual app {best_bare * 1000:.0f} ms, "
        f"ratio {ratio:.2f} (target ≤ {TARGET_RATIO}: {verdict})"
    )
    print(
        f"for scale: the bare app loading the same plan through kxplan's core "
        f"{best_loading * 1000:.0f} ms; kxplan ÷ that {best_ours / best_loading:.2f}"
    )


if __name__ == "__main__":
    main()
