"""Explanations write their numbers as people read them: thousands grouped with a
narrow no-break space (so a figure never wraps mid-number), the language's decimal mark."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kxplan import i18n
from kxplan.scoring.explanations import phrase
from kxplan.scoring.linked_parts import SavingsFormula
from kxplan.scoring.parts import Confidence, Divisor, RiceFormula
from kxplan.text.numbers import GROUP, number

LONG_RUN = re.compile(r"\d{4}")


@given(
    reach=st.integers(min_value=1000, max_value=10**9),
    effort=st.integers(min_value=1, max_value=5),
)
def test_a_rice_formula_groups_its_thousands(reach: int, effort: int) -> None:
    score = reach * 4.5 / effort
    said = phrase(RiceFormula(reach, 4.5, Confidence(100, True), Divisor(effort), score))
    assert number(reach) in said
    assert number(score) in said
    assert GROUP in said
    assert not LONG_RUN.search(said), said  # no figure of four digits or more ungrouped


def test_a_savings_score_is_grouped_and_swedish_in_swedish() -> None:
    part = SavingsFormula(331_360, "SEK", 4, None, 82_840, (), ())
    assert "= 82\u202f840;" in phrase(part)
    with i18n.language("sv"):
        said = phrase(part)
        assert "= 82\u202f840;" in said
        assert "82840" not in said
    half = SavingsFormula(5_001, "SEK", 2, None, 2_500.5, (), ())
    with i18n.language("sv"):
        assert "= 2\u202f500,5;" in phrase(half)
