"""Problem messages cut a long value (a 4,000-digit number, a very long key or title) to
a readable length ending in "…" instead of echoing it whole."""

from __future__ import annotations

import pytest

from kxplan.storage import PlanError, loads
from kxplan.storage.messages import SHOWN_LENGTH, shown_value

PLAN = 'schema = 1\ntitle = "T"\n{line}\n'


def _problems(line: str) -> list[str]:
    with pytest.raises(PlanError) as caught:
        loads(PLAN.format(line=line), "plan.toml")
    return [str(problem) for problem in caught.value.problems]


def test_a_long_number_is_cut_with_an_ellipsis() -> None:
    shown = shown_value(int("9" * 4000))
    assert len(shown) <= SHOWN_LENGTH
    assert shown.startswith("999 999 999")
    assert "…" in shown
    assert "4000 digits" in shown


def test_a_number_past_the_conversion_limit_is_described_not_converted() -> None:
    shown = shown_value(int("f" * 4000, 16))  # 4,817 digits: str() of it would raise
    assert len(shown) <= SHOWN_LENGTH
    assert "4817 digits" in shown


def test_short_values_are_shown_whole() -> None:
    assert shown_value(1_000_000) == "1 000 000"
    assert shown_value(12) == "12"


@pytest.mark.parametrize(
    "line",
    [
        "version = " + "9" * 4000,
        "version = 0x" + "f" * 4000,
        "k" * 4000 + " = 1",
        "[[initiatives]]\nid = 'a'\ntitle = '" + "t" * 4000 + "'\neffort = 'x'",
    ],
    ids=["long-number", "hex-number-past-the-limit", "long-key", "long-title"],
)
def test_every_problem_line_stays_readable(line: str) -> None:
    problems = _problems(line)
    assert problems
    for problem in problems:
        assert len(problem) < 300, problem[:300]
