"""The session's operations: the only ways the plan changes, each checking what it changes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kxplan import templates
from kxplan.framework import AREA_IDS
from kxplan.model import Channel, Initiative, Stakeholder
from kxplan.model.tables import AREA_TABLES, TABLES_BY_ATTRIBUTE
from kxplan.session import NOTE_KEYS, EditRefused, Session

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
CHANNELS = TABLES_BY_ATTRIBUTE["channels"]
STAKEHOLDERS = TABLES_BY_ATTRIBUTE["stakeholders"]


def session() -> Session:
    return Session(templates.new_plan("contact-centre", now=NOW), None, clock=lambda: NOW)


def test_setting_a_field_marks_a_change_only_when_it_changes() -> None:
    s = session()
    assert s.set_plan_field("organisation", "Acme")
    assert s.dirty
    assert s.plan.organisation == "Acme"
    s.dirty = False
    assert not s.set_plan_field("organisation", "Acme")
    assert not s.dirty


def test_a_blank_title_is_kept_as_typed_and_its_problem_named() -> None:
    s = session()
    s.set_plan_field("title", "")
    assert s.plan.title == ""
    assert [loc for loc, _ in s.plan_field_problems("title")] == [("title",)]
    assert s.plan_field_problems("participants") == []


def test_participants_listed_twice_are_named() -> None:
    s = session()
    s.set_plan_field("participants", ["Ann", " ann "])
    assert s.plan.participants == ["Ann", "ann"]
    assert s.plan_field_problems("participants")[0][0] == ("participants", 1)


def test_a_field_that_is_not_the_rooms_is_refused() -> None:
    s = session()
    with pytest.raises(EditRefused):
        s.set_plan_field("schema_version", "9")  # type: ignore[arg-type]
    with pytest.raises(EditRefused):
        s.set_plan_field("participants", "Ann, Bo")
    assert not s.dirty


def test_notes_and_maturity_reach_the_area() -> None:
    s = session()
    assert s.set_area_notes("mobility", "how", "Apps")
    assert s.set_strategy_notes("today", "Slow")
    level = 5 if s.plan.areas.mobility.maturity_today != 5 else 4
    assert s.set_maturity("mobility", "maturity_today", level)
    assert s.plan.areas.mobility.how == "Apps"
    assert s.plan.strategy.today == "Slow"
    assert s.plan.areas.mobility.maturity_today == level
    assert s.set_maturity("mobility", "maturity_today", None)
    assert s.plan.areas.mobility.maturity_today is None


def test_a_maturity_off_the_scale_is_refused_and_the_plan_kept() -> None:
    s = session()
    before = s.plan.areas.insight.maturity_today
    with pytest.raises(EditRefused):
        s.set_maturity("insight", "maturity_today", 9)
    assert s.plan.areas.insight.maturity_today == before
    assert not s.dirty


def test_rows_are_added_replaced_and_deleted() -> None:
    s = session()
    rows = CHANNELS.rows(s.plan)
    count = len(rows)
    index = s.add_row(CHANNELS, Channel(name="Carrier pigeon"))
    assert index == count
    assert CHANNELS.rows(s.plan)[index].name == "Carrier pigeon"
    assert s.replace_row(CHANNELS, index, Channel(name="Owl"))
    assert not s.replace_row(CHANNELS, index, Channel(name="Owl"))
    assert s.delete_row(CHANNELS, index).name == "Owl"  # type: ignore[attr-defined]
    assert len(CHANNELS.rows(s.plan)) == count
    with pytest.raises(IndexError):
        s.delete_row(CHANNELS, count + 5)


def test_a_row_that_breaks_its_tables_rules_is_refused() -> None:
    s = session()
    existing = CHANNELS.rows(s.plan)[0].name
    before = list(CHANNELS.rows(s.plan))
    with pytest.raises(EditRefused) as caught:
        s.add_row(CHANNELS, Channel(name=existing.upper()))
    assert caught.value.problems[0][0] == ("",)
    with pytest.raises(EditRefused):
        s.add_row(CHANNELS, Channel.model_construct(name="x", cost_per_contact=-1))
    with pytest.raises(EditRefused):
        s.add_row(CHANNELS, Stakeholder(name="Board"))  # a row of another table
    assert CHANNELS.rows(s.plan) == before
    assert not s.dirty


def test_row_problems_look_at_the_table_alone() -> None:
    s = session()
    s.set_plan_field("title", "")  # broken elsewhere in the plan
    assert s.row_problems(STAKEHOLDERS, Stakeholder(name="Board")) == []
    assert s.row_problems(STAKEHOLDERS, Stakeholder(name=" ")) == [
        (("name",), "expected a name, got blank")
    ]


def test_initiatives_are_put_replaced_and_deleted() -> None:
    s = session()
    first = s.plan.initiatives[0]
    renamed = first.model_copy(update={"id": "renamed"})
    assert s.replace_initiative(first.id, renamed)
    assert s.plan.initiative("renamed") is renamed
    assert not s.replace_initiative("renamed", renamed)
    assert s.delete_initiative("renamed") is renamed
    with pytest.raises(KeyError):
        s.plan.initiative("renamed")


def test_an_initiative_that_breaks_the_rules_is_refused() -> None:
    s = session()
    with pytest.raises(EditRefused):
        s.put_initiative(Initiative(id="x", title="X", depends_on=["nobody"]))
    s.put_initiative(Initiative(id="a", title="A"))
    s.put_initiative(Initiative(id="b", title="B", depends_on=["a"]))
    before = list(s.plan.initiatives)
    with pytest.raises(EditRefused) as caught:  # a cycle through it
        s.put_initiative(Initiative(id="a", title="A", depends_on=["b"]), "a")
    assert "cycle" in str(caught.value)
    assert s.plan.initiatives == before


def test_an_estimate_by_someone_new_makes_them_a_participant() -> None:
    s = session()
    item = Initiative.model_validate(
        {"id": "new", "title": "New", "estimates": [{"participant": "Zed", "effort": 2}]}
    )
    s.put_initiative(item)
    assert "Zed" in s.plan.participants


# --- properties: an operation, saved and opened again, gives the same plan ------------

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
NAME = TEXT.filter(lambda text: bool(text.strip()))

OPERATIONS = st.one_of(
    st.tuples(st.just("field"), st.sampled_from(["organisation", "version", "currency"]), TEXT),
    st.tuples(st.just("area notes"), st.sampled_from(AREA_IDS), st.sampled_from(NOTE_KEYS), TEXT),
    st.tuples(st.just("strategy notes"), st.sampled_from(NOTE_KEYS), TEXT),
    st.tuples(
        st.just("maturity"),
        st.sampled_from(AREA_IDS),
        st.sampled_from(["maturity_today", "maturity_target"]),
        st.none() | st.integers(1, 5),
    ),
    st.tuples(st.just("add stakeholder"), NAME),
    st.tuples(st.just("delete row"), st.sampled_from(AREA_TABLES), st.integers(0, 10)),
    st.tuples(st.just("delete initiative"), st.integers(0, 10)),
)


def apply(s: Session, operation: tuple[object, ...]) -> None:
    kind, *args = operation
    try:
        if kind == "field":
            s.set_plan_field(args[0], args[1])  # type: ignore[arg-type]
        elif kind == "area notes":
            s.set_area_notes(args[0], args[1], args[2])  # type: ignore[arg-type]
        elif kind == "strategy notes":
            s.set_strategy_notes(args[0], args[1])  # type: ignore[arg-type]
        elif kind == "maturity":
            s.set_maturity(args[0], args[1], args[2])  # type: ignore[arg-type]
        elif kind == "add stakeholder":
            s.add_row(STAKEHOLDERS, Stakeholder(name=str(args[0])))
        elif kind == "delete row":
            s.delete_row(args[0], int(args[1]))  # type: ignore[arg-type]
        elif kind == "delete initiative" and s.plan.initiatives:
            s.delete_initiative(s.plan.initiatives[int(args[0]) % len(s.plan.initiatives)].id)
    except (EditRefused, IndexError):
        pass  # refused: the plan is as it was, which the round trip checks too


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=st.lists(OPERATIONS, min_size=1, max_size=6))
def test_operations_then_save_and_open_give_the_same_plan(
    tmp_path: Path, operations: list[tuple[object, ...]]
) -> None:
    s = session()
    for operation in operations:
        apply(s, operation)
    path = tmp_path / "plan.toml"
    s.save_as(path)
    assert Session.open(path).plan == s.plan


@settings(max_examples=40, deadline=None)
@given(operation=OPERATIONS)
def test_a_refused_operation_leaves_the_plan_as_it_was(operation: tuple[object, ...]) -> None:
    s = session()
    before = s.plan.model_copy(deep=True)
    kind = operation[0]
    try:
        if kind == "maturity":
            s.set_maturity(operation[1], operation[2], 7)  # type: ignore[arg-type]
        elif kind == "add stakeholder":
            s.add_row(STAKEHOLDERS, Stakeholder(name=STAKEHOLDERS.rows(s.plan)[0].name))
        else:
            return
    except EditRefused:
        pass
    assert s.plan == before
    assert not s.dirty
