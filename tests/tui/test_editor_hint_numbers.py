"""The editor's score hints write numbers the room's way: "2,5 = mellan …" and a median of
2,5 in Swedish, "2.5" in English."""

from __future__ import annotations

from app_helpers import type_into
from test_initiatives_editor import EditorHarness, workshop_plan
from textual.widgets import Static

from kxplan import i18n
from kxplan.model import Plan
from kxplan.tui.screens.initiative_fields import anchor_hint


def test_a_half_step_reads_with_a_decimal_comma_in_swedish() -> None:
    effort = Plan(title="x").scales.effort
    with i18n.language("sv"):
        said = anchor_hint(effort, "2,5").plain
        assert said.startswith("2,5 = mellan ")
        assert "2.5" not in said
        assert anchor_hint(effort, "").plain == "skala 1–5"
    assert anchor_hint(effort, "2.5").plain.startswith("2.5 = between ")


async def test_a_median_reads_with_a_decimal_comma_in_swedish() -> None:
    plan = workshop_plan()  # Anna estimated the web chat's effort 2
    i18n.set_language("sv")
    app = EditorHarness(plan, plan.initiatives[0])
    async with app.run_test(size=(100, 30)) as pilot:
        hint = pilot.app.screen.query_one("#effort-hint", Static)
        await type_into(pilot, "#estimate-1-effort", "3")  # Bo: the median is 2,5
        said = str(hint.render())
        assert "2,5" in said
        assert "2.5" not in said
