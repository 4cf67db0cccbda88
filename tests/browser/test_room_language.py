"""A phone reads the room in its own language: a Swedish phone gets Swedish words, a
Swedish ``<html lang>`` and decimal commas, with no English left on the page."""

from __future__ import annotations

import re
from typing import Any

from playwright.async_api import Page, expect

from kxplan import i18n
from kxplan.model import Plan
from kxplan.room.phone import phone_strings
from kxplan.room.server import RoomServer
from kxplan.room.state import Room

PLAN = {
    "title": "Kundservice 2027",
    "participants": ["Anna", "Bo"],
    "initiatives": [{"id": "chat", "title": "Webbchatt", "why": "Långa köer"}],
}


def _english_only_words() -> set[str]:
    """Words of the page's English texts that its Swedish texts never use."""

    def words(strings: dict[str, Any]) -> set[str]:
        texts = [*strings["texts"].values(), *strings["statuses"].values()]
        texts += [*strings["agreements"].values(), *strings["kinds"].values()]
        return {w.casefold() for t in texts for w in re.findall(r"[^\W\d_]{2,}", t)}

    english = words(phone_strings())
    with i18n.language("sv"):
        swedish = words(phone_strings())
    return english - swedish - {"kxplan"}


async def _open(browser: Any, url: str, locale: str) -> Page:
    context = await browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, locale=locale
    )
    page = await context.new_page()
    await page.goto(url)
    return page


def _left_in_english(text: str, english: set[str]) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]{2,}", text) if w.casefold() in english]


async def test_a_swedish_phone_reads_the_room_in_swedish(browser: Any) -> None:
    room = Room(Plan.model_validate({**PLAN, "language": "en"}))  # an English plan
    server = RoomServer(room, "k3y")
    await server.start()
    english = _english_only_words()
    assert {"who", "join", "estimate", "answers"} <= english
    try:
        anna = await _open(browser, server.url, "sv-SE")
        bo = await _open(browser, server.url, "sv-SE")
        assert await anna.locator("html").get_attribute("lang") == "sv"
        await expect(anna.locator("h2")).to_have_text("Vem är du?")
        await anna.get_by_role("button", name="Anna", exact=True).click()
        await expect(anna.locator("#who")).to_have_text("Du är Anna")
        await bo.get_by_role("button", name="Bo", exact=True).click()
        await expect(anna.locator("main")).to_contain_text(
            "Väntar på att mötesledaren startar en omgång."
        )
        round_ = room.start_round(["chat"], ["effort"])
        await expect(anna.locator("main h2").first).to_have_text("Skatta · omgång 1")
        await expect(anna.locator("main")).to_contain_text("Varför")
        for page, value in ((anna, "2"), (bo, "3")):
            await page.locator(".scale").get_by_role("button", name=value, exact=True).click()
            await expect(page.locator("section h3").first).to_have_text(
                f"Insats · ditt svar {value}"
            )
        room.reveal(round_.number)
        await expect(anna.locator("main")).to_contain_text("Median 2,5 (2 svar)")
        await expect(anna.locator("main")).to_contain_text("Lägst 2 (Anna), högst 3 (Bo)")
        assert _left_in_english(await anna.locator("body").inner_text(), english) == []
        await anna.get_by_role("button", name="Idéer", exact=True).click()
        await expect(anna.locator("main h2").first).to_have_text("Skicka en idé")
        options = await anna.locator("#idea-kind option").all_inner_texts()
        assert options == ["Initiativ", "Friktionspunkt", "Kontaktorsak"]
        assert await anna.locator("#idea-title").get_attribute("placeholder") == "En kort titel"
        await anna.get_by_role("button", name="Skicka idén").click()  # no title: refused
        await expect(anna.locator("#message")).to_have_text("Ge idén en titel.")
        assert _left_in_english(await anna.locator("body").inner_text(), english) == []
    finally:
        await server.stop()


async def test_a_phone_whose_language_kxplan_does_not_speak_reads_the_plans(
    browser: Any,
) -> None:
    room = Room(Plan.model_validate({**PLAN, "language": "sv"}))
    server = RoomServer(room, "k3y")
    await server.start()
    try:
        finnish = await _open(browser, server.url, "fi-FI")
        await expect(finnish.locator("h2")).to_have_text("Vem är du?")
        assert await finnish.locator("html").get_attribute("lang") == "sv"
        english = await _open(browser, server.url, "en-GB")
        await expect(english.locator("h2")).to_have_text("Who are you?")
        assert await english.locator("html").get_attribute("lang") == "en"
    finally:
        await server.stop()
