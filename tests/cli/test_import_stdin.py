"""``kxplan import PLAN -``: the CSV from standard input, with --yes or --dry-run (there
is no terminal to confirm on); without either, one line and status 2."""

from __future__ import annotations

from pathlib import Path

from support import invoke, write_base_plan

from kxplan import storage

ROWS = "Kontaktorsak;Kanal;Volym/månad\nLeverans;Chatt;300\n"


def _plan(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.toml"
    write_base_plan(plan)
    return plan


def test_a_file_from_standard_input_is_imported_with_yes(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    result = invoke("import", plan, "-", "--yes", input=ROWS)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("<stdin>: contact reasons (guessed from the headers)")
    assert lines[1] == "+ line 2: Leverans / Chatt"
    assert lines[-1] == f"Imported 1 row into {plan}."
    reasons = storage.load(plan).areas.unnecessary_demand.contact_reasons
    assert ("Leverans", 300) in [(r.reason, r.monthly_volume) for r in reasons]


def test_dry_run_from_standard_input_previews_and_changes_nothing(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    before = plan.read_bytes()
    result = invoke("import", plan, "-", "--dry-run", input=ROWS)
    assert result.exit_code == 0, result.output
    assert "+ line 2: Leverans / Chatt" in result.stdout
    assert plan.read_bytes() == before


def test_standard_input_without_yes_or_dry_run_is_one_line_and_status_2(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    before = plan.read_bytes()
    result = invoke("import", plan, "-", input=ROWS)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: FILE '-' is read from standard input, so there is no terminal to confirm "
        "the import on: pass --yes to import or --dry-run to see the preview"
    ]
    assert plan.read_bytes() == before


def test_in_swedish_the_line_is_swedish(tmp_path: Path) -> None:
    result = invoke("--lang", "sv", "import", _plan(tmp_path), "-", input=ROWS)
    assert result.exit_code == 2
    assert "läses från standard in" in result.stderr
    assert "--yes" in result.stderr


def test_empty_standard_input_is_named_stdin(tmp_path: Path) -> None:
    result = invoke("import", _plan(tmp_path), "-", "--yes", input="")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: <stdin>: is empty; expected a header line and rows"
