"""The comparison screen (f7) names initiatives by title, scores by label, says "rank"
once, and gives the room the width for what changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from app_helpers import make_app

from kxplan import storage
from kxplan.tui.screens.compare import ChangeRow, CompareScreen, WhatLabel
from kxplan.versions import save_version

INITIATIVES: list[dict[str, object]] = [
    {"id": "faq", "title": "Answers online", "effort": 2, "customer_value": 4, "efficiency": 4},
    {"id": "mobility-app-1", "title": "Tickets in the travel app", "effort": 4,
     "customer_value": 4, "efficiency": 2},
]  # fmt: skip


async def test_f7_shows_titles_score_labels_and_rank_once(
    plan_here: Callable[..., Path], config_dir: Path
) -> None:
    path = plan_here("strategy.toml", title="T", initiatives=INITIATIVES)
    plan = storage.load(path)
    save_version(plan, path, "Before", now=datetime(2026, 11, 20, 9, tzinfo=UTC))
    plan.initiative("mobility-app-1").customer_value = 5
    plan.initiative("mobility-app-1").effort = 1
    storage.save(plan, path)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        whats = [str(label.render()) for label in app.screen.query(WhatLabel)]
        assert "Tickets in the travel app: customer value" in whats
        assert "Tickets in the travel app: rank" in whats
        assert not any("mobil" in what and "…" in what for what in whats)
        moved = next(row for row in app.screen.query(ChangeRow) if row.change.kind == "moved")
        cells = [str(label.render()) for label in moved.query(".change-old, .change-new")]
        assert cells == ["2", "1"]  # not "rank rank 2"
        what = moved.query_one(WhatLabel)
        assert what.size.width >= 50  # the values' columns take only what they need
        await pilot.press("down")
        details = str(app.screen.query_one("#change-details").render())
        assert "Tickets in the travel app (mobility-app-1)" in details
