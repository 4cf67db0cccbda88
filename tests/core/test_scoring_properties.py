"""Properties of the ranking that must hold for any plan (hypothesis)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan.framework import Method
from kxplan.model import Plan
from kxplan.scoring import rank, robustness

MONOTONE_METHODS: tuple[Method, ...] = ("ratio", "quadrant", "ice", "rice")
"""Methods whose score rises with impact and falls with effort, all else equal."""

score = st.integers(min_value=1, max_value=5).map(float)
half_score = st.integers(min_value=2, max_value=10).map(lambda n: n / 2)


@st.composite
def initiatives(draw: st.DrawFn, *, with_dependencies: bool = False) -> list[dict[str, Any]]:
    count = draw(st.integers(min_value=1, max_value=12))
    items: list[dict[str, Any]] = []
    for n in range(count):
        item: dict[str, Any] = {
            "id": f"i{n:02d}",
            "title": f"Initiative {n}",
            "effort": draw(half_score),
            "customer_value": draw(score),
            "efficiency": draw(score),
            "confidence": draw(st.sampled_from([50.0, 80.0, 100.0])),
            "reach": draw(st.sampled_from([10.0, 100.0, 1000.0])),
        }
        if draw(st.booleans()):
            participants = draw(st.integers(min_value=1, max_value=4))
            item["estimates"] = [
                {"participant": f"P{k}", "effort": draw(score), "customer_value": draw(score)}
                for k in range(participants)
            ]
        if with_dependencies and n:
            earlier = [f"i{k:02d}" for k in range(n)]
            item["depends_on"] = draw(st.lists(st.sampled_from(earlier), max_size=2, unique=True))
        items.append(item)
    return items


def plan_of(items: list[dict[str, Any]]) -> Plan:
    return Plan.model_validate({"title": "Property plan", "initiatives": items})


def rank_of(plan: Plan, method: Method, initiative_id: str) -> int:
    return rank(plan, method).by_id()[initiative_id].rank


def with_change(items: list[dict[str, Any]], index: int, **change: float) -> Plan:
    changed = [dict(item) for item in items]
    changed[index] = {**changed[index], **change}
    changed[index].pop("estimates", None)  # so the initiative's own scores count
    return plan_of(changed)


@settings(max_examples=60, deadline=None)
@given(initiatives(), st.data(), st.sampled_from(MONOTONE_METHODS))
def test_more_impact_never_lowers_the_rank(
    items: list[dict[str, Any]], data: st.DataObject, method: Method
) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(items) - 1))
    value = data.draw(st.integers(min_value=1, max_value=4))
    before = with_change(items, index, customer_value=float(value))
    after = with_change(items, index, customer_value=float(value + 1))
    target = items[index]["id"]
    assert rank_of(after, method, target) <= rank_of(before, method, target)


@settings(max_examples=60, deadline=None)
@given(initiatives(), st.data(), st.sampled_from(MONOTONE_METHODS))
def test_more_effort_never_raises_the_rank(
    items: list[dict[str, Any]], data: st.DataObject, method: Method
) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(items) - 1))
    effort = data.draw(st.integers(min_value=1, max_value=4))
    before = with_change(items, index, effort=float(effort))
    after = with_change(items, index, effort=float(effort + 1))
    target = items[index]["id"]
    assert rank_of(after, method, target) >= rank_of(before, method, target)


@settings(max_examples=60, deadline=None)
@given(initiatives(with_dependencies=True), st.sampled_from(MONOTONE_METHODS), st.randoms())
def test_the_order_is_a_permutation_that_respects_dependencies_and_file_order(
    items: list[dict[str, Any]], method: Method, shuffler: random.Random
) -> None:
    ranking = rank(plan_of(items), method)
    ids = [r.id for r in ranking.results]
    assert sorted(ids) == sorted(item["id"] for item in items)
    assert [r.rank for r in ranking.results] == list(range(1, len(ids) + 1))
    position = {item_id: n for n, item_id in enumerate(ids)}
    for item in items:
        for dependency in item.get("depends_on", []):
            assert position[dependency] < position[item["id"]]
    shuffled = list(items)
    shuffler.shuffle(shuffled)
    assert [r.id for r in rank(plan_of(shuffled), method).results] == ids
    assert rank(plan_of(items), method) == ranking


@settings(max_examples=25, deadline=None)
@given(initiatives(with_dependencies=True), st.integers(min_value=0, max_value=2**32))
def test_robustness_is_deterministic_and_brackets_a_possible_rank(
    items: list[dict[str, Any]], seed: int
) -> None:
    plan = plan_of(items)
    first = robustness(plan, samples=40, seed=seed, top_k=3)
    assert first == robustness(plan, samples=40, seed=seed, top_k=3)
    count = len(items)
    for found in first.values():
        assert 1 <= found.rank_low <= found.rank_high <= count
        assert 0 <= found.p_top_k <= 1
    # every sample puts exactly min(3, count) initiatives in the top 3
    assert sum(found.p_top_k for found in first.values()) == pytest.approx(min(3, count))


@settings(max_examples=40, deadline=None)
@given(initiatives(with_dependencies=True), st.sampled_from(MONOTONE_METHODS))
def test_robustness_without_noise_reproduces_the_ranking(
    items: list[dict[str, Any]], method: Method
) -> None:
    # no estimates and no weight jitter: every sample is the plain ranking, dependencies included
    plan = plan_of([{k: v for k, v in item.items() if k != "estimates"} for item in items])
    found = robustness(plan, method, samples=3, weight_jitter=0)
    for item in rank(plan, method).results:
        assert (found[item.id].rank_low, found[item.id].rank_high) == (item.rank, item.rank)
