"""The room's web server over real HTTP on the loopback interface: every refusal."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from kxplan.model import Plan
from kxplan.room.server import CSP, DEVICE_HEADER, RoomServer
from kxplan.room.state import Room

PLAN = {
    "title": "Plan <b>bold</b>",
    "participants": ["Anna", "Bo"],
    "initiatives": [{"id": "chat", "title": "Web chat"}, {"id": "hidden", "title": "Hidden"}],
}


@pytest.fixture
async def server() -> AsyncIterator[RoomServer]:
    room = Room(Plan.model_validate(PLAN))
    server = RoomServer(room, "s3cret-value")
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def post(
    http: aiohttp.ClientSession, url: str, body: Any, device: str = ""
) -> tuple[int, dict[str, Any]]:
    headers = {DEVICE_HEADER: device} if device else {}
    async with http.post(url, json=body, headers=headers) as response:
        return response.status, await response.json()


async def test_it_listens_on_loopback_only_and_serves_the_page_with_a_strict_csp(
    server: RoomServer, http: aiohttp.ClientSession
) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    async with http.get(server.url) as response:
        assert response.status == 200
        assert response.headers["Content-Security-Policy"] == CSP
        page = await response.text()
    assert "room.js" in page
    assert "http" not in page.replace("http-equiv", "")  # nothing loaded from elsewhere
    async with http.get(server.url + "room.js") as response:
        assert response.status == 200
        assert "innerHTML" not in await response.text()


@pytest.mark.parametrize("path", ["/", "/r/", "/r/wrong/", "/r/s3cret-valu/api/view", "/r//"])
async def test_requests_without_the_secret_are_refused(
    server: RoomServer, http: aiohttp.ClientSession, path: str
) -> None:
    async with http.get(f"http://127.0.0.1:{server.port}{path}") as response:
        assert response.status in (403, 404)
        assert "Plan" not in await response.text()


async def test_a_participant_joins_answers_and_off_scale_values_are_refused(
    server: RoomServer, http: aiohttp.ClientSession
) -> None:
    status, body = await post(http, server.url + "api/join", {"name": "Eve"})
    assert (status, body["error"]) == (400, body["error"])
    assert "Pick your name" in body["error"]
    status, body = await post(http, server.url + "api/join", {"name": "Anna"})
    assert status == 200
    device = body["device"]
    r = server.room.start_round(["chat"], ["effort"])
    status, body = await post(
        http,
        server.url + "api/answer",
        {"round": r.number, "initiative": "chat", "score": "effort", "value": 9},
        device,
    )
    assert status == 400
    assert "from 1 to 5" in body["error"]
    assert r.answers == {}
    status, body = await post(
        http,
        server.url + "api/answer",
        {"round": r.number, "initiative": "chat", "score": "effort", "value": 3},
        device,
    )
    assert status == 200
    assert body["view"]["round"]["items"][0]["questions"][0]["mine"] == 3
    assert "Hidden" not in json.dumps(body)
    status, body = await post(
        http,
        server.url + "api/answer",
        {"round": r.number, "initiative": "chat", "score": "effort", "value": 3},
        "forged",
    )
    assert (status, body["error"]) == (400, "Join the room first.")


async def test_oversized_and_malformed_bodies_are_refused(
    server: RoomServer, http: aiohttp.ClientSession
) -> None:
    async with http.post(
        server.url + "api/join", data=b'{"name": "' + b"x" * 10_000 + b'"}'
    ) as response:
        assert response.status == 413
    async with http.post(server.url + "api/join", data=b"{not json") as response:
        assert response.status == 400
    status, _ = await post(http, server.url + "api/join", ["Anna"])
    assert status == 400


async def test_a_flood_from_one_client_is_throttled_without_slowing_another(
    server: RoomServer, http: aiohttp.ClientSession
) -> None:
    flood, calm = server.room.join("Anna"), server.room.join("Bo")
    statuses = []
    for _ in range(60):
        async with http.get(server.url + "api/view", headers={DEVICE_HEADER: flood}) as r:
            statuses.append(r.status)
    assert 429 in statuses
    assert statuses[:20] == [200] * 20
    async with http.get(server.url + "api/view", headers={DEVICE_HEADER: calm}) as r:
        assert r.status == 200


async def test_closing_the_room_ends_every_participants_access(
    server: RoomServer, http: aiohttp.ClientSession
) -> None:
    _, body = await post(http, server.url + "api/join", {"name": "Bo"})
    events = await http.get(server.url + "api/events?device=" + body["device"])
    first = await asyncio.wait_for(events.content.readline(), 5)
    assert first.startswith(b"data: ")
    assert json.loads(first[6:])["me"] == "Bo"
    server.room.close()
    rest = await asyncio.wait_for(events.content.read(), 5)
    assert b"event: closed" in rest
    async with http.get(server.url + "api/view") as response:
        assert response.status == 410


async def test_a_change_reaches_a_following_phone_at_once(
    server: RoomServer, http: aiohttp.ClientSession
) -> None:
    _, body = await post(http, server.url + "api/join", {"name": "Anna"})
    async with http.get(server.url + "api/events?device=" + body["device"]) as events:
        await asyncio.wait_for(events.content.readline(), 5)
        await events.content.readline()  # the blank line ending the event
        assert server.connected == {"Anna": 1}
        server.room.start_round(["chat"], ["effort"])
        line = await asyncio.wait_for(events.content.readline(), 5)
        assert json.loads(line[6:])["round"]["items"][0]["title"] == "Web chat"


async def test_hostile_text_travels_as_data_not_markup(
    server: RoomServer, http: aiohttp.ClientSession
) -> None:
    _, body = await post(http, server.url + "api/join", {"name": "Anna"})
    hostile = '<script>alert("x")</script>\x1b[2J'
    status, sent = await post(
        http, server.url + "api/idea", {"kind": "initiative", "title": hostile}, body["device"]
    )
    assert status == 200
    assert sent["view"]["ideas"]["list"][0]["title"] == hostile
    async with http.get(server.url + "api/view", headers={DEVICE_HEADER: body["device"]}) as r:
        assert r.content_type == "application/json"


async def test_a_room_full_of_phones_behind_one_address_can_all_join(
    server: RoomServer, http: aiohttp.ClientSession
) -> None:
    # behind an SSH tunnel or a reverse proxy every phone comes from 127.0.0.1
    server.room.allow_new_names = True
    for number in range(40):
        status, body = await post(http, server.url + "api/join", {"name": f"P{number}"})
        assert status == 200, body
