"""The command line as Unix users expect it: ``-`` for standard input and output, one
line for usage errors, no app without a terminal, colour only where wanted."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import invoke, write_base_plan

from kxplan import storage
from kxplan.cli import ui


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    return path


# --- '-' is standard input for every PLAN ---------------------------------------------


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["rank", "-", "-f", "json"], '"id": "web-chat"'),
        (["show", "-"], "Kundservice 2027"),
        (["show", "--for-diff", "-"], "title = Kundservice 2027"),
        (["export", "-", "-f", "csv"], "web-chat"),
        (["validate", "-"], "<stdin>: ok"),
    ],
)
def test_a_dash_reads_the_plan_from_standard_input(
    plan: Path, command: list[str], expected: str
) -> None:
    result = invoke(*command, input=plan.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    assert expected in result.stdout


def test_diff_reads_one_side_from_standard_input(plan: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    write_base_plan(other, lambda data: data.update(title="Renamed"))
    result = invoke("diff", "-", other, input=plan.read_text(encoding="utf-8"))
    assert result.exit_code == 1, result.stderr
    assert "Renamed" in result.stdout


def test_standard_input_is_read_once(plan: Path) -> None:
    result = invoke("diff", "-", "-", input=plan.read_text(encoding="utf-8"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Error: standard input ('-') can be read only once; name a file for the other plan"
    ]


def test_a_broken_plan_on_standard_input_is_located(plan: Path) -> None:
    text = plan.read_text(encoding="utf-8").replace("effort = 2", 'effort = "two"', 1)
    result = invoke("validate", "-", input=text)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("<stdin>:")
    assert "effort" in line


@pytest.mark.parametrize(
    "command", [["snapshot", "-"], ["history", "-"], ["room", "-"], ["open", "-"]]
)
def test_commands_that_need_the_file_refuse_a_dash(plan: Path, command: list[str]) -> None:
    result = invoke(*command, input=plan.read_text(encoding="utf-8"))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: '-' (standard input) cannot be used here: ")


def test_new_with_a_dash_prints_the_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("new", "-", "-t", "contact-centre", "--title", "Piped")
    assert result.exit_code == 0, result.stderr
    assert storage.loads(result.stdout).title == "Piped"
    assert not (tmp_path / "-").exists()


# --- '-o -' and '-o /dev/stdout' are standard output -----------------------------------


def test_export_to_a_dash_writes_standard_output(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("export", plan, "-f", "json", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["plan"]["title"] == "Kundservice 2027"
    assert not (tmp_path / "-").exists()
    assert result.stderr == ""


def _kxplan(*args: str, stdout: io.BufferedWriter) -> int:
    done = subprocess.run(
        [sys.executable, "-m", "kxplan", *args], stdout=stdout, stderr=subprocess.PIPE, check=False
    )
    assert done.stderr == b""
    return done.returncode


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="needs /dev/stdout")
def test_export_to_dev_stdout_appends_to_a_redirected_file(plan: Path, tmp_path: Path) -> None:
    """``kxplan export -o /dev/stdout >> log``: the file is appended to, not replaced."""
    log = tmp_path / "log.md"
    log.write_text("earlier\n", encoding="utf-8")
    inode = os.stat(log).st_ino
    with open(log, "ab") as handle:
        assert _kxplan("export", str(plan), "-o", "/dev/stdout", stdout=handle) == 0
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier\n# ")
    assert os.stat(log).st_ino == inode


# --- usage errors, and the app without a terminal ------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["rank", "--bogus", "p.toml"], "Error: No such option '--bogus'. Did you mean"),
        (["rank"], "Error: Missing argument 'PLAN'. Try 'main rank --help'."),  # in-process: main
        (["valdate"], "Error: No such command 'valdate'. Try 'main --help'."),
        (["--bogus"], "Error: No such option '--bogus'. Try 'main --help'."),
    ],
)
def test_a_usage_error_is_one_line_with_a_hint(args: list[str], line: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(line)
    assert lines[0].endswith("--help'.")


def test_the_app_refuses_to_start_without_a_terminal(plan: Path) -> None:
    for args in ([], [str(plan)], ["open", str(plan)], ["example"]):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert result.stderr.splitlines() == [ui.NO_TERMINAL]
        assert result.stdout == ""
    assert ui.NO_TERMINAL.startswith("kxplan: the workshop app needs a terminal; ")


def test_the_app_without_a_terminal_does_not_wait(plan: Path) -> None:
    """A real process with standard input and output redirected ends at once."""
    done = subprocess.run(
        [sys.executable, "-m", "kxplan", str(plan)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().splitlines() == [ui.NO_TERMINAL]


# --- colour ----------------------------------------------------------------------------


@pytest.fixture
def changed(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    write_base_plan(old)
    write_base_plan(new, lambda data: data["initiatives"].pop())
    return old, new


def test_diff_colours_only_when_asked_or_on_a_terminal(
    changed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = changed
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" not in invoke("diff", old, new).stdout  # not a terminal
    assert "\x1b[" in invoke("diff", old, new, "--color").stdout
    assert "\x1b[" in invoke("--color", "diff", old, new).stdout
    assert "\x1b[" not in invoke("diff", old, new, "--no-color", color=True).stdout


def test_no_color_turns_colour_off_unless_forced(
    changed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = changed
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = {"color": True}  # the runner's stand-in for a terminal
    assert "\x1b[" not in invoke("diff", old, new, **terminal).stdout
    assert "\x1b[" in invoke("diff", old, new, "--color", **terminal).stdout
    monkeypatch.setenv("NO_COLOR", "")  # empty: not set, as no-color.org says
    assert "\x1b[" in invoke("diff", old, new, **terminal).stdout


def test_csv_to_a_stream_has_no_byte_order_mark_however_the_stream_is_named(
    tmp_path: Path,
) -> None:
    """Appending twice to a log must not put a byte-order mark in the middle of it; a
    file of its own keeps the mark spreadsheets need."""
    plan = tmp_path / "plan.toml"
    write_base_plan(plan)
    plain = invoke("export", plan, "--format", "csv")
    dashed = invoke("export", plan, "--format", "csv", "-o", "-")
    file = tmp_path / "out.csv"
    invoke("export", plan, "--format", "csv", "-o", file)

    assert plain.stdout_bytes == dashed.stdout_bytes
    assert not dashed.stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert file.read_bytes().startswith(b"\xef\xbb\xbf")
    assert file.read_bytes()[3:] == dashed.stdout_bytes
