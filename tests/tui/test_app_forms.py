"""The row editor's fields come from the row models; typed text becomes a valid row or
a message per field."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import fill, make_app, write_plan
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from kxplan.model import Channel, ContactReason, Friction, Kpi, MobilityCheck, Stakeholder
from kxplan.tui.forms import (
    field_text,
    form_fields,
    parse_number,
    parse_row,
    parse_whole,
    partial_row,
    trimmed,
)
from kxplan.tui.screens.row_editor import RowEditor
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.tables import number


def kinds(model: type) -> dict[str, tuple[str, bool]]:
    return {f.name: (f.kind, f.optional) for f in form_fields(model)}


def test_fields_follow_the_model_types() -> None:
    assert kinds(Channel) == {
        "name": ("text", False),
        "preference": ("float", True),
        "customer_value": ("int", True),
        "cost_per_contact": ("float", True),
        "hours": ("text", True),
        "staffing": ("text", True),
        "decision": ("choice", True),
        "notes": ("text", True),
    }
    assert kinds(Kpi)["measure"] == ("choice", False)
    assert kinds(Stakeholder)["stages"] == ("choices", True)
    stages = next(f for f in form_fields(Stakeholder) if f.name == "stages")
    assert stages.choices == ("before", "during", "after")


def test_text_becomes_typed_values() -> None:
    fields = form_fields(ContactReason)
    row, errors = parse_row(
        ContactReason,
        fields,
        {"reason": "Invoice?", "monthly_volume": "1500", "demand": "failure", "avoidable": "60,5"},
    )
    assert errors == {}
    assert row == ContactReason(
        reason="Invoice?", monthly_volume=1500, demand="failure", avoidable=60.5
    )


def test_each_wrong_field_gets_its_own_message() -> None:
    fields = form_fields(ContactReason)
    row, errors = parse_row(
        ContactReason, fields, {"reason": "", "monthly_volume": "1.5", "avoidable": "120"}
    )
    assert row is None
    assert errors == {
        "reason": "required",
        "monthly_volume": "expected a whole number, got '1.5'",
        "avoidable": "expected a number at most 100, got 120",
    }


def test_unknown_choices_in_a_list_are_named() -> None:
    row, errors = parse_row(
        Stakeholder, form_fields(Stakeholder), {"name": "IT", "stages": "before, later"}
    )
    assert row is None
    assert errors == {"stages": "expected some of before, during, after, got 'later'"}


@settings(max_examples=60)
@given(
    name=st.text(min_size=1, max_size=30).filter(lambda s: s.strip() and "," not in s),
    preference=st.none() | st.integers(0, 100),
    cost=st.none() | st.floats(0, 10_000, allow_nan=False).map(lambda x: round(x, 2)),
    value=st.none() | st.integers(1, 5),
)
def test_a_row_shown_in_the_form_reads_back_unchanged(
    name: str, preference: int | None, cost: float | None, value: int | None
) -> None:
    channel = Channel(name=name, preference=preference, cost_per_contact=cost, customer_value=value)
    fields = form_fields(Channel)
    texts = {spec.name: field_text(channel, spec) for spec in fields}
    row, errors = parse_row(Channel, fields, texts)
    assert errors == {}
    assert row == channel.model_copy(update={"name": trimmed(name)})


def test_numbers_are_written_as_people_write_them() -> None:
    assert number(None) == ""
    assert number(4000.0, "EUR") == "4\u202f000\u00a0EUR"  # the unit never wraps away
    assert number(2.5, "%") == "2.5\u00a0%"
    assert number(0.125) == "0.12"


# --- stages: the labels the table shows, the keys, in any case --------------------------


def stages_of(text: str) -> tuple[object, dict[str, str]]:
    row, errors = parse_row(Stakeholder, form_fields(Stakeholder), {"name": "IT", "stages": text})
    return (row.stages if isinstance(row, Stakeholder) else None), errors


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        ("Before", ["before"]),
        ("before purchase", ["before"]),
        ("Before purchase, During", ["before", "during"]),
        ("AFTER, before purchase", ["before", "after"]),  # the walk's order
        ("before, before, Before purchase", ["before"]),  # once each
    ],
)
def test_stages_take_labels_and_keys_once_each_in_walk_order(text: str, stages: list[str]) -> None:
    assert stages_of(text) == (stages, {})


def test_stages_show_as_the_table_shows_them_and_read_back() -> None:
    row = Stakeholder(name="IT", stages=["before", "after"])
    spec = next(f for f in form_fields(Stakeholder) if f.name == "stages")
    assert field_text(row, spec) == "Before purchase, After purchase"
    assert stages_of(field_text(row, spec)) == (["before", "after"], {})


# --- numbers as the app writes them -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["1 000", "1\u00a0000", "1\u202f000", "1\u2009000", "1000", "1000.0", "1 000,0", "1000.00"],
)
def test_whole_numbers_take_digit_groups_and_an_integral_decimal(text: str) -> None:
    assert parse_whole(text) == 1000
    assert parse_number(text) == 1000.0


@pytest.mark.parametrize(
    "text", ["5.5", "5,5", "10 00", "1 0000", "five", "", "1e400", "1,000", "1.000"]
)
def test_whole_numbers_refuse_fractions_and_odd_groups(text: str) -> None:
    assert parse_whole(text) is None


def test_numbers_read_back_as_the_tables_show_them() -> None:
    assert parse_whole(number(2600.0)) == 2600
    assert parse_number(number(1234.5)) == 1234.5
    assert parse_number("2,5") == 2.5


def test_a_form_takes_the_apps_own_number_format() -> None:
    row, errors = parse_row(
        ContactReason,
        form_fields(ContactReason),
        {"reason": "Invoice?", "monthly_volume": "1\u202f000", "avoidable": "12,5"},
    )
    assert errors == {}
    assert isinstance(row, ContactReason)
    assert (row.monthly_volume, row.avoidable) == (1000, 12.5)
    fields = form_fields(Friction)
    row, errors = parse_row(Friction, fields, {"title": "Slow", "severity": "5.0"})
    assert (errors, getattr(row, "severity", None)) == ({}, 5)
    row, errors = parse_row(Friction, fields, {"title": "Slow", "severity": "5,5"})
    assert errors == {"severity": "expected a whole number, got '5,5'"}


@pytest.mark.parametrize("typed", ["1,000", "12.500", "1,000,000"])
def test_a_number_that_reads_two_ways_is_refused_not_guessed(typed: str) -> None:
    """1,000 is a thousand to some and one to others (decimal comma): ask, never guess."""
    errors = parse_row(Channel, form_fields(Channel), {"name": "Phone", "cost_per_contact": typed})[
        1
    ]
    assert errors == {
        "cost_per_contact": f"{typed!r} could be read two ways: write thousands with a space "
        "(1 000) and decimals with one comma or point (1,5)"
    }
    row, errors = parse_row(
        Channel, form_fields(Channel), {"name": "P", "cost_per_contact": "12,50"}
    )
    assert (errors, getattr(row, "cost_per_contact", None)) == ({}, 12.5)


def test_a_number_too_large_is_named_as_typed() -> None:
    errors = parse_row(Kpi, form_fields(Kpi), {"measure": "csat", "target": "1e400"})[1]
    assert errors == {"target": "expected a number, got '1e400', which is too large"}


# --- text: spaces around one line go, several lines stay as they are ---------------------


def test_spaces_around_single_line_text_are_dropped() -> None:
    row, errors = parse_row(
        Channel,
        form_fields(Channel),
        {"name": " phone ", "hours": "\u00a0Mon–Fri ", "notes": " x "},
    )
    assert errors == {}
    assert isinstance(row, Channel)
    assert (row.name, row.hours, row.notes) == ("phone", "Mon–Fri", "x")
    assert trimmed("  first line\n  second line\n") == "  first line\n  second line\n"


def test_a_name_of_only_spaces_is_required() -> None:
    row, errors = parse_row(Channel, form_fields(Channel), {"name": "   "})
    assert (row, errors) == (None, {"name": "required"})


# --- mobility checks: the wording the table shows --------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Readable and usable on a phone", "readable AND usable on a phone", "readable_on_phone"],
)
def test_a_standard_checks_wording_or_key_gives_its_key(text: str) -> None:
    row, errors = parse_row(
        MobilityCheck, form_fields(MobilityCheck), {"channel": "web", "check": text}
    )
    assert errors == {}
    assert isinstance(row, MobilityCheck)
    assert row.check == "readable_on_phone"


def test_a_check_of_ones_own_stays_as_typed_and_standard_ones_show_their_wording() -> None:
    fields = form_fields(MobilityCheck)
    row, _errors = parse_row(MobilityCheck, fields, {"channel": "web", "check": " Works offline "})
    assert isinstance(row, MobilityCheck)
    assert row.check == "Works offline"
    spec = next(f for f in fields if f.name == "check")
    assert field_text(MobilityCheck(channel="web", check="mobile_payment"), spec) == (
        "Payment works on a phone"
    )


# --- messages --------------------------------------------------------------------------------


def test_an_empty_required_choice_says_choose_one() -> None:
    assert parse_row(Kpi, form_fields(Kpi), {})[1] == {"measure": "required: choose one"}


def test_the_rest_of_a_row_can_be_checked_while_one_field_is_wrong() -> None:
    fields = form_fields(Kpi)
    texts = {"measure": "nps", "baseline": "-150", "target": "1e400"}
    assert parse_row(Kpi, fields, texts)[0] is None
    row = partial_row(Kpi, fields, texts)
    assert isinstance(row, Kpi)
    assert (row.baseline, row.target) == (-150, None)
    assert partial_row(Kpi, fields, {"baseline": "-150"}) is None  # no measure: no row


async def open_form(pilot: Pilot[None], step: str, table: str, key: str = "a") -> RowEditor:
    await pilot.pause()
    await pilot.press(step)
    pilot.app.screen.query_one(f"#table-{table}").focus()
    await pilot.press(key)
    await pilot.pause()
    editor = pilot.app.screen
    assert isinstance(editor, RowEditor)
    return editor


def shown_error(editor: RowEditor, name: str) -> str:
    error = editor.query_one(f"#error-{name}", Static)
    return str(error.render()) if error.display else ""


async def test_required_fields_say_so_once_typed_in_or_on_keep(
    tmp_path: Path, config_dir: Path
) -> None:
    app = make_app(write_plan(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_form(pilot, "1", "kpis")
        assert shown_error(editor, "measure") == ""  # nothing typed yet: no complaint
        assert str(editor.query_one("#row-status", Static).render()) == (
            "Fill in the fields marked *."
        )
        assert editor.query_one("#keep", Button).disabled
        await pilot.press("f10")
        await pilot.pause()
        assert app.screen is editor
        assert shown_error(editor, "measure") == "required: choose one"
        assert "see the messages under the fields" in str(list(app._notifications)[-1].message)
    app = make_app(write_plan(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_form(pilot, "2", "channels")
        assert shown_error(editor, "name") == ""
        await fill(pilot, {"name": "Ph"}, typing=True)
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert shown_error(editor, "name") == "required"


async def test_hints_say_whole_number_and_what_a_blank_channel_means(
    tmp_path: Path, config_dir: Path
) -> None:
    app = make_app(write_plan(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_form(pilot, "1", "kpis")
        assert editor.query_one("#field-channel", Input).placeholder == "blank: all channels"
        assert editor.query_one("#field-baseline", Input).placeholder == "a number"
        await pilot.press("escape")
        editor = await open_form(pilot, "3", "frictions")
        assert editor.query_one("#field-severity", Input).placeholder == "a whole number"
        await pilot.press("escape")
        editor = await open_form(pilot, "4", "checks")
        assert editor.query_one("#field-check", Input).placeholder == (
            "a standard check or your own words"
        )


async def test_a_range_shows_while_another_field_cannot_be_read(
    tmp_path: Path, config_dir: Path
) -> None:
    app = make_app(write_plan(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_form(pilot, "1", "kpis")
        await fill(pilot, {"measure": "NPS", "baseline": "-150", "target": "1e400"})
        assert editor.query_one("#field-measure").value == "nps"  # type: ignore[attr-defined]
        assert "too large" in shown_error(editor, "target")
        assert (
            shown_error(editor, "baseline") == "expected a value on NPS's −100…100 scale, got -150"
        )


async def test_a_standard_check_edits_by_its_wording(tmp_path: Path, config_dir: Path) -> None:
    path = write_plan(
        tmp_path / "plan.toml",
        areas={"mobility": {"checks": [{"channel": "web", "check": "readable_on_phone"}]}},
    )
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_form(pilot, "4", "checks", "e")
        wording = "Readable and usable on a phone"
        assert editor.query_one("#field-check", Input).value == wording
        await pilot.press("escape")
        editor = await open_form(pilot, "4", "checks", "a")
        await fill(pilot, {"channel": "Web", "check": wording.lower()})
        assert "appears twice in checks" in str(editor.query_one("#row-status").render())
        await fill(pilot, {"check": "payment works on a phone"})
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        checks = app.screen.session.plan.areas.mobility.checks
        assert [(c.channel, c.check) for c in checks][-1] == ("Web", "mobile_payment")


async def test_stages_typed_as_the_table_shows_them_are_kept(
    tmp_path: Path, config_dir: Path
) -> None:
    app = make_app(write_plan(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_form(pilot, "7", "stakeholders")
        await fill(
            pilot, {"name": "Sales ", "stages": "After purchase, Before, before"}, typing=True
        )
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        stakeholder = app.screen.session.plan.areas.anchoring.stakeholders[0]
        assert (stakeholder.name, stakeholder.stages) == ("Sales", ["before", "after"])


async def test_an_optional_fields_problem_shows_at_once(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(write_plan(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_form(pilot, "1", "kpis")
        await fill(pilot, {"measure": "Custom"})
        assert shown_error(editor, "name") == "a custom measure needs a name"
