"""The three-way merge of plans: by initiative, row, estimate and field, not by lines."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from merge_support import three
from support import base_data, base_plan

from kxplan import storage
from kxplan.model import Plan
from kxplan.storage.conflicts import conflict_error, find_hunks, resolve_text
from kxplan.versions.merge import MISSING, merge
from kxplan.versions.merge_text import conflict_text, merge_texts

EXAMPLES = settings(max_examples=60, deadline=None)


def edited(change: Any, start: dict[str, Any] | None = None) -> Plan:
    data = copy.deepcopy(start or base_data())
    change(data)
    return Plan.model_validate(data)


def _initiative(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(item for item in data["initiatives"] if item["id"] == ident)


# --- examples ---------------------------------------------------------------------------------


def test_additions_on_both_sides_are_both_kept() -> None:
    ours = edited(lambda d: d["initiatives"].append({"id": "sms", "title": "SMS"}))
    theirs = edited(lambda d: d["initiatives"].append({"id": "app", "title": "App"}))
    result = merge(base_plan(), ours, theirs)
    assert result.clean
    assert [i.id for i in result.plan().initiatives] == ["web-chat", "faq", "crm", "app", "sms"]


def test_different_fields_of_one_initiative_merge_and_the_same_field_conflicts() -> None:
    def ours_change(d: dict[str, Any]) -> None:
        _initiative(d, "faq")["effort"] = 3
        _initiative(d, "faq")["title"] = "Help pages"

    def theirs_change(d: dict[str, Any]) -> None:
        _initiative(d, "faq")["effort"] = 4
        _initiative(d, "faq")["notes"] = "Ask support"
        _initiative(d, "crm")["customer_value"] = 5

    result = merge(base_plan(), edited(ours_change), edited(theirs_change))
    assert [(c.where(), c.base, c.ours, c.theirs) for c in result.conflicts] == [
        ("initiatives[faq].effort", 1, 3, 4)
    ]
    for side, effort in (("ours", 3), ("theirs", 4)):
        plan = result.plan(side)  # type: ignore[arg-type]
        faq = plan.initiative("faq")
        assert (faq.effort, faq.title, faq.notes) == (effort, "Help pages", "Ask support")
        assert plan.initiative("crm").customer_value == 5
    picked = result.plan({"initiatives[faq].effort": "theirs"})
    assert picked.initiative("faq").effort == 4


def test_estimates_merge_by_participant_and_rows_by_their_key() -> None:
    def ours_change(d: dict[str, Any]) -> None:
        _initiative(d, "web-chat")["estimates"].append({"participant": "Bo", "effort": 3})
        d["areas"]["insight"]["kpis"][0]["baseline"] = 72

    def theirs_change(d: dict[str, Any]) -> None:
        _initiative(d, "web-chat")["estimates"][0]["effort"] = 1  # Anna's
        d["areas"]["insight"]["kpis"][1]["target"] = 5
        d["areas"]["insight"]["kpis"].append({"measure": "nps", "baseline": 10})

    result = merge(base_plan(), edited(ours_change), edited(theirs_change))
    assert result.clean
    plan = result.plan()
    estimates = {e.participant: e.effort for e in plan.initiative("web-chat").estimates}
    assert estimates == {"Anna": 1, "Bo": 3}
    kpis = plan.areas.insight.kpis
    assert [(k.measure, k.baseline, k.target) for k in kpis] == [
        ("csat", 72, 85),
        ("handling_time", 9, 5),
        ("nps", 10, None),
    ]


def test_removed_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    ours = edited(lambda d: d["initiatives"].pop(1))  # faq
    theirs = edited(lambda d: _initiative(d, "faq").update(effort=2))
    result = merge(base_plan(), ours, theirs)
    (conflict,) = result.conflicts
    assert conflict.where() == "initiatives[faq]"
    assert conflict.ours is MISSING
    assert "faq" not in [i.id for i in result.plan("ours").initiatives]
    assert result.plan("theirs").initiative("faq").effort == 2


def test_participants_merge_as_names_and_the_later_update_time_wins() -> None:
    def ours_change(d: dict[str, Any]) -> None:
        d["participants"].append("Cy")
        d["updated"] = datetime(2026, 12, 1, tzinfo=UTC)

    def theirs_change(d: dict[str, Any]) -> None:
        d["participants"].remove("Anna")
        d["participants"].append("Dee")
        d["initiatives"][0]["estimates"] = []
        d["updated"] = datetime(2026, 12, 2, tzinfo=UTC)

    result = merge(base_plan(), edited(ours_change), edited(theirs_change))
    assert result.clean
    assert result.plan().participants == ["Bo", "Cy", "Dee"]
    assert result.plan().updated == datetime(2026, 12, 2, tzinfo=UTC)


def test_clean_changes_that_together_break_a_rule_become_conflicts() -> None:
    """Each side adds one dependency; together they form a cycle."""
    ours = edited(lambda d: _initiative(d, "faq").update(depends_on=["crm"]))
    theirs = edited(lambda d: _initiative(d, "crm").update(depends_on=["faq"]))
    result = merge(base_plan(), ours, theirs)
    assert not result.clean
    assert any("cycle" in c.reason for c in result.conflicts)
    assert result.plan("ours") == ours
    assert result.plan("theirs") == theirs


def test_a_plan_added_on_both_sides_merges_against_nothing() -> None:
    result = merge(None, base_plan(), edited(lambda d: d.update(currency="EUR")))
    assert [c.where() for c in result.conflicts] == ["currency"]


def test_conflicts_as_marked_text_name_their_key_path_and_resolve_to_either_side() -> None:
    ours = edited(lambda d: _initiative(d, "faq").update(effort=3, title="Help"))
    theirs = edited(lambda d: _initiative(d, "faq").update(effort=4, title="Howto"))
    text, result = merge_texts(base_plan(), ours, theirs)
    assert len(result.conflicts) == 2
    hunks = find_hunks(text)
    assert [h.paths for h in hunks] == [("initiatives[faq].title",), ("initiatives[faq].effort",)]
    error = conflict_error(text, "plan.toml")
    assert error is not None
    first = str(error.problems[0])
    line = text.splitlines().index("<<<<<<< ours: initiatives[faq].title") + 1
    assert first.startswith(f"plan.toml:{line}: initiatives[faq].title: unresolved merge conflict")
    with pytest.raises(storage.PlanError) as raised:  # the reader recognises the blocks
        storage.loads(text, "plan.toml")
    assert [p.place for p in raised.value.problems] == [
        "initiatives[faq].title",
        "initiatives[faq].effort",
    ]
    assert storage.loads(resolve_text(text, lambda h: "ours")) == result.plan("ours")
    assert storage.loads(resolve_text(text, lambda h: "theirs")) == result.plan("theirs")
    mixed = resolve_text(text, lambda h: "theirs" if "effort" in h.place else "ours")
    assert storage.loads(mixed) == result.plan({"initiatives[faq].effort": "theirs"})


def test_git_style_markers_are_reported_too() -> None:
    text = storage.dumps(base_plan()).replace(
        'currency = "SEK"\n',
        '<<<<<<< HEAD\ncurrency = "SEK"\n=======\ncurrency = "EUR"\n>>>>>>> b\n',
    )
    with pytest.raises(storage.PlanError) as raised:
        storage.loads(text, "p.toml")
    (problem,) = raised.value.problems
    assert problem.line == text.splitlines().index("<<<<<<< HEAD") + 1
    assert "'currency = \"SEK\"'" in problem.message
    assert "EUR" in problem.message


# --- properties -------------------------------------------------------------------------------


@EXAMPLES
@given(three())
def test_one_side_unchanged_gives_the_other(plans: tuple[Plan, Plan, Plan]) -> None:
    base, ours, theirs = plans
    assert merge(base, ours, base).plan() == ours
    assert merge(base, base, theirs).plan() == theirs
    assert merge(base, ours, ours).plan() == ours
    assert merge(base, ours, base).clean
    assert merge(base, base, theirs).clean


@EXAMPLES
@given(three())
def test_a_merge_is_the_same_whichever_side_is_ours(plans: tuple[Plan, Plan, Plan]) -> None:
    base, ours, theirs = plans
    one, other = merge(base, ours, theirs), merge(base, theirs, ours)
    assert sorted(c.where() for c in one.conflicts) == sorted(c.where() for c in other.conflicts)
    if one.clean:
        assert one.plan() == other.plan()
        assert storage.dumps(one.plan()) == storage.dumps(other.plan())  # the same order too
    else:
        assert one.plan("ours") == other.plan("theirs")


@EXAMPLES
@given(three())
def test_the_result_always_validates_and_keeps_what_one_side_changed(
    plans: tuple[Plan, Plan, Plan],
) -> None:
    base, ours, theirs = plans
    result = merge(base, ours, theirs)
    for side in ("ours", "theirs"):
        plan = result.plan(side)  # type: ignore[arg-type]  # raises when it does not validate
        assert storage.loads(storage.dumps(plan)) == plan
    if result.clean:
        merged = {i.id: i for i in result.plan().initiatives}
        base_ids = {i.id for i in base.initiatives}
        for item in [*ours.initiatives, *theirs.initiatives]:
            if item.id not in base_ids:
                assert item.id in merged  # an addition is never lost


@EXAMPLES
@given(three())
def test_conflict_text_resolves_to_either_side(plans: tuple[Plan, Plan, Plan]) -> None:
    base, ours, theirs = plans
    result = merge(base, ours, theirs)
    if result.clean:
        return
    text = conflict_text(result)
    assert find_hunks(text)
    assert storage.loads(resolve_text(text, lambda h: "ours")) == result.plan("ours")
    assert storage.loads(resolve_text(text, lambda h: "theirs")) == result.plan("theirs")
