"""A method that lacks some initiatives' inputs ranks the rest and says what each lacks."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan.framework import Method
from kxplan.model import Plan
from kxplan.scoring import ScoringError, lacking_sentence, rank


def plan_of(items: list[dict[str, Any]], **scoring: Any) -> Plan:
    data: dict[str, Any] = {"title": "Partial", "initiatives": items}
    if scoring:
        data["scoring"] = scoring
    return Plan.model_validate(data)


BASE = {"effort": 2.0, "customer_value": 4.0, "efficiency": 3.0}


def test_rice_ranks_those_with_reach_and_lists_the_rest() -> None:
    plan = plan_of(
        [
            {"id": "a", "title": "Alpha", **BASE, "reach": 100.0},
            {"id": "b", "title": "Beta", **BASE},
            {"id": "c", "title": "Gamma", "effort": 1.0},
        ]
    )
    with pytest.raises(ScoringError):
        rank(plan, "rice")
    ranking = rank(plan, "rice", partial=True)
    assert [r.id for r in ranking.results] == ["a"]
    assert ranking.lacking == {"b": ("reach",)}
    assert ranking.unscored == ["c"]
    assert lacking_sentence(ranking, {"b": "Beta"}) == ["Beta (b): lacks reach"]
    assert lacking_sentence(ranking) == ["b: lacks reach"]


def test_wsjf_and_weighted_name_each_missing_input_in_order() -> None:
    plan = plan_of(
        [
            {"id": "a", "title": "A", **BASE, "time_criticality": 2.0, "criteria": {"cost": 2}},
            {"id": "b", "title": "B", **BASE, "risk_reduction": 1.0},
        ],
        criteria=[{"id": "cost", "weight": -1}, {"id": "fit"}],
    )
    wsjf = rank(plan, "wsjf", partial=True)
    assert wsjf.results == []
    assert wsjf.lacking == {"a": ("risk_reduction",), "b": ("time_criticality",)}
    weighted = rank(plan, "weighted", partial=True)
    assert weighted.lacking == {
        "a": ("criterion 'fit'",),
        "b": ("criterion 'cost'", "criterion 'fit'"),
    }
    assert lacking_sentence(weighted)[0] == "a: lacks criterion 'fit'"


def test_weighted_without_any_criteria_is_still_refused() -> None:
    plan = plan_of([{"id": "a", "title": "A", **BASE}])
    with pytest.raises(ScoringError, match="weighted needs criteria"):
        rank(plan, "weighted", partial=True)


def test_a_full_plan_ranks_the_same_either_way() -> None:
    plan = plan_of([{"id": "a", "title": "A", **BASE, "reach": 5.0}])
    assert rank(plan, "rice", partial=True).results == rank(plan, "rice").results
    assert rank(plan, "rice", partial=True).lacking == {}


@st.composite
def items(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(min_value=1, max_value=10))
    found = []
    for n in range(count):
        item: dict[str, Any] = {"id": f"i{n}", "title": f"I{n}", **BASE}
        item["effort"] = float(draw(st.integers(1, 5)))
        item["customer_value"] = float(draw(st.integers(1, 5)))
        for name in ("reach", "time_criticality", "risk_reduction"):
            if draw(st.booleans()):
                item[name] = float(draw(st.integers(1, 5)))
        if n and draw(st.booleans()):
            item["depends_on"] = [f"i{draw(st.integers(0, n - 1))}"]
        found.append(item)
    return found


@settings(max_examples=60, deadline=None)
@given(items(), st.sampled_from(["rice", "wsjf", "ratio"]))
def test_partial_ranking_is_the_ranking_of_the_rankable_ones(
    found: list[dict[str, Any]], method: Method
) -> None:
    """Ranking partially = ranking the plan without the initiatives that lack inputs."""
    plan = plan_of(found)
    partial = rank(plan, method, partial=True)
    kept = [i for i in found if i["id"] not in partial.lacking]
    ids = {i["id"] for i in kept}
    for item in kept:
        item["depends_on"] = [d for d in item.get("depends_on", []) if d in ids]
    strict = rank(plan_of(kept), method)
    assert [(r.id, r.rank, r.score) for r in partial.results] == [
        (r.id, r.rank, r.score) for r in strict.results
    ]
    assert set(partial.lacking) | {r.id for r in partial.results} == {i["id"] for i in found}
