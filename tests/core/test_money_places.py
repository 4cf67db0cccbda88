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


def test_an_amount_reads_the_same_in_the_app_show_and_the_document_in_swedish() -> None:
    """SEK reads "kr" in Swedish wherever an amount is shown, with the same no-break
    spaces: the app's tables, ``kxplan show`` and the exports (the app and ``show``
    wrote "SEK" with a plain space)."""
    from kxplan import i18n
    from kxplan.reports.overview import overview
    from kxplan.tui.tables import TABLES_BY_AREA

    def swedish(data: dict[str, Any]) -> None:
        _priced(data)
        data["language"] = "sv"

    plan = base_plan(swedish)
    with i18n.language("sv"):
        assert money(1234.5, "SEK", places=2) == f"1{NNBSP}234,5{NBSP}kr"
        assert money(1234.5, "EUR") == f"1{NNBSP}234{NBSP}EUR"
        channels = next(s for s in TABLES_BY_AREA["accessibility"] if s.key == "channels")
        cost = next(c for c in channels.columns if c.header == "Cost/contact")
        cell = cost.bind(plan)(plan.areas.accessibility.channels[0])
        document = formats.render(plan, "markdown")
        shown = overview(plan)
    assert cell == f"1{NNBSP}234,5{NBSP}kr"
    assert cell in document
    assert "SEK" not in shown
    assert f"{NBSP}kr" in shown
