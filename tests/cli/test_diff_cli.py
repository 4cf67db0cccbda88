"""`kxplan diff` and `kxplan show --for-diff`: formats, exit status, git REV:path, textconv."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import Change, base_data, invoke, write_base_plan

from kxplan.model import Plan
from kxplan.storage import dumps

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def write_plan(path: Path, change: Change | None = None) -> Path:
    write_base_plan(path, change)
    return path


def rescore_faq(data: dict[str, Any]) -> None:
    data["initiatives"][1]["effort"] = 4  # faq: 1 → 4; ratio 2 → 0.5, drops below crm


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    return write_plan(tmp_path / "old.toml"), write_plan(tmp_path / "new.toml", rescore_faq)


def test_text_diff_exit_1_and_plain_when_piped(pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = invoke("diff", str(old), str(new))
    assert result.exit_code == 1
    assert result.output.splitlines()[:3] == [
        f"--- {old}",
        f"+++ {new}",
        "1 initiative re-scored; 1 moved in rank",
    ]
    assert "  FAQ: effort 1 → 4" in result.output
    assert "  FAQ: rank 2 → 3" in result.output
    assert "\x1b[" not in result.output


def test_text_diff_is_coloured_on_a_terminal(pair: tuple[Path, Path]) -> None:
    result = invoke("diff", str(pair[0]), str(pair[1]), color=True)
    assert "\x1b[1mInitiatives" in result.output
    assert "\x1b[36m  FAQ: rank 2 → 3" not in result.output  # the indent is not coloured
    assert "\x1b[36mFAQ: rank 2 → 3\x1b[0m" in result.output


def test_no_differences_exit_0_and_print_nothing(tmp_path: Path) -> None:
    old = write_plan(tmp_path / "old.toml")
    result = invoke("diff", str(old), str(old))
    assert result.exit_code == 0
    assert result.output == ""


def test_only_timestamps_exit_0(tmp_path: Path) -> None:
    old = write_plan(tmp_path / "old.toml")
    new = write_plan(tmp_path / "new.toml", lambda d: d.update(updated=d["updated"].replace(day=2)))
    result = invoke("diff", str(old), str(new), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["differs"] is False
    assert data["metadata"] == {
        "updated": ["2026-11-01T09:00:00+00:00", "2026-11-02T09:00:00+00:00"]
    }


def test_json_format(pair: tuple[Path, Path]) -> None:
    result = invoke("diff", str(pair[0]), str(pair[1]), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["initiatives"]["added"] == []
    assert data["initiatives"]["removed"] == []
    assert data["initiatives"]["changed"] == {"faq": {"effort": [1, 4]}}
    assert data["initiatives"]["moved"] == {"crm": [3, 2], "faq": [2, 3]}
    assert data["method"] == "ratio"
    assert data["summary"] == "1 initiative re-scored; 1 moved in rank"
    assert {"areas", "metadata", "changes"} <= data.keys()


def test_markdown_format(pair: tuple[Path, Path]) -> None:
    result = invoke("diff", str(pair[0]), str(pair[1]), "--format", "markdown")
    assert result.exit_code == 1
    assert "## Initiatives\n\n- FAQ: effort 1 → 4\n" in result.output
    assert "## Ranking (ratio)" in result.output


def test_method_option_ranks_both_sides_with_it(pair: tuple[Path, Path]) -> None:
    result = invoke("diff", str(pair[0]), str(pair[1]), "--format", "json", "--method", "quadrant")
    assert json.loads(result.output)["method"] == "quadrant"


def test_missing_or_invalid_plan_exit_2(tmp_path: Path) -> None:
    good = write_plan(tmp_path / "good.toml")
    result = invoke("diff", str(tmp_path / "missing.toml"), str(good))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{tmp_path / 'missing.toml'}: no such file"
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\ntitle = "x"\nbogus = 1\n', encoding="utf-8")
    result = invoke("diff", str(good), str(bad))
    assert result.exit_code == 2
    assert "bogus" in result.stderr
    assert "Traceback" not in result.output


# --- git ------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with plans/plan.toml committed once and then edited."""
    root = tmp_path / "repo"
    (root / "plans").mkdir(parents=True)
    git(root, "init", "-q")
    write_plan(root / "plans" / "plan.toml")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    write_plan(root / "plans" / "plan.toml", rescore_faq)
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    return root


@needs_git
def test_rev_path_from_the_repository_root(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    result = invoke("diff", "HEAD:plans/plan.toml", "plans/plan.toml", "--format", "json")
    assert result.exit_code == 1, result.output
    assert json.loads(result.output)["initiatives"]["changed"] == {"faq": {"effort": [1, 4]}}


@needs_git
def test_rev_dot_slash_path_is_relative_to_the_current_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "plans")
    result = invoke("diff", "HEAD:./plan.toml", "plan.toml")
    assert result.exit_code == 1
    assert "FAQ: effort 1 → 4" in result.output
    assert invoke("diff", "HEAD:./plan.toml", "HEAD:plans/plan.toml").exit_code == 0


@needs_git
@pytest.mark.parametrize(
    ("arg", "message"),
    [
        ("HEAD~5:plans/plan.toml", "git has no commit HEAD~5"),
        ("HEAD:plans/nope.toml", "plans/nope.toml is not in commit HEAD"),
    ],
)
def test_git_errors_exit_2(
    repo: Path, monkeypatch: pytest.MonkeyPatch, arg: str, message: str
) -> None:
    monkeypatch.chdir(repo)
    result = invoke("diff", arg, "plans/plan.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: cannot read {arg} from git: ")
    assert message in result.stderr


@needs_git
def test_not_a_git_repository_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = write_plan(tmp_path / "plan.toml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = invoke("diff", "HEAD:plan.toml", str(plan))
    assert result.exit_code == 2
    assert result.stderr == "Error: cannot read HEAD:plan.toml from git: not in a git repository\n"


def test_an_existing_file_with_a_colon_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_plan(tmp_path / "v1:old.toml")
    write_plan(tmp_path / "new.toml")
    assert invoke("diff", "v1:old.toml", "new.toml").exit_code == 0


# --- show --for-diff and git's textconv -----------------------------------------------


def test_show_for_diff(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "plan.toml")
    result = invoke("show", "--for-diff", str(plan))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "initiative faq: effort = 1" in lines
    assert "areas.insight.maturity_today = 2" in lines
    assert "rank 2 (ratio): faq, score 2, fill-in" in lines  # one initiative: singular


def test_show_for_diff_of_a_broken_plan_shows_it_raw(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\ntitle = "x"\nbogus = 1\n', encoding="utf-8")
    result = invoke("show", "--for-diff", str(bad))
    assert result.exit_code == 0
    assert result.output.startswith("# kxplan: ")
    assert result.output.endswith('title = "x"\nbogus = 1\n')


@needs_git
def test_git_diff_with_the_textconv_driver(repo: Path) -> None:
    kxplan = Path(sys.executable).with_name("kxplan")
    if not kxplan.exists():
        pytest.skip("the kxplan script is not installed beside this Python")
    (repo / ".gitattributes").write_text("*.toml diff=kxplan\n", encoding="utf-8")
    git(repo, "config", "diff.kxplan.textconv", f"{kxplan} show --for-diff")
    out = git(repo, "diff", "--no-color", "plans/plan.toml")
    assert "\n-initiative faq: effort = 1\n+initiative faq: effort = 4\n" in out
    assert "+rank 3 (ratio): faq, score 0.5, thankless task" in out
    assert "[[initiatives]]" not in out  # the TOML itself is not what is compared


def test_dumps_unchanged_by_show(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "plan.toml")
    before = plan.read_bytes()
    invoke("show", "--for-diff", str(plan))
    assert plan.read_bytes() == before == dumps(Plan.model_validate(base_data())).encode()
