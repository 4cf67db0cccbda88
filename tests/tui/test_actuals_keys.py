"""The actuals dialog as a facilitator types in it (QA #8): enter opens the Status list,
the fields come in order (finished, actual effort, outcome, then the buttons), each
looks like a field, and text typed on a button is not lost."""

from __future__ import annotations

from pathlib import Path

from app_helpers import FIXED_NOW, make_app, settle
from textual.widgets import Button, Input, Select

from kxplan import storage, templates
from kxplan.tui.screens.actuals import ActualsDialog, LogOffer


def contact_centre(path: Path) -> Path:
    storage.save(templates.new_plan("contact-centre", now=FIXED_NOW), path)
    return path


async def open_actuals(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("6")
    await pilot.pause()
    await pilot.press("enter")  # the top initiative of the ranking
    await pilot.pause()
    status = app.screen.query_one("#status", Select)
    status.focus()
    await pilot.press("enter")  # enter opens the list, as space does
    await pilot.pause()
    assert status.expanded
    await pilot.press(*"done", "enter")
    await pilot.pause()
    assert status.value == "done"


async def test_the_cursor_starts_in_finished_and_tab_goes_effort_outcome_buttons(
    tmp_path: Path, config_dir: Path
) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_actuals(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, ActualsDialog)
        assert dialog.focused is dialog.query_one("#actuals-finished", Input)
        order = []
        for _ in range(4):
            await pilot.press("tab")
            order.append(dialog.focused.id if dialog.focused else None)
        assert order == ["actuals-actual_effort", "actuals-outcome", "keep", "skip"]
        await pilot.press("shift+tab", "shift+tab", "shift+tab")  # back to actual effort
        assert dialog.focused is dialog.query_one("#actuals-actual_effort", Input)


async def test_letters_typed_on_the_keep_button_go_on_in_the_outcome(
    tmp_path: Path, config_dir: Path
) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_actuals(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, ActualsDialog)
        await pilot.press("tab", "2", "tab", *"Fewer", "tab")
        assert dialog.focused is dialog.query_one("#keep", Button)
        await pilot.press(*"-calls")
        await pilot.pause()
        outcome = dialog.query_one("#actuals-outcome", Input)
        assert outcome.value == "Fewer-calls"  # not lost on the button
        assert dialog.focused is outcome
        assert dialog.query_one("#actuals-actual_effort", Input).value == "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogOffer)


async def test_the_fields_look_like_fields(tmp_path: Path, config_dir: Path) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_actuals(pilot, app)
        dialog = app.screen
        surface = dialog.query_one("#actuals").styles.background
        for field in dialog.query(Input):
            field.blur()
            await pilot.pause()
            assert field.styles.background != surface, field.id  # a box, not blank dialog
            assert field.styles.background.a > 0, field.id
