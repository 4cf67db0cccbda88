"""Type-ahead: keys typed faster than the app can follow land where they were meant to.

Textual hands each key to the widget focused *when the key is read*, and a key that
moves focus or opens a screen (tab, enter, ``i``) only takes effect a moment later,
once it has bubbled up to the binding that acts on it. A key typed in that moment —
a fast typist, a paste of keys over SSH, a burst from tmux — goes to the old widget,
or to a screen that is still being built and drops it. ``i`` followed at once by a
title would lose the title.

:class:`TypeAhead` closes that gap: every key and paste from the terminal joins a
queue and is handed on only when everything the previous one set off has been
processed (its bindings ran, focus moved, a new screen is mounted). Keys typed at
human speed pass at once; only keys that arrive while the app is still busy wait,
in order, for their turn. Characters typed into a text field pass without waiting:
they cannot move focus. Nothing is dropped.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Iterable
from typing import Any, Final

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.widgets import Input, TextArea

SETTLE_ROUNDS: Final = 20
"""At most this many rounds of waiting for the app to settle after one key."""
SETTLE_TIMEOUT: Final = 2.0
"""Seconds a round may wait before the next key is handed on regardless."""


class TypeAhead:
    """An ordered queue for terminal input; see the module docstring."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._waiting: deque[events.Key | events.Paste] = deque()
        self._released: set[int] = set()
        """ids of events handed on by this queue, to be let through when they come back."""
        self._feeder: asyncio.Task[None] | None = None

    def take(self, event: events.Event) -> bool:
        """Queue ``event`` if it is terminal input arriving for the first time.

        Returns True when the event was taken (the caller must not process it now).
        """
        if not isinstance(event, events.Key | events.Paste) or event.is_forwarded:
            return False
        if id(event) in self._released:
            self._released.discard(id(event))
            return False
        self._waiting.append(event)
        if self._feeder is None or self._feeder.done():
            self._feeder = asyncio.create_task(self._feed())
        return True

    @property
    def pending(self) -> int:
        """Keys and pastes waiting for their turn."""
        return len(self._waiting)

    async def _feed(self) -> None:
        """Hand on waiting input one event at a time, each once the app has settled."""
        typed = False  # characters went into a field without waiting since the last settle
        while self._waiting:
            event = self._waiting.popleft()
            quick = self._typed_into_text(event)
            if typed and not quick:
                # a priority key (ctrl+s saves) acts before the field has taken what was
                # typed before it: let the field catch up first
                await self.settle()
            self._released.add(id(event))
            if not self.app.post_message(event):  # the app is closing
                self._released.discard(id(event))
                self._waiting.clear()
                return
            if quick:
                typed = True
                await asyncio.sleep(0)  # a character into a text field moves nothing
            else:
                typed = False
                await self.settle()

    def _typed_into_text(self, event: events.Key | events.Paste) -> bool:
        """True for a printable key going to an editable text field, which takes it.

        Such a key cannot move focus or open a screen, so the next key need not wait;
        a long burst of typing flows without a pause after each character.
        """
        if not isinstance(event, events.Key) or not event.is_printable:
            return False
        focused = self.app.focused
        if isinstance(focused, TextArea):
            return not focused.read_only
        return isinstance(focused, Input)

    async def settle(self) -> None:
        """Wait until the app and the widgets of the current screen have nothing queued.

        Each round asks every message pump to call back once it has worked through what
        it had queued; handling a message may queue more (a key bubbles up, a screen is
        pushed), so rounds repeat until one finds every queue empty on the same screen.
        """
        for _round in range(SETTLE_ROUNDS):
            try:
                screen = self.app.screen
            except Exception:  # no screen yet, or the app is shutting down
                return
            pumps = [self.app, *screen.walk_children(with_self=True)]
            if not await _round_trip(pumps):
                return
            try:
                still = self.app.screen is screen
            except Exception:
                return
            if still and all(_idle(p) for p in [self.app, *screen.walk_children(with_self=True)]):
                return


def _idle(pump: MessagePump) -> bool:
    """True when ``pump`` has no message waiting."""
    return pump._message_queue.empty() and pump._pending_message is None


async def _round_trip(pumps: Iterable[MessagePump]) -> bool:
    """Wait until each pump has processed what was queued before this call.

    False when that took longer than :data:`SETTLE_TIMEOUT` (a handler is busy for long;
    the caller stops waiting rather than hold the keyboard).
    """
    remaining = 0
    done = asyncio.Event()

    def one_done() -> None:
        nonlocal remaining
        remaining -= 1
        if remaining == 0:
            done.set()

    for pump in pumps:
        if pump.call_later(one_done):
            remaining += 1
    if remaining == 0:
        return True
    try:
        await asyncio.wait_for(done.wait(), SETTLE_TIMEOUT)
    except TimeoutError:
        return False
    return True
