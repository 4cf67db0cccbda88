"""The CLI package: every command is registered once, loads on demand, reads its
choices from the framework, and a command pays only for the modules it needs."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import kxplan.cli
import kxplan.cli.common
from kxplan.cli import COMMANDS, main
from kxplan.cli.common import INTERPRETER_GC_THRESHOLD, ONE_SHOT_GC_THRESHOLD
from kxplan.framework import METHODS
from kxplan.model import Plan
from kxplan.storage import save
from kxplan.templates import new_plan

SRC = Path(kxplan.cli.__file__).resolve().parents[1]


def modules_after(code: str) -> set[str]:
    """The modules loaded in a fresh interpreter after running ``code``."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_is_found_under_its_own_name(name: str) -> None:
    command = main.get_command(click.Context(main), name)
    assert isinstance(command, click.Command)
    assert command.name == name


def test_help_lists_every_registered_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    section = result.stdout.split("Commands:")[1].split("\n\n")[0]
    listed = {line.split()[0] for line in section.splitlines() if line}
    assert listed == set(COMMANDS)


@pytest.mark.parametrize(("command", "option"), [("rank", "method"), ("diff", "method")])
def test_method_choices_are_the_framework_methods(command: str, option: str) -> None:
    found = main.get_command(click.Context(main), command)
    assert found is not None
    param = next(p for p in found.params if p.name == option)
    assert isinstance(param.type, click.Choice)
    assert tuple(param.type.choices) == METHODS.keys


def test_an_unknown_method_is_refused_with_the_framework_list(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["rank", str(tmp_path / "p.toml"), "--method", "magic"])
    assert result.exit_code == 2
    for key in METHODS.keys:
        assert key in result.stderr


def test_names_of_the_old_module_still_import() -> None:
    from kxplan.cli import read_plan_arg, show_for_diff, summary
    from kxplan.reports.overview import overview

    assert summary is overview
    assert callable(read_plan_arg)
    assert callable(show_for_diff)
    assert kxplan.cli.rank_command is main.get_command(click.Context(main), "rank")
    with pytest.raises(AttributeError):
        kxplan.cli.no_such_name  # noqa: B018


def test_rank_loads_neither_the_other_commands_nor_the_exports(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    save(new_plan("contact-centre"), plan)
    loaded = modules_after(
        "from kxplan.cli import main\n"
        "try:\n"
        f"    main(['rank', {str(plan)!r}, '--format', 'json'])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
    )
    assert "kxplan.cli.ranking" in loaded
    unneeded = {
        "kxplan.cli.plans",
        "kxplan.cli.reports",
        "kxplan.cli.versions",
        "kxplan.cli.ui",
        "kxplan.reports.formats",
        "kxplan.reports.comparison",
        "kxplan.versions",
        "kxplan.templates",
        "kxplan.reports.overview",
        "textual",
        "rich",
    }
    assert not unneeded & loaded


def test_importing_the_cli_loads_no_command_module() -> None:
    loaded = modules_after("import kxplan.cli")
    assert (
        not {f"kxplan.cli.{name}" for name in ("plans", "ranking", "reports", "versions", "ui")}
        & loaded
    )
    assert "kxplan.scoring" not in loaded


def test_no_cli_module_is_over_400_lines() -> None:
    for path in [*(SRC / "cli").glob("*.py"), SRC / "reports" / "overview.py"]:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path


def test_the_overview_loads_neither_the_ui_nor_the_cli() -> None:
    loaded = modules_after("import kxplan.reports.overview")
    assert not {"textual", "rich", "click", "kxplan.cli"} & loaded


def test_help_and_version_load_no_plan_model() -> None:
    loaded = modules_after(
        "from kxplan.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
    )
    assert not {"pydantic", "kxplan.storage", "kxplan.model"} & loaded


def test_a_command_collects_rarely_and_gives_the_thresholds_back(tmp_path: Path) -> None:
    seen: list[tuple[int, ...]] = []
    plan = tmp_path / "plan.toml"
    save(new_plan("blank"), plan)
    before = gc.get_threshold()
    original = kxplan.cli.common.load_or_exit

    def spy(path: str | os.PathLike[str]) -> Plan:
        seen.append(gc.get_threshold())
        return original(path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("kxplan.cli.plans.load_or_exit", spy)
        result = CliRunner().invoke(main, ["show", str(plan)])
    assert result.exit_code == 0, result.output
    assert seen == [ONE_SHOT_GC_THRESHOLD]
    assert gc.get_threshold() == before


def test_the_ui_runs_with_the_interpreters_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, ...]] = []
    fake = types.ModuleType("kxplan.tui")
    fake.run = lambda path, **_options: seen.append(gc.get_threshold())  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kxplan.tui", fake)
    monkeypatch.setattr("kxplan.cli.ui.has_terminal", lambda: True)
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 0, result.output
    assert seen == [INTERPRETER_GC_THRESHOLD]
