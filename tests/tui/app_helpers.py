"""The app harness for the Pilot and snapshot tests: the app with a fixed clock, opening it
at a size and waiting until it is idle, and filling fields by typing or by setting them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from support import FIXED_NOW, write_plan
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from kxplan.tui.app import KxplanApp

__all__ = [
    "FIXED_NOW",
    "FakeTimer",
    "config_dir",
    "fill",
    "make_app",
    "open_app",
    "set_value",
    "settle",
    "type_into",
    "wait_until",
    "write_plan",
]

PROJECTOR = (100, 30)
"""The size most app tests run at: a projector in a workshop room."""


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder in tmp; $XDG_CONFIG_HOME, $XDG_STATE_HOME and $HOME point there
    too, so the real recent-files list is never read or written."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return folder / "kxplan"


class FakeTimer:
    """A clock for the timebox that only moves when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_app(path: Path | None, config_dir: Path, timer: FakeTimer | None = None) -> KxplanApp:
    """The app with a fixed clock, a steady cursor and a config folder of the test's own."""
    return KxplanApp(
        path,
        clock=lambda: FIXED_NOW,
        timer_clock=timer or FakeTimer(),
        config_dir=config_dir,
        cursor_blink=False,
    )


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the app is idle: pending messages handled and background workers done."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 3.0
) -> bool:
    """Let the app run until ``condition()`` holds or ``timeout`` seconds pass (for what
    ends after animations or refreshes, not after messages); answer whether it held."""
    for _ in range(int(timeout / 0.02)):
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()


@asynccontextmanager
async def open_app(
    path: Path | None,
    config_dir: Path,
    *,
    size: tuple[int, int] = PROJECTOR,
    timer: FakeTimer | None = None,
) -> AsyncIterator[Pilot[None]]:
    """Run :func:`make_app` headless at ``size`` and hand over its pilot once it is idle."""
    app = make_app(path, config_dir, timer)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield pilot


async def type_into(pilot: Pilot[None], selector: str, text: str, *, clear: bool = True) -> None:
    """Focus a field and type ``text`` key by key, as a user would (a newline is Enter);
    an input is first cleared with backspace unless ``clear`` is false."""
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    if clear and isinstance(widget, Input):
        await pilot.press("end", *["backspace"] * len(widget.value))
    await pilot.press(*("enter" if char == "\n" else char for char in text))
    await pilot.pause()


async def set_value(pilot: Pilot[None], selector: str, text: str) -> None:
    """Put ``text`` into a field at once (for tests where typing is not the point): the
    field gets the focus and the same Changed message a user's typing would send."""
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    if isinstance(widget, TextArea):
        widget.text = text
    elif isinstance(widget, Input):
        widget.value = text
    else:
        raise TypeError(f"{selector} is a {type(widget).__name__}, not a text field")
    await pilot.pause()


async def fill(pilot: Pilot[None], values: dict[str, str], *, typing: bool = False) -> None:
    """Fill a form's fields: a select gets its choice as a user picks it (space opens it,
    type to search, enter picks); an input gets its text set at once, or key by key with
    ``typing``."""
    for name, value in values.items():
        widget = pilot.app.screen.query_one(f"#field-{name}")
        widget.focus()
        await pilot.pause()
        if isinstance(widget, Input):
            widget.value = ""
            if typing:
                await pilot.press(*value)
            else:
                widget.value = value
        elif isinstance(widget, Select):
            await pilot.press("space")
            await pilot.press(*value)
            await pilot.press("enter")
        await pilot.pause()
