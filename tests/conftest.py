"""Fixtures for every test; the plain builders they use are in support.py."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import write_plan

from kxplan import i18n

GC_THRESHOLDS = (10_000, 10, 10)
"""Python's cyclic collector runs after 700 new objects by default. An app test makes
hundreds of thousands (widgets, styles, strips), enough of them live for a while to be
promoted, and then whole-heap collections follow one another: a quarter of an app test's
CPU went to the collector. After 10,000, most of a test's objects are gone before they are
looked at, and the collector's share falls to about a tenth."""


def pytest_configure(config: pytest.Config) -> None:
    gc.set_threshold(*GC_THRESHOLDS)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """What importing and collecting made lives as long as the run: kept out of the
    collector's sight, so a full collection looks only at what the tests make."""
    gc.collect()
    gc.freeze()


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


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: a worker more than there are cores. An app test spends about a sixth
    of its time asleep while Pilot waits for the app to be idle; the extra worker uses the
    core meanwhile (on 2 cores, 4 min 33 s instead of 4 min 51 s for the whole suite)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


RUN_FIRST = ("tui", "browser", "core", "cli")
"""The layers in the order their tests are handed out: the app's and the browser's long
flows first, the many short core and CLI tests last, so the two workers finish together
instead of one running a long flow alone at the end."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def layer(item: pytest.Item) -> int:
        parts = item.path.relative_to(Path(__file__).parent).parts
        return RUN_FIRST.index(parts[0]) if parts[0] in RUN_FIRST else len(RUN_FIRST)

    items.sort(key=layer)  # stable: within a layer, the files' own order
