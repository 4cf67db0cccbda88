"""Someone else saved the plan's file while it was open: the dialog shows what they
changed and offers to merge, reload theirs or keep mine (whole flows, keys in, file out)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from app_helpers import make_app
from support import TEMPLATES, write_base_plan
from textual.widgets import Button, Input, Static

from kxplan import storage
from kxplan.model.followup import Reading
from kxplan.tui.screens.confirm import Confirm
from kxplan.tui.screens.disk_changed import ResolveConflicts, what_they_changed
from kxplan.tui.widgets.step_bar import StepBar


async def type_title(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one("#plan-title", Input)
    field.focus()
    await pilot.press("ctrl+shift+a", *text)
    await pilot.pause()


def their_edit(path: Path, *, title: str | None = None) -> None:
    """A colleague edits the file by hand: a new organisation with a comment, faq re-scored."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('organisation = "Acme"', 'organisation = "Acme AB"  # agreed with the CEO')
    text = text.replace('id = "faq"\ntitle = "FAQ"', 'id = "faq"\ntitle = "FAQ"\n# re-scored')
    text = text.replace("effort = 1\ncustomer_value = 2", "effort = 3\ncustomer_value = 2")
    if title is not None:
        text = text.replace('title = "Kundservice 2027"', f'title = "{title}"')
    path.write_text(text, encoding="utf-8")


def dialog_text(screen: Confirm) -> str:
    return str(screen.query_one("#confirm-message", Static).render())


async def test_merge_keeps_their_edit_and_mine_and_their_comments(
    tmp_path: Path, config_dir: Path
) -> None:
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_title(pilot, "Mine")
        their_edit(path)  # someone else saves meanwhile
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert app.screen.question_title == "File changed on disk"
        shown = dialog_text(app.screen)
        assert "They changed:" in shown
        assert "organisation" in shown
        assert "FAQ: effort 1 → 3" in shown  # by title and label, not by id and key path
        assert "merge keeps both" in shown
        await pilot.press("enter")  # Merge has the focus
        await pilot.pause()
        assert app.screen.sub_title == "plan.toml"  # saved
    plan = storage.load(path)
    assert plan.title == "Mine"
    assert plan.organisation == "Acme AB"
    assert plan.initiative("faq").effort == 3
    text = path.read_text(encoding="utf-8")
    assert 'organisation = "Acme AB"  # agreed with the CEO' in text
    assert "# re-scored" in text


async def test_both_changed_the_title_asks_whose_to_keep(tmp_path: Path, config_dir: Path) -> None:
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_title(pilot, "Mine")
        their_edit(path, title="Theirs")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "You both changed 1 thing" in dialog_text(app.screen)  # type: ignore[arg-type]
        await pilot.press("enter")  # Merge
        await pilot.pause()
        assert isinstance(app.screen, ResolveConflicts)
        assert [c.where() for c in app.screen.conflicts] == ["title"]
        labels = [str(b.label) for b in app.screen.query("RadioButton")]
        assert labels == ["Mine: Mine", "Theirs: Theirs"]
        await pilot.press("down", "enter")  # theirs
        await pilot.pause()
        assert app.screen.picks == {"title": "theirs"}
        await pilot.click("#answer-merge")
        await pilot.pause()
        assert app.screen.sub_title == "plan.toml"
    plan = storage.load(path)
    assert (plan.title, plan.organisation) == ("Theirs", "Acme AB")
    assert plan.initiative("faq").effort == 3


async def test_reload_theirs_drops_mine_and_keep_mine_overwrites(
    tmp_path: Path, config_dir: Path
) -> None:
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_title(pilot, "Mine")
        their_edit(path)
        theirs = path.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#answer-reload")
        await pilot.pause()
        assert app.session is not None
        assert app.session.plan.title == "Kundservice 2027"
        assert app.session.plan.organisation == "Acme AB"
        assert not app.session.dirty
        assert path.read_bytes() == theirs
        await type_title(pilot, "Mine again")
        their_edit(path, title="Theirs")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#answer-overwrite")  # keep mine
        await pilot.pause()
    assert storage.load(path).title == "Mine again"


async def test_after_a_merge_the_room_stays_on_its_step(tmp_path: Path, config_dir: Path) -> None:
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_title(pilot, "Mine")
        await pilot.press("escape")
        await pilot.press("4")  # Mobility
        await pilot.pause()
        assert app.shown_step() == 4
        their_edit(path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")  # Merge
        await pilot.pause()
        assert app.shown_step() == 4
        assert app.screen.query_one(StepBar).current == 4  # the bar follows the step shown
    assert storage.load(path).organisation == "Acme AB"


def their_many_edits(path: Path, count: int = 20) -> None:
    """A colleague adds many initiatives with long titles: a long list of changes, its
    lines wrapped."""
    data = storage.load(path).model_dump(by_alias=True)
    first = data["initiatives"][0]
    data["initiatives"] += [
        {
            **first,
            "id": f"new-{n}",
            "title": f"New idea {n} for the customers who call late in the evening about orders",
        }
        for n in range(count)
    ]
    storage.save(storage.validate(data), path)


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_a_long_list_of_changes_scrolls_and_the_buttons_stay_in_sight(
    tmp_path: Path, config_dir: Path, size: tuple[int, int]
) -> None:
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    app = make_app(path, config_dir)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await type_title(pilot, "Mine")
        their_many_edits(path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, Confirm)
        assert "and 9 more" in dialog_text(screen)  # the list is long
        dialog = screen.query_one("#confirm").region
        for button in screen.query(Button):
            region = button.region
            assert region.height == 1, button.id
            assert dialog.contains_region(region), button.id  # on screen, inside the dialog
        changes = screen.query_one("#disk-changes")
        assert changes.max_scroll_y > 0  # what they changed scrolls instead
        await pilot.press("ctrl+s")  # the footer says: ctrl+s merges
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert app.screen.sub_title == "plan.toml"  # merged and saved
    plan = storage.load(path)
    assert plan.title == "Mine"
    assert plan.initiative("new-19").title.startswith("New idea 19 ")


async def test_escape_in_the_disk_changed_dialog_cancels(tmp_path: Path, config_dir: Path) -> None:
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_title(pilot, "Mine")
        their_edit(path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert app.session is not None
        assert app.session.dirty  # nothing saved, mine kept
    assert storage.load(path).organisation == "Acme AB"


def test_the_dialog_names_readings_and_row_fields_in_words() -> None:
    old = storage.load(TEMPLATES / "contact-centre.toml")
    new = old.model_copy(deep=True)
    new.areas.insight.kpis[0].readings = [Reading(date=datetime.date(2026, 11, 1), value=62)]
    new.areas.unnecessary_demand.contact_reasons[0].monthly_volume = 2450
    shown = what_they_changed(old, new)
    assert "KPI CSAT / phone: reading 1 November 2026 (62) added" in shown
    assert any(
        line.startswith("Contact reason Where is my order? / phone: monthly volume")
        for line in shown
    )
    assert not any("readings" in line or "monthly_volume" in line for line in shown)
