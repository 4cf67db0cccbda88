"""Reading the initiative form, without Pilot: typed text -> initiative or placed problems."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from kxplan.model import Estimate, Initiative, Plan
from kxplan.tui.initiative_form import (
    ESTIMATE_ROWS_LIMIT,
    FormState,
    InitiativeForm,
    in_kept_order,
    show_number,
)


def plan() -> Plan:
    return Plan(
        title="Workshop",
        participants=["Anna", "Bo"],
        initiatives=[
            Initiative(
                id="web-chat",
                title="Web chat",
                effort=2,
                estimates=[Estimate(participant="Anna", effort=2, reach=50)],
            ),
            Initiative(id="chat-bot", title="Chat bot", depends_on=["web-chat"]),
        ],
    )


def test_the_form_module_needs_no_textual() -> None:
    code = "import sys, kxplan.tui.initiative_form; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_valid_form_reads_as_the_initiative() -> None:
    form = InitiativeForm(plan())
    state = FormState(
        title="Tracking link",
        id="tracking-link",
        texts={"why": "Where is my parcel?"},
        status="planned",
        areas=["insight"],
        depends_on=["web-chat"],
        scores={"effort": "1", "customer_value": "4,5"},
        estimates=[{"effort": "2"}, {}],
    )
    reading = form.read(state)
    assert reading.errors == {}
    item = reading.initiative
    assert item is not None
    assert (item.id, item.status, item.effort, item.customer_value) == (
        "tracking-link",
        "planned",
        1,
        4.5,
    )
    assert [e.participant for e in item.estimates] == ["Anna"]
    assert reading.estimated == {"effort": [2]}


def test_each_problem_is_placed_on_its_field() -> None:
    form = InitiativeForm(plan())
    reading = form.read(
        FormState(
            title="X",
            id="web-chat",
            scores={"effort": "9", "confidence": "120", "reach": "lots"},
            estimates=[{"customer_value": "0"}],
        )
    )
    assert reading.initiative is None
    assert "taken by 'Web chat'" in reading.errors["id"]
    assert reading.errors["effort"] == "expected a score from 1 to 5, got 9"
    assert "0 to 100" in reading.errors["confidence"]
    assert "reach" in reading.errors
    assert reading.errors["estimate-0-customer_value"].startswith("Anna, customer value:")


def test_a_cycle_through_the_initiative_is_named_by_titles() -> None:
    the_plan = plan()
    form = InitiativeForm(the_plan, the_plan.initiative("web-chat"))
    reading = form.read(
        FormState(title="Web chat", id="web-chat", depends_on=["chat-bot"], estimates=[{}, {}])
    )
    assert reading.errors["depends_on"] == (
        "dependencies form a cycle: Web chat → Chat bot → Web chat"
    )


def test_editing_keeps_the_estimates_reach_and_the_list_order() -> None:
    the_plan = plan()
    original = the_plan.initiative("web-chat")
    form = InitiativeForm(the_plan, original)
    reading = form.read(
        FormState(
            title="Web chat", id="web-chat", scores={"effort": "2"}, estimates=[{"effort": "2"}]
        )
    )
    assert reading.initiative == original


def test_a_large_room_gives_rows_only_to_those_who_estimated_and_names_add_rows() -> None:
    names = [f"P{i}" for i in range(ESTIMATE_ROWS_LIMIT + 1)]
    the_plan = plan().model_copy(update={"participants": [*names, "Anna"]})
    form = InitiativeForm(the_plan, the_plan.initiative("web-chat"))
    assert form.rows == ["Anna"]
    assert form.add_row("p3") == "P3"  # a known participant keeps their spelling
    assert form.add_row("anna") is None  # has a row already
    assert form.add_row("Zed") == "Zed"
    assert form.rows == ["Anna", "P3", "Zed"]
    assert "Zed" in form.participants


@given(
    st.lists(st.sampled_from("abcdef"), unique=True),
    st.lists(st.sampled_from("abcdef"), unique=True),
)
def test_kept_order_keeps_what_was_there_in_its_order(before: list[str], chosen: list[str]) -> None:
    kept = in_kept_order(before, chosen)
    assert sorted(kept) == sorted(chosen)
    assert [v for v in kept if v in before] == [v for v in before if v in chosen]


def test_numbers_show_as_typed() -> None:
    assert [show_number(v) for v in (None, 2.0, 2.5)] == ["", "2", "2.5"]
