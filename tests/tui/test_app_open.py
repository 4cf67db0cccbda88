"""Starting: the welcome screen, a broken plan file, a path that does not exist yet,
and the recent-plans list kept in the (test's own) config folder."""

from __future__ import annotations

import json
from pathlib import Path

from app_helpers import make_app, write_plan
from textual.widgets import OptionList, Static

from kxplan import storage
from kxplan.tui.recent import default_config_dir, load_recent, remember
from kxplan.tui.screens.error import ErrorScreen
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.screens.welcome import TemplatePicker, WelcomeScreen

BROKEN = """schema = 1
title = "Broken"

[areas.insight]
maturity_today = 9
"""


async def test_broken_plan_shows_problems_with_lines_and_goes_back_to_welcome(
    tmp_path: Path,
    config_dir: Path,
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN, encoding="utf-8")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        shown = str(app.screen.query_one("#problem-list", Static).render())
        assert "line 5, areas.insight.maturity_today" in shown
        assert "expected a number at most 5, got 9" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_missing_path_starts_a_new_plan_there_from_the_chosen_template(
    tmp_path: Path,
    config_dir: Path,
) -> None:
    path = tmp_path / "new.toml"
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TemplatePicker)
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index("template:contact-centre")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the new plan's language: the app's (English)
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert not path.exists()  # nothing is written until the user saves
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = storage.load(path)
    assert plan.title == storage.load(Path("templates/contact-centre.toml")).title
    assert "template_description" not in plan.extra


async def test_cancelling_the_template_for_a_missing_path_shows_welcome(
    tmp_path: Path,
    config_dir: Path,
) -> None:
    app = make_app(tmp_path / "new.toml", config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_opened_plans_are_remembered_in_the_config_folder_and_listed(
    tmp_path: Path,
    config_dir: Path,
) -> None:
    path = write_plan(tmp_path / "plan.toml")
    assert default_config_dir() == config_dir  # the fixture redirected it away from home
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert json.loads((config_dir / "recent.json").read_text()) == [str(path.resolve())]

    app = make_app(None, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        recent_id = f"recent:{path.resolve()}"
        assert recent_id in ids
        options.highlighted = ids.index(recent_id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert app.screen.sub_title == "plan.toml"


def test_recent_list_puts_the_latest_first_without_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "cfg"
    for name in ("a.toml", "b.toml", "a.toml"):
        remember(folder, tmp_path / name)
    assert load_recent(folder) == [tmp_path / "a.toml", tmp_path / "b.toml"]


def test_a_damaged_recent_list_counts_as_empty(tmp_path: Path) -> None:
    (tmp_path / "recent.json").write_text("{not json", encoding="utf-8")
    assert load_recent(tmp_path) == []


async def test_welcome_starts_a_new_unsaved_plan_from_a_template(
    tmp_path: Path,
    config_dir: Path,
) -> None:
    app = make_app(None, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")  # the first template: blank
        await pilot.pause()
        await pilot.press("enter")  # the new plan's language: the app's (English)
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert app.screen.sub_title == "● (not saved yet)"
        assert app.screen.session.plan.created is not None


def test_a_toml_syntax_error_shows_its_line_and_column() -> None:
    from kxplan import i18n
    from kxplan.storage import Problem
    from kxplan.tui.screens.error import describe_problems

    problems = [Problem("plan.toml", "", 4, "is not valid TOML: Unclosed array", 5)]
    assert describe_problems(problems).plain.startswith("1. line 4, column 5\n")
    with i18n.language("sv"):
        assert describe_problems(problems).plain.startswith("1. rad 4, kolumn 5\n")
