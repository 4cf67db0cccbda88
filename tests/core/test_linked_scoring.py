"""The ranking reads the evidence: reach a month from links or a period, and the
money-saved-per-effort method, each explained as typed parts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan import storage
from kxplan.framework import METHODS
from kxplan.model import Plan
from kxplan.scoring import ScoringError, applicable_methods, rank
from kxplan.scoring.linked_parts import MonthlyReach, SavingsFormula

PLAN = """\
schema = 3
title = "Evidence"
currency = "SEK"

[[areas.accessibility.channels]]
name = "Phone"
cost_per_contact = 55

[[areas.unnecessary_demand.contact_reasons]]
reason = "Where is my order?"
channel = "Phone"
monthly_volume = 4000
avoidable = 70

[[areas.unnecessary_demand.contact_reasons]]
reason = "Change my address"
channel = "Email"
monthly_volume = 1000
avoidable = 50

[[initiatives]]
id = "tracking"
title = "Tracking by text message"
effort = 2
customer_value = 4
efficiency = 4
addresses = [{ table = "contact_reasons", key = ["where is my order?", "Phone"] }]

[[initiatives]]
id = "both"
title = "Self-service portal"
effort = 4
customer_value = 4
efficiency = 4
addresses = [
    { table = "contact_reasons", key = ["Where is my order?", "Phone"] },
    { table = "contact_reasons", key = ["Change my address", "Email"] },
]

[[initiatives]]
id = "quarterly"
title = "Quarterly newsletter"
effort = 1
customer_value = 2
efficiency = 2
reach = 3000
reach_period = "quarter"

[[initiatives]]
id = "bare"
title = "Bare reach"
effort = 1
customer_value = 2
efficiency = 2
reach = 500
"""


def plan_of(text: str = PLAN) -> Plan:
    return storage.loads(text, "plan.toml")


def test_savings_is_a_method_of_the_vocabulary() -> None:
    assert "savings" in METHODS.keys
    assert METHODS.label("savings") == "Money saved ÷ effort"


def test_reach_from_links_and_from_a_period() -> None:
    ranking = rank(plan_of(), "rice")
    by_id = ranking.by_id()
    assert by_id["tracking"].reach == pytest.approx(2800)
    assert by_id["both"].reach == pytest.approx(3300)
    assert by_id["quarterly"].reach == pytest.approx(1000)
    assert by_id["bare"].reach == 500  # no period: the plan's own unit, as before


def test_reach_explained_with_the_linked_reason() -> None:
    tracking = rank(plan_of(), "rice").by_id()["tracking"]
    parts = [p for p in tracking.explanation_parts if isinstance(p, MonthlyReach)]
    assert parts
    assert parts[0].per_month == pytest.approx(2800)
    assert "reach 2 800 a month = 4 000 × 70 % from “Where is my order?”" in (
        tracking.explanation.replace("\u202f", " ").replace("\u00a0", " ")
    )
    quarterly = rank(plan_of(), "rice").by_id()["quarterly"].explanation
    assert "reach 1 000 a month = 3 000 a quarter" in quarterly.replace("\u202f", " ")
    bare = rank(plan_of(), "rice").by_id()["bare"]
    assert not any(isinstance(p, MonthlyReach) for p in bare.explanation_parts)


def test_savings_ranks_what_it_can_and_lists_the_rest() -> None:
    ranking = rank(plan_of(), "savings", partial=True)
    assert [r.id for r in ranking.results] == ["tracking", "both"]
    # 2 800 × 55 SEK = 154 000 a month; effort 2 → 77 000; the email reason is unpriced
    assert ranking.by_id()["tracking"].score == pytest.approx(77_000)
    assert ranking.by_id()["both"].score == pytest.approx(38_500)
    assert ranking.lacking == {"quarterly": ("money_saved",), "bare": ("money_saved",)}
    with pytest.raises(ScoringError, match="money saved for"):
        rank(plan_of(), "savings")


def test_savings_explained_as_typed_parts() -> None:
    both = rank(plan_of(), "savings", partial=True).by_id()["both"]
    saving = next(p for p in both.explanation_parts if isinstance(p, SavingsFormula))
    assert saving.saved == pytest.approx(154_000)
    assert saving.unpriced == ("Change my address",)
    text = both.explanation.replace("\u202f", " ").replace("\u00a0", " ")
    assert text.startswith("money saved 154 000 SEK a month ÷ effort 4 = 38 500")
    assert "“Change my address”: no cost per contact" in text


def test_links_to_missing_rows_give_no_reach() -> None:
    text = PLAN.replace(
        'addresses = [{ table = "contact_reasons", key = ["where is my order?", "Phone"] }]',
        "",
    )
    assert rank(plan_of(text), "rice", partial=True).lacking.get("tracking") == ("reach",)


def _plan(volume: int, share: int, cost: int, effort: int, period: str, reach: int) -> str:
    return f"""\
schema = 3
title = "P"
[[areas.accessibility.channels]]
name = "Phone"
cost_per_contact = {cost}
[[areas.unnecessary_demand.contact_reasons]]
reason = "R"
channel = "Phone"
monthly_volume = {volume}
avoidable = {share}
[[initiatives]]
id = "linked"
title = "Linked"
effort = {effort}
customer_value = 3
efficiency = 3
addresses = [{{ table = "contact_reasons", key = ["R", "Phone"] }}]
[[initiatives]]
id = "entered"
title = "Entered"
effort = {effort}
customer_value = 3
efficiency = 3
reach = {reach}
reach_period = "{period}"
"""


@settings(max_examples=60, deadline=None)
@given(
    volume=st.integers(0, 100_000),
    share=st.integers(0, 100),
    cost=st.integers(1, 500),
    effort=st.integers(1, 5),
    period=st.sampled_from(["day", "week", "month", "quarter", "year"]),
    reach=st.integers(0, 1_000_000),
)
def test_derived_figures_follow_their_formulas(
    volume: int, share: int, cost: int, effort: int, period: str, reach: int
) -> None:
    plan = plan_of(_plan(volume, share, cost, effort, period, reach))
    rice = rank(plan, "rice").by_id()
    assert rice["linked"].reach == pytest.approx(volume * share / 100)
    months = {"day": 12 / 365.25, "week": 12 / 52.1775, "month": 1, "quarter": 3, "year": 12}
    assert rice["entered"].reach == pytest.approx(reach / months[period])
    savings = rank(plan, "savings", partial=True)
    assert savings.by_id()["linked"].score == pytest.approx(volume * share / 100 * cost / effort)
    assert "entered" in savings.lacking


def test_savings_without_any_linked_reason_is_not_offered() -> None:
    text = PLAN.replace("addresses = [", "unused = [")  # no links at all
    text = (
        text[: text.index("[[initiatives]]")]
        + """
[[initiatives]]
id = "plain"
title = "Plain"
effort = 1
customer_value = 2
efficiency = 2
"""
    )
    with pytest.raises(ScoringError, match="savings needs initiatives that address contact"):
        rank(plan_of(text), "savings", partial=True)
    assert "savings" not in applicable_methods(plan_of(text), partial=True)
    assert "savings" in applicable_methods(plan_of(), partial=True)
