"""`kxplan new` says on stderr, in one line, when the plan's documents will not be in
the language its template is written in."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kxplan.cli import main

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env=NO_LOCALE)


def test_an_english_template_with_swedish_documents_is_said_in_one_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    result = run("--lang", "sv", "new", plan, "-t", "contact-centre", "--language", "sv")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Obs! Mallen 'contact-centre' är skriven på engelska, men planens dokument blir på "
        "svenska: texten förblir på engelska tills du skriver om den."
    ]
    assert 'language = "sv"' in plan.read_text(encoding="utf-8")


def test_the_warning_goes_to_stderr_when_the_plan_goes_to_stdout() -> None:
    result = run("new", "-", "-t", "kundservice", "--language", "en")
    assert result.exit_code == 0
    assert result.stderr.startswith("Note: the 'kundservice' template is written in Swedish")
    assert result.stderr.count("\n") == 1
    assert "Note:" not in result.stdout
    assert 'language = "en"' in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("-t", "contact-centre"),
        ("-t", "kundservice"),
        ("-t", "kundservice", "--language", "sv"),
        ("--language", "sv"),
        (),
    ],
)
def test_a_plan_in_its_templates_language_gets_no_warning(args: tuple[str, ...]) -> None:
    result = run("new", "-", *args)
    assert result.exit_code == 0
    assert result.stderr == ""
