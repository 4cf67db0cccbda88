"""The plan's kept dot votes and estimation rounds: file shape, located bad input, and
plans that stay valid when an initiative goes or changes id."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st
from support import base_data, base_plan, invoke

from kxplan import storage
from kxplan.model import Plan, latest_dots, with_initiative, without_initiative
from kxplan.model.rules import RuleViolations, plan_rule_problems
from kxplan.session import Session

WHEN = datetime(2026, 12, 3, 14, 30, tzinfo=UTC)


def vote(**changes: Any) -> dict[str, Any]:
    return {
        "when": WHEN,
        "question": "Which first?",
        "dots": 3,
        "anonymous": True,
        "voters": 2,
        "initiatives": ["web-chat", "faq"],
        "counts": {"web-chat": 4, "faq": 2},
        **changes,
    }


def result(**changes: Any) -> dict[str, Any]:
    return {
        "initiative": "web-chat",
        "score": "effort",
        "answers": 3,
        "median": 3,
        "low": 2,
        "high": 5,
        "agreement": "low",
        **changes,
    }


def one(**changes: Any) -> list[dict[str, Any]]:
    """Rounds of one question each."""
    return [{"when": WHEN, "results": [result(**changes)]}]


def with_records(votes: list[dict[str, Any]], rounds: list[dict[str, Any]]) -> dict[str, Any]:
    data = copy.deepcopy(base_data())
    data["scoring"] = {"criteria": [{"id": "risk", "label": "Risk", "anchors": {"1": "None"}}]}
    data["votes"] = votes
    data["rounds"] = rounds
    return data


def problems(data: dict[str, Any]) -> list[str]:
    try:
        Plan.model_validate(data)
    except RuleViolations as error:
        return [str(error)]
    return []


def test_a_plan_without_records_is_written_as_before() -> None:
    text = storage.dumps(base_plan())
    assert "votes" not in text
    assert "rounds" not in text
    assert "votes" not in base_plan().to_data()


def test_records_round_trip_in_a_readable_layout(tmp_path: Path) -> None:
    rounds = [
        {"when": WHEN, "outcome": "voted again", "results": [result()]},
        {"when": WHEN, "results": [result(median=4, low=4, high=4, agreement="high")]},
        {"when": WHEN, "results": [result(score=None, criterion="risk", median=2, low=2)]},
    ]
    plan = Plan.model_validate(with_records([vote()], rounds))
    text = storage.dumps(plan)
    assert "[[votes]]" in text
    assert "[votes.counts]\nweb-chat = 4\nfaq = 2\n" in text
    assert '    { initiative = "web-chat", score = "effort", answers = 3, median = 3,' in text
    assert 'outcome = "voted again"' in text
    path = tmp_path / "plan.toml"
    storage.save(plan, path)
    again = storage.load(path)
    assert again == plan
    assert latest_dots(again) == {"web-chat": 4, "faq": 2}
    assert again.rounds[2].results[0].asked == "criteria.risk"


def test_a_named_vote_keeps_who_put_dots_where() -> None:
    placed = [
        {"participant": "Anna", "initiative": "web-chat", "dots": 3},
        {"participant": "Bo", "initiative": "web-chat", "dots": 1},
        {"participant": "Bo", "initiative": "faq", "dots": 2},
    ]
    plan = Plan.model_validate(with_records([vote(anonymous=False, placed=placed)], []))
    assert '    { participant = "Bo", initiative = "faq", dots = 2 },' in storage.dumps(plan)


@pytest.mark.parametrize(
    ("votes", "rounds", "where", "message"),
    [
        ([vote(counts={"web-chat": 4, "nope": 1})], [], "votes[1].counts.nope", "no initiative"),
        ([vote(initiatives=["web-chat", "gone"])], [], "votes[1].initiatives[2]", "no initiative"),
        ([vote(initiatives=["faq"])], [], "votes[1].counts.web-chat", "not among"),
        ([vote(counts={"web-chat": 7})], [], "votes[1].counts", "at most 6"),
        ([vote(placed=[])], [], "votes[1].placed", "anonymous vote keeps no names"),
        (
            [vote(anonymous=False, placed=[{"participant": "A", "initiative": "faq", "dots": 2}])],
            [],
            "votes[1].counts.web-chat",
            "expected 0, the dots placed on it",
        ),
        ([vote(dots=0)], [], "votes[1].dots", ""),
        ([], one(initiative="x"), "rounds[1].results[1]", "no initiative"),
        ([], one(criterion="risk"), "results[1].score", "either a score or a criterion"),
        ([], one(score=None), "results[1].score", "either a score or a criterion"),
        ([], one(score=None, criterion="cost"), "results[1].criterion", "unknown criterion"),
        ([], one(median=9), "results[1].median", "between low and high"),
        ([], [{"when": WHEN, "outcome": "maybe", "results": []}], "rounds[1].outcome", ""),
    ],
)  # fmt: skip
def test_bad_records_are_refused_with_their_place(
    tmp_path: Path,
    votes: list[dict[str, Any]],
    rounds: list[dict[str, Any]],
    where: str,
    message: str,
) -> None:
    path = tmp_path / "plan.toml"  # written by hand, as someone editing the file would
    path.write_text(tomli_w.dumps(_without_none(with_records(votes, rounds))), encoding="utf-8")
    outcome = invoke("show", path)
    assert outcome.exit_code == 2
    line = outcome.stderr.strip().splitlines()
    assert any(where in one and message in one for one in line), outcome.stderr
    assert all(one.startswith(f"{path}:") for one in line)
    assert "Traceback" not in outcome.stderr


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def test_criterion_anchors_are_checked_against_its_scale() -> None:
    data = with_records([], [])
    data["scoring"]["criteria"][0]["anchors"] = {"9": "Too high"}
    assert any("anchors" in p for p in problems(data))


def test_removing_an_initiative_takes_its_dots_and_results_with_it() -> None:
    rounds = [
        {"when": WHEN, "results": [result(), result(initiative="faq")]},
        {"when": WHEN, "results": [result()]},
    ]
    plan = Plan.model_validate(
        with_records([vote(), vote(initiatives=["web-chat"], counts={"web-chat": 3})], rounds)
    )
    left = without_initiative(plan, "web-chat")
    assert plan_rule_problems(left) == []
    assert [v.initiatives for v in left.votes] == [["faq"]]  # a vote on it alone goes
    assert left.votes[0].counts == {"faq": 2}
    assert [[r.initiative for r in done.results] for done in left.rounds] == [["faq"]]


def test_a_renamed_initiative_keeps_its_dots_and_results() -> None:
    plan = Plan.model_validate(with_records([vote()], one()))
    item = plan.initiative("web-chat").model_copy(update={"id": "chat"})
    renamed = with_initiative(plan, item, "web-chat")
    assert plan_rule_problems(renamed) == []
    assert renamed.votes[0].counts == {"chat": 4, "faq": 2}
    assert renamed.rounds[0].results[0].initiative == "chat"


def test_the_session_keeps_the_records_valid_through_edits(tmp_path: Path) -> None:
    plan = Plan.model_validate(with_records([vote()], one()))
    session = Session(plan, tmp_path / "plan.toml")
    item = plan.initiative("faq").model_copy(update={"id": "help-pages"})
    session.put_initiative(item, replacing="faq")
    session.delete_initiative("web-chat")
    session.save()
    saved = storage.load(tmp_path / "plan.toml")
    assert latest_dots(saved) == {"help-pages": 2}
    assert saved.rounds == []


def test_the_session_refuses_records_about_an_initiative_it_lacks(tmp_path: Path) -> None:
    from kxplan.model import DotVoteRecord
    from kxplan.session import EditRefused

    session = Session(base_plan(), tmp_path / "plan.toml")
    record = DotVoteRecord(when=WHEN, dots=1, voters=1, initiatives=["gone"], counts={"gone": 1})
    with pytest.raises(EditRefused, match="no initiative has the id 'gone'"):
        session.keep_room_results(votes=[record])
    assert session.plan.votes == []
    assert not session.dirty


IDS = ["web-chat", "faq", "crm"]


@st.composite
def votes_over_the_plan(draw: st.DrawFn) -> list[dict[str, Any]]:
    found = []
    for _ in range(draw(st.integers(0, 3))):
        chosen = draw(st.lists(st.sampled_from(IDS), min_size=1, unique=True))
        dots = draw(st.integers(1, 5))
        voters = draw(st.integers(1, 4))
        counts: dict[str, int] = {}
        budget = dots * voters
        for item in chosen:
            count = draw(st.integers(0, budget))
            budget -= count
            if count:
                counts[item] = count
        found.append(vote(initiatives=chosen, dots=dots, voters=voters, counts=counts))
    return found


@settings(max_examples=60, deadline=None)
@given(votes_over_the_plan(), st.sampled_from(IDS), st.sampled_from(["gone", "renamed"]))
def test_any_kept_vote_stays_valid_when_an_initiative_goes_or_is_renamed(
    votes: list[dict[str, Any]], target: str, how: str
) -> None:
    plan = Plan.model_validate(with_records(votes, one(initiative=target)))
    if how == "gone":
        edited = without_initiative(plan, target)
    else:
        edited = with_initiative(
            plan, plan.initiative(target).model_copy(update={"id": "new-id"}), target
        )
    assert plan_rule_problems(edited) == []
    Plan.model_validate(edited.model_dump(by_alias=True))
    before = sum(sum(v.counts.values()) for v in plan.votes)
    after = sum(sum(v.counts.values()) for v in edited.votes)
    lost = sum(v.counts.get(target, 0) for v in plan.votes) if how == "gone" else 0
    assert after == before - lost
    assert all(target not in v.initiatives and target not in v.counts for v in edited.votes)
    if how == "renamed" and plan.votes:
        before_dots, after_dots = latest_dots(plan) or {}, latest_dots(edited) or {}
        assert after_dots.get("new-id") == before_dots.get(target)
