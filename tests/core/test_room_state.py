"""The room: joining, blind rounds, reveal, accept, re-vote, dots and ideas."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kxplan.model import Plan
from kxplan.room.state import Refused, Room
from kxplan.room.views import participant_view


def plan() -> Plan:
    return Plan.model_validate(
        {
            "title": "Kundservice 2027",
            "participants": ["Anna", "Bo", "Cia"],
            "initiatives": [
                {"id": "chat", "title": "Web chat", "why": "Long queues", "effort": 2},
                {
                    "id": "faq",
                    "title": "FAQ",
                    "estimates": [{"participant": "Bo", "effort": 1, "confidence": 50}],
                },
                {"id": "secret", "title": "Not in any round", "why": "private"},
            ],
        }
    )


def test_a_round_takes_answers_on_the_plans_scales_and_accept_makes_estimates() -> None:
    journal: list[dict[str, Any]] = []
    room = Room(plan(), record=journal.append)
    anna, bo = room.join("Anna"), room.join("bo")  # names match whatever their case
    assert room.tokens[bo] == "Bo"
    r = room.start_round(["chat", "faq"], ["effort", "customer_value"])
    room.answer(anna, r.number, "chat", "effort", 4)
    room.answer(bo, r.number, "chat", "effort", 2)
    room.answer(bo, r.number, "faq", "effort", 3)
    room.answer(anna, r.number, "chat", "effort", 3)  # changed her mind: the last counts
    room.reveal(r.number)
    accepted = room.accept(r.number)
    chat = {e.participant: e for e in accepted.initiative("chat").estimates}
    assert (chat["Anna"].effort, chat["Bo"].effort) == (3, 2)
    faq = {e.participant: e for e in accepted.initiative("faq").estimates}
    assert faq["Bo"].effort == 3
    assert faq["Bo"].confidence == 50  # what Bo gave before stays
    assert [e["event"] for e in journal].count("answer") == 4


@pytest.mark.parametrize(
    ("score", "value", "message"),
    [
        ("effort", 6, "from 1 to 5"),
        ("effort", 0, "from 1 to 5"),
        ("confidence", 101, "from 0 to 100"),
        ("effort", "4", "Pick a number"),
        ("effort", True, "Pick a number"),
        ("effort", float("nan"), "too large"),
        ("efficiency", 3, "not asked"),
    ],
)
def test_answers_off_the_scale_or_not_asked_are_refused(
    score: str, value: object, message: str
) -> None:
    room = Room(plan())
    anna = room.join("Anna")
    r = room.start_round(["chat"], ["effort", "confidence"])
    with pytest.raises(Refused, match=message):
        room.answer(anna, r.number, "chat", score, value)
    assert r.answers == {}


def test_names_not_in_the_plan_need_the_facilitators_permission() -> None:
    with pytest.raises(Refused, match="Pick your name"):
        Room(plan()).join("Eve")
    room = Room(plan(), allow_new_names=True)
    eve = room.join("  Eve  ")
    r = room.start_round(["chat"], ["effort"])
    room.answer(eve, r.number, "chat", "effort", 5)
    room.reveal(r.number)
    assert "Eve" in room.accept(r.number).participants


def test_who_may_rate_which_score() -> None:
    room = Room(plan())
    anna, bo = room.join("Anna"), room.join("Bo")
    r = room.start_round(["chat"], ["effort", "customer_value"], {"effort": ["Bo"]})
    with pytest.raises(Refused, match="rated by others"):
        room.answer(anna, r.number, "chat", "effort", 2)
    room.answer(anna, r.number, "chat", "customer_value", 4)
    room.answer(bo, r.number, "chat", "effort", 2)
    assert r.complete_for("Anna")
    assert not r.complete_for("Bo")


def test_nobody_sees_anyones_value_before_the_reveal() -> None:
    room = Room(plan())
    anna, bo = room.join("Anna"), room.join("Bo")
    r = room.start_round(["chat"], ["effort", "reach"])
    room.answer(anna, r.number, "chat", "effort", 4)
    room.answer(anna, r.number, "chat", "reach", 98765)
    bo_view = participant_view(room, "Bo")
    assert bo_view["round"]["answered"] == ["Anna"]
    assert "reveal" not in bo_view["round"]
    assert [q["mine"] for q in bo_view["round"]["items"][0]["questions"]] == [None, None]
    assert "98765" not in json.dumps(bo_view)
    anna_view = participant_view(room, "Anna")
    assert [q["mine"] for q in anna_view["round"]["items"][0]["questions"]] == [4, 98765]
    room.answer(bo, r.number, "chat", "effort", 2)
    room.reveal(r.number)
    tally, reach = participant_view(room, "Bo")["round"]["reveal"]
    assert reach["values"] == {"Anna": 98765}
    assert (tally["low"], tally["low_by"], tally["high"], tally["high_by"]) == (
        2,
        ["Bo"],
        4,
        ["Anna"],
    )


def test_a_view_holds_only_the_initiatives_the_round_asks_about() -> None:
    room = Room(plan())
    room.join("Anna")
    room.start_round(["chat"], ["effort"])
    assert "Not in any round" not in str(participant_view(room, "Anna"))
    assert "private" not in str(participant_view(room, "Anna"))


def test_no_more_answers_once_revealed_and_a_revote_keeps_the_earlier_round() -> None:
    room = Room(plan())
    anna = room.join("Anna")
    first = room.start_round(["chat"], ["effort"])
    room.answer(anna, first.number, "chat", "effort", 1)
    room.reveal(first.number)
    with pytest.raises(Refused, match="not open"):
        room.answer(anna, first.number, "chat", "effort", 5)
    second = room.revote(first.number)
    assert second.follows == first.number
    assert second.answers == {}
    assert first.answers[("Anna", "chat", "effort")] == 1
    assert first.status == "closed"


def test_dot_votes_give_each_participant_a_fixed_number_of_dots() -> None:
    room = Room(plan())
    anna, bo = room.join("Anna"), room.join("Bo")
    vote = room.start_dots(2, ["chat", "faq"])
    room.place(anna, vote.number, "chat", 1)
    room.place(anna, vote.number, "chat", 1)
    with pytest.raises(Refused, match="no dots left"):
        room.place(anna, vote.number, "faq", 1)
    room.place(anna, vote.number, "chat", -1)
    room.place(anna, vote.number, "faq", 1)
    room.place(bo, vote.number, "faq", 1)
    with pytest.raises(Refused, match="no dot there"):
        room.place(bo, vote.number, "chat", -1)
    assert participant_view(room, "Bo")["dots"]["items"][0]["count"] is None  # blind until the end
    room.end_dots(vote.number)
    assert vote.counts() == {"faq": 2, "chat": 1}


def test_ideas_are_private_until_the_facilitator_shows_them() -> None:
    room = Room(plan())
    anna, bo = room.join("Anna"), room.join("Bo")
    room.send_idea(anna, "friction", "  Invoice\nunclear ", "<script>alert(1)</script>")
    assert room.ideas[0].title == "Invoice unclear"
    assert participant_view(room, "Bo")["ideas"]["list"] == []
    room.show_ideas(True)
    (shown,) = participant_view(room, "Bo")["ideas"]["list"]
    assert shown["text"] == "<script>alert(1)</script>"  # kept literally; the page shows text
    with pytest.raises(Refused, match="kind"):
        room.send_idea(bo, "wish", "x")
    with pytest.raises(Refused, match="too long"):
        room.send_idea(bo, "initiative", "x" * 121)


def test_a_closed_room_takes_nothing() -> None:
    room = Room(plan())
    anna = room.join("Anna")
    r = room.start_round(["chat"], ["effort"])
    room.close()
    with pytest.raises(Refused, match="closed"):
        room.answer(anna, r.number, "chat", "effort", 2)
    assert participant_view(room, "Anna") == {
        "title": "Kundservice 2027",
        "closed": True,
        "me": "Anna",
        "version": room.version,
    }


answers = st.lists(
    st.tuples(
        st.sampled_from(["Anna", "Bo", "Cia"]), st.sampled_from(["chat", "faq"]), st.integers(1, 5)
    ),
    max_size=20,
)


@given(answers)
def test_replaying_the_record_rebuilds_the_same_room(
    given_answers: list[tuple[str, str, int]],
) -> None:
    record: list[dict[str, Any]] = []
    room = Room(plan(), record=record.append)
    tokens = {name: room.join(name) for name in ("Anna", "Bo", "Cia")}
    r = room.start_round(["chat", "faq"], ["effort"])
    for who, item, value in given_answers:
        room.answer(tokens[who], r.number, item, "effort", value)
    room.reveal(r.number)
    room.accept(r.number)
    again = Room(plan())
    for entry in record:
        again.apply(entry)
    assert again.rounds == room.rounds
    assert again.accepted_plan() == room.accepted_plan()
