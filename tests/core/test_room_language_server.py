"""The room's server answers each phone in its language: the page's lang, the strings
it sends and its refusals."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from kxplan.model import Plan
from kxplan.room.server import RoomServer
from kxplan.room.state import Room

SWEDISH = {"Accept-Language": "sv-SE,sv;q=0.9,en;q=0.5"}


@pytest.fixture
async def server() -> AsyncIterator[RoomServer]:
    plan = Plan.model_validate({"title": "T", "participants": ["Anna"], "language": "en"})
    server = RoomServer(Room(plan), "s3cret-value")
    await server.start()
    yield server
    await server.stop()


async def test_a_swedish_phone_gets_the_page_strings_and_refusals_in_swedish(
    server: RoomServer,
) -> None:
    async with aiohttp.ClientSession(headers=SWEDISH) as http:
        async with http.get(server.url) as response:
            page = await response.text()
            assert "Content-Security-Policy" in response.headers
        async with http.get(server.url + "api/strings") as response:
            strings = await response.json()
        async with http.get(server.url.replace("s3cret-value", "wrong")) as response:
            refused = await response.json()
        async with http.post(server.url + "api/join", json={"name": "Nobody"}) as response:
            not_listed = await response.json()
    assert '<html lang="sv">' in page
    assert "<title>kxplan-rummet</title>" in page
    assert "Sidan behöver JavaScript påslaget." in page
    assert strings["lang"] == "sv"
    assert strings["decimal"] == ","
    assert strings["texts"]["who"] == "Vem är du?"
    assert strings["statuses"]["discarded"] == "kastad"
    assert strings["agreements"]["high"] == "hög"
    assert refused["error"] == "Rummets adress stämmer inte. Be mötesledaren om den."
    assert not_listed["error"] == "Välj ditt namn i listan; be mötesledaren lägga till det."


async def test_an_english_plan_answers_a_phone_without_a_language_in_english(
    server: RoomServer,
) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(server.url, headers={"Accept-Language": ""}) as response:
            page = await response.text()
        async with http.get(server.url + "api/strings") as response:
            strings = await response.json()
    assert '<html lang="en">' in page
    assert strings["texts"]["who"] == "Who are you?"
