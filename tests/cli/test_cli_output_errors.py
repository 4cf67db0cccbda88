"""A file kxplan cannot write, or a value it refuses, is an error like the others: one
"Error:" line on stderr naming the file or the option and what is wrong, exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support import write_plan

from kxplan.cli import main

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env=NO_LOCALE)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "plan.toml", "contact-centre")


def test_an_export_into_a_missing_folder_is_an_error(plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "strategy.html"
    result = run("export", plan, "-f", "html", "-o", target)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {target}: the folder {target.parent} does not exist"
    ]
    assert not target.parent.exists()


def test_the_same_in_swedish(plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "saknas" / "strategi.html"
    result = run("--lang", "sv", "export", plan, "-o", target)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"Fel: {target}: mappen {target.parent} finns inte"]


def test_an_export_onto_a_folder_is_an_error(plan: Path, tmp_path: Path) -> None:
    result = run("export", plan, "-o", tmp_path)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {tmp_path}: is a folder, expected a file name for the export"
    ]


def test_a_failed_write_is_an_error_line(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", full)
    target = tmp_path / "strategy.md"
    result = run("export", plan, "-o", target)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {target}: could not be saved: No space left on device"
    ]


def test_the_schema_into_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "schema.json"
    result = run("schema", "-o", target)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {target}: could not be saved: ")


def test_a_title_too_long_names_the_option(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    result = run("new", target, "--title", "x" * 300)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["Error: --title: expected at most 200 characters"]
    assert not target.exists()
    swedish = run("--lang", "sv", "new", "-", "--title", "x" * 300)
    assert swedish.stderr.splitlines() == ["Fel: --title: förväntade högst 200 tecken"]
