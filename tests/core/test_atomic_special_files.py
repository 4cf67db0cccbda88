"""write_atomic writes through a target that is not a regular file (a device, a FIFO)
instead of renaming a new regular file over it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from support import device_copy

from kxplan.storage import PlanError, write_atomic


def test_dev_null_stays_a_character_device(tmp_path: Path) -> None:
    null = device_copy(tmp_path, "/dev/null")
    write_atomic(null, b"thrown away\n")
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert not any(p.name.endswith(".tmp") for p in null.parent.iterdir())


def test_a_fifo_is_written_through_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "ff.md"
    os.mkfifo(fifo)
    # the reading end opened first (without blocking), so a writer that replaced the
    # FIFO instead of opening it leaves it unread rather than hanging the test
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, b"# Plan\n")
        received = b"".join(iter(lambda: os.read(reader, 65536), b""))
    finally:
        os.close(reader)
    assert received == b"# Plan\n"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ff.md"]  # no temp file left


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_dev_full_is_a_clear_error_and_stays_a_device(tmp_path: Path) -> None:
    full = device_copy(tmp_path, "/dev/full")
    with pytest.raises(PlanError) as caught:
        write_atomic(full, b"x" * 10)
    assert "No space left on device" in str(caught.value)
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_a_folder_stays_an_error(tmp_path: Path) -> None:
    with pytest.raises(PlanError):
        write_atomic(tmp_path, b"x")
    assert tmp_path.is_dir()


def test_a_regular_file_is_still_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
