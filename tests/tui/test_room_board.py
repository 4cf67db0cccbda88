"""The room's board, worked out without widgets."""

from __future__ import annotations

from kxplan.model import Plan
from kxplan.room.state import Room
from kxplan.tui.room_board import people, round_lines


def _room() -> Room:
    return Room(
        Plan.model_validate(
            {
                "title": "T",
                "participants": ["Anna", "Bo", "Cia"],
                "initiatives": [{"id": "chat", "title": "Web chat"}],
            }
        )
    )


def test_before_the_reveal_the_board_names_who_answered_never_what() -> None:
    room = _room()
    anna, bo = room.join("Anna"), room.join("Bo")
    r = room.start_round(["chat"], ["effort", "customer_value"])
    room.answer(anna, r.number, "chat", "effort", 4)
    room.answer(anna, r.number, "chat", "customer_value", 5)
    room.answer(bo, r.number, "chat", "effort", 1)
    text = "\n".join(line.text for line in round_lines(room, r))
    assert "Answered everything: 1 of 2 joined · partly: Bo" in text
    assert "4" not in text.split("Web chat")[1].replace("answers so far", "")
    assert "5" not in text.split("Web chat")[1]


def test_a_vote_again_shows_whether_the_room_came_closer() -> None:
    room = _room()
    tokens = [room.join(n) for n in ("Anna", "Bo", "Cia")]
    first = room.start_round(["chat"], ["effort"])
    for token, value in zip(tokens, (1, 3, 5), strict=True):
        room.answer(token, first.number, "chat", "effort", value)
    room.reveal(first.number)
    second = room.revote(first.number)
    for token, value in zip(tokens, (3, 3, 4), strict=True):
        room.answer(token, second.number, "chat", "effort", value)
    room.reveal(second.number)
    text = "\n".join(line.text for line in round_lines(room, second))
    assert "round before: median 3 → 3, agreement low → high" in text


def test_people_marks_who_is_here_who_joined_and_who_not_yet() -> None:
    room = _room()
    room.join("Anna")
    room.join("Bo")
    marks = people(room, {"Anna": 1})[1].text
    assert marks == "● Anna   ○ Bo   · Cia"
