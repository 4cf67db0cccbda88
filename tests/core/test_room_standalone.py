"""``kxplan room``'s engine: an asynchronous round served until stopped, then saved."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest

from kxplan.room.journal import journal_path, unfinished
from kxplan.room.server import DEVICE_HEADER
from kxplan.room.standalone import RoomOptions, serve
from kxplan.storage import load

PLAN = """\
schema = 1
title = "Kundservice 2027"
participants = ["Anna", "Bo"]

[[initiatives]]
id = "chat"
title = "Web chat"

[[initiatives]]
id = "old"
title = "Old idea"
status = "dropped"
"""


async def _run(plan: Path, options: RoomOptions, answers: list[tuple[str, int]]) -> list[str]:
    stop = asyncio.Event()
    said: list[str] = []
    task = asyncio.create_task(serve(plan, options, stop, said.append))
    while not said:
        assert not task.done(), task.exception()
        await asyncio.sleep(0.01)
    url = said[0]
    async with aiohttp.ClientSession() as http:
        for name, value in answers:
            async with http.post(url + "api/join", json={"name": name}) as r:
                device = (await r.json())["device"]
            async with http.get(url + "api/view", headers={DEVICE_HEADER: device}) as r:
                view = await r.json()
            assert [i["id"] for i in view["round"]["items"]] == ["chat"]  # open ones only
            body = {"round": 1, "initiative": "chat", "score": "effort", "value": value}
            async with http.post(
                url + "api/answer", json=body, headers={DEVICE_HEADER: device}
            ) as r:
                assert r.status == 200
    stop.set()
    outcome = await task
    said.append(f"{outcome.answers} {outcome.participants} {outcome.saved}")
    return said


async def test_answers_are_written_into_the_plan_when_the_room_stops(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    said = await _run(plan, RoomOptions(scores=("effort",)), [("Anna", 2), ("Bo", 4)])
    assert said[0].startswith("http://127.0.0.1:")
    assert said[-1] == "2 2 True"
    saved = load(plan)
    assert {e.participant: e.effort for e in saved.initiative("chat").estimates} == {
        "Anna": 2,
        "Bo": 4,
    }
    (kept,) = saved.rounds  # the round's summary is kept too
    (result,) = kept.results
    assert (kept.outcome, result.initiative, result.score) == ("accepted", "chat", "effort")
    assert (result.answers, result.median, result.low, result.high) == (2, 3, 2, 4)
    assert unfinished(plan) is None
    assert journal_path(plan).exists()


async def test_a_room_nobody_answered_leaves_the_plan_alone(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    said = await _run(plan, RoomOptions(scores=("effort",)), [])
    assert said[-1] == "0 0 False"
    assert plan.read_text(encoding="utf-8") == PLAN


async def test_unknown_initiatives_are_refused_before_anything_listens(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    from kxplan.room.state import Refused

    with pytest.raises(Refused, match="No initiative 'nope' in the plan"):
        await serve(plan, RoomOptions(initiatives=["nope"]), asyncio.Event(), print)
    assert not journal_path(plan).exists()


async def test_a_room_killed_mid_round_is_brought_back_with_its_answers_and_address(
    tmp_path: Path,
) -> None:
    from kxplan.room.host import RoomHost

    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    first = RoomHost.open(load(plan), plan)
    anna = first.room.join("Anna")
    r = first.room.start_round(["chat"], ["effort"])
    first.room.answer(anna, r.number, "chat", "effort", 3)
    await first.start()
    address = first.url.split("/r/")[1]
    first.journal.close()  # the process dies here: no close, no save
    await first.server.stop()  # type: ignore[union-attr]
    said = await _run(plan, RoomOptions(scores=("effort",)), [("Bo", 4)])
    assert address in said[0]
    assert said[1].startswith("Brought back the room")
    estimates = {e.participant: e.effort for e in load(plan).initiative("chat").estimates}
    assert estimates == {"Anna": 3, "Bo": 4}
