"""The domain core and the CLI never load textual or rich (checked in fresh interpreters)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kxplan

PACKAGE_DIR = Path(kxplan.__file__).resolve().parent
UI_MODULES = ("textual", "rich")
CORE_MODULES = [
    "kxplan",
    "kxplan.model",
    "kxplan.framework",
    "kxplan.text",
    "kxplan.i18n",
    "kxplan.storage",
    "kxplan.templates",
    "kxplan.cli",
    "kxplan.scoring",
    "kxplan.versions.comparison",
    "kxplan.reports.formats",
    "kxplan.versions",
    "kxplan.reports",
    "kxplan.session",
    "kxplan.room",
]


def every_core_module() -> list[str]:
    """Every module of kxplan outside the UI package, found in the source tree."""
    found = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(PACKAGE_DIR).with_suffix("").parts
        if parts[0] == "tui" or parts[-1] == "__main__":
            continue
        name = ".".join(("kxplan", *parts)).removesuffix(".__init__")
        found.append(name)
    return found


def loaded_after(code: str) -> set[str]:
    """Top-level packages of the UI that are in sys.modules after running ``code``."""
    probe = (
        f"{code}\nimport json, sys\n"
        f"print(json.dumps(sorted(m for m in {list(UI_MODULES)!r} if m in sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def module_file_exists(name: str) -> bool:
    relative = Path(*name.split(".")[1:])
    return (PACKAGE_DIR / relative).with_suffix(".py").is_file() or (
        PACKAGE_DIR / relative / "__init__.py"
    ).is_file()


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_the_ui(module: str) -> None:
    if module != "kxplan" and not module_file_exists(module):
        pytest.skip(f"{module} does not exist yet")
    assert loaded_after(f"import {module}") == set()


def test_no_core_module_anywhere_in_the_tree_imports_the_ui() -> None:
    modules = every_core_module()
    assert len(modules) > 60  # the walk found the tree
    assert loaded_after("\n".join(f"import {m}" for m in modules)) == set()


def test_the_probe_would_notice_textual() -> None:
    pytest.importorskip("textual")
    assert "textual" in loaded_after("import textual")


def test_running_non_ui_commands_stays_free_of_the_ui(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    code = (
        "from kxplan.cli import main\n"
        "for args in (['templates'], ['new', {plan!r}, '-t', 'contact-centre'],\n"
        "             ['validate', {plan!r}], ['show', {plan!r}]):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit as exit:\n"
        "        assert not exit.code, (args, exit.code)\n"
    ).format(plan=str(plan))
    assert loaded_after(code) == set()
    assert plan.is_file()
