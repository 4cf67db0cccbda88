"""Fixtures for every app test: a config folder of the test's own; the ranking's
robustness started at once rather than after the typing pause, so a test waits for the
worker (``settle``) instead of for a clock; Pilot's idle checks in shorter slices."""

import pytest
from app_helpers import config_dir
from textual.message_pump import MessagePump

from kxplan.tui.no_break import keep_no_break_spaces
from kxplan.tui.widgets import background_robustness

keep_no_break_spaces()  # as KxplanApp does, so apps made for a test wrap as it does

__all__ = ["config_dir", "quicker_idle_checks", "quicker_screen_waits", "robustness_at_once"]


@pytest.fixture(autouse=True)
def robustness_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background_robustness, "DELAY", 0.0)


@pytest.fixture(autouse=True)
def quicker_idle_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot waits after every key until the app is idle, by sleeping 20 ms at a time
    until a sleep passes with under 5 % of it spent working. The same test in 5 ms
    slices: the same 5 % rule, a quarter of the wait (half the suite's wall time was
    these sleeps)."""
    from textual import _wait

    monkeypatch.setattr(_wait, "SLEEP_GRANULARITY", 1 / 200)
    monkeypatch.setattr(_wait, "SLEEP_IDLE", 1 / 200 / 20)


def _waiting_for_a_message(node: MessagePump) -> bool:
    """Whether ``node`` sits idle in its message loop: nothing queued, nothing pending,
    no callback due, and the loop blocked waiting for the next message."""
    queue = node._message_queue
    waiters = getattr(queue.ready_event, "_waiters", None)
    return (
        queue.empty()
        and node._pending_message is None
        and not node._next_callbacks
        and bool(waiters)
    )


@pytest.fixture(autouse=True)
def quicker_screen_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot waits after every key and pause until each widget on the screen has handled
    what it had queued, by posting a callback to every one of them and waiting for all:
    on the initiative editor that is 160 messages (and 160 idle events after them) per
    pause, about 15 ms of CPU. When the app and every widget already wait for their next
    message, nothing is left to handle, and the wait ends at once; otherwise Pilot's own
    wait runs as before."""
    from textual.pilot import Pilot

    wait_for_screen = Pilot._wait_for_screen

    async def _wait_for_busy_widgets(self: Pilot[object], timeout: float = 30.0) -> bool:
        nodes = [self.app, *self.app.screen.walk_children(with_self=True)]
        if all(_waiting_for_a_message(node) for node in nodes):
            return True  # nothing queued anywhere: the callbacks would change nothing
        return await wait_for_screen(self, timeout)

    monkeypatch.setattr(Pilot, "_wait_for_screen", _wait_for_busy_widgets)
