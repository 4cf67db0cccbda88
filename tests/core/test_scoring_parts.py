"""The scoring package: explanation parts, the one suggested order, vocabulary reads."""

from __future__ import annotations

import heapq
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kxplan.framework import QUADRANTS
from kxplan.model import Plan
from kxplan.scoring import plain_text, rank
from kxplan.scoring.explanations import phrase
from kxplan.scoring.order import suggested_order
from kxplan.scoring.parts import (
    Divisor,
    DroppedPrerequisites,
    FromEstimates,
    ImpactFormula,
    InQuadrant,
    PlacedAfter,
    QuadrantPlacement,
    RatioFormula,
    WithinQuadrant,
)
from kxplan.scoring.rules import QUADRANT_GROUP


def make_plan(*initiatives: dict[str, Any], **scoring: Any) -> Plan:
    scales = scoring.pop("scales", {})
    return Plan.model_validate(
        {
            "title": "Parts",
            "scales": scales,
            "scoring": scoring,
            "initiatives": [{"title": item["id"].upper(), **item} for item in initiatives],
        }
    )


def test_the_explanation_is_typed_parts_and_the_text_is_made_from_them() -> None:
    plan = make_plan(
        {"id": "old", "title": "Old portal", "status": "dropped"},
        {"id": "q", "effort": 5, "customer_value": 5, "efficiency": 5},
        {
            "id": "p",
            "effort": 0,
            "customer_value": 5,
            "efficiency": 5,
            "depends_on": ["q", "old"],
            "estimates": [
                {"participant": "Ann", "effort": 0},
                {"participant": "Bo", "effort": 0},
            ],
        },
        scales={"effort": {"min": 0, "max": 5}},
    )
    p = rank(plan).by_id()["p"]
    assert p.explanation_parts == (
        ImpactFormula(5, 5, 1, 5, 1, None),
        RatioFormula(5, Divisor(0, 0.5), 10),
        InQuadrant("quick_win"),
        FromEstimates(2, "median"),
        DroppedPrerequisites(("Old portal",)),
        PlacedAfter("q"),
    )
    assert p.explanation == plain_text(p.explanation_parts)
    assert p.explanation == (
        "impact 5 = (value 5 × 1 + efficiency 5 × 1) ÷ 2; 5 ÷ effort 0 (counted as 0.5) = 10; "
        "quick win; scores: median of 2 estimates; depends on 'Old portal', which was dropped; "
        "placed after q, which it depends on"
    )


def test_the_quadrant_method_says_which_side_of_each_threshold() -> None:
    plan = make_plan(
        {"id": "a", "effort": 4, "customer_value": 3, "efficiency": 3}, method="quadrant"
    )
    parts = rank(plan).results[0].explanation_parts
    assert parts[0] == QuadrantPlacement("major_project", 3, 3, True, 4, 3, False)
    assert isinstance(parts[2], WithinQuadrant)
    assert phrase(parts[0]) == "major project: impact 3 ≥ 3, effort 4 > 3"
    assert not any(isinstance(part, InQuadrant) for part in parts)


def test_quadrant_names_and_order_come_from_the_vocabulary() -> None:
    for term in QUADRANTS:
        assert phrase(InQuadrant(term.key)) == term.label.lower()
    by_group = sorted(QUADRANT_GROUP, key=QUADRANT_GROUP.__getitem__)
    assert [QUADRANTS.keys[QUADRANT_GROUP[k]] for k in by_group] == list(QUADRANTS.keys)


def _reference(keys: list[tuple[int, float, float, float, int]], deps: list[set[int]]) -> list[int]:
    """Priority-queue topological order, the slow obvious way."""
    placed: list[int] = []
    done: set[int] = set()
    heap = [k for k in keys if not deps[k[4]]]
    heapq.heapify(heap)
    while heap:
        key = heapq.heappop(heap)
        placed.append(key[4])
        done.add(key[4])
        for other in keys:
            index = other[4]
            ready = index not in done and other not in heap and deps[index] <= done
            if ready and key[4] in deps[index]:
                heapq.heappush(heap, other)
    return placed


@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(-5, 5)), min_size=1, max_size=12), st.data()
)
def test_the_one_suggested_order_is_the_priority_queue_topological_order(
    scores: list[tuple[int, int]], data: st.DataObject
) -> None:
    keys = [(g, float(s), 0.0, 0.0, i) for i, (g, s) in enumerate(scores)]
    deps = [
        set(data.draw(st.lists(st.integers(0, i - 1), max_size=3))) if i else set()
        for i in range(len(keys))
    ]
    needs = [len(d) for d in deps]
    dependents: list[list[int]] = [[] for _ in keys]
    for index, found in enumerate(deps):
        for need in found:
            dependents[need].append(index)
    order, moved = suggested_order(keys, needs, dependents)
    assert order == _reference(keys, deps)
    position = {index: at for at, index in enumerate(order)}
    for index, blocker in enumerate(moved):
        if blocker >= 0:  # held back by a prerequisite placed before it
            assert blocker in deps[index]
            assert position[blocker] < position[index]


def test_a_listing_phrases_each_part_once_and_never_mistakes_one_kind_for_another() -> None:
    from kxplan.scoring.parts import Part

    phrased: dict[tuple[type, Part], str] = {}
    first = plain_text((InQuadrant("quick_win"),), phrased)
    second = plain_text((PlacedAfter("quick_win"),), phrased)  # equal as tuples
    assert first == plain_text((InQuadrant("quick_win"),))
    assert second == plain_text((PlacedAfter("quick_win"),))
    assert first != second
    assert len(phrased) == 2
