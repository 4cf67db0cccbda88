"""``kxplan import``: the preview first; a Swedish spreadsheet's file; refused rows;
--dry-run and a pipe without --yes change nothing."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner
from pseudo import pseudo_language, unmarked
from support import invoke, write_base_plan

from kxplan import storage
from kxplan.cli import importing as import_cli
from kxplan.cli import main

SWEDISH = (
    "Kontaktorsak;Kanal;Volym/månad;Typ;Undvikbar andel\r\n"
    "Where is my order?;Phone;1 200;onödig;70 %\r\n"
    "Faktura;Telefon;12,5;värde;10\r\n"
    "Leverans;Chatt;300;värde;12,5\r\n"
)


def _files(tmp_path: Path, text: str = SWEDISH, encoding: str = "utf-8") -> tuple[Path, Path]:
    plan = tmp_path / "plan.toml"
    write_base_plan(plan)
    data = tmp_path / "orsaker.csv"
    data.write_bytes(codecs.BOM_UTF8 + text.encode(encoding))
    return plan, data


def test_a_swedish_file_with_bom_is_previewed_and_imported_with_yes(tmp_path: Path) -> None:
    plan, data = _files(tmp_path)
    result = invoke("import", plan, data, "--yes")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{data}: contact reasons (guessed from the headers), "
        "read as UTF-8, separated by semicolons"
    )
    assert "~ line 2: Where is my order? / Phone (Volym/månad: 900 → 1\u202f200;" in lines[1]
    assert lines[2] == "+ line 4: Leverans / Chatt"
    assert lines[3] == (f"! {data}:3: column \"Volym/månad\": expected a whole number, got '12,5'")
    assert lines[-1] == "Imported 2 rows into " + str(plan) + "."
    reasons = storage.load(plan).areas.unnecessary_demand.contact_reasons
    assert [(r.reason, r.monthly_volume, r.avoidable) for r in reasons] == [
        ("Where is my order?", 1200, 70.0),
        ("Leverans", 300, 12.5),
    ]


def test_dry_run_leaves_the_plan_byte_identical(tmp_path: Path) -> None:
    plan, data = _files(tmp_path)
    before = plan.read_bytes()
    result = invoke("import", plan, data, "--dry-run")
    assert result.exit_code == 0
    assert "1 to add, 1 to update, 0 unchanged, 1 refused" in result.stdout
    assert plan.read_bytes() == before


def test_not_a_terminal_and_no_yes_previews_and_exits_1(tmp_path: Path) -> None:
    plan, data = _files(tmp_path)
    before = plan.read_bytes()
    result = invoke("import", plan, data)
    assert result.exit_code == 1
    assert "pass --yes" in result.stderr
    assert "+ line 4: Leverans / Chatt" in result.stdout
    assert plan.read_bytes() == before


def test_on_a_terminal_it_asks_and_no_keeps_the_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, data = _files(tmp_path)
    before = plan.read_bytes()
    monkeypatch.setattr(import_cli, "interactive", lambda: True)
    result = invoke("import", plan, data, input="n\n")
    assert f"Import 2 rows into {plan}? [y/N]" in result.stdout
    assert result.exit_code == 0
    assert plan.read_bytes() == before
    result = invoke("import", plan, data, input="y\n")
    assert result.exit_code == 0
    assert plan.read_bytes() != before


def test_in_swedish_it_asks_j_n_takes_ja_and_asks_again_in_swedish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, data = _files(tmp_path)
    before = plan.read_bytes()
    monkeypatch.setattr(import_cli, "interactive", lambda: True)
    result = invoke("--lang", "sv", "import", plan, data, input="kanske\nja\n")
    assert "? [j/N] " in result.stdout
    assert "Svara ja eller nej." in result.stdout
    assert "invalid input" not in result.output
    assert result.exit_code == 0
    assert plan.read_bytes() != before
    plan.write_bytes(before)
    result = invoke("--lang", "sv", "import", plan, data, input="j\n")
    assert plan.read_bytes() != before
    plan.write_bytes(before)
    result = invoke("--lang", "sv", "import", plan, data, input="\n")
    assert plan.read_bytes() == before


def test_all_rows_refused_exits_2(tmp_path: Path) -> None:
    plan, data = _files(tmp_path, "Kontaktorsak;Volym\r\nA;x\r\nB;1,000\r\n")
    before = plan.read_bytes()
    result = invoke("import", plan, data, "--yes")
    assert result.exit_code == 2
    assert f"! {data}:2: column \"Volym\": expected a whole number, got 'x'" in result.stdout
    assert "no row can be imported" in result.stderr
    assert plan.read_bytes() == before


def test_kind_delimiter_and_encoding_can_be_given(tmp_path: Path) -> None:
    text = "Datum\tVärde\tNyckeltal\tKanal\r\n2026-01-31\t71,5\tCSAT\tphone\r\n"
    plan, data = _files(tmp_path, text, "cp1252")
    data.write_bytes(text.encode("cp1252"))
    result = invoke(
        "import", plan, data, "--kind", "readings", "--delimiter", "tab", "--encoding", "cp1252"
    )
    assert result.exit_code == 1  # asked, but not a terminal
    assert result.stdout.splitlines()[0].endswith(
        "KPI readings, read as Windows-1252, separated by tabs"
    )
    assert invoke("import", plan, data, "-y").exit_code == 0
    kpi = storage.load(plan).areas.insight.kpis[0]
    assert [(r.date.isoformat(), r.value) for r in kpi.readings] == [("2026-01-31", 71.5)]


def test_a_file_that_says_nothing_is_one_line_and_status_2(tmp_path: Path) -> None:
    plan, data = _files(tmp_path, "foo;bar\r\n1;2\r\n")
    result = invoke("import", plan, data)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {data}: cannot tell from the headers (foo, bar)")
    assert len(result.stderr.splitlines()) == 1
    missing = invoke("import", plan, tmp_path / "nothing.csv")
    assert missing.exit_code == 2


def test_importing_kxplans_own_export_changes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    write_base_plan(plan)
    out = tmp_path / "out.csv"
    assert invoke("export", plan, "-f", "csv", "-o", out).exit_code == 0
    result = invoke("import", plan, out)
    assert result.exit_code == 0
    assert "0 to add, 0 to update" in result.stdout
    assert result.stdout.splitlines()[-1] == f"Nothing to import: {plan} stays as it is."


def test_everything_the_import_says_is_marked_for_translation(tmp_path: Path) -> None:
    plan, data = _files(tmp_path)
    with pseudo_language():
        result = CliRunner().invoke(main, ["import", str(plan), str(data), "--yes"])
    assert result.exit_code == 0
    plan_words = ["Where", "is", "my", "order", "Phone", "Leverans", "Chatt", "Volym", "månad"]
    said = result.stdout.replace(str(tmp_path), "")
    assert unmarked(said, allowed=[*plan_words, "orsaker", "csv", "plan", "toml", "UTF"]) == []


def test_a_save_that_fails_leaves_the_plan_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kxplan.session import file as plan_file
    from kxplan.storage import PlanError

    plan, data = _files(tmp_path)
    before = plan.read_bytes()

    def failing(*_args: object, **_kwargs: object) -> str:
        raise PlanError.single(str(plan), "cannot write: disk full")

    monkeypatch.setattr(plan_file.storage, "save", failing)
    result = invoke("import", plan, data, "--yes")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{plan}: cannot write: disk full"
    assert plan.read_bytes() == before


def test_a_plan_changed_while_the_question_waits_is_left_as_they_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, data = _files(tmp_path)
    monkeypatch.setattr(import_cli, "interactive", lambda: True)

    def edited_elsewhere(question: str) -> bool:
        plan.write_text(plan.read_text(encoding="utf-8") + "# theirs\n", encoding="utf-8")
        return True

    monkeypatch.setattr(import_cli, "confirm", edited_elsewhere)
    result = invoke("import", plan, data)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: {plan} changed on disk since the preview; nothing imported "
        "(run kxplan import again to see the preview of the file as it is now)"
    ]
    assert plan.read_text(encoding="utf-8").endswith("# theirs\n")  # theirs, kept


def test_a_file_with_utf8s_mark_and_one_foreign_byte_is_refused_at_that_byte(
    tmp_path: Path,
) -> None:
    plan, data = _files(tmp_path)
    data.write_bytes(
        codecs.BOM_UTF8 + "Kontaktorsak;Volym\r\nSmörgås;1\r\n".encode() + b"Bad \xf6;2\r\n"
    )
    before = plan.read_bytes()
    result = invoke("import", plan, data, "--yes")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Error: {data}: line 3, column 5: byte 0xf6 cannot be read as UTF-8"
    )
    assert plan.read_bytes() == before


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "punycode", "undefined"])
def test_an_encoding_that_is_not_for_text_is_one_line(tmp_path: Path, codec: str) -> None:
    plan, data = _files(tmp_path)
    result = invoke("import", plan, data, "--dry-run", "--encoding", codec)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"Error: {data}: ")
    assert "Traceback" not in result.output
