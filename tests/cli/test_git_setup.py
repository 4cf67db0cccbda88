"""`kxplan git-setup` in real temporary git repositories: diffs name initiatives, and two
branches of a strategy merge by initiative and field."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import base_data

from kxplan import storage
from kxplan.model import Plan

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PLAN = "strategy.kxplan.toml"


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = _env(root.parent / "home")
        (root.parent / "home").mkdir(exist_ok=True)
        root.mkdir()
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=self.env, capture_output=True, text=True
        )
        if check and done.returncode:
            raise AssertionError(f"git {args}: {done.stdout}{done.stderr}")
        return done

    def kxplan(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kxplan", *args],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
        )

    def write(self, change: Any = None) -> None:
        data = base_data()
        if change is not None:
            change(data)
        (self.root / PLAN).write_text(storage.dumps(Plan.model_validate(data)), encoding="utf-8")

    def edit(self, change: Any, message: str) -> None:
        plan = storage.load(self.root / PLAN)
        data = plan.to_data()
        change(data)
        (self.root / PLAN).write_text(storage.dumps(Plan.model_validate(data)), encoding="utf-8")
        self.git("commit", "-qam", message)

    def plan(self) -> Plan:
        return storage.load(self.root / PLAN)


def _initiative(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(item for item in data["initiatives"] if item["id"] == ident)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    setup = repo.kxplan("git-setup")
    assert setup.returncode == 0, setup.stderr
    repo.write()
    repo.git("add", ".")
    repo.git("commit", "-qm", "start")
    return repo


def test_git_setup_writes_attributes_and_config_once(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    first = repo.kxplan("git-setup")
    assert first.returncode == 0, first.stderr
    attributes = (repo.root / ".gitattributes").read_text(encoding="utf-8")
    assert attributes == "*.kxplan.toml diff=kxplan merge=kxplan\n"
    config = repo.git("config", "--local", "--list").stdout
    python = str(Path(sys.executable).absolute())
    assert f"diff.kxplan.textconv={python} -m kxplan show --for-diff" in config
    assert "diff.kxplan.cachetextconv=true" in config
    assert "diff.kxplan.xfuncname=^(initiative [^:]+|areas" in config
    assert f"merge.kxplan.driver={python} -m kxplan merge-driver %O %A %B %P" in config
    again = repo.kxplan("git-setup")
    assert again.returncode == 0
    assert "already" in again.stdout
    assert (repo.root / ".gitattributes").read_text(encoding="utf-8") == attributes
    assert repo.git("config", "--local", "--list").stdout == config
    more = repo.kxplan("git-setup", "plans/*.toml", "*.kxplan.toml")
    assert more.returncode == 0
    assert (repo.root / ".gitattributes").read_text(encoding="utf-8") == (
        "*.kxplan.toml diff=kxplan merge=kxplan\nplans/*.toml diff=kxplan merge=kxplan\n"
    )


def test_git_setup_outside_a_repository_is_one_line_and_status_2(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "kxplan", "git-setup"],
        cwd=folder,
        env={**_env(tmp_path), "GIT_CEILING_DIRECTORIES": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "Error: not in a git repository (run it inside one, e.g. after `git init`)"
    ]


def test_git_diff_speaks_the_strategys_terms_and_names_the_initiative(repo: Repo) -> None:
    repo.edit(lambda d: _initiative(d, "crm").update(effort=3), "re-score crm")
    diff = repo.git("show", "--format=", "HEAD").stdout
    assert "-initiative crm: effort = 5" in diff
    assert "+initiative crm: effort = 3" in diff
    headers = [line for line in diff.splitlines() if line.startswith("@@")]
    assert any("initiative crm" in line or "initiative faq" in line for line in headers)


def _branches(repo: Repo, ours: Any, theirs: Any) -> subprocess.CompletedProcess[str]:
    repo.git("checkout", "-qb", "theirs")
    repo.edit(theirs, "their change")
    repo.git("checkout", "-q", "main")
    repo.edit(ours, "our change")
    return repo.git("merge", "--no-edit", "theirs", check=False)


def test_two_branches_adding_different_initiatives_merge_cleanly(repo: Repo) -> None:
    merged = _branches(
        repo,
        lambda d: d["initiatives"].append({"id": "sms", "title": "SMS"}),
        lambda d: d["initiatives"].append({"id": "app", "title": "App"}),
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert [i.id for i in repo.plan().initiatives] == ["web-chat", "faq", "crm", "app", "sms"]


def test_two_branches_re_scoring_different_initiatives_merge_cleanly(repo: Repo) -> None:
    merged = _branches(
        repo,
        lambda d: _initiative(d, "faq").update(effort=3),
        lambda d: (
            _initiative(d, "faq").update(customer_value=5) or _initiative(d, "crm").update(effort=2)
        ),
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    plan = repo.plan()
    assert (plan.initiative("faq").effort, plan.initiative("faq").customer_value) == (3, 5)
    assert plan.initiative("crm").effort == 2


def test_both_branches_changing_one_field_is_a_conflict_left_resolvable(repo: Repo) -> None:
    merged = _branches(
        repo,
        lambda d: _initiative(d, "faq").update(effort=3),
        lambda d: _initiative(d, "faq").update(effort=4, title="Help pages"),
    )
    assert merged.returncode != 0
    assert f"CONFLICT (content): Merge conflict in {PLAN}" in merged.stdout
    assert "conflict: initiatives[faq].effort" in merged.stderr
    text = (repo.root / PLAN).read_text(encoding="utf-8")
    line = text.splitlines().index("<<<<<<< ours: initiatives[faq].effort") + 1
    checked = repo.kxplan("validate", PLAN)
    assert checked.returncode == 2
    assert checked.stderr.startswith(f"{PLAN}:{line}: initiatives[faq].effort: unresolved merge")
    listed = repo.kxplan("resolve", PLAN)
    assert listed.returncode == 2
    assert "ours:   effort = 3" in listed.stdout
    assert "theirs: effort = 4" in listed.stdout
    resolved = repo.kxplan("resolve", PLAN, "--theirs", "initiatives[faq].effort")
    assert resolved.returncode == 0, resolved.stderr
    plan = repo.plan()
    assert (plan.initiative("faq").effort, plan.initiative("faq").title) == (4, "Help pages")
    repo.git("commit", "-qam", "merged")
