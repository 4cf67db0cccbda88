"""Keys typed in one burst — faster than the app follows — land where they were meant.

Pilot's ``press`` waits for the app after every key, which hides the race a real
terminal has: a key that moves focus or opens a screen takes effect a moment after it
is read, and keys arriving in that moment used to go to the old field or be dropped.
These tests hand the app a whole burst at once, as tmux, SSH or a fast typist does.
"""

from __future__ import annotations

from pathlib import Path

from app_helpers import make_app, write_plan
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input

from kxplan import storage
from kxplan.tui.app import KxplanApp
from kxplan.tui.screens.walk import WalkScreen

KEY_NAMES = frozenset({"tab", "enter", "escape", "ctrl+s"})
"""Keys sent by name; any other string is typed character by character."""


def key_events(keys: tuple[str, ...]) -> list[events.Key]:
    """The events a terminal sends for ``keys``, as Pilot builds them."""
    found: list[events.Key] = []
    for key in keys:
        if key in KEY_NAMES:
            found.append(events.Key(key, None))
        else:
            found += [events.Key(c if c.isalnum() else _character_to_key(c), c) for c in key]
    return found


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Send every key at once, then wait until the app has dealt with all of them."""
    app = pilot.app
    assert isinstance(app, KxplanApp)
    assert app._driver is not None
    for event in key_events(keys):
        app._driver.send_message(event)
    for _ in range(200):
        await pilot.pause()
        if app.type_ahead.pending == 0:
            break
    await app.type_ahead.settle()
    await pilot.pause()


def field(pilot: Pilot[None], widget_id: str) -> str:
    return pilot.app.screen.query_one(f"#{widget_id}", Input).value


async def test_a_burst_opening_the_editor_fills_each_field(
    tmp_path: Path, config_dir: Path
) -> None:
    path = write_plan(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # Step 1, open the editor, type the title, then the three scores under it.
        await burst(pilot, "1", "i", "Chat for orders", "tab", "2", "tab", "4", "tab", "3")
        assert type(app.screen).__name__ == "InitiativeEditor"
        assert field(pilot, "title") == "Chat for orders"
        assert field(pilot, "effort") == "2"
        assert field(pilot, "customer_value") == "4"
        assert field(pilot, "efficiency") == "3"
        # Keep the initiative and save the plan, still in the same burst.
        await burst(pilot, "ctrl+s", "ctrl+s")
        assert isinstance(app.screen, WalkScreen)
    saved = storage.load(path).initiatives
    assert [(i.title, i.effort, i.customer_value, i.efficiency) for i in saved] == [
        ("Chat for orders", 2, 4, 3)
    ]
    assert saved[0].areas == ["insight"]


async def test_text_typed_across_fields_then_saved_is_all_in_the_file(
    tmp_path: Path, config_dir: Path
) -> None:
    path = write_plan(tmp_path / "plan.toml", currency="")
    app = make_app(path, config_dir)
    text = "Customers wait twelve minutes on Mondays; " * 5
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one("#plan-currency").focus()  # the last field before the notes
        await pilot.pause()
        await burst(pilot, "EUR", "tab", text, "ctrl+s")
    saved = storage.load(path)
    assert (saved.currency, saved.strategy.today) == ("EUR", text)


async def test_keys_arriving_while_a_screen_opens_wait_for_it(
    tmp_path: Path, config_dir: Path
) -> None:
    """The title typed right after "i" reaches the editor, not the walk behind it."""
    path = write_plan(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await burst(pilot, "i", "3")  # "3" alone would jump to step 3 if it went astray
        assert type(app.screen).__name__ == "InitiativeEditor"
        assert field(pilot, "title") == "3"


async def test_a_title_typed_in_a_burst_gives_the_whole_id(
    tmp_path: Path, config_dir: Path
) -> None:
    """QA: 'Proactive SMS status updates' then Tab at once saved id 'proactive-sms-status-upda'."""
    path = write_plan(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await burst(pilot, "1", "i", "Proactive SMS status updates", "tab", "tab", "2")
        assert field(pilot, "id") == "proactive-sms-status-updates"
        await burst(pilot, "ctrl+s", "ctrl+s")
    assert [i.id for i in storage.load(path).initiatives] == ["proactive-sms-status-updates"]


async def test_a_multi_line_paste_into_a_one_line_field_keeps_every_line(
    tmp_path: Path, config_dir: Path
) -> None:
    """Textual's Input keeps only a paste's first line; the app joins the lines instead."""
    path = write_plan(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        title = app.screen.query_one("#plan-title", Input)
        title.focus()
        title.value = ""
        await pilot.pause()
        assert app._driver is not None
        app._driver.send_message(events.Paste("Owner A\nOwner B\r\n"))
        await pilot.pause()
        await pilot.pause()
        assert title.value == "Owner A Owner B"
        notes = app.screen.query_one("#strategy-today")
        notes.focus()
        await pilot.pause()
        app._driver.send_message(events.Paste("line 1\nline 2"))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.session.plan.strategy.today.endswith("line 1\nline 2")  # kept
