"""Rank moves against knock-on shifts, score changes without effect, numbers and user text
in the renderings of a comparison."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kxplan.model import Plan
from kxplan.reports.comparison import format_markdown, format_text
from kxplan.reports.comparison_json import format_json
from kxplan.versions.comparison import compare
from kxplan.versions.moves import real_moves


def plan_data(count: int = 10) -> dict[str, Any]:
    """``count`` initiatives ranked i1 (best) to iN by ratio: value 5, efficiency 5, effort 1..N."""
    return {
        "schema": 1,
        "title": "Ranks",
        "initiatives": [
            {
                "id": f"i{n:02}",
                "title": f"Initiative {n}",
                "effort": 1 + n * 0.25,
                "customer_value": 5,
                "efficiency": 5,
            }
            for n in range(1, count + 1)
        ],
    }


def edited(change: Any, data: dict[str, Any] | None = None) -> Plan:
    copied = copy.deepcopy(data or plan_data())
    change(copied)
    return Plan.model_validate(copied)


OLD = Plan.model_validate(plan_data())


def test_closing_one_initiative_moves_only_that_one() -> None:
    comparison = compare(OLD, edited(lambda d: d["initiatives"][1].update(status="done")))
    assert comparison.rank_moves == {"i02": (2, None)}
    assert len(comparison.rank_shifts) == 8
    assert "1 moved in rank" in comparison.summary()
    text = format_text(comparison, "a", "b")
    assert "  i02: rank 2 → unranked" in text
    assert "  8 others shifted by one or more places because of the changes above" in text
    assert "i03: rank" not in text
    markdown = format_markdown(comparison, "a", "b")
    assert "- 8 others shifted by one or more places because of the changes above" in markdown
    assert "i03: rank" not in markdown
    data = json.loads(format_json(comparison))
    assert data["initiatives"]["really_moved"] == ["i02"]
    assert data["initiatives"]["moved"]["i03"] == [3, 2]
    assert "i03" in data["initiatives"]["shifted"]
    kinds = {c["path"][0]: c["kind"] for c in data["changes"] if c["path"][1:] == ["rank"]}
    assert kinds["i02"] == "moved"
    assert kinds["i03"] == "shifted"


def test_a_new_first_initiative_moves_nothing() -> None:
    def add_best(d: dict[str, Any]) -> None:
        d["initiatives"].append(
            {"id": "new", "title": "New", "effort": 1, "customer_value": 5, "efficiency": 5}
        )

    comparison = compare(OLD, edited(add_best))
    assert comparison.rank_moves == {}
    assert len(comparison.rank_shifts) == 10
    assert "moved in rank" not in comparison.summary()


def test_a_real_re_ranking_is_the_only_move() -> None:
    comparison = compare(OLD, edited(lambda d: d["initiatives"][7].update(effort=1)))
    assert comparison.rank_moves == {"i08": (8, 1)}
    assert set(comparison.rank_shifts) == {f"i0{n}" for n in range(1, 8)}
    assert compare(edited(lambda d: d["initiatives"][7].update(effort=1)), OLD) == (
        comparison.mirrored()
    )


@given(st.permutations(range(8)))
def test_real_moves_is_a_smallest_set_and_symmetric(order: list[int]) -> None:
    ranks = {f"i{n}": (n + 1, new + 1) for n, new in enumerate(order)}
    moved = real_moves(ranks)
    kept = sorted((ranks[i] for i in ranks if i not in moved), key=lambda r: r[0])
    assert [new for _, new in kept] == sorted(new for _, new in kept)
    # no larger set keeps its order: longest increasing subsequence, by patience sorting
    piles: list[int] = []
    for new in order:
        index = next((i for i, top in enumerate(piles) if top >= new), len(piles))
        piles[index : index + 1] = [new]
    assert len(kept) == len(piles)
    assert real_moves({i: (b, a) for i, (a, b) in ranks.items()}) == moved


def test_a_swap_blames_the_rescored_initiative() -> None:
    ranks = {"a": (1, 2), "b": (2, 1)}
    assert real_moves(ranks, changed=["a"]) == {"a"}
    assert real_moves(ranks, changed=["b"]) == {"b"}


def test_a_score_that_estimates_override_is_said_to_have_no_effect() -> None:
    def with_estimates(d: dict[str, Any]) -> None:
        d["initiatives"][0]["estimates"] = [{"participant": "Ann", "effort": 2}]

    old = edited(with_estimates)
    new = edited(lambda d: (with_estimates(d), d["initiatives"][0].update(effort=4)))
    comparison = compare(old, new)
    (change,) = comparison.in_section("initiatives")
    assert change.no_effect
    assert comparison.rank_moves == {}
    text = format_text(comparison, "a", "b")
    assert "  i01.effort: 1.25 → 4 (estimates decide its rank; no effect)" in text
    assert "(estimates decide its rank; no effect)" in format_markdown(comparison, "a", "b")
    assert json.loads(format_json(comparison))["initiatives"]["no_effect"] == ["i01.effort"]
    assert compare(new, old) == comparison.mirrored()
    # without estimates the same change counts
    plain = compare(OLD, edited(lambda d: d["initiatives"][0].update(effort=4)))
    assert not plain.in_section("initiatives")[0].no_effect


def test_whole_numbers_are_written_as_whole_numbers() -> None:
    comparison = compare(OLD, edited(lambda d: d["initiatives"][3].update(effort=4)))
    data = json.loads(format_json(comparison))
    assert data["initiatives"]["changed"] == {"i04": {"effort": [2, 4]}}
    assert '"effort": [\n          2,\n          4\n        ]' in format_json(comparison)
    assert "  i04.effort: 2 → 4" in format_text(comparison, "a", "b")
    change = next(c for c in data["changes"] if c["path"] == ["i04", "effort"])
    assert (change["old"], change["new"]) == (2, 4)


def test_control_characters_in_user_text_are_spelled_out() -> None:
    evil = "Pwned\x1b]0;pwned\x07"
    comparison = compare(OLD, edited(lambda d: d.update(title=evil)))
    text = format_text(comparison, "a\x1b[2J.toml", "b.toml")
    markdown = format_markdown(comparison, "a.toml", "b.toml")
    for output in (text, markdown):
        assert "\x1b" not in output
        assert "\x07" not in output
    assert '  title: "Ranks" → "Pwned\\x1b]0;pwned\\x07"' in text
    assert "--- a\\x1b[2J.toml" in text
    assert "Pwned\\\\x1b\\]0;pwned\\\\x07" in markdown


def all_pairs_real_moves(ranks: dict[str, tuple[int, int]], changed: set[str]) -> set[str]:
    """The same choice worked out by comparing every pair (quadratic): the reference."""
    ids = sorted(ranks, key=lambda i: ranks[i][0])
    by_id = {item_id: index for index, item_id in enumerate(sorted(ranks))}

    def weight(item_id: str) -> tuple[int, ...]:
        old, new = ranks[item_id]
        return (1, int(item_id not in changed), -abs(new - old), 1 << by_id[item_id])

    best: list[tuple[int, ...]] = []
    before: list[int | None] = []
    for index, item_id in enumerate(ids):
        best_here, link = weight(item_id), None
        for earlier in range(index):
            if ranks[ids[earlier]][1] < ranks[item_id][1]:
                total = tuple(x + y for x, y in zip(best[earlier], weight(item_id), strict=True))
                if total > best_here:
                    best_here, link = total, earlier
        best.append(best_here)
        before.append(link)
    kept: set[str] = set()
    at = max(range(len(ids)), key=best.__getitem__, default=None)
    while at is not None:
        kept.add(ids[at])
        at = before[at]
    return set(ranks) - kept


@given(st.permutations(range(12)), st.sets(st.integers(0, 11)))
def test_real_moves_picks_what_comparing_every_pair_picks(
    order: list[int], changed_numbers: set[int]
) -> None:
    ranks = {f"i{n:02}": (n + 1, new + 1) for n, new in enumerate(order)}
    changed = {f"i{n:02}" for n in changed_numbers}
    assert real_moves(ranks, changed) == all_pairs_real_moves(ranks, changed)
