"""Following the strategy: KPI readings and progress, initiatives done with actuals,
and calibration of the estimates."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kxplan import storage
from kxplan.model import Kpi
from kxplan.model.followup import Reading, progress, reading_problems, trend_per_month
from kxplan.scoring.calibration import participant_calibrations, room_calibration
from kxplan.storage import PlanError

KPI = """\
schema = 3
title = "Follow-up"

[[areas.insight.kpis]]
measure = "csat"
baseline = 3.6
target = 4.2
target_date = 2027-06-30
readings = [
    { date = 2026-06-30, value = 3.8, source = "survey Q2" },
    { date = 2026-03-31, value = 3.7 },
]
"""


def kpi(**fields: object) -> Kpi:
    return Kpi.model_validate({"measure": "csat", **fields})


def test_readings_round_trip_and_progress_reads_the_latest() -> None:
    plan = storage.loads(KPI, "plan.toml")
    assert storage.loads(storage.dumps(plan)) == plan

    found = progress(plan.areas.insight.kpis[0])
    assert found.latest is not None
    assert found.latest.value == 3.8
    assert found.share == pytest.approx((3.8 - 3.6) / (4.2 - 3.6))
    assert found.trend_per_month == pytest.approx(0.1 / (91 / (365.25 / 12)))
    assert found.on_track is True  # +0.033 a month for 12 months reaches 4.2


def test_a_kpi_that_should_go_down_is_on_track_when_it_falls_fast_enough() -> None:
    readings = [
        {"date": datetime.date(2026, 1, 31), "value": 300},
        {"date": datetime.date(2026, 7, 31), "value": 240},
    ]
    fast = kpi(baseline=300, target=200, target_date=datetime.date(2027, 3, 31), readings=readings)
    slow = kpi(baseline=300, target=200, target_date=datetime.date(2026, 9, 30), readings=readings)

    assert progress(fast).on_track is True
    assert progress(slow).on_track is False
    assert progress(fast).share == pytest.approx(0.6)


def test_without_a_target_date_or_two_readings_on_track_is_unknown() -> None:
    one = [{"date": datetime.date(2026, 1, 31), "value": 3.7}]
    assert progress(kpi(baseline=3.6, target=4.2, readings=one)).on_track is None
    assert progress(kpi(baseline=3.6, target=4.2, readings=one)).trend_per_month is None
    assert progress(kpi()).share is None


def test_a_reached_target_is_on_track_whatever_the_trend() -> None:
    readings = [
        {"date": datetime.date(2026, 1, 31), "value": 4.5},
        {"date": datetime.date(2026, 2, 28), "value": 4.3},
    ]
    found = progress(kpi(baseline=3.6, target=4.2, readings=readings))
    assert found.reached
    assert found.on_track is True


@given(
    st.floats(-1000, 1000),
    st.floats(-50, 50),
    st.lists(st.integers(0, 2000), min_size=2, max_size=8, unique=True),
)
def test_readings_on_a_straight_line_give_its_slope(
    start: float, slope: float, days: list[int]
) -> None:
    origin = datetime.date(2026, 1, 1)
    readings = [
        Reading(
            date=origin + datetime.timedelta(days=d),
            value=start + slope * d / (365.25 / 12),
        )
        for d in days
    ]
    assert trend_per_month(readings) == pytest.approx(slope, abs=1e-6)


def test_two_readings_on_one_date_are_one_located_line() -> None:
    broken = KPI.replace("2026-03-31", "2026-06-30")
    with pytest.raises(PlanError) as caught:
        storage.loads(broken, "plan.toml")
    assert str(caught.value) == (
        'plan.toml:11: areas.insight.kpis[1] (measure "csat").readings[2].date: '
        "a reading for 2026-06-30 is listed twice"
    )


def test_a_date_written_as_text_asks_for_a_toml_date() -> None:
    broken = KPI.replace("target_date = 2027-06-30", 'target_date = "2027-06-30"')
    with pytest.raises(PlanError) as caught:
        storage.loads(broken, "plan.toml")
    assert str(caught.value) == (
        'plan.toml:8: areas.insight.kpis[1] (measure "csat").target_date: '
        "expected a date like 2026-11-24 (no quotes), got '2027-06-30'"
    )


DONE = """\
schema = 3
title = "Done"
participants = ["Ann", "Bo"]

[[initiatives]]
id = "a"
title = "A"
status = "done"
started = 2026-01-10
finished = 2026-03-01
actual_effort = 4
outcome = "Calls about orders fell by a third."
estimates = [
    { participant = "Ann", effort = 2 },
    { participant = "Bo", effort = 4 },
]

[[initiatives]]
id = "b"
title = "B"
status = "done"
actual_effort = 5
estimates = [
    { participant = "Ann", effort = 3 },
    { participant = "Bo", effort = 5 },
]

[[initiatives]]
id = "c"
title = "C"
status = "planned"
actual_effort = 1
estimates = [{ participant = "Ann", effort = 5 }]
"""


def test_done_initiatives_keep_their_dates_actuals_and_outcome() -> None:
    plan = storage.loads(DONE, "plan.toml")
    first = plan.initiatives[0]
    assert (first.started, first.finished) == (
        datetime.date(2026, 1, 10),
        datetime.date(2026, 3, 1),
    )
    assert first.outcome.startswith("Calls about orders")
    assert storage.loads(storage.dumps(plan)) == plan


def test_finished_before_started_is_refused_where_it_is_written() -> None:
    with pytest.raises(PlanError) as caught:
        storage.loads(DONE.replace("finished = 2026-03-01", "finished = 2025-12-24"), "p.toml")
    assert str(caught.value) == (
        'p.toml:10: initiatives[1] (id "a").finished: '
        "expected a date on or after started (2026-01-10), got 2025-12-24"
    )


def test_an_actual_effort_off_the_scale_is_refused() -> None:
    with pytest.raises(PlanError, match=r"actual_effort: expected a score from 1 to 5, got 9"):
        storage.loads(DONE.replace("actual_effort = 4", "actual_effort = 9"), "p.toml")


def test_calibration_shows_who_under_estimates() -> None:
    plan = storage.loads(DONE)
    ann, bo = participant_calibrations(plan)
    room = room_calibration(plan)

    assert (ann.who, ann.mean_difference, ann.tendency) == ("Ann", 2.0, "under")
    assert (bo.who, bo.mean_difference, bo.tendency) == ("Bo", 0.0, "close")
    assert [pair.initiative.id for pair in ann.pairs] == ["a", "b"]  # c is not done
    assert room is not None
    assert room.mean_difference == pytest.approx(1.0)  # medians 3 and 4 against 4 and 5


def test_no_done_initiative_means_no_calibration() -> None:
    plan = storage.loads(DONE.replace('status = "done"', 'status = "planned"'))
    assert room_calibration(plan) is None
    assert participant_calibrations(plan) == []


def test_a_kpi_read_after_its_date_short_of_its_target_is_off_track_even_once_read() -> None:
    late = kpi(
        baseline=3.6,
        target=4.2,
        target_date=datetime.date(2026, 1, 1),
        readings=[{"date": datetime.date(2026, 6, 30), "value": 3.8}],
    )
    assert progress(late).on_track is False
    early = late.model_copy(update={"target_date": datetime.date(2027, 6, 30)})
    assert progress(early).on_track is None  # one reading: no trend to judge by yet


def test_a_reading_dated_after_today_is_refused_with_its_place() -> None:
    future = KPI.replace("2026-06-30, value = 3.8", "2999-06-30, value = 3.8")
    with pytest.raises(PlanError) as caught:
        storage.loads(future, "plan.toml")
    assert str(caught.value) == (
        'plan.toml:10: areas.insight.kpis[1] (measure "csat").readings[1].date: '
        "expected a date today or earlier, got 2999-06-30"
    )
    measured = kpi(baseline=3.6, target=4.2)
    day = datetime.date(2026, 5, 1)
    readings = [Reading(date=day, value=3.9)]
    assert list(reading_problems(measured, readings, today=day)) == []
    assert [
        p[:2] for p in reading_problems(measured, readings, today=day.replace(day=1, month=4))
    ] == [(0, "date")]
