"""The app in Swedish: started in it, switched to and from it (remembered, typed text kept),
new plans offered a language, and steps found by their name in either language."""

from __future__ import annotations

import json
from pathlib import Path

from app_helpers import FIXED_NOW, FakeTimer, settle
from support import write_plan
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from kxplan import i18n
from kxplan.tui.app import KxplanApp
from kxplan.tui.commands import KxplanCommands
from kxplan.tui.screens.row_editor import RowEditor
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.screens.welcome import NewPlanDialog


def swedish_app(path: Path | None, config_dir: Path, **options: object) -> KxplanApp:
    """The app as a Swedish room starts it: the language switched to last was Svenska."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.json").write_text(json.dumps({"language": "sv"}), encoding="utf-8")
    return KxplanApp(
        path,
        clock=lambda: FIXED_NOW,
        timer_clock=FakeTimer(),
        config_dir=config_dir,
        cursor_blink=False,
        **options,  # type: ignore[arg-type]
    )


def screen_text(pilot: Pilot[None]) -> str:
    """What the terminal shows now, line by line."""
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


def footer(pilot: Pilot[None]) -> str:
    return screen_text(pilot).splitlines()[-1]


async def test_a_swedish_walk_then_english_then_swedish_again(
    tmp_path: Path, config_dir: Path
) -> None:
    path = write_plan(tmp_path / "plan.toml", "contact-centre")
    app = swedish_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert i18n.current() == "sv"
        text = screen_text(pilot)
        assert "0 Strategiöversikt" in text
        assert "Titel *" in text
        assert "Processledare" in text
        assert "Spara" in footer(pilot)
        assert "Hjälp" in footer(pilot)
        await pilot.press("7")
        await settle(pilot)
        text = screen_text(pilot)
        assert "7 Förankring" in text
        assert "Avdelningar och intressenter" in text
        assert "Mognad i dag" in text

        await pilot.press("f9")  # the language key: English now, on the same step
        await settle(pilot)
        text = screen_text(pilot)
        assert "7 Anchoring · Förankring" in text
        assert "Departments and stakeholders" in text
        assert "Save" in footer(pilot)
        assert "Spara" not in footer(pilot)
        assert json.loads((config_dir / "settings.json").read_text())["language"] == "en"

        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, WalkScreen)
        assert app.screen.step_index == 7
        assert "7 Förankring" in screen_text(pilot)
        assert "Spara" in footer(pilot)
        assert "Avsluta" in footer(pilot)
    assert json.loads((config_dir / "settings.json").read_text())["language"] == "sv"


async def test_lang_wins_over_the_language_remembered(tmp_path: Path, config_dir: Path) -> None:
    path = write_plan(tmp_path / "plan.toml")
    app = swedish_app(path, config_dir, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "0 Strategy overview" in screen_text(pilot)
        assert "Save" in footer(pilot)


async def test_an_open_form_keeps_what_was_typed_when_the_language_changes(
    tmp_path: Path, config_dir: Path
) -> None:
    path = write_plan(tmp_path / "plan.toml")
    app = swedish_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("7", "a")  # a new stakeholder's row form
        await settle(pilot)
        assert isinstance(app.screen, RowEditor)
        assert "Lägg till intressent" in screen_text(pilot)
        await pilot.press(*"Kundtjänst")
        await pilot.press("f9")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RowEditor)
        assert form.query_one("#field-name", Input).value == "Kundtjänst"
        assert form.focused is form.query_one("#field-name", Input)
        assert "Add stakeholder" in screen_text(pilot)
        await pilot.press(*" och IT")
        await pilot.press("ctrl+s")  # keep the row
        await settle(pilot)
    names = [s.name for s in app.session.plan.areas.anchoring.stakeholders]  # type: ignore[union-attr]
    assert names == ["Kundtjänst och IT"]


async def test_the_palette_finds_a_step_by_either_name(tmp_path: Path, config_dir: Path) -> None:
    path = write_plan(tmp_path / "plan.toml")
    app = swedish_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        provider = KxplanCommands(app.screen)
        names = [name for name, _help, _callback, _others in provider.commands()]
        assert "Gå till 7 Förankring" in names
        assert "Språk: Svenska / English" in names
        for query in ("Förankring", "Anchoring"):
            hits = [hit async for hit in provider.search(query)]
            assert any("Förankring" in str(hit.match_display) for hit in hits), query
        i18n.set_language("en")
        provider = KxplanCommands(app.screen)
        for query in ("Förankring", "Anchoring"):
            hits = [hit async for hit in provider.search(query)]
            assert any("Anchoring" in str(hit.match_display) for hit in hits), query
        hits = [hit async for hit in provider.search("Språk")]
        assert any("Language" in str(hit.match_display) for hit in hits)


async def test_a_swedish_app_offers_swedish_templates_first_in_swedish(
    tmp_path: Path, config_dir: Path
) -> None:
    app = swedish_app(None, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Starta en ny plan" in screen_text(pilot)
        await pilot.press("enter")  # the first template: the Swedish blank plan
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewPlanDialog)
        assert dialog.template == "tom"
        assert "Vilket språk är planen skriven på?" in screen_text(pilot)
        options = dialog.query_one(OptionList)
        assert options.highlighted is not None
        assert options.get_option_at_index(options.highlighted).id == "language:sv"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WalkScreen)
        assert app.session is not None
        assert app.session.plan.language == "sv"
        assert "(inte sparad än)" in screen_text(pilot)


async def test_an_english_template_is_offered_in_english_even_in_a_swedish_app(
    tmp_path: Path, config_dir: Path
) -> None:
    """Its text is English: Swedish headings over it would make a mixed document."""
    app = swedish_app(None, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        template_list = app.screen.query_one(OptionList)
        ids = [template_list.get_option_at_index(i).id for i in range(template_list.option_count)]
        at = ids.index("template:contact-centre")
        template_list.highlighted = at
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewPlanDialog)
        options = dialog.query_one(OptionList)
        assert options.highlighted is not None
        assert options.get_option_at_index(options.highlighted).id == "language:en"
        await pilot.press("enter")
        await settle(pilot)
        assert app.session is not None
        assert app.session.plan.language == "en"
        await pilot.press("ctrl+s")  # a new plan asks for a path; the file says its language
        await settle(pilot)
        prompt = app.screen.query_one(Input)
        prompt.value = str(tmp_path / "english.toml")
        await pilot.press("enter")
        await settle(pilot)
    assert 'language = "en"' in (tmp_path / "english.toml").read_text(encoding="utf-8")


async def test_switching_language_leaves_every_areas_notes_and_maturity_its_own(
    tmp_path: Path, config_dir: Path
) -> None:
    """f9 after visiting several steps: each area keeps its own notes and maturity, and
    the plan is not changed by the switch (a QA run saw one area's text in all)."""
    path = write_plan(tmp_path / "plan.toml", "contact-centre")
    before = path.read_text(encoding="utf-8")
    app = swedish_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        plan = app.session.plan
        notes = {a: (area.today, area.target, area.how) for a, area in plan.areas.items()}
        maturity = {a: area.maturity_today for a, area in plan.areas.items()}
        assert len(set(notes.values())) > 1  # the areas' notes differ to begin with
        for key in ("2", "3", "6", "7"):
            await pilot.press(key)
            await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        after = app.session.plan
        assert {a: (area.today, area.target, area.how) for a, area in after.areas.items()} == notes
        assert {a: area.maturity_today for a, area in after.areas.items()} == maturity
        assert not app.session.dirty
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert path.read_text(encoding="utf-8") == before
