"""Snapshot tests of the prioritisation screens and widgets, in harness apps.

Deterministic: the plan is built here, the robustness worker is waited for
(its sampling is seeded) and cursors do not blink.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.events import DescendantFocus
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Footer, Input, TextArea

from kxplan.model import (
    Areas,
    Channel,
    ContactReason,
    Estimate,
    Initiative,
    Plan,
    Stakeholder,
)
from kxplan.tui.screens.initiative_editor import InitiativeEditor
from kxplan.tui.screens.spread import SpreadScreen
from kxplan.tui.widgets.matrix import EffortImpactMatrix
from kxplan.tui.widgets.ranking import RankingView
from kxplan.tui.widgets.summary import StrategySummary

PARTICIPANTS = ["Anna Lindqvist", "Mikael Berg", "Sara Holm"]


def estimates(*rows: tuple[float, float, float, float]) -> list[Estimate]:
    return [
        Estimate(participant=name, effort=e, customer_value=v, efficiency=f, confidence=c)
        for name, (e, v, f, c) in zip(PARTICIPANTS, rows, strict=False)
    ]


def demo_plan() -> Plan:
    """A workshop's plan: eight initiatives, three participants, the other areas filled in."""

    def item(id: str, title: str, who: str, when: str, *rows: tuple[float, ...]) -> Initiative:
        return Initiative(
            id=id,
            title=title,
            who=who,
            when=when,
            areas=["prioritisation"],
            effort=rows[0][0],
            customer_value=rows[0][1],
            efficiency=rows[0][2],
            estimates=estimates(*rows),  # type: ignore[arg-type]
        )

    areas = Areas.model_validate(
        {
            "insight": {"maturity_today": 2, "maturity_target": 4},
            "accessibility": {
                "maturity_today": 3,
                "maturity_target": 4,
                "channels": [
                    Channel(name="Phone", cost_per_contact=65),
                    Channel(name="Chat", cost_per_contact=30),
                ],
            },
            "service_friendliness": {"maturity_today": 2, "maturity_target": 3},
            "mobility": {"maturity_today": 1, "maturity_target": 4},
            "unnecessary_demand": {
                "maturity_today": 1,
                "maturity_target": 4,
                "contact_reasons": [
                    ContactReason(
                        reason="Where is my order?",
                        channel="Phone",
                        monthly_volume=2600,
                        demand="failure",
                        avoidable=80,
                    ),
                    ContactReason(
                        reason="What does my invoice mean?",
                        channel="Chat",
                        monthly_volume=1200,
                        demand="failure",
                        avoidable=60,
                    ),
                ],
            },
            "anchoring": {
                "maturity_today": 2,
                "maturity_target": 4,
                "stakeholders": [
                    Stakeholder(name="Logistics", buy_in="sceptical", next_step="Show volumes"),
                    Stakeholder(name="IT", buy_in="supportive"),
                    Stakeholder(name="Sales", buy_in="unknown", next_step="Invite to workshop 2"),
                ],
            },
        }
    )
    return Plan(
        title="Customer service strategy 2027",
        participants=PARTICIPANTS,
        currency="SEK",
        areas=areas,
        initiatives=[
            item(
                "tracking-link",
                "Tracking link in every order confirmation",
                "Logistics",
                "2027-Q1",
                (2, 4, 5, 90),
                (2, 4, 4, 80),
                (3, 4, 5, 80),
            ),
            item(
                "call-backs",
                "Log promised call-backs",
                "Team leaders",
                "2026-Q4",
                (1, 3, 3, 90),
                (1, 3, 3, 90),
            ),
            item(
                "plain-invoice",
                "Plain-language invoice",
                "Finance",
                "2027-Q2",
                (3, 4, 4, 70),
                (2, 5, 4, 60),
                (4, 3, 4, 70),
            ),
            item(
                "chat-hours",
                "Chat open all office hours",
                "Service centre",
                "2027-Q1",
                (2, 3, 3, 80),
                (3, 3, 2, 70),
                (1, 4, 3, 90),
            ),
            item(
                "case-history",
                "One case history across channels",
                "IT",
                "2027-H2",
                (4, 4, 3, 60),
                (5, 3, 3, 50),
                (4, 4, 4, 60),
            ),
            item(
                "my-pages",
                "[bold]My pages[/] that work on a phone",
                "Digital",
                "2028",
                (5, 4, 3, 50),
                (5, 3, 3, 50),
            ),
            item(
                "survey",
                "Short survey after every contact",
                "Quality",
                "2026-Q4",
                (1, 2, 2, 90),
                (1, 3, 2, 90),
            ),
            item("fax-line", "Keep the fax line", "Office", "", (4, 1, 1, 90)),
        ],
    )


class Harness(App[None]):
    """Shows one widget (or opens one screen) over the demo plan, without blinking."""

    def __init__(self, make: Any, screen: Any = None) -> None:
        super().__init__()
        self.make = make
        self.open_screen = screen

    def compose(self) -> ComposeResult:
        if self.make is not None:
            yield self.make()
        yield Footer()

    def on_mount(self) -> None:
        if self.open_screen is not None:
            self.push_screen(self.open_screen())
        else:
            self.query(Widget).first().focus()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if isinstance(event.widget, Input | TextArea):
            event.widget.cursor_blink = False


async def settle(pilot: Pilot[None]) -> None:
    """Let the robustness worker finish so the Range column is filled in."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def ranking() -> RankingView:
    return RankingView(demo_plan())


def matrix() -> EffortImpactMatrix:
    return EffortImpactMatrix(demo_plan())


def summary() -> StrategySummary:
    return StrategySummary(demo_plan())


def focus_matrix_and_move(pilot: Pilot[None]) -> Any:
    async def run() -> None:
        pilot.app.query_one(EffortImpactMatrix).focus()
        await pilot.press("right")

    return run()


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
def test_ranking_view(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(Harness(ranking), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
def test_matrix(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(Harness(matrix), terminal_size=size, run_before=focus_matrix_and_move)


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
def test_summary(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(Harness(summary), terminal_size=size)


def test_editor(snap_compare: Any) -> None:
    plan = demo_plan()
    app = Harness(None, lambda: InitiativeEditor(plan, plan.initiatives[0]))
    assert snap_compare(app, terminal_size=(100, 30))


def test_editor_showing_problems(snap_compare: Any) -> None:
    plan = demo_plan()

    async def type_problems(pilot: Pilot[None]) -> None:
        effort = pilot.app.screen.query_one("#effort", Input)
        effort.focus()
        await pilot.press("backspace", "9")
        await pilot.press("ctrl+s")
        await pilot.pause()

    app = Harness(None, lambda: InitiativeEditor(plan, plan.initiatives[0]))
    assert snap_compare(app, terminal_size=(100, 30), run_before=type_problems)


def test_new_initiative_editor_in_light_theme(snap_compare: Any) -> None:
    plan = demo_plan()

    async def light(pilot: Pilot[None]) -> None:
        pilot.app.theme = "textual-light"
        await pilot.press(*"Order status page")
        await pilot.pause()

    app = Harness(None, lambda: InitiativeEditor(plan, None, "unnecessary_demand"))
    assert snap_compare(app, terminal_size=(100, 30), run_before=light)


def test_spread_screen(snap_compare: Any) -> None:
    plan = demo_plan()
    app = Harness(None, lambda: SpreadScreen(plan, "plain-invoice"))
    assert snap_compare(app, terminal_size=(100, 30))


def test_ranking_view_in_light_theme(snap_compare: Any) -> None:
    async def light(pilot: Pilot[None]) -> None:
        pilot.app.theme = "textual-light"
        await settle(pilot)

    assert snap_compare(Harness(ranking), terminal_size=(100, 30), run_before=light)
