"""The new-plan dialog says so when the plan's documents would not be in the language its
template is written in (Swedish headings over English text)."""

from __future__ import annotations

from pathlib import Path

from app_helpers import settle
from test_swedish import screen_text, swedish_app
from textual.widgets import OptionList, Static

from kxplan.tui.screens.welcome import NewPlanDialog


async def test_the_dialog_warns_of_a_mixed_language_plan(config_dir: Path) -> None:
    app = swedish_app(None, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        templates = app.screen.query_one(OptionList)
        ids = [templates.get_option_at_index(i).id for i in range(templates.option_count)]
        templates.highlighted = ids.index("template:contact-centre")
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewPlanDialog)
        note = dialog.query_one("#new-plan-mixed", Static)
        assert not note.display  # English offered first: the template's own language
        assert "Obs!" not in screen_text(pilot)

        await pilot.press("down")  # Svenska
        await settle(pilot)
        assert note.display
        said = str(note.content)
        assert said.startswith("Obs! Mallen 'contact-centre' är skriven på engelska, men ")
        assert "planens dokument blir på svenska" in said
        assert "Obs! Mallen" in screen_text(pilot)  # shown, not cut off

        await pilot.press("up")
        await settle(pilot)
        assert not note.display
