"""Nothing typed as ``REV:path`` reaches git as an option: git's ``--output=FILE`` would
write any file. Tried in a real temporary repository."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from support import invoke, write_base_plan

from kxplan.versions import git


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
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
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "one"]):
        subprocess.run(["git", *command], check=True, capture_output=True)
    return tmp_path


@pytest.mark.parametrize("hostile", ["--output={out}:plan.toml", "-o{out}:plan.toml"])
def test_diff_refuses_a_revision_starting_with_a_dash(repo: Path, hostile: str) -> None:
    out = repo / "written-by-git"
    result = invoke("diff", "--", hostile.format(out=out), "plan.toml")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "cannot start with '-'" in lines[0]
    assert not out.exists()


def test_git_never_reads_the_argument_as_an_option(repo: Path) -> None:
    """Below the refusal, git itself is told where its options end."""
    out = repo / "written-by-git"
    with pytest.raises(git.GitReadError):
        git._git_show(f"--output={out}:plan.toml")
    assert not out.exists()


def test_the_core_refuses_a_dash_before_git_runs(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(git, "_git_show", lambda arg: pytest.fail("git ran"))
    with pytest.raises(git.GitReadError, match="cannot start with '-'"):
        git.show("--output=x:plan.toml")


def test_an_ordinary_revision_still_reads(repo: Path) -> None:
    result = invoke("diff", "HEAD:plan.toml", "plan.toml")
    assert result.exit_code == 0, result.stderr
