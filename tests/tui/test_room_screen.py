"""The room in the app: f8 opens it, phones answer over HTTP, the facilitator reveals
and accepts with keys, and the estimates are in the saved plan."""

from __future__ import annotations

from pathlib import Path

import aiohttp
from app_helpers import open_app, settle, write_plan
from textual.pilot import Pilot
from textual.widgets import SelectionList, Static

from kxplan.room.journal import journal_path
from kxplan.room.server import DEVICE_HEADER
from kxplan.storage import load
from kxplan.tui.screens.room import RoomScreen

INITIATIVES = [
    {"id": "chat", "title": "Web chat", "why": "Queues"},
    {"id": "faq", "title": "FAQ pages", "status": "done"},
]


def board(pilot: Pilot[None]) -> str:
    screen = pilot.app.screen
    return "\n".join(str(s.render()) for s in screen.query(Static))


async def join(http: aiohttp.ClientSession, url: str, name: str) -> str:
    async with http.post(url + "api/join", json={"name": name}) as response:
        assert response.status == 200
        return str((await response.json())["device"])


async def answer(http: aiohttp.ClientSession, url: str, device: str, value: int) -> None:
    body = {"round": 1, "initiative": "chat", "score": "effort", "value": value}
    async with http.post(url + "api/answer", json=body, headers={DEVICE_HEADER: device}) as r:
        assert r.status == 200, await r.text()


async def test_a_round_from_f8_to_the_saved_plan(tmp_path: Path, config_dir: Path) -> None:
    plan = write_plan(
        tmp_path / "plan.toml", participants=["Anna", "Bo", "Cia"], initiatives=INITIATIVES
    )
    async with open_app(plan, config_dir) as pilot:
        await pilot.press("f8")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, RoomScreen)
        url = screen.control.host.url
        assert url.startswith("http://127.0.0.1:")
        assert f"Join: {url}" in board(pilot)
        assert "No round yet" in board(pilot)
        await pilot.press("n")
        await settle(pilot)
        initiatives = pilot.app.screen.query_one("#initiatives", SelectionList)
        assert initiatives.selected == ["chat"]  # the open ones are ticked
        scores = pilot.app.screen.query_one("#scores", SelectionList)
        scores.deselect("customer_value")
        scores.deselect("efficiency")
        await pilot.press("f10")
        await settle(pilot)
        async with aiohttp.ClientSession() as http:
            anna, bo, cia = [await join(http, url, n) for n in ("Anna", "Bo", "Cia")]
            for device, value in ((anna, 2), (bo, 2), (cia, 5)):
                await answer(http, url, device, value)
        await settle(pilot)
        shown = board(pilot)
        assert "OPEN: answers hidden" in shown
        assert "Answered everything: 3 of 3 joined" in shown
        assert "5" not in shown.split("Web chat")[1]  # nobody's value before the reveal
        await pilot.press("space")
        await settle(pilot)
        shown = board(pilot)
        assert "Effort: median 2 · 3 answers" in shown
        assert "highest 5 (Cia)" in shown
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = {e.participant: e.effort for e in load(plan).initiative("chat").estimates}
    assert saved == {"Anna": 2, "Bo": 2, "Cia": 5}
    assert journal_path(plan).exists()


async def test_the_room_needs_a_plan_file(tmp_path: Path, config_dir: Path) -> None:
    from app_helpers import make_app

    app = make_app(None, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_example()
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, RoomScreen)


async def test_only_the_people_ticked_rate_effort(tmp_path: Path, config_dir: Path) -> None:
    plan = write_plan(
        tmp_path / "plan.toml", participants=["Anna", "Bo", "Cia"], initiatives=INITIATIVES
    )
    async with open_app(plan, config_dir) as pilot:
        await pilot.press("f8")
        await settle(pilot)
        url = pilot.app.screen.control.host.url  # type: ignore[attr-defined]
        await pilot.press("n")
        await pilot.pause()
        pilot.app.screen.query_one("#raters", SelectionList).deselect("Bo")
        await pilot.press("f10")
        await settle(pilot)
        assert "Effort is rated by Anna, Cia only" in board(pilot)
        async with aiohttp.ClientSession() as http:
            bo = await join(http, url, "Bo")
            body = {"round": 1, "initiative": "chat", "score": "effort", "value": 2}
            async with http.post(url + "api/answer", json=body, headers={DEVICE_HEADER: bo}) as r:
                assert r.status == 400
                assert "rated by others" in (await r.json())["error"]
            body["score"] = "customer_value"
            async with http.post(url + "api/answer", json=body, headers={DEVICE_HEADER: bo}) as r:
                assert r.status == 200
