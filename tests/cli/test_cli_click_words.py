"""click's type names and the values' placeholders in the help, in kxplan's language:
"'abc' är inte ett giltigt heltal", `--samples HELTAL`, `-o, --output FIL`."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from kxplan.cli import click_messages, main, texts

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env=NO_LOCALE)


def test_a_bad_number_is_refused_with_swedish_words_only() -> None:
    swedish = run("--lang", "sv", "rank", "--samples", "abc", "plan.toml")
    english = run("rank", "--samples", "abc", "plan.toml")
    assert swedish.exit_code == english.exit_code == 2
    assert "'abc' är inte ett giltigt heltal." in swedish.output
    assert "integer" not in swedish.output
    assert "'abc' is not a valid integer range." in english.output


def test_a_bad_top_names_the_type_in_swedish() -> None:
    result = run("--lang", "sv", "rank", "--top", "x", "plan.toml")
    assert result.exit_code == 2
    assert "'x' är inte ett giltigt heltal." in result.output


@pytest.mark.parametrize(
    ("command", "swedish", "english"),
    [
        ("rank", ["--samples HELTAL", "--seed HELTAL", "--area OMRÅDE"], ["--samples INTEGER"]),
        ("export", ["-o, --output FIL", "Skriv till FIL "], ["-o, --output FILE"]),
        ("new", ["-t, --template NAMN"], ["-t, --template NAME"]),
        ("resolve", ["--ours VILKEN"], ["--ours WHICH"]),
        ("example", ["example [FLAGGOR] [MALL]", "startmallen MALL"], ["[TEMPLATE]"]),
    ],
)
def test_the_help_names_values_in_the_language_it_speaks(
    command: str, swedish: list[str], english: list[str]
) -> None:
    said = run("--lang", "sv", command, "--help").output
    for words in swedish:
        assert words in said, words
    for word in ("INTEGER", "FILE ", "NAME ", "WHICH", "AREA", "TEMPLATE"):
        assert word not in said, word
    said = run(command, "--help").output
    for words in english:
        assert words in said, words


def test_a_path_type_says_file_in_the_language_of_the_moment(tmp_path: Path) -> None:
    # click names a path type ("file") when the option is declared, before --lang is read
    args = ("merge", "a.toml", "b.toml", "c.toml", "-o", tmp_path)
    assert f"Fil '{tmp_path}' är en mapp." in run("--lang", "sv", *args).output
    assert f"File '{tmp_path}' is a directory." in run(*args).output


def test_every_type_name_kxplan_translates_is_one_of_clicks() -> None:
    names = {
        kind.__dict__["name"].name
        for kind in vars(click.types).values()
        if isinstance(kind, type) and isinstance(kind.__dict__.get("name"), texts.TypeName)
    }
    assert names == set(click_messages.TYPE_NAMES)
    assert click_messages.type_names() == click_messages.TYPE_NAMES  # English: as they are
