"""The robustness check resamples reach as the ranking reads it: a month's."""

from __future__ import annotations

from kxplan import storage
from kxplan.scoring import rank, robustness

PLAN = """\
schema = 3
title = "Reach over periods"

[scoring]
method = "rice"

[[initiatives]]
id = "yearly"
title = "Counted a year"
effort = 2
customer_value = 3
efficiency = 3
confidence = 80
reach_period = "year"
estimates = [
    { participant = "Ann", reach = 1200 },
    { participant = "Bo", reach = 1200 },
]

[[initiatives]]
id = "monthly"
title = "Counted a month"
effort = 2
customer_value = 3
efficiency = 3
confidence = 80
reach = 500
reach_period = "month"

[[initiatives]]
id = "no-reach"
title = "Lacks reach"
effort = 1
customer_value = 5
efficiency = 5
"""


def test_a_yearly_reach_is_resampled_a_month_and_keeps_its_rank() -> None:
    plan = storage.loads(PLAN[: PLAN.index('[[initiatives]]\nid = "no-reach"')], "plan.toml")
    assert [r.id for r in rank(plan).results] == ["monthly", "yearly"]  # 500 > 1 200 / 12
    found = robustness(plan, samples=50, weight_jitter=0)
    assert (found["yearly"].rank_low, found["yearly"].rank_high) == (2, 2)
    assert (found["monthly"].rank_low, found["monthly"].rank_high) == (1, 1)


def test_what_the_method_cannot_rank_is_left_out_of_the_check() -> None:
    plan = storage.loads(PLAN, "plan.toml")
    assert rank(plan, partial=True).lacking == {"no-reach": ("reach",)}
    found = robustness(plan, samples=50, weight_jitter=0)
    assert set(found) == {"monthly", "yearly"}
