"""`kxplan rank` shows the latest kept dot vote beside the ranking (text and JSON)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from support import base_plan, invoke

from kxplan import storage
from kxplan.model import DotVoteRecord


def _with_votes(path: Path) -> Path:
    plan = base_plan()
    when = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
    plan.votes = [
        DotVoteRecord(when=when, dots=1, voters=1, initiatives=["faq"], counts={"faq": 1}),
        DotVoteRecord(
            when=when, dots=3, voters=3, initiatives=["web-chat", "faq"], counts={"web-chat": 7}
        ),
    ]
    storage.save(plan, path)
    return path


def test_the_table_has_a_dots_column_from_the_latest_vote(tmp_path: Path) -> None:
    out = invoke("rank", _with_votes(tmp_path / "plan.toml")).stdout
    header, _rule, *rows = out.split("\n\n")[1].splitlines()
    assert header.split()[-1] == "Dots"
    cells = {row.split()[1]: row.split()[-1] for row in rows if row.strip()}
    assert cells == {"web-chat": "7", "faq": "0", "crm": "–"}  # crm was not voted on


def test_json_gives_each_initiative_its_dots(tmp_path: Path) -> None:
    out = invoke("rank", _with_votes(tmp_path / "plan.toml"), "--format", "json").stdout
    dots = {record["id"]: record["dots"] for record in json.loads(out)}
    assert dots == {"web-chat": 7, "faq": 0, "crm": None}


def test_without_a_kept_vote_the_output_is_as_before(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    storage.save(base_plan(), path)
    assert "Dots" not in invoke("rank", path).stdout
    assert all("dots" not in r for r in json.loads(invoke("rank", path, "--format", "json").stdout))
    csv = invoke("rank", _with_votes(tmp_path / "voted.toml"), "--format", "csv").stdout
    assert csv.splitlines()[0].lstrip("\ufeff").split(",")[-1] == "dots"
