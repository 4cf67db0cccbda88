"""A hexadecimal, octal or binary integer too long to write out in decimal (the parser
reads it, Python's 4,300-digit limit then refuses to print or save it) is one located
line per number and exit 2 for every command, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import invoke, write_base_plan

from kxplan.storage import PlanError, loads

NUMBERS = {"hex": "0x" + "f" * 3600, "octal": "0o" + "7" * 4800, "binary": "0b" + "1" * 14300}


def _plan_with(tmp_path: Path, extra: str) -> tuple[Path, int]:
    plan = tmp_path / "plan.toml"
    write_base_plan(plan)
    text = plan.read_text(encoding="utf-8") + extra + "\n"
    plan.write_text(text, encoding="utf-8")
    return plan, text.count("\n")


@pytest.mark.parametrize("command", [["validate"], ["show"], ["rank"], ["export", "-f", "json"]])
@pytest.mark.parametrize("kind", sorted(NUMBERS))
def test_a_huge_non_decimal_integer_is_one_located_line(
    tmp_path: Path, command: list[str], kind: str
) -> None:
    plan, last_line = _plan_with(tmp_path, f"[extra]\nvolume = {NUMBERS[kind]}")
    result = invoke(*command, plan)
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{plan}:{last_line}: extra.volume: expected a number of at most ")
    assert "digits" in lines[0]
    assert len(lines[0].removeprefix(str(plan))) < 160


def test_each_huge_integer_in_a_table_row_is_named_by_its_row(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    write_base_plan(plan)
    text = plan.read_text(encoding="utf-8")
    line = text[: text.index("monthly_volume = 900")].count("\n") + 1
    text = text.replace("monthly_volume = 900", f"monthly_volume = {NUMBERS['hex']}")
    with pytest.raises(PlanError) as raised:
        loads(text + f"[extra]\nnote = [1, {NUMBERS['octal']}]\n", "p.toml")
    first, second = raised.value.problems
    assert first.line == line
    assert first.place.startswith("areas.unnecessary_demand.contact_reasons[1]")
    assert first.place.endswith(".monthly_volume")
    assert second.place == "extra.note[2]"


def test_a_long_but_small_hex_number_still_reads(tmp_path: Path) -> None:
    plan, _ = _plan_with(tmp_path, "[extra]\nvolume = 0x" + "0" * 5000 + "1f")
    result = invoke("validate", plan)
    assert result.exit_code == 0, result.stderr
