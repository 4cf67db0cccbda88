"""``kxplan export -o`` to a device: /dev/null takes the output, /dev/full is one error
line and exit 2, and neither device is replaced by a regular file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from support import device_copy, invoke, write_base_plan


def test_export_to_dev_null_keeps_the_device(tmp_path: Path) -> None:
    plan = tmp_path / "p.toml"
    write_base_plan(plan)
    null = device_copy(tmp_path, "/dev/null")
    result = invoke("export", plan, "-f", "markdown", "-o", null)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.stat(null).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_export_to_dev_full_is_one_error_line(tmp_path: Path) -> None:
    plan = tmp_path / "p.toml"
    write_base_plan(plan)
    full = device_copy(tmp_path, "/dev/full")
    result = invoke("export", plan, "-f", "markdown", "-o", full)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "No space left on device" in lines[0]
    assert "Wrote" not in result.stderr
    assert stat.S_ISCHR(os.stat(full).st_mode)
