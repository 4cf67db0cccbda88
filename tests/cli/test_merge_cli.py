"""`kxplan merge` and `kxplan resolve` on files: exit status, output, conflicts left."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support import base_data, invoke

from kxplan import storage
from kxplan.model import Plan


def _write(path: Path, change: Any = None) -> Path:
    data = base_data()
    if change is not None:
        change(data)
    path.write_text(storage.dumps(Plan.model_validate(data)), encoding="utf-8")
    return path


def test_merge_prints_a_clean_merge_and_exits_0(tmp_path: Path) -> None:
    base = _write(tmp_path / "base.toml")
    ours = _write(tmp_path / "ours.toml", lambda d: d.update(currency="EUR"))
    theirs = _write(tmp_path / "theirs.toml", lambda d: d.update(facilitator="Kim"))
    result = invoke("merge", base, ours, theirs)
    assert result.exit_code == 0, result.output
    merged = storage.loads(result.stdout)
    assert (merged.currency, merged.facilitator) == ("EUR", "Kim")


def test_merge_with_a_conflict_writes_blocks_and_exits_1(tmp_path: Path) -> None:
    base = _write(tmp_path / "base.toml")
    ours = _write(tmp_path / "ours.toml", lambda d: d.update(currency="EUR"))
    theirs = _write(tmp_path / "theirs.toml", lambda d: d.update(currency="NOK"))
    out = tmp_path / "merged.toml"
    result = invoke("merge", base, ours, theirs, "-o", out)
    assert result.exit_code == 1
    assert f"{out}: conflict: currency" in result.stderr
    listed = invoke("resolve", out)
    assert listed.exit_code == 2
    assert "conflict 1: currency" in listed.stdout
    wrong = invoke("resolve", out, "--ours", "title")
    assert wrong.exit_code == 2
    assert "no conflict 'title'; the conflicts are 1 (currency)" in wrong.stderr
    done = invoke("resolve", out, "--theirs", "1")
    assert done.exit_code == 0, done.output
    assert storage.load(out).currency == "NOK"
    again = invoke("resolve", out)
    assert again.exit_code == 0
    assert "no conflicts" in again.stdout


def test_merge_of_a_broken_plan_is_one_line_per_problem_and_exit_2(tmp_path: Path) -> None:
    base = _write(tmp_path / "base.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text('schema = 3\ntitle = ""\n', encoding="utf-8")
    result = invoke("merge", base, broken, base)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{broken}:")


def test_resolve_refuses_one_conflict_named_for_both_sides(tmp_path: Path) -> None:
    base = _write(tmp_path / "base.toml")
    ours = _write(tmp_path / "ours.toml", lambda d: d.update(currency="EUR"))
    theirs = _write(tmp_path / "theirs.toml", lambda d: d.update(currency="NOK"))
    out = tmp_path / "merged.toml"
    invoke("merge", base, ours, theirs, "-o", out)
    before = out.read_bytes()

    for choice in (("--ours", "1", "--theirs", "1"), ("--ours", "all", "--theirs", "all")):
        result = invoke("resolve", out, *choice)
        assert result.exit_code == 2
        assert "named with both --ours and --theirs" in result.stderr
        assert out.read_bytes() == before

    specific = invoke("resolve", out, "--theirs", "1", "--ours", "all")  # specific beats all
    assert specific.exit_code == 0, specific.output
    assert storage.load(out).currency == "NOK"


def test_rank_as_data_says_aside_what_it_could_not_rank(tmp_path: Path) -> None:
    def unscored(data: dict[str, Any]) -> None:
        data["initiatives"][0].pop("effort", None)
        data["initiatives"][0].pop("estimates", None)

    plan = _write(tmp_path / "plan.toml", unscored)
    first = storage.load(plan).initiatives[0].id
    for fmt in ("json", "csv"):
        result = invoke("rank", plan, "--format", fmt)
        assert result.exit_code == 0, result.output
        assert f"not ranked, effort or impact missing: {first}" in result.stderr
        assert first not in result.stdout
