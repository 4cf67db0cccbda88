"""A plan with an integer too long to read (over Python's 4,300-digit limit) is one
located error line and exit 2 for every command, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import invoke, write_base_plan

HUGE = "9" * 5000


def _plan_with(tmp_path: Path, extra_line: str) -> tuple[Path, int]:
    plan = tmp_path / "plan.toml"
    write_base_plan(plan)
    text = plan.read_text(encoding="utf-8") + extra_line + "\n"
    plan.write_text(text, encoding="utf-8")
    return plan, text.count("\n")  # the long number is on the last line


@pytest.mark.parametrize("command", ["validate", "show", "rank"])
@pytest.mark.parametrize(
    "line",
    [f"[extra]\nmonthly_volume = {HUGE}", f'[extra]\nsaid = "{HUGE}"\nnote = [1, -{HUGE}]'],
    ids=["extra", "after-a-string-of-digits"],
)
def test_a_huge_integer_is_one_located_line(tmp_path: Path, command: str, line: str) -> None:
    plan, last_line = _plan_with(tmp_path, line)
    result = invoke(command, plan)
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{plan}:{last_line}:")
    assert "5000 digits" in lines[0]
    assert "too large" in lines[0]
    assert len(lines[0]) < 200


def test_a_huge_integer_in_a_table_row_is_located(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    write_base_plan(plan)
    text = plan.read_text(encoding="utf-8")
    assert "monthly_volume = 900" in text
    line = text[: text.index("monthly_volume = 900")].count("\n") + 1
    plan.write_text(text.replace("monthly_volume = 900", f"monthly_volume = {HUGE}"), "utf-8")
    result = invoke("validate", plan)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{plan}:{line}: a number with 5000 digits is too large to read"
    ]
