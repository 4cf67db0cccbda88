"""Snapshots of the room's screens at 100×30 and 80×24: the board before and after a
reveal, and its dialogs. The address is fixed (secret and port) so the QR code is too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from app_helpers import make_app, settle
from textual.pilot import Pilot

from kxplan.room import host, server
from kxplan.tui.screens.room import RoomScreen

PROJECTOR = (100, 30)
SSH = (80, 24)
SIZES = pytest.mark.parametrize("size", [PROJECTOR, SSH], ids=["100x30", "80x24"])


@pytest.fixture
def plan_path(plan_here: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    fixed = SimpleNamespace(token_urlsafe=lambda _n: "SnapshotSecret")
    monkeypatch.setattr(host, "secrets", fixed)  # the room's secret only, not the devices'
    monkeypatch.setattr(server, "join_base", lambda _host, _port: "http://127.0.0.1:8765")
    return plan_here(
        "strategy.toml",
        title="Room snapshot",
        participants=["Anna", "Bo", "Cia"],
        initiatives=[
            {"id": "chat", "title": "Web chat", "why": "Queues"},
            {"id": "faq", "title": "FAQ pages"},
        ],
    )


async def _open(pilot: Pilot[None]) -> RoomScreen:
    await settle(pilot)
    await pilot.press("f8")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RoomScreen)
    return screen


@SIZES
def test_room_before_a_round(snap_compare, plan_path: Path, config_dir: Path, size) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        await _open(pilot)

    assert snap_compare(make_app(plan_path, config_dir), terminal_size=size, run_before=run)


@SIZES
def test_room_after_a_reveal(snap_compare, plan_path: Path, config_dir: Path, size) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        screen = await _open(pilot)
        room = screen.control.room
        r = room.start_round(["chat"], ["effort", "customer_value"])
        for name, effort, value in (("Anna", 2, 4), ("Bo", 2, 4), ("Cia", 5, 3)):
            token = room.join(name)
            room.answer(token, r.number, "chat", "effort", effort)
            room.answer(token, r.number, "chat", "customer_value", value)
        room.reveal(r.number)
        await pilot.press("q")  # the QR code out of the way of the board
        await settle(pilot)

    assert snap_compare(make_app(plan_path, config_dir), terminal_size=size, run_before=run)


@pytest.mark.parametrize("key", ["n", "d", "i"], ids=["round", "dots", "ideas"])
def test_room_dialogs(snap_compare, plan_path: Path, config_dir: Path, key: str) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot[None]) -> None:
        screen = await _open(pilot)
        room = screen.control.room
        token = room.join("Bo")
        room.send_idea(token, "friction", "Invoice <b>unclear</b>", "Customers call about it")
        await pilot.press(key)
        await pilot.pause()  # not settle: the inbox's worker waits for the dialog's answer
        await pilot.pause()

    assert snap_compare(make_app(plan_path, config_dir), terminal_size=PROJECTOR, run_before=run)
