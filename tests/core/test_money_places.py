"""A per-unit price keeps its decimals (cost per contact 1 234.5 SEK) in the exports,
as in the app; totals stay whole."""

from __future__ import annotations

from typing import Any

from support import base_plan

from kxplan.reports import formats
from kxplan.text.numbers import money

NNBSP, NBSP = "\u202f", "\u00a0"


def test_money_keeps_up_to_the_places_asked_for() -> None:
    assert money(1234.5, "SEK", places=2) == f"1{NNBSP}234.5{NBSP}SEK"
    assert money(1234.567, "SEK", places=2) == f"1{NNBSP}234.57{NBSP}SEK"
    assert money(1200, "SEK", places=2) == f"1{NNBSP}200{NBSP}SEK"


def test_money_without_places_keeps_amounts_from_100_whole() -> None:
    assert money(1234.5, "SEK") == f"1{NNBSP}234{NBSP}SEK"
    assert money(12.5, "SEK") == f"12.5{NBSP}SEK"


def _priced(data: dict[str, Any]) -> None:
    data["areas"]["accessibility"]["channels"][0]["cost_per_contact"] = 1234.5


def test_the_exports_show_the_cost_per_contact_with_its_decimals() -> None:
    plan = base_plan(_priced)
    for fmt in ("markdown", "html"):
        text = formats.render(plan, fmt)
        assert f"1{NNBSP}234.5{NBSP}SEK" in text, fmt


def test_the_exports_keep_the_demand_cost_whole() -> None:
    def avoidable(data: dict[str, Any]) -> None:
        _priced(data)
        reason = data["areas"]["unnecessary_demand"]["contact_reasons"][0]
        reason.update(monthly_volume=901, demand="failure", avoidable=100)

    text = formats.render(base_plan(avoidable), "markdown")
    # 901 avoidable contacts a month at 1 234.5 SEK: 1 112 284.5 SEK, shown whole
    assert f"1{NNBSP}112{NNBSP}28" in text
    assert f"1{NNBSP}112{NNBSP}284.5" not in text
