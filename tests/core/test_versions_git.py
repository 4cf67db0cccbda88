"""Reading a plan from git (``REV:path``), without the CLI."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kxplan.storage import PlanError
from kxplan.versions import git

PLAN = b'schema = 1\ntitle = "From git"\n'


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one commit holding plan.toml (and a broken broken.toml)."""
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
    (tmp_path / "plan.toml").write_bytes(PLAN)
    (tmp_path / "broken.toml").write_bytes(b"title = \n")
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "one"]):
        subprocess.run(["git", *command], check=True, capture_output=True)
    return tmp_path


def test_a_colon_names_a_revision_unless_a_file_has_that_name(tmp_path: Path) -> None:
    assert git.names_revision("HEAD:plan.toml")
    assert not git.names_revision("plan.toml")
    odd = tmp_path / "a:b.toml"
    odd.write_bytes(PLAN)
    assert not git.names_revision(str(odd))


def test_load_revision_reads_the_committed_plan(repo: Path) -> None:
    (repo / "plan.toml").write_bytes(b'schema = 1\ntitle = "Edited since"\n')
    assert git.load_revision("HEAD:plan.toml").title == "From git"


def test_a_missing_path_says_why_in_one_line(repo: Path) -> None:
    with pytest.raises(git.GitReadError) as raised:
        git.show("HEAD:nothing.toml")
    message = str(raised.value)
    assert message.startswith("cannot read HEAD:nothing.toml from git: ")
    assert "\n" not in message
    assert "fatal:" not in message


def test_a_broken_plan_in_git_is_a_plan_error_located_at_rev_path(repo: Path) -> None:
    with pytest.raises(PlanError) as raised:
        git.load_revision("HEAD:broken.toml")
    assert str(raised.value.problems[0]).startswith("HEAD:broken.toml")
