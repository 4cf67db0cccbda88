"""Fixtures for every app test: a config folder of the test's own; the ranking's
robustness started at once rather than after the typing pause, so a test waits for the
worker (``settle``) instead of for a clock; Pilot's idle checks in shorter slices."""

import pytest
from app_helpers import config_dir

from kxplan.tui.no_break import keep_no_break_spaces
from kxplan.tui.widgets import background_robustness

keep_no_break_spaces()  # as KxplanApp does, so apps made for a test wrap as it does

__all__ = ["config_dir", "quicker_idle_checks", "robustness_at_once"]


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
