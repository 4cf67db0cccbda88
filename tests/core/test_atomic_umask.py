"""Saving never touches the process-wide umask: it is read once, and a new file gets the
permissions it allows."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kxplan.storage import atomic, write_atomic


def test_saves_do_not_set_the_umask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mask = atomic._umask()  # read once, before the saves
    monkeypatch.setattr(os, "umask", lambda _mask: pytest.fail("the umask was changed"))
    for name in ("a.md", "b.md", "a.md"):
        write_atomic(tmp_path / name, b"text\n")
    assert stat.S_IMODE(os.stat(tmp_path / "b.md").st_mode) == 0o666 & ~mask


def test_the_umask_read_is_the_process_umask() -> None:
    atomic._umask.cache_clear()
    previous = os.umask(0o027)
    try:
        assert atomic._umask() == 0o027
    finally:
        os.umask(previous)
        atomic._umask.cache_clear()


def test_a_name_in_dev_is_written_through_not_replaced(tmp_path: Path) -> None:
    """/dev/stdout when standard output is a regular file: the file is written, the
    name (a link) and the file's identity stay."""
    target = tmp_path / "out.md"
    target.write_bytes(b"old")
    before = os.stat(target).st_ino
    fd = os.open(target, os.O_WRONLY)
    try:
        write_atomic(f"/dev/fd/{fd}", b"new text\n")
    finally:
        os.close(fd)
    assert target.read_bytes() == b"new text\n"
    assert os.stat(target).st_ino == before
