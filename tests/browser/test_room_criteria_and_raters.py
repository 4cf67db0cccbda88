"""Phones in headless Chromium with the facilitator in the app (Pilot): a round that asks
a weighted criterion, with its anchors on the phones and its median in the saved plan;
and a round where only some people rate a score."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tui"))

from app_helpers import make_app, settle, write_plan
from textual.pilot import Pilot
from textual.widgets import Select, SelectionList

from kxplan.storage import load
from kxplan.tui.screens.room import RoomScreen

PEOPLE = ["Anna", "Bo", "Cia"]
CRITERIA = {
    "criteria": [
        {
            "id": "risk",
            "label": "Risk to the launch",
            "weight": -1,
            "min": 0,
            "max": 4,
            "anchors": {"0": "No risk", "4": "Could stop the launch"},
        }
    ]
}


async def _phone(browser: Browser, url: str, name: str) -> Page:
    context = await browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = await context.new_page()
    await page.goto(url)
    await page.get_by_role("button", name=name, exact=True).click()
    await expect(page.locator("#who")).to_have_text(f"You are {name}")
    return page


async def _open_round(pilot: Pilot[None], scores: list[str]) -> str:
    await pilot.press("f8")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RoomScreen)
    await pilot.press("n")
    await pilot.pause()
    ticked = pilot.app.screen.query_one("#scores", SelectionList)
    ticked.deselect_all()
    for score in scores:
        ticked.select(score)
    return screen.control.host.url


async def test_phones_rate_a_weighted_criterion_on_its_anchored_scale(
    browser: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    plan = write_plan(
        tmp_path / "plan.toml",
        participants=PEOPLE,
        scoring=CRITERIA,
        initiatives=[{"id": "chat", "title": "Web chat", "why": "Queues"}],
    )
    app = make_app(plan, tmp_path / "config" / "kxplan")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        url = await _open_round(pilot, ["criteria.risk"])
        await pilot.press("f10")
        await settle(pilot)
        phones = [await _phone(browser, url, name) for name in PEOPLE]
        anna = phones[0]
        await expect(anna.locator("section h3")).to_have_text(["Risk to the launch"])
        await expect(anna.locator(".anchor")).to_have_text(
            ["0 = No risk", "4 = Could stop the launch"]
        )
        buttons = anna.locator(".scale").get_by_role("button")
        await expect(buttons).to_have_text(["0", "1", "2", "3", "4"])
        for page, value in zip(phones, ("1", "3", "4"), strict=True):
            await page.locator(".scale").get_by_role("button", name=value, exact=True).click()
            await expect(page.locator("section h3")).to_contain_text([f"your answer {value}"])
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        await expect(anna.locator("main")).to_contain_text("Median 3 of 3 answers")
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load(plan)
    chat = saved.initiative("chat")
    assert chat.criteria == {"risk": 3}
    assert chat.estimates == []  # a criterion is the initiative's score, not a person's
    (kept,) = saved.rounds
    (result,) = kept.results
    assert (result.criterion, result.median, result.low, result.high) == ("risk", 3, 1, 4)
    assert (result.answers, result.agreement, kept.outcome) == (3, "low", "accepted")


async def test_only_the_people_chosen_rate_customer_value(
    browser: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    plan = write_plan(
        tmp_path / "plan.toml",
        participants=PEOPLE,
        initiatives=[{"id": "chat", "title": "Web chat"}],
    )
    app = make_app(plan, tmp_path / "config" / "kxplan")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        url = await _open_round(pilot, ["effort", "customer_value"])
        dialog = pilot.app.screen
        dialog.query_one("#raters-score", Select).value = "customer_value"
        await pilot.pause()
        dialog.query_one("#raters", SelectionList).deselect("Bo")
        await pilot.pause()
        await pilot.press("f10")
        await settle(pilot)
        anna, bo, cia = [await _phone(browser, url, name) for name in PEOPLE]
        await expect(bo.locator("section")).to_contain_text("Others rate this one.")
        await expect(bo.locator(".scale")).to_have_count(1)  # effort only
        await expect(anna.locator(".scale")).to_have_count(2)
        for page, (effort, value) in ((anna, ("2", "4")), (cia, ("3", "5"))):
            scales = page.locator(".scale")
            await scales.nth(0).get_by_role("button", name=effort, exact=True).click()
            await expect(page.locator("section h3").nth(0)).to_contain_text(f"your answer {effort}")
            await scales.nth(1).get_by_role("button", name=value, exact=True).click()
            await expect(page.locator("section h3").nth(1)).to_contain_text(f"your answer {value}")
        await bo.locator(".scale").get_by_role("button", name="1", exact=True).click()
        await expect(bo.locator("section h3").nth(0)).to_contain_text("your answer 1")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    estimates = {e.participant: e for e in load(plan).initiative("chat").estimates}
    assert {n: (e.effort, e.customer_value) for n, e in estimates.items()} == {
        "Anna": (2, 4),
        "Bo": (1, None),
        "Cia": (3, 5),
    }
