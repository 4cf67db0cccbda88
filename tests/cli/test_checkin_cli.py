"""`kxplan checkin` and `kxplan export --since`: text, JSON, Markdown; a bad version is one
located line and exit 2."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from support import invoke, write_base_plan

from kxplan.reports.dates import date_text
from kxplan.versions import list_versions

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def follow_up(data: dict[str, Any]) -> None:
    data["areas"]["insight"]["kpis"][0].update(
        target_date=dt.date(2027, 6, 30),
        readings=[
            {"date": dt.date(2026, 9, 30), "value": 72},
            {"date": dt.date(2026, 11, 30), "value": 70},
        ],
    )
    data["initiatives"].append({"id": "bot", "title": "Chatbot", "when": "Q2 2026"})
    data["initiatives"][1]["effort"] = 4


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """plan.toml committed after the workshop, then changed for the follow-up."""
    for key, value in {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    write_base_plan(tmp_path / "plan.toml")
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "workshop"]):
        subprocess.run(["git", *command], check=True, capture_output=True)
    write_base_plan(tmp_path / "plan.toml", follow_up)
    return tmp_path


@needs_git
def test_text_against_the_previous_commit(repo: Path) -> None:
    result = invoke("checkin", "plan.toml", "--date", "2026-12-04")
    assert result.exit_code == 0, result.stderr
    stamp = subprocess.run(
        ["git", "log", "-1", "--format=%cs"], capture_output=True, text=True, check=True
    ).stdout.strip()
    day = date_text(dt.date.fromisoformat(stamp))
    lines = result.output.splitlines()
    version = f"the version of {day}, “workshop”"
    assert lines[0] == f"Check-in of 4 December 2026, compared with {version}."
    assert f"What moved since {version}" in lines
    assert "  FAQ: effort 1 → 4" in lines
    assert "  + Chatbot" in lines
    assert "  Chatbot (Q2 2026), due 30 June 2026" in lines
    assert "  Move the date or drop “Chatbot” (planned Q2 2026)" in lines


@needs_git
def test_since_previous_means_the_previous_version_as_in_export(repo: Path) -> None:
    said = invoke("checkin", "plan.toml", "--since", "previous", "--date", "2026-12-04")
    default = invoke("checkin", "plan.toml", "--date", "2026-12-04")
    assert said.exit_code == 0, said.stderr
    assert said.output == default.output


@needs_git
def test_json_with_since(repo: Path) -> None:
    result = invoke("checkin", "plan.toml", "--since", "HEAD", "-f", "json", "--date", "2026-12-04")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.output)
    assert data["date"] == "2026-12-04"
    assert data["since"] == "HEAD"
    assert {"text": "FAQ: effort 1 → 4", "place": {"table": "initiatives", "key": "faq"}} in data[
        "moved"
    ]
    assert [item["id"] for item in data["late"]] == ["bot"]
    assert data["off_track"][0]["latest"] == 70
    assert data["decide"][0]["place"] == {"table": "initiatives", "key": "bot"}


@needs_git
def test_a_revision_is_named_by_its_commits_date_and_subject_never_raw(repo: Path) -> None:
    """QA finding 7: ``--since HEAD`` read "compared with HEAD" in the document."""
    result = invoke("export", "plan.toml", "--since", "HEAD", "--date", "2026-12-04")
    assert result.exit_code == 0, result.stderr
    assert "compared with the version of " in result.output
    assert ", “workshop”." in result.output
    assert "HEAD" not in result.output


@needs_git
def test_markdown_for_the_minutes(repo: Path) -> None:
    result = invoke("checkin", "plan.toml", "--since", "HEAD", "-f", "markdown")
    assert result.exit_code == 0
    assert result.output.startswith("# Check-in of ")
    assert "\n## What to decide\n\n- Move the date or drop “Chatbot” (planned Q2 2026)\n" in (
        result.output
    )


@needs_git
@pytest.mark.parametrize(
    ("since", "said"),
    [
        ("nope", "no snapshot, plan file or git revision of that name"),
        ("--output=x", "a version cannot start with '-'"),
        ("HEAD~7", "no snapshot, plan file or git revision of that name"),
    ],
)
def test_a_bad_since_is_one_located_line_and_exit_2(repo: Path, since: str, said: str) -> None:
    result = invoke("checkin", "plan.toml", f"--since={since}")
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: plan.toml: --since {since}: {said}")
    assert not (repo / "x").exists()


def test_no_earlier_version_is_said_and_exit_0(tmp_path: Path) -> None:
    write_base_plan(tmp_path / "plan.toml")
    result = invoke("checkin", tmp_path / "plan.toml", "--date", "2026-12-04")
    assert result.exit_code == 0
    assert "No earlier version to compare with" in result.output


def test_a_snapshot_by_its_label(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    assert invoke("snapshot", path, "--label", "After workshop 2").exit_code == 0
    write_base_plan(path, follow_up)
    result = invoke("checkin", path, "--since", "after workshop 2", "-f", "json")
    assert json.loads(result.output)["since"] == "After workshop 2"
    assert json.loads(invoke("checkin", path, "-f", "json").output)["since"] == "After workshop 2"


def test_a_bad_date_is_one_line(tmp_path: Path) -> None:
    write_base_plan(tmp_path / "plan.toml")
    result = invoke("checkin", tmp_path / "plan.toml", "--date", "4/12")
    assert result.exit_code == 2
    assert result.stderr == "Error: --date: expected a date as YYYY-MM-DD, got 4/12\n"


@needs_git
def test_export_since_adds_the_checkin_section(repo: Path) -> None:
    result = invoke("export", "plan.toml", "--since", "previous", "--date", "2026-12-04")
    assert result.exit_code == 0, result.stderr
    text = result.output
    assert text.index("\n## Summary\n") < text.index("\n## Check-in\n")
    assert "- FAQ: effort 1 → 4" in text
    assert "## Check-in" not in invoke("export", "plan.toml").output
    refused = invoke("export", "plan.toml", "-f", "csv", "--since", "HEAD")
    assert refused.exit_code == 2
    assert "--since applies to the document only" in refused.stderr
    bad = invoke("export", "plan.toml", "--since", "nope")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: plan.toml: --since nope: ")


@pytest.mark.parametrize("day", ["20261204", "2026-W49-5", "2026-02-30"])
def test_a_date_python_would_read_but_not_yyyy_mm_dd_is_refused(tmp_path: Path, day: str) -> None:
    write_base_plan(tmp_path / "plan.toml")
    for command in ("checkin", "export"):
        result = invoke(command, tmp_path / "plan.toml", "--since", "previous", "--date", day)
        assert result.exit_code == 2, command
        assert result.stderr == f"Error: --date: expected a date as YYYY-MM-DD, got {day}\n"


@needs_git
def test_a_since_that_names_a_snapshot_a_file_and_a_revision_is_ambiguous(repo: Path) -> None:
    assert invoke("snapshot", "plan.toml", "--label", "HEAD").exit_code == 0
    write_base_plan(repo / "HEAD")  # a plan file named like the revision
    result = invoke("checkin", "plan.toml", "--since", "HEAD")
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    (when,) = [version.when for version in list_versions(repo / "plan.toml")]
    assert line == (
        f"Error: plan.toml: --since HEAD: ambiguous: it could be the snapshot “HEAD” of {when}; "
        "the plan file HEAD; the git revision HEAD; name one alone: "
        f"--since '{when}'; --since ./HEAD; --since HEAD:./plan.toml"
    )
    for alone in (when, "./HEAD", "HEAD:./plan.toml"):
        assert invoke("checkin", "plan.toml", "--since", alone).exit_code == 0, alone


@needs_git
@pytest.mark.parametrize(
    ("since", "english", "swedish"),
    [
        ("nope", "git has no commit nope", "git har ingen commit nope"),
        ("HEAD~7", "git has no commit HEAD~7", "git har ingen commit HEAD~7"),
    ],
)
def test_git_failing_is_said_in_our_words_in_either_language(
    repo: Path, monkeypatch: pytest.MonkeyPatch, since: str, english: str, swedish: str
) -> None:
    said = invoke("checkin", "plan.toml", "--since", since).stderr
    assert said == (
        f"Error: plan.toml: --since {since}: no snapshot, plan file or git revision of that "
        f"name ({english})\n"
    )
    monkeypatch.setenv("KXPLAN_LANG", "sv")
    said = invoke("checkin", "plan.toml", "--since", since).stderr
    assert swedish in said
    for git_words in ("fatal", "invalid", "unknown", "object", "bad revision"):
        assert git_words not in said


@needs_git
def test_outside_a_repository_git_is_not_quoted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_base_plan(tmp_path / "plan.toml")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    said = invoke("checkin", tmp_path / "plan.toml", "--since", "HEAD~1").stderr
    assert said.endswith(
        "no snapshot, plan file or git revision of that name (not in a git repository)\n"
    )


@needs_git
def test_a_plan_reached_through_a_symlink_is_compared_with_its_commits(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    link = elsewhere / "strategy.toml"  # another name, outside the repository
    link.symlink_to(repo / "plan.toml")
    direct = invoke("checkin", repo / "plan.toml", "--date", "2026-12-04")
    through = invoke("checkin", link, "--date", "2026-12-04")
    assert through.exit_code == 0, through.stderr
    assert "  FAQ: effort 1 → 4" in through.output.splitlines()
    assert through.output == direct.output
    since = invoke("checkin", link, "--since", "HEAD", "--date", "2026-12-04")
    assert since.exit_code == 0, since.stderr
    assert since.output == direct.output
