"""The command line with awkward surroundings: full disks, closed pipes, folders and
unreadable files as plans, symbolic links, odd file names, ignored options, escapes."""

from __future__ import annotations

import errno
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result
from support import invoke

from kxplan.versions import save_version

PLAN = """\
schema = 1
title = "Robust plan"
currency = "SEK"

[[initiatives]]
id = "e-invoice"
title = "E-invoice by default"
effort = 2
customer_value = 4
efficiency = 3

[[initiatives]]
id = "meter-app"
title = "Meter reading in the app"
effort = 3
customer_value = 3
efficiency = 4
"""

ESC = "\x1b"
BEL = "\x07"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def assert_one_line_failure(result: Result, line: str) -> None:
    """Exit status 2, exactly ``line`` on stderr, no usage text, no traceback."""
    assert result.exit_code == 2, result.output
    assert result.stderr == line + "\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def kxplan(*args: str | Path, stdout: int) -> subprocess.CompletedProcess[str]:
    """Run ``python -m kxplan`` in a real process with the given standard output."""
    return subprocess.run(
        [sys.executable, "-m", "kxplan", *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        check=False,
        timeout=60,
    )


# --- 1. standard output that cannot be written ----------------------------------------

OUTPUT_COMMANDS = [
    ["rank", "{plan}"],
    ["show", "{plan}"],
    ["show", "--for-diff", "{plan}"],
    ["export", "{plan}"],
    ["validate", "{plan}"],
    ["diff", "{plan}", "{other}"],
    ["templates"],
    ["history", "{plan}"],
    ["--help"],
    ["--version"],
    ["rank", "--help"],
]


def _args(template: list[str], plan_file: Path) -> list[str]:
    other = plan_file.with_name("other.toml")
    other.write_text(PLAN.replace("effort = 2", "effort = 5"), encoding="utf-8")
    return [arg.format(plan=plan_file, other=other) for arg in template]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("template", OUTPUT_COMMANDS, ids=" ".join)
def test_a_full_disk_gives_one_line_and_exit_2(template: list[str], plan_file: Path) -> None:
    with open("/dev/full", "w") as full:
        done = kxplan(*_args(template, plan_file), stdout=full.fileno())
    assert done.returncode == 2
    assert done.stderr == "Error: the output could not be written: No space left on device\n"


@pytest.mark.parametrize("template", OUTPUT_COMMANDS, ids=" ".join)
def test_a_closed_pipe_ends_quietly(template: list[str], plan_file: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first byte, like `| head -0`
    try:
        done = kxplan(*_args(template, plan_file), stdout=write_end)
    finally:
        os.close(write_end)
    assert done.stderr == ""  # no traceback, no "Exception ignored"
    assert done.returncode == 1


def test_a_closed_pipe_after_the_first_line_ends_quietly(plan_file: Path) -> None:
    """`kxplan show plan.toml | head -1` with a summary longer than the pipe holds."""
    participants = ", ".join(f'"Participant {n:05d}"' for n in range(10000))
    text = PLAN.replace("schema = 1\n", f"schema = 1\nparticipants = [{participants}]\n")
    plan_file.write_text(text, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "kxplan", "show", str(plan_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    assert process.stdout.readline() == b"Robust plan\n"
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) in (0, 1)  # 0 when the kernel took the rest unread
    assert stderr == b""


def test_an_os_error_naming_a_file_is_one_line(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "/some/file")

    monkeypatch.setattr("kxplan.versions.list_versions", broken)
    assert_one_line_failure(invoke("history", plan_file), "/some/file: Permission denied")


# --- 2. history of a missing or empty file --------------------------------------------


def test_history_of_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    assert_one_line_failure(invoke("history", missing), f"{missing}: no such file")


def test_history_of_an_empty_file_says_what_show_says(tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    shown = invoke("show", empty)
    assert shown.exit_code == 2
    assert "is empty" in shown.stderr
    assert_one_line_failure(invoke("history", empty), shown.stderr.rstrip("\n"))


def test_history_of_a_deleted_plan_still_lists_its_snapshots(plan_file: Path) -> None:
    save_version(plan_file.read_bytes(), plan_file, "start")
    plan_file.unlink()
    result = invoke("history", plan_file)
    assert result.exit_code == 0, result.output
    assert "start" in result.stdout
    assert "first snapshot" in result.stdout


def test_history_without_snapshots_quotes_the_suggested_command(tmp_path: Path) -> None:
    plan = tmp_path / "my plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    result = invoke("history", plan)
    assert result.exit_code == 0
    assert f"take one with: kxplan snapshot {shlex.quote(str(plan))}" in result.stdout


# --- 3. folders and unreadable files as PLAN ------------------------------------------

PLAN_COMMANDS = ["rank", "export", "snapshot", "history", "validate", "show", "open"]


@pytest.mark.parametrize("command", PLAN_COMMANDS)
def test_a_folder_as_plan_is_one_line(command: str, tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    assert_one_line_failure(invoke(command, folder), f"{folder}: is a folder, expected a plan file")


def test_new_onto_a_folder_is_one_line(tmp_path: Path) -> None:
    assert_one_line_failure(
        invoke("new", tmp_path),
        f"{tmp_path}: is a folder, expected a plan file name such as {tmp_path / 'plan.toml'}",
    )


@pytest.fixture
def unreadable(plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The plan, unreadable: by its mode, and (as root reads anything) by stand-ins."""
    plan_file.chmod(0)
    real_access, real_read_bytes = os.access, Path.read_bytes

    def access(path: str | os.PathLike[str], mode: int, **kwargs: bool) -> bool:
        if os.fspath(path) == str(plan_file):
            return False
        return real_access(path, mode, **kwargs)

    def read_bytes(self: Path) -> bytes:
        if str(self) == str(plan_file):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    yield plan_file
    plan_file.chmod(0o644)


@pytest.mark.parametrize("command", ["rank", "export", "snapshot", "history", "validate", "show"])
def test_an_unreadable_plan_is_one_line(command: str, unreadable: Path) -> None:
    assert_one_line_failure(
        invoke(command, unreadable), f"{unreadable}: cannot be read: Permission denied"
    )


def test_new_onto_an_unreadable_file_says_it_exists(unreadable: Path) -> None:
    result = invoke("new", unreadable)
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert "Usage" not in result.stderr


def test_snapshot_of_a_missing_file_says_what_the_others_say(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    assert_one_line_failure(invoke("snapshot", missing), f"{missing}: no such file")
    assert invoke("show", missing).stderr == f"{missing}: no such file\n"


# --- 4. export onto a link to a plan, or with no name ---------------------------------


def test_export_refuses_a_link_to_a_plan(plan_file: Path) -> None:
    victim = plan_file.with_name("victim.toml")
    victim.write_text(PLAN, encoding="utf-8")
    link = plan_file.with_name("vlink.md")
    link.symlink_to(victim)
    result = invoke("export", plan_file, "-o", link)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {link}: links to {victim}; refusing")
    assert victim.read_text(encoding="utf-8") == PLAN


def test_export_refuses_a_dangling_link_to_a_toml_name(plan_file: Path) -> None:
    link = plan_file.with_name("new.md")
    link.symlink_to(plan_file.with_name("not-yet.toml"))
    result = invoke("export", plan_file, "-o", link)
    assert result.exit_code == 2
    assert "refusing" in result.stderr
    assert not plan_file.with_name("not-yet.toml").exists()


def test_export_through_a_link_to_a_markdown_file_works(plan_file: Path) -> None:
    document = plan_file.with_name("doc.md")
    link = plan_file.with_name("link.md")
    link.symlink_to(document)
    result = invoke("export", plan_file, "-o", link)
    assert result.exit_code == 0, result.output
    assert document.read_text(encoding="utf-8").startswith("# Robust plan")


def test_export_to_an_empty_name(plan_file: Path) -> None:
    assert_one_line_failure(
        invoke("export", plan_file, "-o", ""), "Error: --output needs a file name, such as plan.md"
    )


def test_export_to_a_folder(plan_file: Path) -> None:
    folder = plan_file.parent
    assert_one_line_failure(
        invoke("export", plan_file, "-o", folder),
        f"Error: {folder}: is a folder, expected a file name for the export",
    )


# --- 5. suggested command lines are quoted for the shell ------------------------------


def test_new_quotes_the_path_it_suggests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = Path("sp ace/üñí 📁")
    folder.mkdir(parents=True)
    target = folder / "plan å.toml"
    result = invoke("new", target)
    assert result.exit_code == 0, result.output
    last = result.stdout.splitlines()[-1]
    assert last == "Open it with: kxplan 'sp ace/üñí 📁/plan å.toml'"
    assert shlex.split(last.removeprefix("Open it with: ")) == ["kxplan", str(target)]


# --- 6. options that do not go together -----------------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["--compare-methods", "--robust"],
            "Error: --robust and --compare-methods cannot be combined; use one of them",
        ),
        (["--samples", "50"], "Error: --samples only applies with --robust"),
        (["--seed", "3"], "Error: --seed only applies with --robust"),
        (["--compare-methods", "--samples", "50"], "Error: --samples only applies with --robust"),
    ],
)
def test_rank_refuses_options_it_would_ignore(plan_file: Path, args: list[str], line: str) -> None:
    assert_one_line_failure(invoke("rank", plan_file, *args), line)


def test_rank_samples_and_seed_with_robust_still_work(plan_file: Path) -> None:
    result = invoke("rank", plan_file, "--robust", "--samples", "20", "--seed", "4")
    assert result.exit_code == 0, result.output


# --- 7. diff -f -----------------------------------------------------------------------


def test_diff_takes_f_for_format(plan_file: Path) -> None:
    other = plan_file.with_name("other.toml")
    other.write_text(PLAN.replace("effort = 2", "effort = 5"), encoding="utf-8")
    short = invoke("diff", plan_file, other, "-f", "markdown")
    long = invoke("diff", plan_file, other, "--format", "markdown")
    assert short.exit_code == long.exit_code == 1, short.output
    assert short.stdout == long.stdout


# --- 8. show prints user text literally -----------------------------------------------

HOSTILE = """\
schema = 1
title = "T\\u001b]0;pwned\\u0007"
organisation = "Org\\u001b[2J"
version = "v\\u009b1"
facilitator = "Fa\\u001b[31mred"
participants = ["Ida\\u001b[8m", "Pål"]
currency = "S\\u001bK"

[[areas.accessibility.channels]]
name = "phone"
cost_per_contact = 50

[[areas.unnecessary_demand.contact_reasons]]
reason = "Where?"
channel = "phone"
monthly_volume = 100
avoidable = 50
"""


def test_show_spells_out_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "esc.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = invoke("show", path)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert not {ESC, BEL, "\x9b"} & set(out)
    lines = out.splitlines()
    assert lines[0] == "T\\x1b]0;pwned\\x07"
    assert lines[1] == "=" * len(lines[0])
    assert "Organisation: Org\\x1b[2J" in lines
    assert "Version:      v\\x9b1" in lines
    assert "Facilitator:  Fa\\x1b[31mred" in lines
    assert "Participants: Ida\\x1b[8m, Pål" in lines
    assert "  Avoidable cost:      2\u202f500\xa0S\\x1bK per month" in lines


def test_show_for_diff_spells_out_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "esc.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = invoke("show", "--for-diff", path)
    assert result.exit_code == 0, result.output
    assert not {ESC, BEL} & set(result.stdout)
    assert "pwned" in result.stdout


def test_show_for_diff_of_a_broken_plan_spells_out_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(b'schema = 1\ntitle = "x\x1b]0;pwned\x07"\n')  # raw controls: not TOML
    result = invoke("show", "--for-diff", path)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# kxplan: ")
    assert not {ESC, BEL} & set(result.stdout)
    assert 'title = "x\\x1b]0;pwned\\x07"' in result.stdout


def test_history_spells_out_control_characters_in_labels(plan_file: Path) -> None:
    save_version(plan_file.read_bytes(), plan_file, "start\x1b[2J")
    result = invoke("history", plan_file)
    assert result.exit_code == 0, result.output
    assert ESC not in result.stdout
    assert "start\\x1b[2J" in result.stdout
