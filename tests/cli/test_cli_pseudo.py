"""Nothing the command line says is left out of the catalogue: every command's help and
the main commands' outputs and errors, run in the pseudo-language, show no unmarked word
but what is kept as written (command and option names, choices, metavars, the example
command lines, file names, key paths, ids and plan content)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from pseudo import CLOSE, OPEN, pseudo_language, unmarked

from kxplan.cli import COMMANDS, main
from kxplan.cli.texts import Epilog, TranslatedHelp
from kxplan.templates import list_templates

PROGRAM = "main"  # the name CliRunner gives the program
WORD = re.compile(r"[^\W\d_]{2,}")
COMMAND_ROW = re.compile(rf"  [a-z][a-z-]*  +{OPEN}")
"""A row of kxplan's list of commands, its help cut to one line or one sentence."""


def words(texts: Iterable[str]) -> set[str]:
    return {word for text in texts for word in WORD.findall(text)}


def kept_as_written(command: click.Command) -> set[str]:
    """The words a command's help shows as they are: its name, its options and their
    choices and metavars, its arguments and the example command lines."""
    kept = [PROGRAM, command.name or "", "INTEGER", "RANGE", "TEXT", "FILE", "PATH", "help"]
    for param in command.params:
        kept += [*param.opts, *param.secondary_opts, param.name or ""]
        kept.append(param.metavar or "")
        if isinstance(param.type, click.Choice):
            kept += [str(choice) for choice in param.type.choices]
    epilog = command._epilog if isinstance(command, TranslatedHelp) else None
    if isinstance(epilog, Epilog):
        for block in epilog.blocks:
            kept += [line if isinstance(line, str) else line[0] for line in block.lines]
    return words(kept) | {word.upper() for word in words(kept)}


def closed(text: str) -> str:
    """The list of commands' help, which click cuts short ("⟦Show what changed from
    plan OLD to plan NEW."), closed again."""
    lines = []
    for line in text.splitlines():
        if COMMAND_ROW.match(line) and line.count(OPEN) > line.count(CLOSE):
            line += CLOSE
        lines.append(line)
    return "\n".join(lines)


def pseudo(*args: str | Path) -> Result:
    with pseudo_language():
        return CliRunner().invoke(main, [str(arg) for arg in args])


def command_of(name: str) -> click.Command:
    command = main.get_command(click.Context(main), name)
    assert command is not None
    return command


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_help_is_marked(name: str) -> None:
    result = pseudo(name, "--help")
    assert result.exit_code == 0
    allowed = kept_as_written(command_of(name)) | kept_as_written(main)
    assert unmarked(closed(result.stdout), allowed) == []


def test_kxplans_own_help_is_marked() -> None:
    result = pseudo("--help")
    assert result.exit_code == 0
    allowed = kept_as_written(main) | {"sv", "en", "COMPLETE", "KXPLAN", "bash", "source"}
    allowed |= {word for name in COMMANDS for word in words([name])}
    assert unmarked(closed(result.stdout), allowed) == []
    assert f"{OPEN}Usage:{CLOSE}" in result.stdout  # click's own words too
    assert f"{OPEN}Options{CLOSE}" in result.stdout


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


BAD = 'schema = 3\ntitle = "P"\ncurrency = 3\n\n[scoring]\nmethod = "magic"\n'


def test_validate_problems_and_ok_are_marked(folder: Path) -> None:
    Path("bad.toml").write_text(BAD, encoding="utf-8")
    assert CliRunner().invoke(main, ["new", "good.toml"]).exit_code == 0
    result = pseudo("validate", "bad.toml", "good.toml", "none.toml", "-")
    assert result.exit_code == 2
    data = {"bad", "good", "none", "toml", "stdin", "currency", "scoring", "method", "magic"}
    data |= {"ratio", "quadrant", "rice", "ice", "wsjf", "weighted", "schema", "title"}
    assert unmarked(result.stdout + result.stderr, data) == []
    assert f"good.toml{OPEN}" not in result.stdout  # "{file}: ok" is one message
    assert "good.toml" in result.stdout


def test_show_and_rank_errors_are_marked(folder: Path) -> None:
    assert CliRunner().invoke(main, ["new", "plan.toml"]).exit_code == 0
    runs = [
        pseudo("show", "none.toml"),
        pseudo("show", "plan.toml", "--for-diff", "--format", "json"),
        pseudo("rank", "plan.toml", "--seed", "3"),
        pseudo("rank", "plan.toml", "--robust", "--compare-methods"),
        pseudo("rank", "nothing.toml"),
        pseudo("rank"),
        pseudo("rank", "plan.toml", "--bogus"),
        pseudo("nosuchcommand"),
        pseudo("diff", "-", "-", "--quiet"),
        pseudo("export", "plan.toml", "-o", "plan.toml"),
        pseudo("export", "plan.toml", "-o", "other.toml"),
    ]
    for result in runs:
        assert result.exit_code == 2, result.output
        names = {"none", "plan", "toml", "nothing", "PLAN", "main", "rank", "bogus", "help"}
        names |= {"for", "diff", "format", "seed", "robust", "compare", "methods", "other"}
        names |= {"nosuchcommand", "output", "stdin"}
        assert unmarked(result.stderr, names) == [], result.stderr


def test_new_and_templates_are_marked(folder: Path) -> None:
    created = pseudo("new", "plan.toml", "-t", "contact-centre", "--title", "Vår plan")
    assert created.exit_code == 0
    names = {"plan", "toml", "contact", "centre", "kxplan", "Vår"}
    assert unmarked(created.stdout, names) == []
    refused = pseudo("new", "plan.toml")
    assert unmarked(refused.stderr, names | {"force"}) == []
    unknown = pseudo("new", "x.toml", "-t", "nosuch")
    template_names = {t.name for t in list_templates()}
    assert unmarked(unknown.stderr, words([*template_names, "nosuch"])) == []
    listed = pseudo("templates")
    content = words(t.description for t in list_templates()) | words(template_names)
    assert unmarked(listed.stdout, content | {"en", "sv"}) == []


def test_history_is_marked(folder: Path) -> None:
    assert CliRunner().invoke(main, ["new", "plan.toml"]).exit_code == 0
    none_yet = pseudo("history", "plan.toml")
    assert unmarked(none_yet.stdout, {"plan", "toml", "kxplan", "snapshot"}) == []
    assert CliRunner().invoke(main, ["snapshot", "plan.toml", "-l", "v1"]).exit_code == 0
    Path("plan.toml").unlink()  # only the snapshot's own line: what changed is versions'
    result = pseudo("history", "plan.toml")
    assert result.exit_code == 0
    assert unmarked(result.stdout, {"v1"}) == []
    assert f"{OPEN}first snapshot{CLOSE}" in result.stdout


def test_every_help_text_is_in_the_catalogue() -> None:
    """A help text shown through ``_()`` but not marked ``N_`` would be marked in the
    pseudo-language yet never reach a translator: each one must be a marked message."""
    import importlib.util
    import sys

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("catalogue", root / "scripts" / "catalogue.py")
    assert spec is not None
    assert spec.loader is not None
    catalogue = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("catalogue", catalogue)
    spec.loader.exec_module(catalogue)
    marked = {message.id for message in catalogue.template() if isinstance(message.id, str)}

    texts: list[str] = []
    for command in [main, *(command_of(name) for name in COMMANDS)]:
        assert isinstance(command, TranslatedHelp)
        texts += [command._help or "", command._short_help or "", command._options_metavar or ""]
        if isinstance(command._epilog, Epilog):
            for block in command._epilog.blocks:
                texts += [block.heading, block.note]
                texts += [line[1] for line in block.lines if isinstance(line, tuple)]
        for param in command.params:
            help_text = getattr(param, "_help", None)
            if isinstance(help_text, str):  # a function says a message with placeholders
                texts.append(help_text)
    lacking = sorted({text for text in texts if text and text not in marked})
    assert lacking == []
