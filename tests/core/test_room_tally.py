"""A revealed question's tally: spread, median, agreement and who stands out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kxplan.room.tally import Tally
from kxplan.scoring.estimates import agreement


def test_the_tally_names_the_extremes_and_the_outlier() -> None:
    t = Tally("chat", "effort", {"Anna": 2, "Bo": 4, "Cia": 2, "Dan": 2}, span=4)
    assert t.distribution == [(2, 3), (4, 1)]
    assert (t.low, t.given_by(t.low)) == (2, ["Anna", "Cia", "Dan"])
    assert (t.high, t.given_by(t.high)) == (4, ["Bo"])
    assert t.median == 2
    assert t.agreement == "medium"
    assert t.outliers == ["Bo"]


def test_close_answers_have_no_outliers_and_one_answer_no_agreement() -> None:
    assert Tally("c", "effort", {"A": 3, "B": 3, "C": 4}, span=4).outliers == []
    one = Tally("c", "effort", {"A": 3}, span=4)
    assert (one.agreement, one.outliers, one.median) == (None, [], 3)
    empty = Tally("c", "effort", {}, span=4)
    assert (empty.low, empty.median, empty.distribution) == (None, None, [])


def test_agreement_is_measured_in_quarters_of_the_scale() -> None:
    assert agreement(2, 3, 4) == "high"
    assert agreement(2, 4, 4) == "medium"
    assert agreement(1, 5, 4) == "low"
    assert agreement(0, 30, 100) == "medium"


values = st.dictionaries(st.text(min_size=1, max_size=5), st.integers(1, 5), min_size=1)


@given(values)
def test_the_distribution_counts_every_answer_once(given_values: dict[str, int]) -> None:
    t = Tally("c", "effort", given_values, span=4)
    assert sum(n for _, n in t.distribution) == len(given_values)
    assert t.low is not None
    assert t.high is not None
    assert t.low <= t.median <= t.high  # type: ignore[operator]
    assert set(t.outliers) <= set(given_values)
    for who in t.outliers:
        assert given_values[who] in (t.low, t.high)
