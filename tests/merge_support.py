"""Hypothesis strategies for versions of one plan: the edits a person makes in the app
(scores, titles, initiatives added and removed, estimates, maturity, a KPI, notes,
dependencies, [extra]), each version valid. Shared by the merge and the save tests."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st
from pydantic import ValidationError
from support import base_data

from kxplan.model import Plan, RuleViolations

NEW_IDS = ["sms", "app", "bot"]
NAMES = ["Anna", "Bo", "Cy", "dee"]
TEXTS = st.sampled_from(["", "a", "b", "line one\nline two", "Ändrad"])


@st.composite
def an_edit(draw: st.DrawFn) -> Any:
    kind = draw(st.integers(0, 9))
    index = draw(st.integers(0, 5))
    value = draw(st.integers(1, 5))
    text = draw(TEXTS)
    name = draw(st.sampled_from(NAMES))
    new_id = draw(st.sampled_from(NEW_IDS))

    def apply(d: dict[str, Any]) -> None:
        items = d["initiatives"]
        item = items[index % len(items)] if items else None
        if kind == 0 and item:
            item[draw_field] = value
        elif kind == 1 and item:
            item["title"] = text or "T"
        elif kind == 2 and item and len(items) > 1:
            items.remove(item)
            for other in items:
                other["depends_on"] = [x for x in other.get("depends_on", []) if x != item["id"]]
        elif kind == 3 and all(i["id"] != new_id for i in items):
            items.append({"id": new_id, "title": new_id.upper(), "effort": value})
        elif kind == 4 and item:
            if name.casefold() not in [p.casefold() for p in d["participants"]]:
                d["participants"].append(name)
            estimates = [e for e in item.get("estimates", []) if e["participant"] != name]
            item["estimates"] = [*estimates, {"participant": name, "effort": value}]
        elif kind == 5:
            d["areas"]["insight"]["maturity_today"] = value
        elif kind == 6:
            d["areas"]["insight"]["kpis"][0]["baseline"] = value * 10
        elif kind == 7:
            d["strategy"]["today"] = text
        elif kind == 8 and item and len(items) > 1:
            other = items[(index + 1) % len(items)]
            item["depends_on"] = [other["id"]]
        elif kind == 9:
            d.setdefault("extra", {})[name] = text

    draw_field = draw(st.sampled_from(["effort", "customer_value", "efficiency"]))
    return apply


@st.composite
def versions(draw: st.DrawFn, start: dict[str, Any]) -> Plan:
    data = copy.deepcopy(start)
    for edit in draw(st.lists(an_edit(), max_size=4)):
        trial = copy.deepcopy(data)
        edit(trial)
        try:
            Plan.model_validate(trial)
        except (ValidationError, RuleViolations):
            continue  # a person could not save that
        data = trial
    return Plan.model_validate(data)


@st.composite
def three(draw: st.DrawFn) -> tuple[Plan, Plan, Plan]:
    base = draw(versions(base_data()))
    start = base.to_data()
    return base, draw(versions(start)), draw(versions(start))
