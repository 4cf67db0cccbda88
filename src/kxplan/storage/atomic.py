"""Atomic writes: a temp file in the same folder, fsync, ``os.replace``.

A target that exists and is not a regular file or a folder (a device such as /dev/null,
a FIFO, a socket), or any name in /dev or /proc (``/dev/stdout`` redirected to a file),
is written through instead, as Unix tools do: never renamed over."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from pathlib import Path

from kxplan.i18n import _
from kxplan.storage.errors import PlanError
from kxplan.text.system_words import os_reason


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder, fsync and replace.

    A symbolic link is written through: the file it points to is replaced and the link
    stays. An existing file keeps its permissions; a new one gets the usual ones (the
    umask's). A device, FIFO or socket is opened and written, not replaced. Raises
    PlanError (naming the file) when the file cannot be written, or is read-only.
    """
    path = Path(path)
    if _is_special(path):
        _write_through(path, data)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    tmp_name: str | None = None
    try:
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        else:  # replacing would go round a read-only file's mode (even for root): refuse
            if not mode & 0o222 or not os.access(target, os.W_OK):
                raise PlanError.single(
                    os.fspath(path),
                    _("could not be saved: the file is read-only (chmod u+w allows saving)"),
                )
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as error:
        raise PlanError.single(
            os.fspath(path),
            _("could not be saved: {reason}").format(reason=os_reason(error)),
        ) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


_SYSTEM_FOLDERS = ("/dev/", "/proc/")
"""Where names stand for something else: ``/dev/stdout`` leads to whatever standard
output is, even a regular file; such a name is written through, never replaced."""


def _is_special(path: Path) -> bool:
    """Whether ``path`` (its links followed) exists and is neither a regular file nor a
    folder, or is an existing name in /dev or /proc."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if os.path.abspath(path).startswith(_SYSTEM_FOLDERS):
        return not stat.S_ISDIR(mode)
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_through(path: Path, data: bytes) -> None:
    """Write ``data`` into a device, FIFO or socket by opening it (a FIFO waits for a reader)."""
    try:
        with open(path, "wb", buffering=0) as handle:
            view = memoryview(data)
            while view:
                view = view[handle.write(view) or 0 :]
    except OSError as error:
        raise PlanError.single(
            os.fspath(path),
            _("could not be written: {reason}").format(reason=os_reason(error)),
        ) from None


@functools.cache
def _umask() -> int:
    """The process's umask, read once: from /proc on Linux (nothing changes), else by
    setting and restoring it a single time. Never toggled during a save, where another
    thread creating a file at that moment would get the wrong permissions."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii", errors="replace") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - not every platform can open a folder
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
