"""Participants in real browsers: join by the address, answer blind, see the reveal."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, Page, expect

from kxplan.room.standalone import RoomOptions, serve
from kxplan.storage import load

PLAN = """\
schema = 1
title = "Kundservice <b>2027</b>"
participants = ["Anna", "Bo", "Cia"]

[[initiatives]]
id = "chat"
title = "Web chat <script>alert(1)</script>"
why = "Queues are long\\u001b[2J"
"""


async def _phone(browser: Browser, url: str, name: str) -> Page:
    context = await browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = await context.new_page()
    await page.goto(url)
    await page.get_by_role("button", name=name, exact=True).click()
    await expect(page.locator("#who")).to_have_text(f"You are {name}")
    return page


async def test_three_phones_answer_blind_and_the_answers_land_in_the_plan(
    browser: Any, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    stop = asyncio.Event()
    said: list[str] = []
    task = asyncio.create_task(serve(plan, RoomOptions(scores=("effort",)), stop, said.append))
    while not said:
        assert not task.done(), task.exception()
        await asyncio.sleep(0.01)
    url = said[0]
    phones = [await _phone(browser, url, name) for name in ("Anna", "Bo", "Cia")]
    anna, bo, cia = phones
    # the title and the why are shown as text, markup and all
    await expect(anna.locator("h1")).to_have_text("Kundservice <b>2027</b>")
    await expect(anna.locator("section h2")).to_have_text("Web chat <script>alert(1)</script>")
    for page, value in zip(phones, ("2", "2", "5"), strict=True):
        await page.locator(".scale").get_by_role("button", name=value, exact=True).click()
        await expect(page.locator("section h3").first).to_contain_text(f"your answer {value}")
    # before the reveal Bo sees who answered, never a value
    await expect(bo.locator("main")).to_contain_text("Answered so far: Anna, Bo, Cia")
    assert "5" not in (await bo.locator("section h3").first.inner_text()).replace(
        "your answer 2", ""
    )
    stop.set()
    outcome = await task
    assert outcome.answers == 3
    await expect(cia.locator("main")).to_contain_text("The room is closed.")
    saved = {e.participant: e.effort for e in load(plan).initiative("chat").estimates}
    assert saved == {"Anna": 2, "Bo": 2, "Cia": 5}


async def test_the_reveal_shows_the_spread_and_names_the_outlier(browser: Any) -> None:
    from kxplan.model import Plan
    from kxplan.room.server import RoomServer
    from kxplan.room.state import Room

    room = Room(
        Plan.model_validate(
            {
                "title": "T",
                "participants": ["Anna", "Bo", "Cia", "Dan"],
                "initiatives": [{"id": "chat", "title": "Web chat"}],
            }
        )
    )
    server = RoomServer(room, "k3y")
    await server.start()
    try:
        round_ = room.start_round(["chat"], ["effort"])
        phones = [await _phone(browser, server.url, n) for n in ("Anna", "Bo", "Cia", "Dan")]
        for page, value in zip(phones, ("2", "2", "2", "5"), strict=True):
            await page.locator(".scale").get_by_role("button", name=value, exact=True).click()
            await expect(page.locator("section h3").first).to_contain_text(f"your answer {value}")
        room.reveal(round_.number)
        bo = phones[1]
        await expect(bo.locator("main")).to_contain_text("Median 2 of 4 answers")
        await expect(bo.locator("main")).to_contain_text("highest 5 (Dan)")
        await expect(bo.locator("main")).to_contain_text("Far from the others: Dan")
        assert await bo.locator(".scale button").count() == 0  # no more answers taken
        # dots: each phone gets two, results only once the vote ends
        vote = room.start_dots(2, ["chat"])
        plus = bo.get_by_role("button", name="Put a dot on Web chat")
        await plus.click()
        await plus.click()
        await expect(plus).to_be_disabled()
        room.end_dots(vote.number)
        await expect(bo.locator("main")).to_contain_text("Dot voting · results")
    finally:
        await server.stop()


async def test_what_a_phone_is_typing_survives_the_room_changing(browser: Any) -> None:
    from kxplan.model import Plan
    from kxplan.room.server import RoomServer
    from kxplan.room.state import Room

    room = Room(
        Plan.model_validate(
            {
                "title": "T",
                "participants": ["Anna", "Bo"],
                "initiatives": [{"id": "chat", "title": "Web chat"}],
            }
        )
    )
    server = RoomServer(room, "k3y")
    await server.start()
    try:
        anna = await _phone(browser, server.url, "Anna")
        await anna.get_by_role("button", name="Ideas").click()
        await anna.locator("#idea-kind").select_option("friction")
        await anna.locator("#idea-title").fill("Invoice unclear")
        await anna.locator("#idea-text").click()
        await anna.keyboard.type("Half typed")
        bo = room.join("Bo")
        room.send_idea(bo, "initiative", "Something else")  # the room changes meanwhile
        room.start_round(["chat"], ["reach"])
        await expect(anna.locator("#idea-title")).to_have_value("Invoice unclear")
        await expect(anna.locator("#idea-kind")).to_have_value("friction")
        await anna.keyboard.type(", and more")
        await expect(anna.locator("#idea-text")).to_have_value("Half typed, and more")
        await anna.get_by_role("button", name="Send idea").click()
        await expect(anna.locator("#idea-title")).to_have_value("")
        assert [i.title for i in room.ideas] == ["Something else", "Invoice unclear"]
        assert room.ideas[1].text == "Half typed, and more"
        # a number left empty is not sent as 0
        await anna.get_by_role("button", name="Now").click()
        await anna.get_by_role("button", name="Send").click()
        await expect(anna.locator("#message")).to_have_text("Type a number first.")
        assert room.rounds[-1].answers == {}
    finally:
        await server.stop()
