"""Tests of the one-screen strategy summary."""

from __future__ import annotations

from app_helpers import wait_until
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.widgets import Static

from kxplan.model import (
    Areas,
    Channel,
    ContactReason,
    Initiative,
    Plan,
    Stakeholder,
)
from kxplan.tui.widgets.summary import StrategySummary, maturity_bar


def summary_plan() -> Plan:
    areas = Areas.model_validate(
        {
            "insight": {"maturity_today": 2, "maturity_target": 4},
            "mobility": {"maturity_today": 3},
            "accessibility": {
                "channels": [Channel(name="Phone", cost_per_contact=40)],
            },
            "unnecessary_demand": {
                "contact_reasons": [
                    # 1 000 × 50 % = 500 avoidable, × 40 SEK = 20 000 SEK
                    ContactReason(
                        reason="Where is my order?",
                        channel="phone",
                        monthly_volume=1000,
                        demand="failure",
                        avoidable=50,
                    ),
                    # 200 × 25 % = 50 avoidable; no cost known for e-mail
                    ContactReason(
                        reason="What does my invoice mean?",
                        channel="E-mail",
                        monthly_volume=200,
                        demand="failure",
                        avoidable=25,
                    ),
                ]
            },
            "anchoring": {
                "stakeholders": [
                    Stakeholder(name="Logistics", buy_in="sceptical", next_step="Show volumes"),
                    Stakeholder(name="IT", buy_in="champion"),
                    Stakeholder(name="[b]Sales[/b]", buy_in="unknown"),
                ]
            },
        }
    )
    return Plan(
        title="Summary",
        currency="SEK",
        areas=areas,
        initiatives=[
            Initiative(
                id="a",
                title="Tracking link",
                who="Logistics",
                when="2027-Q1",
                effort=1,
                customer_value=4,
                efficiency=4,
            ),
            Initiative(id="b", title="Chat", effort=2, customer_value=4, efficiency=2),
            Initiative(id="c", title="Unscored idea"),
        ],
    )


def test_gaps_show_today_target_and_the_gap_per_area() -> None:
    lines = StrategySummary.gaps(summary_plan()).plain.splitlines()
    assert len(lines) == 7
    assert lines[0].split() == ["1", "Insight", "2", "→", "4", "██▒▒·", "gap", "2"]
    assert lines[3].split() == ["4", "Mobility", "3", "→", "?", "███··", "not", "set"]


def test_maturity_bar_fills_today_then_the_way_to_the_target() -> None:
    assert maturity_bar(2, 4).plain == "██▒▒·"
    assert maturity_bar(None, None).plain == "·····"


def test_top_initiatives_name_owner_and_when_and_count_the_unscored() -> None:
    text = StrategySummary.top_initiatives(summary_plan()).plain
    assert text.splitlines() == [
        "1. Tracking link",
        "   Logistics  ·  2027-Q1  ·  Quick win",
        "2. Chat",
        "   no owner yet  ·  no date yet  ·  Quick win",
        "1 open initiative not scored yet",
    ]


def test_unanchored_departments_are_listed_with_their_next_step() -> None:
    text = StrategySummary.anchoring(summary_plan()).plain
    assert text.splitlines() == [
        "Logistics  sceptical",
        "   next: Show volumes",
        "[b]Sales[/b]  unknown",
        "2 of 3 departments not yet anchored",
    ]


def test_avoidable_demand_adds_contacts_and_prices_them_by_channel() -> None:
    text = StrategySummary.demand(summary_plan()).plain
    assert text.splitlines() == [
        "550 avoidable contacts a month",
        "20\u202f000\xa0SEK a month",
        "1 reason without a channel cost",
        "· Where is my order? (phone)  500",
        "· What does my invoice mean? (E-mail)  50",
    ]


def test_reasons_with_the_same_text_are_told_apart_by_their_channel() -> None:
    plan = summary_plan()
    reasons = plan.areas.unnecessary_demand.contact_reasons
    reasons.append(reasons[0].model_copy(update={"channel": "e-mail", "monthly_volume": 400}))
    reasons.append(reasons[0].model_copy(update={"channel": "", "monthly_volume": 300}))
    lines = StrategySummary.demand(plan).plain.splitlines()[3:]
    assert lines == [
        "· Where is my order? (phone)  500",
        "· Where is my order? (e-mail)  200",
        "· Where is my order?  150",
    ]


def test_empty_plan_says_what_is_missing() -> None:
    plan = Plan(title="Empty")
    assert "No departments recorded yet" in StrategySummary.anchoring(plan).plain
    assert "No contact reasons recorded yet" in StrategySummary.demand(plan).plain
    assert "No initiatives are scored yet." in StrategySummary.top_initiatives(plan).plain


class SummaryHarness(App[None]):
    def compose(self) -> ComposeResult:
        yield StrategySummary(summary_plan())


async def test_the_widget_shows_every_section_and_updates() -> None:
    app = SummaryHarness()
    async with app.run_test(size=(100, 30)) as pilot:
        summary = app.query_one(StrategySummary)
        boxes = {box.id: str(box.render()) for box in summary.query(Static)}
        assert "Tracking link" in boxes["summary-top"]
        assert "[b]Sales[/b]" in boxes["summary-anchoring"]
        summary.update_plan(Plan(title="Empty"))
        await pilot.pause()
        top = str(summary.query_one("#summary-top", Static).render())
        assert "No initiatives are scored yet." in top


def wide_gaps_plan() -> Plan:
    """Anchoring judged past its target (gap -1) and Mobility's target not set."""
    plan = summary_plan()
    plan.areas.anchoring.maturity_today = 5
    plan.areas.anchoring.maturity_target = 4
    return plan


class WideGapsHarness(App[None]):
    """The summary as the walk shows it: inside a step's padding."""

    CSS = "Screen { padding: 0 1; }"

    def compose(self) -> ComposeResult:
        yield StrategySummary(wide_gaps_plan())


async def test_gap_lines_are_never_cut_short_beside_the_other_sections() -> None:
    lines = StrategySummary.gaps(wide_gaps_plan()).plain.splitlines()
    assert lines[6].endswith("gap -1")
    assert lines[3].endswith("not set")
    app = WideGapsHarness()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        gaps = app.query_one("#summary-gaps", Static)
        top = app.query_one("#summary-top", Static)
        assert gaps.content_region.width >= max(cell_len(line) for line in lines)
        assert top.region.y == gaps.region.y
        assert top.region.x > gaps.region.right
        await pilot.resize_terminal(80, 24)
        # the sections restack on the screen's next layout, a timer tick after the resize
        assert await wait_until(pilot, lambda: top.region.y >= gaps.region.bottom)
        # stacked, each as wide as the other
        assert gaps.region.width == top.region.width
