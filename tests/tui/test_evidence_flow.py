"""Evidence and follow-up in the app, keys in and the saved file out: linking an
initiative to the rows it addresses, adding a KPI reading, marking an initiative done
with what it actually took."""

from __future__ import annotations

import datetime
from pathlib import Path

from app_helpers import make_app, set_value, settle
from support import FIXED_NOW
from textual.widgets import Input, Static

from kxplan import storage, templates
from kxplan.model.evidence import Link
from kxplan.model.followup import Reading
from kxplan.tui.screens.actuals import ActualsDialog, LogOffer
from kxplan.tui.screens.link_picker import LinkPicker
from kxplan.tui.screens.reading import ReadingDialog
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.widgets.area_table import AreaTable


def contact_centre(path: Path) -> Path:
    storage.save(templates.new_plan("contact-centre", now=FIXED_NOW), path)
    return path


async def test_linking_an_initiative_from_the_editor(tmp_path: Path, config_dir: Path) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("5", "i")
        await pilot.pause()
        await set_value(pilot, "#title", "Tracking by text message")
        await pilot.press("f4")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, LinkPicker)
        await pilot.press(*"order")  # filter by typing
        await pilot.pause()
        assert "order" in str(picker.query_one("#link-filter", Static).render())
        await pilot.press("space")  # tick the first row shown
        await pilot.press("enter")  # keep
        await pilot.pause()
        editor = app.screen
        shown = str(editor.query_one("#addresses-shown", Static).render())
        assert "Where is my order?" in shown
        await pilot.press("ctrl+s")  # keep the initiative
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        await pilot.press("ctrl+s")  # save the plan
        await settle(pilot)
    plan = storage.load(path)
    item = next(i for i in plan.initiatives if i.title == "Tracking by text message")
    assert len(item.addresses) == 1
    assert item.addresses[0].table == "contact_reasons"
    assert item.addresses[0].key[0] == "Where is my order?"
    assert "addresses = [" in path.read_text(encoding="utf-8")


async def test_a_link_shows_in_the_area_table(tmp_path: Path, config_dir: Path) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    plan = storage.load(path)
    reason = plan.areas.unnecessary_demand.contact_reasons[0]
    for item in plan.initiatives:  # the template's own links aside
        item.addresses = []
    first = plan.initiatives[0]
    first.addresses = [Link(table="contact_reasons", key=[reason.reason, reason.channel])]
    storage.save(plan, path)
    app = make_app(path, config_dir)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await pilot.pause()
        table = app.screen.query_one("#table-contact_reasons", AreaTable)
        headers = [str(column.label) for column in table.ordered_columns]
        assert headers[-1] == "Addressed by"
        assert str(table.get_row_at(0)[-1]) == first.title
        assert str(table.get_row_at(1)[-1]) == "✗ nobody"
        status = str(app.screen.query_one("#initiative-count", Static).render())
        count = len(plan.areas.unnecessary_demand.contact_reasons) - 1
        assert f"✗ {count} rows nobody addresses yet" in status


async def test_adding_a_kpi_reading(tmp_path: Path, config_dir: Path) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        table = app.screen.query_one("#table-kpis", AreaTable)
        table.focus()
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReadingDialog)
        await set_value(pilot, "#reading-date", "2026-01-31")
        await pilot.press("enter", *"999")  # on to the value; off the scale: refused
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        error = str(dialog.query_one("#reading-value-error", Static).render())
        assert error.startswith("expected a value on")
        await set_value(pilot, "#reading-value", "")
        await pilot.press("4", "enter")  # value, on to the source
        await pilot.press(*"survey", "enter", *"after the campaign", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
    kpi = storage.load(path).areas.insight.kpis[0]
    assert [(r.date, r.value, r.source, r.note) for r in kpi.readings] == [
        (datetime.date(2026, 1, 31), 4, "survey", "after the campaign")
    ]


async def test_marking_an_initiative_done_asks_for_actuals(
    tmp_path: Path, config_dir: Path
) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    before = storage.load(path).initiatives[0]
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("enter")  # the top initiative of the ranking
        await pilot.pause()
        editor = app.screen
        title = editor.query_one("#title", Input).value
        editor.query_one("#status").focus()
        await pilot.press("space")
        await pilot.press(*"done", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ActualsDialog)
        await set_value(pilot, "#actuals-finished", "2027-03-31")
        await set_value(pilot, "#actuals-actual_effort", "9")  # off the scale
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "expected a score from" in str(
            dialog.query_one("#actuals-actual_effort-error", Static).render()
        )
        await set_value(pilot, "#actuals-actual_effort", "3")
        await set_value(pilot, "#actuals-outcome", "Calls down a fifth")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogOffer)
        await pilot.press("escape")  # one key skips the log (tests/tui/test_log_flow.py)
        await pilot.pause()
        assert app.screen is editor
        assert editor.query_one("#finished", Input).value == "2027-03-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
    item = next(i for i in storage.load(path).initiatives if i.title == title)
    assert item.status == "done"
    assert (item.finished, item.actual_effort, item.outcome) == (
        datetime.date(2027, 3, 31),
        3,
        "Calls down a fifth",
    )
    assert before.id is not None


async def test_editing_a_kpi_keeps_its_readings_and_reads_a_target_date(
    tmp_path: Path, config_dir: Path
) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    plan = storage.load(path)
    kpi = plan.areas.insight.kpis[0]
    kpi.readings = [Reading(date=datetime.date(2026, 1, 31), value=78)]
    storage.save(plan, path)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        app.screen.query_one("#table-kpis", AreaTable).focus()
        await pilot.press("e")
        await pilot.pause()
        assert not app.screen.query("#field-readings")  # no text field for the readings
        await set_value(pilot, "#field-target_date", "2027-13-01")
        assert "expected a date as YYYY-MM-DD" in str(
            app.screen.query_one("#error-target_date", Static).render()
        )
        await set_value(pilot, "#field-target_date", "2027-12-31")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
    kept = storage.load(path).areas.insight.kpis[0]
    assert kept.target_date == datetime.date(2027, 12, 31)
    assert [(r.date, r.value) for r in kept.readings] == [(datetime.date(2026, 1, 31), 78)]
