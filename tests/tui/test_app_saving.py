"""Saving: the unsaved-changes guard, the changed-on-disk warning, failures that keep
the session dirty, and save-as for a plan without a file."""

from __future__ import annotations

from pathlib import Path

from app_helpers import make_app, write_plan
from textual.widgets import Input

from kxplan import storage
from kxplan.tui.screens.confirm import Confirm
from kxplan.tui.screens.prompt import Prompt
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.screens.welcome import WelcomeScreen


async def type_title(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one("#plan-title", Input)
    field.focus()
    await pilot.press("ctrl+shift+a", *text)
    await pilot.pause()


async def test_quit_with_unsaved_changes_asks_and_cancel_keeps_working(
    tmp_path: Path,
    config_dir: Path,
) -> None:
    path = write_plan(tmp_path / "plan.toml")
    before = path.read_bytes()
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_title(pilot, "Changed")
        assert app.screen.sub_title == "● plan.toml"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert app.screen.question_title == "Unsaved changes"
        await pilot.press("escape")  # cancel
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert app.is_running
    assert path.read_bytes() == before


async def test_quit_and_discard_leaves_the_file_alone(tmp_path: Path, config_dir: Path) -> None:
    path = write_plan(tmp_path / "plan.toml")
    before = path.read_bytes()
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_title(pilot, "Changed")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#answer-discard")
        await pilot.pause()
        assert not app.is_running
    assert path.read_bytes() == before


async def test_quit_and_save_writes_then_quits(tmp_path: Path, config_dir: Path) -> None:
    path = write_plan(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_title(pilot, "Kept on quit")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")  # Save is the first, focused answer
        await pilot.pause()
        assert not app.is_running
    assert storage.load(path).title == "Kept on quit"


async def test_quit_without_changes_does_not_ask(tmp_path: Path, config_dir: Path) -> None:
    path = write_plan(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_file_changed_on_disk_warns_before_overwriting(
    tmp_path: Path,
    config_dir: Path,
) -> None:
    path = write_plan(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_title(pilot, "Mine")
        write_plan(path, title="Theirs")  # someone else saves meanwhile
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert app.screen.question_title == "File changed on disk"
        await pilot.press("escape")
        await pilot.pause()
        assert storage.load(path).title == "Theirs"
        assert app.screen.sub_title == "● plan.toml"

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#answer-overwrite")
        await pilot.pause()
        assert app.screen.sub_title == "plan.toml"
    assert storage.load(path).title == "Mine"


async def test_invalid_plan_is_not_saved_and_stays_dirty(tmp_path: Path, config_dir: Path) -> None:
    path = write_plan(tmp_path / "plan.toml", title="Kept")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#plan-title", Input)
        field.focus()
        await pilot.press("ctrl+shift+a", "backspace")  # a plan needs a title
        await pilot.pause()
        assert "needs a title" in str(app.screen.query_one("#plan-title-error").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.sub_title == "● plan.toml"
        messages = [n.message for n in app._notifications]
        assert any("title" in message and "Not saved" not in message for message in messages)
    assert storage.load(path).title == "Kept"


async def test_example_is_never_overwritten_and_save_asks_for_a_path(
    tmp_path: Path,
    config_dir: Path,
) -> None:
    app = make_app(None, config_dir)
    target = tmp_path / "mine.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_example()
        await pilot.pause()
        walk = app.screen
        assert isinstance(walk, WalkScreen)
        assert walk.sub_title == "(not saved yet)"
        example_title = walk.session.plan.title
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Prompt)
        prompt_input = app.screen.query_one(Input)
        prompt_input.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert walk.sub_title == "mine.toml"
    assert storage.load(target).title == example_title


async def test_save_as_with_f2_writes_a_new_file_and_keeps_the_old(
    tmp_path: Path,
    config_dir: Path,
) -> None:
    path = write_plan(tmp_path / "plan.toml", title="Old")
    copy = tmp_path / "copy.toml"
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_title(pilot, "New")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, Prompt)
        app.screen.query_one(Input).value = str(copy)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.sub_title == "copy.toml"
    assert storage.load(copy).title == "New"
    assert storage.load(path).title == "Old"


async def test_opening_another_plan_with_unsaved_changes_asks_first(
    tmp_path: Path,
    config_dir: Path,
) -> None:
    path = write_plan(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_title(pilot, "Unsaved")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.click("#answer-discard")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
    assert storage.load(path).title == "New CX strategy"
