"""The ranking's agreement, worked out straight from the estimates, equals the spreads'."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kxplan.model import Initiative
from kxplan.model.initiative import Estimate
from kxplan.scoring.estimates import agreement_of, estimated, overall_agreement, spreads

score = st.none() | st.floats(min_value=1, max_value=5, allow_nan=False)
estimate_rows = st.lists(
    st.fixed_dictionaries(
        {"effort": score, "customer_value": score, "efficiency": score, "reach": st.none()}
    ),
    max_size=6,
)
spans = st.fixed_dictionaries(
    {"effort": st.sampled_from([4.0, 9.0, 0.0]), "customer_value": st.just(4.0)}
)


@given(rows=estimate_rows, span_of=spans)
def test_agreement_of_an_initiative_is_the_lowest_over_its_spreads(
    rows: list[dict[str, float | None]], span_of: dict[str, float]
) -> None:
    item = Initiative(
        id="x",
        title="X",
        estimates=[Estimate(participant=f"p{n}", **row) for n, row in enumerate(rows)],
    )
    expected = overall_agreement(spreads(estimated(item), span_of), len(item.estimates))
    assert agreement_of(item, span_of) == expected
