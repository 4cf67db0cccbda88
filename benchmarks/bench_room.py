"""The room under load: 30 phones answer a round of 5 scores at once over loopback.

The facilitator's app runs headless (Pilot) with the room open on its screen. A
separate process plays 30 participants: each joins, follows the room over its
event stream like a phone, and sends its 5 answers, all at the same moment. We
measure, for every answer, the time from the phone's send to the facilitator's
screen being painted with it; that no answer is lost (each is in the round and in
the journal); and the app's key-to-paint latency during the burst against idle.
Bounded: 30 clients, 150 answers, 60 seconds at most. Usage::

    python benchmarks/bench_room.py [--participants 30] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from rich.console import RenderableType
from textual.screen import Screen

from kxplan import storage
from kxplan.framework import ESTIMATED_SCORES
from kxplan.model import Plan
from kxplan.room.journal import journal_path
from kxplan.tui import app as app_module
from kxplan.tui.app import KxplanApp
from kxplan.tui.screens.room import RoomScreen

TARGET_P95_MS = 200.0
TARGET_KEY_RATIO = 1.5
DEADLINE_S = 60.0

PHONES = r"""
import asyncio, json, sys, time
import aiohttp

async def phone(http, url, name, go, out):
    async with http.post(url + "api/join", json={"name": name}) as r:
        device = (await r.json())["device"]
    headers = {"X-Kxplan-Device": device}
    events = await http.get(url + "api/events?device=" + device)
    await events.content.readline()
    await go.wait()
    for score in SCORES:
        body = {"round": ROUND, "initiative": "chat", "score": score, "value": 3}
        sent = time.time()
        async with http.post(url + "api/answer", json=body, headers=headers) as r:
            out.append({"name": name, "score": score, "sent": sent, "status": r.status})
    events.close()

async def main():
    url, count = sys.argv[1], int(sys.argv[2])
    out, go = [], asyncio.Event()
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        tasks = [asyncio.create_task(phone(http, url, f"P{i:02}", go, out)) for i in range(count)]
        await asyncio.sleep(1.0)
        print("ready", flush=True)
        sys.stdin.readline()
        go.set()
        await asyncio.wait_for(asyncio.gather(*tasks), DEADLINE)
    print(json.dumps(out), flush=True)

asyncio.run(main())
"""


class Measured(KxplanApp):
    """The app, noting when each frame is painted and which room version it showed."""

    CSS_PATH = Path(app_module.__file__).parent / "kxplan.tcss"

    def __init__(self, path: Path) -> None:
        super().__init__(path, cursor_blink=False)
        self.frames: list[tuple[float, int]] = []

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None and self.room_control is not None:
            self.frames.append((time.time(), self.room_control.room.version))


def _plan(participants: int) -> Plan:
    return Plan.model_validate(
        {
            "title": "Room benchmark",
            "participants": [f"P{i:02}" for i in range(participants)],
            "initiatives": [{"id": "chat", "title": "Web chat"}],
        }
    )


async def _key_ms(pilot: Any, app: Measured, presses: int) -> list[float]:
    timings = []
    for _ in range(presses):
        before = len(app.frames)
        start = time.time()
        await pilot.press("q")  # hide / show the QR code: a repaint
        while len(app.frames) == before:
            await asyncio.sleep(0.001)
        timings.append((app.frames[before][0] - start) * 1000)
    return timings


async def measure(participants: int, number: int) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp())
    path = folder / "plan.toml"
    storage.save(_plan(participants), path)
    app = Measured(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("f8")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, RoomScreen)
        room = screen.control.room
        idle = await _key_ms(pilot, app, 20)
        for round_number in range(1, number + 1):
            room.start_round(["chat"], ESTIMATED_SCORES)
            versions: dict[tuple[str, str], int] = {}
            room.listeners.append(partial(_note, room, versions))  # who answered when
            script = (
                PHONES.replace("SCORES", repr(ESTIMATED_SCORES))
                .replace("ROUND", str(round_number))
                .replace("DEADLINE", str(DEADLINE_S))
            )
            phones = await asyncio.create_subprocess_exec(
                sys.executable, "-c", script, screen.control.host.url, str(participants),
                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            )  # fmt: skip
            assert phones.stdout is not None
            assert phones.stdin is not None
            await phones.stdout.readline()  # ready: every phone joined and follows
            phones.stdin.write(b"go\n")
            await phones.stdin.drain()
            busy = await _key_ms(pilot, app, 10)
            sent = json.loads(await asyncio.wait_for(phones.stdout.readline(), DEADLINE_S))
            await phones.wait()
            await pilot.pause(0.3)
            room.listeners.pop()
            latencies = []
            for answer in sent:
                version = versions[(answer["name"], answer["score"])]
                painted = next(t for t, v in app.frames if v >= version)
                latencies.append((painted - answer["sent"]) * 1000)
            current = room.rounds[-1]
            result = {
                "answers sent": len(sent),
                "answers refused": sum(1 for a in sent if a["status"] != 200),
                "answers in the round": len(current.answers),
                "latencies": latencies,
                "idle key": idle,
                "busy key": busy,
            }
            room.reveal(current.number)
        journal = [json.loads(x) for x in journal_path(path).read_text().splitlines()]
        result["answers in the journal"] = sum(1 for e in journal if e.get("event") == "answer")
    return result


def _note(room: Any, versions: dict[tuple[str, str], int]) -> None:
    current = room.rounds[-1]
    for who, _item, score in current.answers:
        versions.setdefault((who, score), room.version)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    result = asyncio.run(measure(args.participants, args.rounds))
    expected = args.participants * len(ESTIMATED_SCORES)
    latencies = sorted(result["latencies"])
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    idle, busy = statistics.median(result["idle key"]), statistics.median(result["busy key"])
    lost = expected - result["answers in the round"]
    print(
        f"{args.participants} phones × {len(ESTIMATED_SCORES)} scores, last of {args.rounds} "
        f"rounds: {result['answers sent']} sent, {result['answers refused']} refused, "
        f"{lost} lost; {result['answers in the journal']} answers in the journal"
    )
    print(
        f"send → facilitator's screen painted: median {statistics.median(latencies):.0f} ms, "
        f"p95 {p95:.0f} ms, worst {latencies[-1]:.0f} ms "
        f"(target p95 ≤ {TARGET_P95_MS:.0f} ms: {'met' if p95 <= TARGET_P95_MS else 'NOT met'})"
    )
    ratio = busy / idle if idle else float("inf")
    print(
        f"key → paint: idle median {idle:.1f} ms, during the burst {busy:.1f} ms = {ratio:.2f}× "
        f"(target ≤ {TARGET_KEY_RATIO}×: {'met' if ratio <= TARGET_KEY_RATIO else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
