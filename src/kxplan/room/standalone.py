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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kxplan.framework import CLOSED_STATUSES, Score
from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.room.activities import DEFAULT_SCORES
from kxplan.room.host import RoomHost
from kxplan.room.records import rounds_to_keep, with_rounds
from kxplan.room.results import with_answers
from kxplan.room.state import Refused
from kxplan.storage import load, save


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


async def serve(
    plan_path: Path,
    options: RoomOptions,
    stop: asyncio.Event,
    announce: Callable[[str], None],
) -> Outcome:
    """Run the room until ``stop`` is set; returns what it put into the plan."""
    plan = load(plan_path)
    host = RoomHost.open(plan, plan_path, allow_new_names=options.allow_new_names)
    room = host.room
    if room.current_round is None:
        try:
            room.start_round(list(options.initiatives) or open_ids(plan), options.scores)
        except Refused:
            if host.resumed:
                host.journal.close()
            else:
                host.discard()
            raise
    try:
        await host.start(lan=options.lan, port=options.port, base_url=options.base_url)
        announce(host.url)
        if host.resumed:
            announce(
                _("Brought back the room that did not end, from {file}.").format(
                    file=host.journal.path.name
                )
            )
        await stop.wait()
        current = room.current_round
        if current is not None and current.answers:
            room.accept(current.number)
    finally:
        await host.close()
    accepted = [r for r in room.rounds if r.status == "accepted"]
    answers = sum(len(r.answers) for r in accepted)
    if not answers:
        return Outcome(0, 0, saved=False)
    fresh = load(plan_path)  # edits made to the file while the room was open are kept
    answered = with_answers(fresh, room.rounds, room.names)
    now = datetime.now(UTC)
    kept = [k for r in accepted for k in rounds_to_keep(answered, room.rounds, r.number, now)]
    save(with_rounds(answered, kept), plan_path)
    who = {name for r in accepted for name, _, _ in r.answers}
    return Outcome(answers, len(who), saved=True)
