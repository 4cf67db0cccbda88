"""What trying the room as a facilitator and as phones found, each pinned down."""

from __future__ import annotations

import asyncio
import socket
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from kxplan.model import Plan
from kxplan.room.activities import Idea
from kxplan.room.host import RoomHost
from kxplan.room.ideas import merged_into
from kxplan.room.server import DEVICE_HEADER, RoomServer
from kxplan.room.state import DEVICES_EACH, Refused, Room
from kxplan.room.views import participant_view
from kxplan.storage import save

PLAN = {
    "title": "T",
    "participants": ["Anna", "Bo", "Cia", "Dan"],
    "initiatives": [{"id": "chat", "title": "Web chat"}],
}


def plan() -> Plan:
    return Plan.model_validate(PLAN)


def test_scores_participants_do_not_estimate_cannot_be_asked() -> None:
    room = Room(plan())
    with pytest.raises(Refused, match="at least one score"):
        room.start_round(["chat"], ["time_criticality", "risk_reduction"])
    r = room.start_round(["chat"], ["effort", "time_criticality"])
    assert r.scores == ("effort",)
    with pytest.raises(Refused, match="not asked"):
        room.bounds("time_criticality")


def test_reach_agreement_is_measured_against_the_largest_answer() -> None:
    room = Room(plan())
    r = room.start_round(["chat"], ["reach"])
    for name, value in (("Anna", 10), ("Bo", 40_000), ("Cia", 50_000), ("Dan", 900_000)):
        room.answer(room.join(name), r.number, "chat", "reach", value)
    room.reveal(r.number)
    (tally,) = room.tallies(r.number)
    assert tally.agreement == "low"
    assert tally.outliers == ["Dan"]


def test_a_name_keeps_only_its_newest_devices() -> None:
    room = Room(plan())
    tokens = [room.join("Anna") for _ in range(DEVICES_EACH + 2)]
    assert [t for t in tokens if t in room.tokens] == tokens[-DEVICES_EACH:]


def test_a_round_can_be_voted_on_again_after_it_was_accepted() -> None:
    room = Room(plan())
    r = room.start_round(["chat"], ["effort"])
    room.accept(r.number)
    again = room.revote(r.number)
    assert (again.follows, r.status) == (r.number, "accepted")


def test_an_idea_keeps_its_line_breaks_and_merging_keeps_the_name_as_written() -> None:
    room = Room(plan())
    idea = room.send_idea(room.join("Anna"), "initiative", "Tracking", "First line\nsecond line")
    assert idea.text == "First line\nsecond line"
    item = plan().initiative("chat")
    merged = merged_into(Idea(1, "Mikael Berg", "initiative", "SMS", ""), item)
    assert merged.notes == "SMS (suggested by Mikael Berg in the room)"


def test_with_ideas_shown_others_do_not_see_discarded_ones() -> None:
    room = Room(plan())
    anna, bo = room.join("Anna"), room.join("Bo")
    room.send_idea(anna, "initiative", "Kept")
    room.send_idea(anna, "initiative", "Thrown away")
    room.settle_idea(2, "discarded")
    room.show_ideas(True)
    assert [i["title"] for i in participant_view(room, "Bo")["ideas"]["list"]] == ["Kept"]
    assert len(participant_view(room, "Anna")["ideas"]["list"]) == 2
    assert bo


@pytest.fixture
async def server() -> AsyncIterator[RoomServer]:
    served = RoomServer(Room(plan()), "s3cret")
    await served.start()
    yield served
    await served.stop()


async def test_a_name_in_use_on_a_connected_device_cannot_be_taken(server: RoomServer) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(server.url + "api/join", json={"name": "Anna"}) as r:
            device = (await r.json())["device"]
        async with http.get(server.url + "api/events?device=" + device) as events:
            await asyncio.wait_for(events.content.readline(), 5)
            async with http.post(server.url + "api/join", json={"name": "anna"}) as r:
                assert r.status == 400
                assert "here already" in (await r.json())["error"]
            async with http.get(server.url + "api/view", headers={DEVICE_HEADER: device}) as r:
                assert (await r.json())["me"] == "Anna"


async def test_made_up_devices_are_counted_by_their_address(server: RoomServer) -> None:
    statuses = []
    async with aiohttp.ClientSession() as http:
        for _ in range(400):
            headers = {DEVICE_HEADER: uuid.uuid4().hex}
            async with http.get(server.url + "api/view", headers=headers) as r:
                statuses.append(r.status)
    assert 429 in statuses


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "favicon.ico", 404),
        ("GET", "r/s3cret/nothing", 404),
        ("GET", "r/s3cret/api/join", 405),
    ],
)
async def test_pages_that_do_not_exist_say_so(
    server: RoomServer, method: str, path: str, status: int
) -> None:
    url = f"http://127.0.0.1:{server.port}/{path}"
    async with aiohttp.ClientSession() as http, http.request(method, url) as r:
        assert r.status == status


async def test_a_room_brought_back_listens_on_the_same_port(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    save(plan(), path)
    first = RoomHost.open(plan(), path)
    await first.start()
    port = first.server.port  # type: ignore[union-attr]
    first.journal.close()  # killed: no close
    await first.server.stop()  # type: ignore[union-attr]
    again = RoomHost.open(plan(), path)
    assert again.resumed
    await again.start()
    try:
        assert again.server.port == port  # type: ignore[union-attr]
    finally:
        await again.close()


async def test_when_the_old_port_is_taken_a_room_brought_back_takes_another(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.toml"
    save(plan(), path)
    first = RoomHost.open(plan(), path)
    await first.start()
    port = first.server.port  # type: ignore[union-attr]
    first.journal.close()
    await first.server.stop()  # type: ignore[union-attr]
    squatter = socket.socket()
    squatter.bind(("127.0.0.1", port))
    squatter.listen()
    try:
        again = RoomHost.open(plan(), path)
        await again.start()
        assert again.server.port not in (0, port)  # type: ignore[union-attr]
        await again.close()
    finally:
        squatter.close()
