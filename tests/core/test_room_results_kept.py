"""What the room keeps in the plan: dot votes, every revealed round, criteria answers,
raters for any score, and ideas with the area they were sent for."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan import storage
from kxplan.model import Plan
from kxplan.room.host import RoomHost
from kxplan.room.ideas import as_initiative
from kxplan.room.journal import journal_path, replay
from kxplan.room.records import rounds_to_keep, vote_record, with_rounds
from kxplan.room.state import Refused, Room
from kxplan.room.tally import round_tallies
from kxplan.room.views import participant_view
from kxplan.scoring.estimates import agreement

WHEN = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
RISK = "criteria.risk"


def plan() -> Plan:
    return Plan.model_validate(
        {
            "title": "Kundservice 2027",
            "participants": ["Anna", "Bo", "Cia"],
            "scoring": {
                "criteria": [
                    {
                        "id": "risk",
                        "label": "Risk to the launch",
                        "min": 0,
                        "max": 4,
                        "anchors": {"0": "None at all", "4": "It could stop us"},
                    }
                ]
            },
            "initiatives": [
                {"id": "chat", "title": "Web chat", "criteria": {"risk": 1}},
                {"id": "faq", "title": "FAQ"},
            ],
        }
    )


def test_a_criterion_is_asked_on_its_own_scale_and_accepted_as_the_median() -> None:
    room = Room(plan())
    anna, bo, cia = (room.join(n) for n in ("Anna", "Bo", "Cia"))
    r = room.start_round(["chat"], ["effort", RISK])
    assert r.scores == ("effort", RISK)
    view = participant_view(room, "Anna")
    asked = view["round"]["items"][0]["questions"][1]
    assert asked["label"] == "Risk to the launch"
    assert (asked["min"], asked["max"], asked["step"]) == (0, 4, 1)
    assert asked["anchors"] == [[0, "None at all"], [4, "It could stop us"]]
    with pytest.raises(Refused, match="from 0 to 4"):
        room.answer(anna, r.number, "chat", RISK, 5)
    for token, value in ((anna, 1), (bo, 3), (cia, 4)):
        room.answer(token, r.number, "chat", RISK, value)
    room.answer(anna, r.number, "chat", "effort", 2)
    room.reveal(r.number)
    accepted = room.accept(r.number)
    chat = accepted.initiative("chat")
    assert chat.criteria == {"risk": 3}  # the median, where the criteria scores live
    assert [(e.participant, e.effort) for e in chat.estimates] == [("Anna", 2)]


def test_a_criterion_the_plan_lacks_is_not_asked() -> None:
    room = Room(plan())
    with pytest.raises(Refused, match="at least one score"):
        room.start_round(["chat"], ["criteria.cost"])


def test_any_score_can_be_limited_to_some_raters() -> None:
    room = Room(plan())
    anna, bo = room.join("Anna"), room.join("Bo")
    r = room.start_round(
        ["chat"], ["customer_value", RISK], {"customer_value": ["Anna"], RISK: ["Bo"]}
    )
    with pytest.raises(Refused, match="Customer value is rated by others"):
        room.answer(bo, r.number, "chat", "customer_value", 3)
    with pytest.raises(Refused, match="Risk to the launch is rated by others"):
        room.answer(anna, r.number, "chat", RISK, 3)
    room.answer(anna, r.number, "chat", "customer_value", 3)
    room.answer(bo, r.number, "chat", RISK, 2)
    mays = [q["may"] for q in participant_view(room, "Bo")["round"]["items"][0]["questions"]]
    assert mays == [False, True]
    assert r.complete_for("Anna")
    assert r.complete_for("Bo")
    with pytest.raises(Refused, match="at least one person"):
        room.start_round(["chat"], ["effort"], {"effort": []})


def test_a_revote_keeps_both_rounds_oldest_first_with_what_became_of_them() -> None:
    room = Room(plan())
    tokens = [room.join(n) for n in ("Anna", "Bo", "Cia")]
    first = room.start_round(["chat"], ["effort"])
    for token, value in zip(tokens, (1, 3, 5), strict=True):
        room.answer(token, first.number, "chat", "effort", value)
    room.reveal(first.number)
    second = room.revote(first.number)
    for token, value in zip(tokens, (3, 3, 4), strict=True):
        room.answer(token, second.number, "chat", "effort", value)
    room.reveal(second.number)
    room.accept(second.number)
    kept = rounds_to_keep(room.plan, room.rounds, second.number, WHEN)
    assert [k.outcome for k in kept] == ["voted again", "accepted"]
    before, after = kept[0].results[0], kept[1].results[0]
    assert (before.median, before.low, before.high, before.agreement) == (3, 1, 5, "low")
    assert (after.median, after.low, after.high, after.agreement) == (3, 3, 4, "high")
    assert after.answers == 3
    assert after.score == "effort"
    assert after.criterion is None
    saved = with_rounds(room.accepted_plan(), kept)
    again = storage.loads(storage.dumps(saved), "plan.toml")
    assert [r.outcome for r in again.rounds] == ["voted again", "accepted"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=8))
def test_a_kept_round_says_what_the_tally_says(values: list[int]) -> None:
    room = Room(
        Plan.model_validate(
            {"title": "T", "initiatives": [{"id": "a", "title": "A"}]}, strict=False
        )
    )
    room.allow_new_names = True
    r = room.start_round(["a"], ["effort"])
    for index, value in enumerate(values):
        room.answer(room.join(f"P{index}"), r.number, "a", "effort", value)
    room.reveal(r.number)
    (record,) = rounds_to_keep(room.plan, room.rounds, r.number, WHEN)
    (result,) = record.results
    (tally,) = round_tallies(room.plan, r)
    assert result.answers == len(values)
    assert result.low == min(values) <= result.median <= result.high == max(values)
    expected = agreement(min(values), max(values), 4) if len(values) > 1 else None
    assert result.agreement == expected == tally.agreement


def test_a_dot_vote_is_kept_with_its_counts_and_names_only_when_named() -> None:
    room = Room(plan())
    anna, bo = room.join("Anna"), room.join("Bo")
    vote = room.start_dots(2, ["chat", "faq"], anonymous=False, question="Which first?")
    for token, item in ((anna, "chat"), (anna, "chat"), (bo, "faq")):
        room.place(token, vote.number, item, 1)
    with pytest.raises(Refused, match="End the vote first"):
        room.keep_dots(vote.number)
    room.end_dots(vote.number)
    record = vote_record(vote, WHEN)
    assert (record.question, record.dots, record.voters) == ("Which first?", 2, 2)
    assert record.counts == {"chat": 2, "faq": 1}
    assert record.placed is not None
    assert [(p.participant, p.initiative, p.dots) for p in record.placed] == [
        ("Anna", "chat", 2),
        ("Bo", "faq", 1),
    ]
    room.keep_dots(vote.number)
    with pytest.raises(Refused, match="in the plan already"):
        room.keep_dots(vote.number)
    secret = room.start_dots(1, ["chat", "faq"])
    room.place(anna, secret.number, "chat", 1)
    room.end_dots(secret.number)
    anonymous = vote_record(secret, WHEN)
    assert anonymous.placed is None
    assert anonymous.counts == {"chat": 1}


def test_an_idea_is_for_the_area_the_workshop_is_on(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    storage.save(plan(), path)
    host = RoomHost.open(plan(), path)
    room = host.room
    room.area_now = lambda: "service_friendliness"
    token = room.join("Cia")
    idea = room.send_idea(token, "initiative", "Fewer forms", "One form, not three")
    assert idea.area == "service_friendliness"
    room.area_now = lambda: None
    plain = room.send_idea(token, "initiative", "Anything")
    made = as_initiative(idea, room.plan)
    assert made.areas == ["service_friendliness"]
    assert "Suggested by Cia in the room." in made.notes
    assert as_initiative(plain, room.plan).areas == []
    host.journal.close()
    lines = [json.loads(line) for line in journal_path(path).read_text().splitlines()[1:]]
    assert [e.get("area") for e in lines if e["event"] == "idea"] == ["service_friendliness", None]
    back, _header = replay(journal_path(path), plan())
    assert [i.area for i in back.ideas] == ["service_friendliness", None]


def test_a_kept_vote_and_its_question_come_back_from_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    storage.save(plan(), path)
    host = RoomHost.open(plan(), path)
    room = host.room
    vote = room.start_dots(3, ["chat"], question="Which?")
    room.end_dots(vote.number)
    room.keep_dots(vote.number)
    first = room.start_round(["chat"], ["effort"])
    room.answer(room.join("Anna"), first.number, "chat", "effort", 2)
    room.reveal(first.number)
    host.journal.close()
    back, _header = replay(journal_path(path), plan())
    assert (back.votes[0].question, back.votes[0].kept) == ("Which?", True)
    assert back.rounds[0].revealed_at is not None
    kept = rounds_to_keep(back.plan, back.rounds, 1, WHEN)
    assert kept[0].when == datetime.fromisoformat(back.rounds[0].revealed_at)
