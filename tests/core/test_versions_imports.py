"""The versions package and the comparison renderers are core: no UI, and snapshots stay light."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

CORE = [
    "kxplan.versions",
    "kxplan.versions.snapshots",
    "kxplan.versions.git",
    "kxplan.versions.changes",
    "kxplan.versions.values",
    "kxplan.versions.moves",
    "kxplan.versions.comparison",
    "kxplan.versions.textconv",
    "kxplan.reports.comparison",
    "kxplan.reports.comparison_json",
]


def loaded_after_import(module: str) -> set[str]:
    code = f"import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    return set(json.loads(result.stdout))


@pytest.mark.parametrize("module", CORE)
def test_imports_no_ui(module: str) -> None:
    loaded = loaded_after_import(module)
    assert not {"textual", "rich", "kxplan.tui", "kxplan.cli"} & loaded


def test_the_package_loads_only_the_snapshots() -> None:
    loaded = loaded_after_import("kxplan.versions")
    assert "kxplan.scoring" not in loaded
    assert "kxplan.versions.comparison" not in loaded


def test_the_old_path_is_gone() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("kxplan.compare")
