"""Calibration: estimated against actual effort of done initiatives, per participant and
for the room; its words, its figures for scripts, and properties of the maths."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from kxplan.i18n import language
from kxplan.model import Estimate, Initiative, Plan
from kxplan.scoring.calibration import (
    calibration_data,
    calibrations,
    participant_calibrations,
    room_calibration,
    signed,
)

NAMES = ("Ann", "Bo", "Cecilia", "Dan")


def plan_of(done: list[tuple[float, dict[str, float]]]) -> Plan:
    """A plan with one done initiative per (actual, {participant: estimate})."""
    items = [
        Initiative(
            id=f"i{index}",
            title=f"Initiative {index}",
            status="done",
            actual_effort=actual,
            estimates=[Estimate(participant=who, effort=effort) for who, effort in given.items()],
        )
        for index, (actual, given) in enumerate(done)
    ]
    return Plan(title="Calibration", initiatives=items)


EFFORT = st.integers(1, 5).map(float)
DONE = st.lists(
    st.tuples(EFFORT, st.dictionaries(st.sampled_from(NAMES), EFFORT, min_size=1)),
    min_size=1,
    max_size=6,
)


@given(DONE, st.randoms(use_true_random=False))
def test_the_order_of_participants_and_initiatives_does_not_change_the_room(
    done: list[tuple[float, dict[str, float]]], shuffle: random.Random
) -> None:
    plan = plan_of(done)
    shuffled = plan.model_copy(deep=True)
    shuffle.shuffle(shuffled.initiatives)
    for item in shuffled.initiatives:
        shuffle.shuffle(item.estimates)
    room, again = room_calibration(plan), room_calibration(shuffled)
    assert room is not None
    assert again is not None
    assert abs(room.mean_difference - again.mean_difference) < 1e-9
    assert room.tendency == again.tendency
    before = {
        c.who: (round(c.mean_difference, 9), c.tendency) for c in participant_calibrations(plan)
    }
    after = {
        c.who: (round(c.mean_difference, 9), c.tendency) for c in participant_calibrations(shuffled)
    }
    assert before == after


@given(st.lists(st.integers(3, 5).map(float), min_size=1, max_size=6))
def test_who_always_says_two_less_than_it_took_under_estimates(actuals: list[float]) -> None:
    plan = plan_of([(actual, {"Ann": actual - 2}) for actual in actuals])
    (ann,) = participant_calibrations(plan)
    assert ann.mean_difference == 2
    assert ann.tendency == "under"
    assert len(ann.pairs) == len(actuals)


@given(st.lists(st.integers(1, 3).map(float), min_size=1, max_size=6))
def test_who_always_says_two_more_over_estimates(actuals: list[float]) -> None:
    plan = plan_of([(actual, {"Bo": actual + 2}) for actual in actuals])
    (bo,) = participant_calibrations(plan)
    assert (bo.mean_difference, bo.tendency) == (-2, "over")


@given(DONE)
def test_the_room_comes_last_and_every_estimator_once(
    done: list[tuple[float, dict[str, float]]],
) -> None:
    found = calibrations(plan_of(done))
    *people, room = found
    assert room.who == ""
    assert [c.who for c in people] == sorted({who for _a, given in done for who in given})
    assert all(c.pairs for c in found)


def test_nothing_done_means_nothing_to_show() -> None:
    plan = Plan(title="x", initiatives=[Initiative(id="a", title="A", status="planned")])
    assert calibrations(plan) == []
    assert calibration_data(plan)["room"] is None


def test_the_tendency_and_the_room_are_words_in_both_languages() -> None:
    plan = plan_of([(5, {"Ann": 3})])
    ann, room = calibrations(plan)
    assert (ann.tendency_label, room.name) == ("Under-estimates", "The room")
    with language("sv"):
        assert (ann.tendency_label, room.name) == ("Underskattar", "Rummet")


def test_a_difference_always_carries_its_sign() -> None:
    assert [signed(v) for v in (2, -0.5, 0, 0.001)] == ["+2", "\u22120.5", "0", "0"]
    with language("sv"):
        assert signed(-0.5) == "\u22120,5"


def test_the_figures_for_scripts() -> None:
    data = calibration_data(plan_of([(5, {"Ann": 3, "Bo": 5}), (2, {"Ann": 1})]))
    assert data["span"] == 4
    assert data["close_within"] == 0.4
    assert data["participants"]["Ann"] == {
        "done_estimated": 2,
        "mean_difference": 1.5,
        "tendency": "under",
        "initiatives": [
            {"id": "i0", "estimated": 3, "actual": 5},
            {"id": "i1", "estimated": 1, "actual": 2},
        ],
    }
    assert data["room"]["done_estimated"] == 2
