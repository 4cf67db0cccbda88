"""The whole room: phones in headless Chromium, the facilitator in the app through Pilot,
and the estimates found in the saved TOML."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from playwright.async_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tui"))

from app_helpers import make_app, settle, write_plan
from textual.widgets import SelectionList

from kxplan.storage import load
from kxplan.tui.screens.room import RoomScreen

HOSTILE = 'Chat <img src=x onerror="alert(1)"> \x1b[2J'


async def test_phones_answer_the_facilitator_reveals_and_accepts(
    browser: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    plan = write_plan(
        tmp_path / "plan.toml",
        participants=["Anna", "Bo", "Cia"],
        initiatives=[{"id": "chat", "title": HOSTILE, "why": "Queues <b>long</b>"}],
    )
    app = make_app(plan, tmp_path / "config" / "kxplan")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, RoomScreen)
        url = screen.control.host.url
        await pilot.press("n")
        await settle(pilot)
        scores = pilot.app.screen.query_one("#scores", SelectionList)
        scores.deselect("efficiency")
        await pilot.press("f10")
        await settle(pilot)

        phones = []
        for name in ("Anna", "Bo", "Cia"):
            context = await browser.new_context(viewport={"width": 390, "height": 844})
            page = await context.new_page()
            await page.goto(url)
            await page.get_by_role("button", name=name, exact=True).click()
            phones.append(page)
        anna = phones[0]
        # the hostile title is shown as text, not run or drawn as markup
        await expect(anna.locator("section h2")).to_have_text(HOSTILE)
        assert await anna.locator("img").count() == 0
        for page, effort, value in zip(phones, ("1", "2", "5"), ("4", "4", "3"), strict=True):
            scales = page.locator(".scale")
            await scales.nth(0).get_by_role("button", name=effort, exact=True).click()
            await scales.nth(1).get_by_role("button", name=value, exact=True).click()
            await expect(page.locator("section h3").nth(1)).to_contain_text(f"your answer {value}")
        await settle(pilot)
        await pilot.press("space")  # reveal
        await settle(pilot)
        await expect(anna.locator("main")).to_contain_text("Far from the others: Cia")
        await pilot.press("a")  # accept
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load(plan).initiative("chat")
    assert {e.participant: (e.effort, e.customer_value) for e in saved.estimates} == {
        "Anna": (1, 4),
        "Bo": (2, 4),
        "Cia": (5, 3),
    }
    assert saved.title == HOSTILE
