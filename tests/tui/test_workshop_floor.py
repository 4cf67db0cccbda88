"""What a facilitator hit running a real workshop (issue 13), typed as a person would:
notes that grow and open full screen, digits on a drop-down, enter in a row form, the
footer's save/help/quit, and the smaller things."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import make_app, set_value, settle, write_plan
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea
from textual.widgets._footer import FooterKey

from kxplan.framework import STRATEGY_QUESTIONS
from kxplan.tui.screens.note import NoteScreen
from kxplan.tui.screens.row_editor import RowEditor
from kxplan.tui.steps.base import NotesArea
from kxplan.tui.widgets.key_footer import KeyFooter

PROJECTOR = (100, 30)
SSH = (80, 24)

LONG = (
    "Customers ring us to ask where the tram is, because the app shows the timetable and "
    "not the delays. The night buses have no real-time data at all. Ticket questions come "
    "in by e-mail and wait two days. Complaints about drivers go to a form nobody reads."
)


def centre(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "plan.toml", "contact-centre")


async def go(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.pause()


def lines_shown(notes: TextArea) -> int:
    """Rows of text the note shows inside its frame."""
    return notes.content_region.height


# --- 1. notes ------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "step"), [(PROJECTOR, "1"), (SSH, "2"), (PROJECTOR, "3")])
async def test_notes_grow_with_their_text(
    tmp_path: Path, config_dir: Path, size: tuple[int, int], step: str
) -> None:
    app = make_app(centre(tmp_path), config_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await go(pilot, step)
        if size == PROJECTOR:
            await go(pilot, "q")  # the guiding questions hidden: room for the notes
        notes = app.screen.query_one(f"#step-{step} #notes-today", NotesArea)
        # typing is not the point (the type-ahead tests type): the text arrives at once,
        # with the Changed message typing sends
        await set_value(pilot, f"#step-{step} #notes-today", LONG)
        await pilot.pause()
        wrapped = notes.wrapped_document.height
        assert wrapped > 3
        assert lines_shown(notes) >= min(wrapped, 6)  # not three lines with a scroll bar
        others = app.screen.query(f"#step-{step} NotesArea")
        assert {n.size.height for n in others} == {notes.size.height}  # one row of notes
        assert app.session is not None


async def test_notes_wrap_again_after_a_resize(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(centre(tmp_path), config_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await go(pilot, "2")
        notes = app.screen.query_one("#step-2 #notes-today", NotesArea)
        await go(pilot, "6")
        await pilot.resize_terminal(*SSH)  # while another step shows
        await pilot.pause()
        await go(pilot, "2")
        await pilot.pause()
        width = notes.content_region.width
        assert notes.wrap_width <= width
        sections = [part for line in notes.wrapped_document.lines for part in line]
        assert max(len(part.rstrip()) for part in sections) <= width  # none cut off
        assert max(len(part.rstrip()) for part in sections) > width - 12  # nor still narrow
        assert lines_shown(notes) >= min(notes.wrapped_document.height, 6)


async def test_f3_opens_the_note_full_screen_and_nothing_typed_is_lost(
    tmp_path: Path, config_dir: Path
) -> None:
    path = centre(tmp_path)
    app = make_app(path, config_dir)
    async with app.run_test(size=SSH) as pilot:
        await settle(pilot)
        await go(pilot, "3")
        notes = app.screen.query_one("#step-3 #notes-how", NotesArea)
        notes.focus()
        notes.move_cursor(notes.document.end)
        await go(pilot, "f3")
        assert isinstance(app.screen, NoteScreen)
        big = app.screen.query_one("#note-full", TextArea)
        assert big.has_focus
        assert big.size.width >= 70
        assert big.size.height >= 15
        await pilot.press(*" Fix the ticket form.")
        await pilot.pause()
        assert app.session is not None
        assert app.session.plan.areas.service_friendliness.how.endswith("Fix the ticket form.")
        await go(pilot, "escape")
        assert not isinstance(app.screen, NoteScreen)
        assert notes.text.endswith("Fix the ticket form.")
        await go(pilot, "f3")
        await pilot.press(*" Now.")
        await go(pilot, "ctrl+s")  # back as well
        assert not isinstance(app.screen, NoteScreen)
        assert notes.text.endswith("form. Now.")
        await go(pilot, "ctrl+s")  # and now the plan is saved
    assert "form. Now." in path.read_text(encoding="utf-8")


# --- 2. digits on a drop-down --------------------------------------------------------


async def test_a_digit_on_a_maturity_drop_down_is_its_level(
    tmp_path: Path, config_dir: Path
) -> None:
    app = make_app(centre(tmp_path), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        await go(pilot, "1")
        await go(pilot, "tab")
        assert app.focused is app.screen.query_one("#step-1 #maturity-today")
        await go(pilot, "3")
        walk = app.walk_screen
        assert walk is not None
        assert walk.step_index == 1
        assert app.screen.query_one("#step-1 #maturity-today", Select).value == 3
        assert app.session is not None
        assert app.session.plan.areas.insight.maturity_today == 3
        await go(pilot, "tab", "5")
        assert app.session.plan.areas.insight.maturity_target == 5
        await go(pilot, "8")  # no level 8: swallowed, not a jump
        assert walk.step_index == 1
        await go(pilot, "escape", "3")  # outside the field, digits jump again
        assert walk.step_index == 3


# --- 3. enter in a row form ----------------------------------------------------------


async def test_enter_on_a_closed_drop_down_keeps_the_row(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(centre(tmp_path), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        await go(pilot, "3", "a")
        assert isinstance(app.screen, RowEditor)
        assert app.session is not None
        before = len(app.session.plan.areas.service_friendliness.frictions)
        await pilot.press(*"Ticket machine rejects cards")
        await go(pilot, "tab")  # the stage drop-down
        assert isinstance(app.focused, Select)
        await go(pilot, "space")  # space opens it
        assert app.focused is not None
        assert app.focused.parent is not None
        await go(pilot, "down", "enter")  # enter in the open list picks
        assert isinstance(app.screen, RowEditor)
        assert isinstance(app.focused, Select)
        await go(pilot, "enter")  # enter on the closed drop-down keeps the row
        assert not isinstance(app.screen, RowEditor)
        frictions = app.session.plan.areas.service_friendliness.frictions
        assert len(frictions) == before + 1
        assert frictions[-1].title == "Ticket machine rejects cards"
        assert frictions[-1].stage == "after"  # one down from the default, "during"


async def test_a_default_choice_is_not_offered_twice(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(centre(tmp_path), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        await go(pilot, "7", "a")
        buy_in = app.screen.query_one("#field-buy_in", Select)
        assert buy_in.value == "unknown"
        prompts = [str(prompt) for prompt, _value in buy_in._options]
        assert "(none)" not in prompts
        assert "Unknown" in prompts


# --- 5. the footer -------------------------------------------------------------------


def check_footer(app: object, width: int, where: str) -> None:
    from kxplan.tui.app import KxplanApp

    assert isinstance(app, KxplanApp)
    footer = app.screen.query_one(KeyFooter)
    keys = list(footer.query(FooterKey))
    by_key = {key.key: key for key in keys}
    palette = next(key for key in keys if key.has_class("-command-palette"))
    for needed in ("ctrl+s", "f1", "ctrl+q"):
        assert needed in by_key, (where, width, needed)
        region = by_key[needed].region
        assert region.width > 0, (where, width, needed)
        assert region.right <= palette.region.x, (where, width, needed)
    for key in keys:  # nothing drawn over the palette's hint
        if key is not palette:
            assert key.region.right <= palette.region.x, (where, width, key.key)
    labels = {by_key["f1"].description, by_key["ctrl+q"].description}
    assert labels == {"Close" if where == "help" else "Help", "Quit"}, where


WIDTHS = ((80, 24), (100, 30), (120, 30))


async def check_footer_at_every_width(pilot: Pilot[None], where: str) -> None:
    """Resize through :data:`WIDTHS` on the screen shown and check its footer at each,
    ending at the first size again."""
    for width, height in (*WIDTHS[1:], WIDTHS[0]):
        await pilot.resize_terminal(width, height)
        await settle(pilot)
        check_footer(pilot.app, width, where)


async def test_save_help_and_quit_show_on_every_screen(tmp_path: Path, config_dir: Path) -> None:
    """Every screen at 80, 100 and 120 columns (one run, resized on each screen)."""
    app = make_app(centre(tmp_path), config_dir)
    async with app.run_test(size=WIDTHS[0]) as pilot:
        await settle(pilot)
        for step in "012345678":
            await go(pilot, step)
            await check_footer_at_every_width(pilot, f"step {step}")
        for opening, where in (
            (("f1",), "help"),
            (("i",), "initiative editor"),
            (("f4",), "timebox"),
            (("f6",), "versions"),
            (("ctrl+o",), "welcome"),
        ):
            await go(pilot, "1", *opening)
            await check_footer_at_every_width(pilot, where)
            if where == "welcome":
                break
            await go(pilot, "escape", "escape")
        await go(pilot, "enter")  # a recent plan again
        await go(pilot, "2", "a")
        await check_footer_at_every_width(pilot, "row form")
        assert app.screen.query_one(KeyFooter).query(FooterKey)
        await go(pilot, "escape", "tab", "tab", "tab", "f3")
        await check_footer_at_every_width(pilot, "full-screen note")
        await go(pilot, "escape", "escape", "6", "d")
        await check_footer_at_every_width(pilot, "spread")
        for opening, where in (("s", "scoring settings"), ("g", "scores grid")):
            await go(pilot, "escape", "6", opening)
            await check_footer_at_every_width(pilot, where)


async def test_f1_helps_and_ctrl_s_saves_from_a_dialog(tmp_path: Path, config_dir: Path) -> None:
    path = centre(tmp_path)
    app = make_app(path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        await go(pilot, "2", "tab", "tab", "tab")
        await pilot.press(*"More chat.")
        await go(pilot, "f6")  # the versions list
        await go(pilot, "ctrl+s")
        assert "More chat." in path.read_text(encoding="utf-8")
        await go(pilot, "f1")
        from kxplan.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        await go(pilot, "f1")
        assert not isinstance(app.screen, HelpScreen)


# --- 14. smaller things --------------------------------------------------------------


async def test_a_new_plans_title_is_selected_on_entry(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(None, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        app.new_from_template("blank")
        await settle(pilot)
        await go(pilot, "tab")
        title = app.screen.query_one("#plan-title", Input)
        assert app.focused is title
        await pilot.press(*"Tram service")
        await go(pilot, "tab", "shift+tab")
        await pilot.press(*" 2027")
        await pilot.pause()
        assert app.session is not None
        assert app.session.plan.title == "Tram service 2027"  # replaced once, then kept


async def test_a_long_title_shows_its_start_after_leaving_it(
    tmp_path: Path, config_dir: Path
) -> None:
    app = make_app(centre(tmp_path), config_dir)
    async with app.run_test(size=SSH) as pilot:
        await settle(pilot)
        await go(pilot, "tab")
        title = app.screen.query_one("#plan-title", Input)
        await pilot.press("end", *" and a much longer title than the field can show at once")
        await pilot.pause()
        assert title.scroll_x > 0
        await go(pilot, "tab")
        assert title.scroll_x == 0
        assert "Service centre" in "".join(s.text for s in title.render_line(0))


async def test_each_area_has_its_own_note_hints(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(centre(tmp_path), config_dir)
    overview = {hint for _key, _question, hint in STRATEGY_QUESTIONS}
    seen: set[str] = set()
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        for step in "1234567":
            await go(pilot, step)
            for notes in app.screen.query(f"#step-{step} NotesArea"):
                hint = str(notes.placeholder)
                assert hint, step
                assert hint not in overview, (step, hint)
                assert hint not in seen, (step, hint)
                seen.add(hint)


async def test_the_help_key_column_is_as_wide_as_its_keys(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(centre(tmp_path), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        await go(pilot, "f1")
        keys = app.screen.query_one("#keys")
        text = "\n".join("".join(s.text for s in keys.render_line(y)) for y in range(60))
        line = next(line for line in text.splitlines() if line.lstrip().startswith("f1 or ?"))
        assert line.index("This help") < 30  # not half the dialog's width


async def test_the_theme_is_remembered_and_can_be_chosen(tmp_path: Path, config_dir: Path) -> None:
    path = centre(tmp_path)
    app = make_app(path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await go(pilot, "ctrl+t")
        assert app.theme == "textual-light"
    again = make_app(path, config_dir)
    async with again.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"  # kept from the last run
    chosen = make_app(path, config_dir)
    chosen.start_theme = "nord"  # as --theme nord sets it
    async with chosen.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        assert chosen.theme == "nord"


def test_an_unknown_theme_is_one_line_and_status_2(tmp_path: Path) -> None:
    from support import invoke

    path = write_plan(tmp_path / "plan.toml")
    result = invoke("open", "--theme", "pink", path)
    assert result.exit_code == 2
    assert "--theme: expected one of dark, light" in result.stderr
    assert "Traceback" not in result.stderr
    from kxplan.tui import check_theme

    assert check_theme("light") == "textual-light"


async def test_f12_saves_a_screenshot_beside_the_plan(tmp_path: Path, config_dir: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    app = make_app(write_plan(folder / "tram.toml"), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        await go(pilot, "f12")
        shots = list(folder.glob("tram-screen-*.svg"))
        assert len(shots) == 1
        assert "<svg" in shots[0].read_text(encoding="utf-8")
        assert any(str(shots[0]) in str(n.message) for n in app._notifications)


async def test_a_click_on_the_step_bar_goes_to_that_step(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(centre(tmp_path), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        bar = app.screen.query_one("#step-bar")
        text = str(bar.render())
        await pilot.click("#step-bar", offset=(text.index("3 Service") + 2, 0))
        await pilot.pause()
        await pilot.pause()
        walk = app.walk_screen
        assert walk is not None
        assert walk.step_index == 3


async def test_the_palette_lists_the_keys_once(tmp_path: Path, config_dir: Path) -> None:
    from kxplan.tui.commands import commands

    app = make_app(centre(tmp_path), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        names = [name for name, _help, _run, _others in commands(app)]
        names += [c.title for c in app.get_system_commands(app.screen)]
        assert [n for n in names if "keys" in n.casefold()] == ["Help: keys"]
        assert names.count("Screenshot") == 1


# --- 10. the initiative editor ---------------------------------------------------------

CRITERIA = {"method": "weighted", "criteria": [{"id": "reach-public", "label": "Public reach"}]}


@pytest.mark.parametrize("size", [PROJECTOR, SSH])
async def test_the_editor_asks_first_what_a_room_gives_first(
    tmp_path: Path, config_dir: Path, size: tuple[int, int]
) -> None:
    from kxplan.tui.screens.initiative_editor import InitiativeEditor
    from kxplan.tui.widgets.tick_list import TickList

    app = make_app(write_plan(tmp_path / "plan.toml", scoring=CRITERIA), config_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await go(pilot, "3", "i")
        editor = app.screen
        assert isinstance(editor, InitiativeEditor)
        form = editor.query_one("#form")
        assert form.virtual_size.width <= form.size.width  # nothing wider than the screen
        await pilot.press(*"Real-time tram times", "tab", "2", "tab", "4", "tab", "3", "tab")
        await pilot.pause()
        status = editor.query_one("#status", Select)
        assert app.focused is status  # four tabs, not twenty-five
        await go(pilot, "space")
        overlay = status.query_one("SelectOverlay")
        assert overlay.region.bottom <= size[1]  # the open list fits on the screen
        assert overlay.region.height >= 5
        await go(pilot, "down", "enter")
        assert status.value == "planned"
        await go(pilot, "tab")
        areas = editor.query_one("#areas", TickList)
        assert app.focused is areas
        ticked = "".join(s.text for s in areas.render_line(2))  # 3. Service friendliness
        unticked = "".join(s.text for s in areas.render_line(0))
        assert "X" in ticked[:4]
        assert "X" not in unticked[:4]
        for key, typed in (
            ("confidence", "80"),
            ("reach", "5000"),
            ("time_criticality", "4"),
            ("risk_reduction", "2"),
            ("criterion-reach-public", "5"),
        ):
            field = editor.query_one(f"#{key}", Input)
            field.focus()
            await pilot.pause()
            await pilot.press(*typed)
        await go(pilot, "ctrl+s")
        assert not isinstance(app.screen, InitiativeEditor)
    assert app.session is not None
    item = app.session.plan.initiatives[-1]
    assert (item.title, item.effort, item.customer_value, item.efficiency) == (
        "Real-time tram times",
        2,
        4,
        3,
    )
    assert (item.status, item.areas) == ("planned", ["service_friendliness"])
    assert (item.confidence, item.reach, item.time_criticality, item.risk_reduction) == (
        80,
        5000,
        4,
        2,
    )
    assert item.criteria == {"reach-public": 5}


async def test_a_criterion_off_its_scale_is_refused_in_place(
    tmp_path: Path, config_dir: Path
) -> None:
    from kxplan.tui.screens.initiative_editor import InitiativeEditor

    app = make_app(write_plan(tmp_path / "plan.toml", scoring=CRITERIA), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await settle(pilot)
        await go(pilot, "i")
        await pilot.press(*"Night bus data")
        editor = app.screen
        assert isinstance(editor, InitiativeEditor)
        for key in ("criterion-reach-public", "time_criticality"):
            editor.query_one(f"#{key}", Input).focus()
            await pilot.pause()
            await pilot.press("9")
        await go(pilot, "ctrl+s")
        assert isinstance(app.screen, InitiativeEditor)  # refused
        assert "from 1 to 5, got 9" in str(
            editor.query_one("#criterion-reach-public-error").render()
        )
        assert "from 1 to 5, got 9" in str(editor.query_one("#time_criticality-error").render())


async def test_every_score_label_stands_apart_from_its_input(
    tmp_path: Path, config_dir: Path
) -> None:
    """ "Time criticality" ran straight into its value ("Time criticality4")."""
    from textual.widgets import Input, Label

    from kxplan.tui.screens.initiative_editor import InitiativeEditor

    app = make_app(write_plan(tmp_path / "plan.toml", scoring=CRITERIA), config_dir)
    async with app.run_test(size=SSH) as pilot:
        await settle(pilot)
        await go(pilot, "3", "i")
        editor = app.screen
        assert isinstance(editor, InitiativeEditor)
        rows = list(editor.query(".score"))
        assert len(rows) >= 7  # three first scores, four more and the criterion
        for row in rows:
            label, field = row.query_one(Label), row.query_one(Input)
            text = str(label.render())
            assert len(text) < label.size.width, text  # at least one blank cell after it
            assert label.region.right <= field.region.x, text
