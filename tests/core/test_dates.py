"""The one date reader: exactly YYYY-MM-DD (or a TOML date), whoever gives it."""

from __future__ import annotations

import datetime as dt

import pytest

from kxplan.importing import cells
from kxplan.importing.cells import CellRefused
from kxplan.reports.checkin_facts import when_due
from kxplan.text.dates import future_date, is_date, read_date, read_optional_date
from kxplan.tui.initiative_followup import read_date as typed_date

NOT_A_DAY = ["20261204", "2026-W49-5", "2026-W49", "2026-338", "2026-02-30", "2026-12", "4/12"]


def test_a_day_as_yyyy_mm_dd_or_a_toml_date_is_read() -> None:
    assert read_date("2026-12-04") == dt.date(2026, 12, 4)
    assert read_date(" 2026-12-04 ") == dt.date(2026, 12, 4)
    assert read_date(dt.date(2026, 12, 4)) == dt.date(2026, 12, 4)
    assert read_optional_date("  ") is None


@pytest.mark.parametrize("text", NOT_A_DAY)
def test_other_spellings_python_would_take_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"expected a date as YYYY-MM-DD \(e\.g\. 2027-03-31\)"):
        read_date(text)
    assert not is_date(text)


def test_a_date_time_or_a_number_is_not_a_date() -> None:
    for value in (dt.datetime(2026, 12, 4, 10, 0), 20261204, None):
        with pytest.raises(ValueError, match="expected a date as YYYY-MM-DD"):
            read_date(value)


@pytest.mark.parametrize("text", ["20261204", "2026-W49-5"])
def test_every_reader_of_typed_dates_is_the_one_reader(text: str) -> None:
    with pytest.raises(ValueError, match="expected a date as YYYY-MM-DD"):
        typed_date(text)  # the app's forms
    with pytest.raises(CellRefused, match="expected a date as YYYY-MM-DD"):
        cells.date(text)  # a CSV cell
    assert when_due(text) != dt.date(2026, 12, 4)  # an initiative's when is no day


def test_a_csv_timestamp_is_read_by_its_day() -> None:
    assert cells.date("2026-12-04T10:15:00") == dt.date(2026, 12, 4)
    with pytest.raises(CellRefused):
        cells.date("20261204T101500")


def test_the_future_date_message() -> None:
    assert future_date(dt.date(2099, 1, 2)) == "expected a date today or earlier, got 2099-01-02"


def test_log_readings_and_checkins_say_a_future_date_in_one_message() -> None:
    from support import base_data

    from kxplan import storage
    from kxplan.storage import PlanError

    ahead = dt.date(2999, 1, 2)
    data = base_data()
    data["areas"]["insight"]["kpis"][0]["readings"] = [{"date": ahead, "value": 1}]
    data["areas"]["insight"]["log"] = [{"date": ahead, "name": "Later"}]
    data["checkins"] = [{"date": ahead}]
    with pytest.raises(PlanError) as raised:
        storage.validate(data, "plan.toml")
    said = {problem.place.rsplit(".", 1)[0]: problem.message for problem in raised.value.problems}
    assert set(said.values()) == {future_date(ahead)}
    assert len(said) == 3, said
