"""The ranking's rows and details with the room's results: the latest vote's dots and
the history of kept rounds, worked out without widgets."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from kxplan.model import Plan
from kxplan.scoring import rank
from kxplan.tui.ranking_details import details
from kxplan.tui.ranking_rows import Filters, cells, rows_of

WHEN = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)


def plan(**records: Any) -> Plan:
    return Plan.model_validate(
        {
            "title": "T",
            "scoring": {"criteria": [{"id": "risk", "label": "Risk"}]},
            "initiatives": [
                {"id": "chat", "title": "Web chat", "effort": 2, "customer_value": 4,
                 "efficiency": 3},
                {"id": "faq", "title": "FAQ", "effort": 1, "customer_value": 2, "efficiency": 2},
                {"id": "crm", "title": "CRM"},
            ],
            **records,
        }
    )  # fmt: skip


VOTES = [
    {"when": WHEN, "dots": 1, "voters": 1, "initiatives": ["faq"], "counts": {"faq": 1}},
    {"when": WHEN, "dots": 3, "voters": 3, "question": "First?", "initiatives": ["chat", "crm"],
     "counts": {"chat": 5, "crm": 2}},
]  # fmt: skip


def text(line: tuple[tuple[str, str], ...]) -> str:
    return "".join(piece for piece, _style in line)


def test_rows_carry_the_latest_votes_dots_and_cells_gain_a_column() -> None:
    voted = plan(votes=VOTES)
    rows = rows_of(voted, rank(voted), Filters())
    assert {r.id: r.dots for r in rows} == {"chat": 5, "faq": None, "crm": 2}
    by_id = {r.id: cells(r, {}) for r in rows}
    assert by_id["chat"][-1] == ("5", "")
    assert by_id["faq"][-1] == ("–", "dim")  # not in the latest vote
    assert len(by_id["crm"]) == 9
    plain = plan()
    assert all(len(cells(r, {})) == 8 for r in rows_of(plain, rank(plain), Filters()))


def test_details_say_the_dots_and_each_round_oldest_first() -> None:
    rounds = [
        {"when": WHEN, "outcome": "voted again", "results": [
            {"initiative": "chat", "score": "effort", "answers": 3, "median": 3, "low": 1,
             "high": 5, "agreement": "low"}]},
        {"when": WHEN, "results": [
            {"initiative": "chat", "score": "effort", "answers": 3, "median": 3, "low": 3,
             "high": 4, "agreement": "high"},
            {"initiative": "chat", "criterion": "risk", "answers": 1, "median": 2, "low": 2,
             "high": 2}]},
    ]  # fmt: skip
    voted = plan(votes=VOTES, rounds=rounds)
    rows = rows_of(voted, rank(voted), Filters())
    said = [text(line) for line in details(voted, rows, "chat", "", {})]
    assert said[1] == "Dots: 5 of 7 in the latest vote on 'First?' (3 each, 3 voters)"
    assert said[2] == "Rounds: Effort 3 (1–5, 3, low) → 3 (3–4, 3, high)"
    assert said[3] == "Rounds: Risk 2 (2, 1)"
    unscored = [text(line) for line in details(voted, rows, "crm", "", {})]
    assert unscored[1].startswith("Dots: 2 of 7")
    assert [text(line) for line in details(voted, rows, "faq", "", {})][1:] == []
