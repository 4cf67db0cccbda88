"""Time comparing two 10,000-initiative plans against loading them.

Run: ``/work/venv/bin/python benchmarks/bench_compare.py [N]``. The second plan
is the first with about 5 % of its initiatives edited: re-scored, renamed,
re-estimated, removed or new, plus a few area changes. The target: comparing
(ranks under the plan's method included) takes at most 1.2x the time of loading
both files.
"""

from __future__ import annotations

import copy
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from generate import make_plan

from kxplan.model import Plan
from kxplan.storage import load, save
from kxplan.versions.comparison import compare

TARGET_RATIO = 1.2


def edited_copy(plan: Plan, share: float = 0.05, seed: int = 1) -> tuple[Plan, int]:
    """The plan with ``share`` of its initiatives edited; returns (plan, edits made)."""
    rng = random.Random(seed)
    data: dict[str, Any] = copy.deepcopy(plan.to_data())
    items: list[dict[str, Any]] = data["initiatives"]
    chosen = rng.sample(range(len(items)), k=max(1, int(len(items) * share)))
    removed: set[str] = set()
    for number, index in enumerate(chosen):
        item = items[index]
        match number % 5:
            case 0:
                item["effort"] = 1 + item["effort"] % 5
            case 1:
                item["title"] += " (renamed)"
            case 2:
                if item.get("estimates"):
                    item["estimates"][0]["customer_value"] = (
                        1 + item["estimates"][0].get("customer_value", 1) % 5
                    )
            case 3:
                removed.add(item["id"])
            case _:
                item["customer_value"] = 1 + item["customer_value"] % 5
    kept = [item for item in items if item["id"] not in removed]
    for item in kept:
        item["depends_on"] = [d for d in item.get("depends_on", []) if d not in removed]
    kept.extend(
        {"id": f"new-{number}", "title": f"New idea {number}", "effort": 2, "customer_value": 4}
        for number in range(len(removed))
    )
    data["initiatives"] = kept
    data["areas"]["insight"]["maturity_today"] = 1 + data["areas"]["insight"]["maturity_today"] % 5
    data["areas"]["insight"]["kpis"][0]["baseline"] += 5
    return Plan.model_validate(data), len(chosen)


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    old = make_plan(n, seed=0)
    new, edits = edited_copy(old)
    with tempfile.TemporaryDirectory() as folder:
        old_path, new_path = Path(folder) / "old.toml", Path(folder) / "new.toml"
        save(old, old_path)
        save(new, new_path)
        load_time = best_of(3, lambda: (load(old_path), load(new_path)))
        a, b = load(old_path), load(new_path)
    compare_time = best_of(3, lambda: compare(a, b))
    from kxplan import scoring

    rank_time = best_of(3, lambda: (scoring.rank(a), scoring.rank(b)))
    comparison = compare(a, b)
    ratio = compare_time / load_time
    print(f"initiatives: {n}, edited: {edits} ({edits / n:.0%})")
    print(f"changes found: {len(comparison.changes)}; {comparison.summary()}")
    print(f"load both:        {load_time * 1000:8.1f} ms")
    print(
        f"compare:          {compare_time * 1000:8.1f} ms  (of which ranking both ≈ "
        f"{rank_time * 1000:.1f} ms)"
    )
    print(f"ratio compare / load: {ratio:.2f} (target ≤ {TARGET_RATIO})")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
