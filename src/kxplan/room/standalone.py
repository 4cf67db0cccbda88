"""A room run without the app (``kxplan room PLAN``): an asynchronous round over days.

:func:`serve` opens a round on the chosen initiatives (all open ones by default),
announces the join address, serves until told to stop, then accepts what was
answered and writes it into the plan with the normal atomic save. The plan is read
again just before that save, so edits made to the file meanwhile are kept. A room
that did not end (a crash, a kill) is brought back from its journal instead of
starting afresh, with the same address.
"""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kxplan.framework import CLOSED_STATUSES, Score
from kxplan.model import Plan
from kxplan.room.address import EVERYWHERE, LOCAL
from kxplan.room.journal import Journal, journal_path, read_header, replay, unfinished
from kxplan.room.results import with_answers
from kxplan.room.server import RoomServer
from kxplan.room.state import Refused, Room
from kxplan.storage import load, save

DEFAULT_SCORES: tuple[Score, ...] = ("effort", "customer_value", "efficiency")


@dataclass(frozen=True, slots=True)
class RoomOptions:
    """How ``kxplan room`` was asked to run."""

    initiatives: Sequence[str] = ()
    """Initiative ids to ask about; empty: every open initiative."""
    scores: Sequence[Score] = DEFAULT_SCORES
    lan: bool = False
    port: int = 0
    base_url: str | None = None
    allow_new_names: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a room that ended left behind."""

    answers: int
    participants: int
    saved: bool


def open_ids(plan: Plan) -> list[str]:
    """The initiatives a round asks about by default: those not done or dropped."""
    return [item.id for item in plan.initiatives if item.status not in CLOSED_STATUSES]


def _open_room(plan: Plan, plan_path: Path, options: RoomOptions) -> tuple[Room, Journal, bool]:
    path = journal_path(plan_path)
    if unfinished(plan_path) is not None:
        room, header = replay(path, plan)
        journal = Journal(path, header, fresh=False)
        room.record = journal.record
        return room, journal, True
    journal = Journal.create(
        path, secrets.token_urlsafe(16), allow_new_names=options.allow_new_names
    )
    room = Room(plan, allow_new_names=options.allow_new_names, record=journal.record)
    ids = list(options.initiatives) or open_ids(plan)
    try:
        room.start_round(ids, options.scores)
    except Refused:
        journal.close()
        os.remove(path)
        raise
    return room, journal, False


async def serve(
    plan_path: Path,
    options: RoomOptions,
    stop: asyncio.Event,
    announce: Callable[[str], None],
) -> Outcome:
    """Run the room until ``stop`` is set; returns what it put into the plan."""
    plan = load(plan_path)
    room, journal, resumed = _open_room(plan, plan_path, options)
    secret = read_header(journal.path).secret
    server = RoomServer(
        room,
        secret,
        host=EVERYWHERE if options.lan else LOCAL,
        port=options.port,
        base_url=options.base_url,
    )
    try:
        await server.start()
        announce(server.url)
        if resumed:
            announce(f"Brought back the room that did not end, from {journal.path.name}.")
        await stop.wait()
        current = room.current_round
        if current is not None and current.answers:
            room.accept(current.number)
        room.close()
    finally:
        await server.stop()
        journal.close()
    accepted = [r for r in room.rounds if r.status == "accepted"]
    answers = sum(len(r.answers) for r in accepted)
    if not answers:
        return Outcome(0, 0, saved=False)
    fresh = load(plan_path)  # edits made to the file while the room was open are kept
    save(with_answers(fresh, room.rounds, room.names), plan_path)
    who = {name for r in accepted for name, _, _ in r.answers}
    return Outcome(answers, len(who), saved=True)
