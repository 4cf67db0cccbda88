"""The room's results kept in the plan, through the app: a dot vote kept with k is in
the saved file and on the ranking; a round voted again and accepted is in the file and
in the initiative's details; any score's raters limited in the dialog; an idea sent
while the walk is on an area becomes an initiative of that area."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp
from app_helpers import open_app, settle, type_into, write_plan
from textual.pilot import Pilot
from textual.widgets import Select, SelectionList, Static

from kxplan.room.server import DEVICE_HEADER
from kxplan.storage import load
from kxplan.tui.screens.room import RoomScreen
from kxplan.tui.widgets.ranking import RankingView

INITIATIVES = [
    {"id": "chat", "title": "Web chat", "effort": 2, "customer_value": 4, "efficiency": 3},
    {"id": "faq", "title": "FAQ pages", "effort": 1, "customer_value": 2, "efficiency": 2},
]
PEOPLE = ["Anna", "Bo", "Cia"]


def board(pilot: Pilot[None]) -> str:
    return "\n".join(str(s.render()) for s in pilot.app.screen.query(Static))


async def post(http: aiohttp.ClientSession, url: str, path: str, body: Any, device: str) -> Any:
    async with http.post(url + path, json=body, headers={DEVICE_HEADER: device}) as response:
        assert response.status == 200, await response.text()
        return await response.json()


async def join_all(http: aiohttp.ClientSession, url: str) -> list[str]:
    devices = []
    for name in PEOPLE:
        async with http.post(url + "api/join", json={"name": name}) as response:
            devices.append(str((await response.json())["device"]))
    return devices


async def open_room(pilot: Pilot[None]) -> str:
    await pilot.press("f8")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RoomScreen)
    return screen.control.host.url


async def test_a_kept_dot_vote_is_in_the_file_and_on_the_ranking(
    tmp_path: Path, config_dir: Path
) -> None:
    plan = write_plan(tmp_path / "plan.toml", participants=PEOPLE, initiatives=INITIATIVES)
    async with open_app(plan, config_dir) as pilot:
        url = await open_room(pilot)
        await pilot.press("d")
        await pilot.pause()
        await type_into(pilot, "#question", "Which first?")
        await pilot.press("f10")
        await settle(pilot)
        async with aiohttp.ClientSession() as http:
            anna, bo, cia = await join_all(http, url)
            for device, item in ((anna, "faq"), (anna, "faq"), (bo, "faq"), (cia, "chat")):
                body = {"vote": 1, "initiative": item, "delta": 1}
                await post(http, url, "api/dot", body, device)
        await settle(pilot)
        await pilot.press("k")  # still open: counts hidden, nothing kept
        await settle(pilot)
        assert pilot.app.session.plan.votes == []  # type: ignore[attr-defined]
        await pilot.press("d")  # end the vote: the counts show
        await settle(pilot)
        assert "k keeps it in the plan" in board(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert "kept in the plan" in board(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        (vote,) = load(plan).votes
        assert (vote.question, vote.dots, vote.voters, vote.anonymous) == (
            "Which first?",
            3,
            3,
            True,
        )
        assert vote.counts == {"faq": 3, "chat": 1}
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("6")  # Prioritisation
        await settle(pilot)
        view = pilot.app.screen.query_one(RankingView)
        assert view.table.columns[-1].header == "Dots"
        assert {row.key: row.cells[-1][0] for row in view.table.rows} == {"faq": "3", "chat": "1"}
        view.highlight("faq")
        await settle(pilot)
        details = str(pilot.app.screen.query_one("#ranking-details", Static).render())
        assert "Dots: 3 of 4 in the latest vote on 'Which first?'" in details


async def test_a_revote_accepted_keeps_both_rounds_in_the_file_and_the_details(
    tmp_path: Path, config_dir: Path
) -> None:
    plan = write_plan(tmp_path / "plan.toml", participants=PEOPLE, initiatives=INITIATIVES)
    async with open_app(plan, config_dir) as pilot:
        url = await open_room(pilot)
        await pilot.press("n")
        await pilot.pause()
        scores = pilot.app.screen.query_one("#scores", SelectionList)
        scores.deselect("customer_value")
        scores.deselect("efficiency")
        pilot.app.screen.query_one("#initiatives", SelectionList).deselect("faq")
        await pilot.press("f10")
        await settle(pilot)
        async with aiohttp.ClientSession() as http:
            devices = await join_all(http, url)
            for number, values in ((1, (1, 3, 5)), (2, (3, 3, 4))):
                for device, value in zip(devices, values, strict=True):
                    body = {
                        "round": number,
                        "initiative": "chat",
                        "score": "effort",
                        "value": value,
                    }
                    await post(http, url, "api/answer", body, device)
                await settle(pilot)
                await pilot.press("space")
                await settle(pilot)
                if number == 1:
                    await pilot.press("v")
                    await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = load(plan)
        assert [r.outcome for r in saved.rounds] == ["voted again", "accepted"]
        assert [(r.results[0].low, r.results[0].high) for r in saved.rounds] == [(1, 5), (3, 4)]
        assert {e.participant: e.effort for e in saved.initiative("chat").estimates} == {
            "Anna": 3,
            "Bo": 3,
            "Cia": 4,
        }
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        pilot.app.screen.query_one(RankingView).highlight("chat")
        await settle(pilot)
        details = str(pilot.app.screen.query_one("#ranking-details", Static).render())
        assert "Rounds: Effort 3 (1–5, 3, low) → 3 (3–4, 3, high)" in details


async def test_the_dialog_limits_who_rates_any_score(tmp_path: Path, config_dir: Path) -> None:
    plan = write_plan(
        tmp_path / "plan.toml",
        participants=PEOPLE,
        initiatives=INITIATIVES,
        scoring={"criteria": [{"id": "risk", "label": "Risk", "min": 1, "max": 3}]},
    )
    async with open_app(plan, config_dir) as pilot:
        url = await open_room(pilot)
        await pilot.press("n")
        await pilot.pause()
        dialog = pilot.app.screen
        dialog.query_one("#scores", SelectionList).select("criteria.risk")
        pick = dialog.query_one("#raters-score", Select)
        raters = dialog.query_one("#raters", SelectionList)
        pick.value = "customer_value"
        await pilot.pause()
        raters.deselect("Bo")
        await pilot.pause()
        pick.value = "criteria.risk"
        await pilot.pause()
        assert raters.selected == PEOPLE  # each score has its own list
        raters.deselect("Anna")
        raters.deselect("Cia")
        await pilot.pause()
        pick.value = "customer_value"
        await pilot.pause()
        assert raters.selected == ["Anna", "Cia"]
        assert "Customer value: Anna, Cia; Risk: Bo" in str(
            dialog.query_one("#raters-summary", Static).render()
        )
        await pilot.press("f10")
        await settle(pilot)
        shown = board(pilot)
        assert "Customer value is rated by Anna, Cia only" in shown
        assert "Risk is rated by Bo only" in shown
        assert "Effort is rated" not in shown
        async with aiohttp.ClientSession() as http:
            _anna, bo, _cia = await join_all(http, url)
            body = {"round": 1, "initiative": "chat", "score": "customer_value", "value": 3}
            async with http.post(url + "api/answer", json=body, headers={DEVICE_HEADER: bo}) as r:
                assert r.status == 400
                assert "rated by others" in (await r.json())["error"]
            body = {"round": 1, "initiative": "chat", "score": "criteria.risk", "value": 2}
            await post(http, url, "api/answer", body, bo)


async def test_an_idea_sent_during_an_area_step_becomes_an_initiative_of_that_area(
    tmp_path: Path, config_dir: Path
) -> None:
    plan = write_plan(tmp_path / "plan.toml", participants=PEOPLE, initiatives=INITIATIVES)
    async with open_app(plan, config_dir) as pilot:
        await pilot.press("3")  # Service friendliness
        await settle(pilot)
        url = await open_room(pilot)
        async with aiohttp.ClientSession() as http:
            _anna, bo, _cia = await join_all(http, url)
            body = {"kind": "initiative", "title": "One form, not three", "text": "Fewer steps"}
            await post(http, url, "api/idea", body, bo)
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    made = load(plan).initiatives[-1]
    assert made.title == "One form, not three"
    assert made.areas == ["service_friendliness"]
    assert "Suggested by Bo in the room." in made.notes
