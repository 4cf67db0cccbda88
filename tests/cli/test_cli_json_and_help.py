"""``--format json`` on every command that prints about a plan, with one shape per
object; diff's --quiet and --exit-zero; one meaning per short flag; an example at the
end of every --help; shell completion of template names and files."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from support import invoke, write_base_plan

from kxplan.cli import COMMANDS, main
from kxplan.templates import list_templates
from kxplan.versions import list_versions


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    return path


def _json(*args: str | Path) -> object:
    result = invoke(*args)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_show_json_shares_export_shapes(plan: Path) -> None:
    shown = _json("show", plan, "-f", "json")
    exported = _json("export", plan, "-f", "json")
    assert isinstance(shown, dict)
    assert isinstance(exported, dict)
    results = exported["results"]
    assert shown["areas"] == results["areas"]
    assert shown["demand_totals"] == results["demand_totals"]
    assert shown["updated"] == exported["plan"]["updated"]
    assert shown["title"] == "Kundservice 2027"
    assert shown["contents"]["initiatives"] == 3
    assert shown["contents"]["contact_reasons"] == 1
    assert shown["initiatives_by_status"]["idea"] == 3


def test_validate_json_lists_each_file_with_its_problems(plan: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(plan.read_text(encoding="utf-8").replace("effort = 2", "effort = 9", 1))
    result = invoke("validate", plan, broken, "-f", "json")
    assert result.exit_code == 2
    first, second = json.loads(result.stdout)
    assert first == {"file": str(plan), "valid": True, "problems": []}
    assert second["file"] == str(broken)
    assert second["valid"] is False
    (problem,) = second["problems"]
    assert set(problem) == {"file", "line", "place", "message"}
    assert problem["file"] == str(broken)
    assert isinstance(problem["line"], int)
    assert problem["place"].endswith(".effort")
    assert result.stderr == ""


def test_templates_json_names_every_template() -> None:
    listed = _json("templates", "--format", "json")
    assert listed == [
        {
            "name": template.name,
            "language": template.language,
            "description": template.description,
        }
        for template in list_templates()
    ]


def test_history_json_holds_diffs_comparison_shape(plan: Path) -> None:
    assert invoke("snapshot", plan, "-l", "first").exit_code == 0
    write_base_plan(plan, lambda data: data.update(title="Renamed"))
    history = _json("history", plan, "-f", "json")
    assert isinstance(history, dict)
    (snapshot,) = history["snapshots"]
    assert snapshot["label"] == "first"
    assert snapshot["changes"] is None
    assert snapshot["summary"] == "first snapshot"
    assert snapshot["taken"].endswith("Z")
    current = history["current"]
    assert current["file"] == str(plan)
    (version,) = list_versions(plan)
    assert snapshot["file"] == str(version.path)
    assert current["changes"] == _json("diff", version.path, plan, "-f", "json")


# --- diff ------------------------------------------------------------------------------


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    write_base_plan(old)
    write_base_plan(new, lambda data: data["initiatives"].pop())
    return old, new


def test_diff_quiet_prints_nothing_and_sets_the_status(pair: tuple[Path, Path]) -> None:
    old, new = pair
    for fmt in ("text", "markdown", "json"):
        differ = invoke("diff", "--quiet", old, new, "-f", fmt)
        same = invoke("diff", "-q", old, old, "-f", fmt)
        assert (differ.exit_code, differ.output) == (1, "")
        assert (same.exit_code, same.output) == (0, "")


def test_diff_exit_zero_keeps_the_report(pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = invoke("diff", "--exit-zero", old, new)
    assert result.exit_code == 0
    assert "crm" in result.stdout
    missing = invoke("diff", "--exit-zero", old, old.with_name("nope.toml"))
    assert missing.exit_code == 2


def test_identical_plans_print_nothing_but_json_still_parses(pair: tuple[Path, Path]) -> None:
    old, _ = pair
    for fmt in ("text", "markdown"):
        assert invoke("diff", old, old, "-f", fmt).output == ""
    assert json.loads(invoke("diff", old, old, "-f", "json").stdout)["differs"] is False


# --- flags, help, completion -----------------------------------------------------------


def _commands() -> dict[str, click.Command]:
    ctx = click.Context(main)
    return {name: main.get_command(ctx, name) for name in COMMANDS}  # type: ignore[misc]


def test_each_short_flag_has_one_meaning_across_commands() -> None:
    meanings: dict[str, set[str]] = {}
    for command in _commands().values():
        for param in command.params:
            if isinstance(param, click.Option):
                longs = [o for o in param.opts if o.startswith("--")]
                for short in (o for o in param.opts if not o.startswith("--")):
                    meanings.setdefault(short, set()).update(longs)
    clashing = {short: longs for short, longs in meanings.items() if len(longs) > 1}
    assert clashing == {}
    assert meanings["-f"] == {"--format"}


@pytest.mark.parametrize("name", [None, *sorted(COMMANDS)])
def test_every_help_ends_with_an_example(name: str | None) -> None:
    result = invoke(*([name] if name else []), "--help")
    assert result.exit_code == 0
    last = result.stdout.rstrip().splitlines()[-1].strip()
    assert last.startswith(("kxplan ", "git show ")), last
    assert "Example" in result.stdout


def _complete(words: str) -> list[str]:
    env = {
        "_KXPLAN_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    result = CliRunner().invoke(main, [], prog_name="kxplan", env=env)
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_completion_offers_template_names() -> None:
    assert "plain,public-service" in _complete("kxplan new plan.toml --template pu")
    offered = _complete("kxplan example ")
    assert {f"plain,{t.name}" for t in list_templates()} <= set(offered)


def test_completion_leaves_plan_files_to_the_shell() -> None:
    assert _complete("kxplan rank pl") == ["file,pl"]
    assert _complete("kxplan diff old.toml ne") == ["file,ne"]
    assert "plain,validate" in _complete("kxplan val")
