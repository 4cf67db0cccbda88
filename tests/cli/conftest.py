"""The command line's tests run in English whatever the developer's locale says
(``KXPLAN_LANG=en``); a test about the language sets its own environment."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _kxplan_speaks_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KXPLAN_LANG", "en")
