"""Fixtures for every app test: a config folder of the test's own, and the ranking's
robustness started at once rather than after the typing pause, so a test waits for the
worker (``settle``) instead of for a clock."""

import pytest
from app_helpers import config_dir

from kxplan.tui.widgets import background_robustness

__all__ = ["config_dir", "robustness_at_once"]


@pytest.fixture(autouse=True)
def robustness_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background_robustness, "DELAY", 0.0)
