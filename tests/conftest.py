"""Fixtures for every test; the plain builders they use are in support.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import write_plan

from kxplan import i18n


@pytest.fixture
def plan_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Writes a plan into the test's folder, makes that folder the working one, and returns
    the plan's relative name: ``plan_here("plan.toml", "contact-centre", title="…")``."""
    monkeypatch.chdir(tmp_path)

    def write(name: str, template: str = "blank", **changes: object) -> Path:
        write_plan(tmp_path / name, template, **changes)
        return Path(name)

    return write


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """kxplan's own language is process-wide: every test starts and ends in English."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")
