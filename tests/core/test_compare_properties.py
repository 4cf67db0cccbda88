"""Properties of the comparison on generated plans and random edits."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan.framework import AREA_IDS
from kxplan.model import Plan
from kxplan.versions.comparison import compare
from kxplan.versions.textconv import plan_as_lines

scores = st.integers(min_value=1, max_value=5)
notes = st.text(alphabet="abc \n", max_size=12)


@st.composite
def plan_data(draw: st.DrawFn) -> dict[str, Any]:
    """Raw data of a valid plan: initiatives, two KPIs, area notes."""
    count = draw(st.integers(min_value=0, max_value=8))
    initiatives = [
        {
            "id": f"item-{index}",
            "title": f"Item {index}",
            "effort": draw(scores),
            "customer_value": draw(scores),
            "efficiency": draw(scores),
        }
        for index in range(count)
    ]
    areas: dict[str, Any] = {area_id: {"today": draw(notes)} for area_id in AREA_IDS}
    areas["insight"]["kpis"] = [
        {"measure": "csat", "channel": "phone", "baseline": draw(st.integers(1, 99))},
        {"measure": "nps", "channel": "web", "baseline": draw(st.integers(-99, 99))},
    ]
    return {"schema": 1, "title": "Plan", "areas": areas, "initiatives": initiatives}


Expected = set[tuple[str, str, tuple[str, ...]]]


@st.composite
def edited_pair(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any], Expected]:
    """A plan, a randomly edited copy, and the changes the edits must produce."""
    old = draw(plan_data())
    new = copy.deepcopy(old)
    expected: Expected = set()
    items = new["initiatives"]
    ids = [item["id"] for item in items]

    removed = draw(st.sets(st.sampled_from(ids))) if ids else set()
    for item_id in removed:
        expected.add(("initiatives", "removed", (item_id,)))
    kept = [item for item in items if item["id"] not in removed]
    for item in kept:
        if draw(st.booleans()):
            field = draw(st.sampled_from(["effort", "customer_value", "efficiency"]))
            item[field] = 1 + (item[field] + draw(st.integers(0, 3))) % 5  # any other score
            expected.add(("initiatives", "changed", (item["id"], field)))
    added = draw(st.integers(min_value=0, max_value=3))
    for number in range(added):
        new_id = f"new-{number}"
        kept.append({"id": new_id, "title": "New", "effort": draw(scores)})
        expected.add(("initiatives", "added", (new_id,)))
    new["initiatives"] = kept

    for kpi, key in zip(
        new["areas"]["insight"]["kpis"], ("CSAT / phone", "NPS / web"), strict=True
    ):
        if draw(st.booleans()):
            kpi["baseline"] = kpi["baseline"] + draw(st.sampled_from([-1, 1]))
            expected.add(("areas", "changed", ("insight", "kpis", key, "baseline")))
    for area_id in draw(st.sets(st.sampled_from(AREA_IDS), max_size=3)):
        new["areas"][area_id]["today"] += " edited"
        expected.add(("areas", "changed", (area_id, "today")))
    return old, new, expected


@settings(max_examples=80, deadline=None)
@given(edited_pair())
def test_every_edit_is_found_and_nothing_else(
    pair: tuple[dict[str, Any], dict[str, Any], Expected],
) -> None:
    old_data, new_data, expected = pair
    comparison = compare(Plan.model_validate(old_data), Plan.model_validate(new_data))
    found = {(c.section, c.kind, c.path) for c in comparison.changes if c.section != "ranks"}
    assert found == expected
    assert comparison.differs == bool(expected)
    for change in comparison.changes:
        if change.section == "areas" and change.path[-1] == "baseline":
            # CSAT and NPS: higher is better
            assert isinstance(change.old, float)
            assert isinstance(change.new, float)
            assert change.trend == ("improved" if change.new > change.old else "worsened")


@settings(max_examples=60, deadline=None)
@given(edited_pair())
def test_identity_and_mirror(pair: tuple[dict[str, Any], dict[str, Any], Expected]) -> None:
    old_data, new_data, _ = pair
    old, new = Plan.model_validate(old_data), Plan.model_validate(new_data)
    assert compare(old, old).changes == ()
    assert compare(new, new).changes == ()
    forward = compare(old, new)
    assert compare(new, old) == forward.mirrored()
    assert set(forward.initiatives_added) == set(compare(new, old).initiatives_removed)


@settings(max_examples=40, deadline=None)
@given(plan_data())
def test_plan_as_lines_is_stable_and_one_fact_per_line(data: dict[str, Any]) -> None:
    lines = plan_as_lines(Plan.model_validate(data))
    assert lines == plan_as_lines(Plan.model_validate(copy.deepcopy(data)))
    assert all("\n" not in line for line in lines)
