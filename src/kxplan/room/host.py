"""A room opened over a plan file: the room, its journal and its server, together.

The workshop app and ``kxplan room`` both hold one :class:`RoomHost` while a room
is open. Opening finds a room that did not end (a crash, a kill) and brings it
back from its journal, with the same join address, instead of starting afresh.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from kxplan.model import Plan
from kxplan.room.address import EVERYWHERE, LOCAL
from kxplan.room.journal import Journal, journal_path, last_listen, replay, unfinished
from kxplan.room.server import RoomServer
from kxplan.room.state import Room


class RoomHost:
    """One open room: call :meth:`start` in the loop that should serve it, :meth:`close`
    to end it (every device loses access; the journal is kept beside the plan)."""

    def __init__(self, room: Room, journal: Journal, *, resumed: bool) -> None:
        self.room = room
        self.journal = journal
        self.resumed = resumed
        """Whether the room was brought back from a journal rather than opened afresh."""
        self.server: RoomServer | None = None
        self.last = last_listen(journal.path) if resumed else None
        """Where a room brought back listened before: its port and whether on the LAN."""

    @classmethod
    def open(cls, plan: Plan, plan_path: Path, *, allow_new_names: bool = False) -> RoomHost:
        """The room over ``plan`` (saved at ``plan_path``): the unfinished one, or a new one."""
        path = journal_path(plan_path)
        if unfinished(plan_path) is not None:
            room, header = replay(path, plan)
            journal = Journal(path, header, fresh=False)
            room.record = journal.record
            return cls(room, journal, resumed=True)
        journal = Journal.create(path, secrets.token_urlsafe(16), allow_new_names=allow_new_names)
        room = Room(plan, allow_new_names=allow_new_names, record=journal.record)
        return cls(room, journal, resumed=False)

    @property
    def url(self) -> str:
        """The join address (empty before :meth:`start`)."""
        return self.server.url if self.server else ""

    @property
    def lan(self) -> bool:
        """Whether phones on the local network can reach the room."""
        return self.server is not None and self.server.host == EVERYWHERE

    async def start(
        self, *, lan: bool | None = None, port: int | None = None, base_url: str | None = None
    ) -> None:
        """Listen: on this machine only, or on the local network with ``lan``; on any free
        port unless one is given. A room brought back listens where it did before."""
        if lan is None:
            lan = self.last[1] if self.last else False
        if not port and self.last:
            port = self.last[0]
        port = port or 0
        if self.server is not None:
            port = port or self.server.port
            base_url = base_url or self.server.base_url
            await self.server.stop()
            self.room.listeners.remove(self.server.notify)
        self.server = RoomServer(
            self.room,
            self.journal.header.secret,
            host=EVERYWHERE if lan else LOCAL,
            port=port,
            base_url=base_url,
        )
        try:
            await self.server.start()
        except OSError:
            if not port or self.last is None or port != self.last[0]:
                raise
            self.server.port = 0  # the old port is taken now: any free one will do
            await self.server.start()
        self.journal.record({"event": "listen", "port": self.server.port, "lan": lan})

    async def close(self) -> None:
        """End the room and stop serving it."""
        self.room.close()
        if self.server is not None:
            await self.server.stop()
        self.journal.close()

    def discard(self) -> None:
        """Forget a room nobody used: its journal goes too."""
        self.journal.close()
        os.remove(self.journal.path)
