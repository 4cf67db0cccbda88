"""``kxplan rank --robust --samples`` is bounded: a number that would run for hours is
refused at once (exit 2) instead of running."""

from __future__ import annotations

from pathlib import Path

from support import invoke, write_base_plan

from kxplan.cli.ranking import MAX_SAMPLES


def test_too_many_samples_are_refused(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    write_base_plan(plan)
    # just past the bound (the reported 100000000 ran for hours; a regression here
    # is slow, not endless)
    result = invoke("rank", plan, "--robust", "--samples", str(MAX_SAMPLES + 1))
    assert result.exit_code == 2
    assert "--samples" in result.stderr
    assert f"{MAX_SAMPLES}" in result.stderr


def test_the_most_samples_allowed_is_a_sensible_bound() -> None:
    assert 1000 <= MAX_SAMPLES <= 100_000
