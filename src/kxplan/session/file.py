"""The file side of a session: what the plan's file held when last read or written,
whether someone else has changed it since, saving into it, and taking their version in.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kxplan import storage
from kxplan.model import Plan


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a file looked like when we last read or wrote it."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, path: Path, data: bytes) -> Fingerprint:
        """The fingerprint of ``path`` now that it holds ``data``."""
        stat = path.stat()
        return cls(stat.st_mtime_ns, stat.st_size, hashlib.sha256(data).hexdigest())


class ChangedOnDisk(Exception):
    """The plan's file was changed by someone else since it was opened or saved."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} changed on disk since it was opened or saved")


class PlanFile:
    """The file a plan is saved to (``path`` None until it has one), as last read or
    written; :class:`~kxplan.session.Session` adds the edits."""

    plan: Plan
    path: Path | None
    dirty: bool
    _fingerprint: Fingerprint | None
    _previous: tuple[str, dict[str, Any]] | None
    """The file's text as last read or written, and the plan data it reads as: a save
    changes only what changed since (comments and hand formatting stay)."""

    def changed_on_disk(self) -> bool:
        """True when the file is not what we last read or wrote (or has gone)."""
        if self.path is None or self._fingerprint is None:
            return False
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return True
        if (stat.st_mtime_ns, stat.st_size) == (
            self._fingerprint.mtime_ns,
            self._fingerprint.size,
        ):
            return False
        try:
            data = self.path.read_bytes()
        except OSError:
            return True
        return hashlib.sha256(data).hexdigest() != self._fingerprint.sha256

    def save(self, *, overwrite: bool = False) -> Path:
        """Validate and write the plan to its file.

        Raises ValueError when there is no path yet (use :meth:`save_as`),
        :class:`ChangedOnDisk` when the file changed since it was read and
        ``overwrite`` is false, and PlanError when the plan is invalid or the
        file cannot be written; the session stays dirty on any failure.
        """
        if self.path is None:
            raise ValueError("the plan has no file yet; use save_as")
        if not overwrite and self.changed_on_disk():
            raise ChangedOnDisk(self.path)
        return self._write(self.path)

    def save_as(self, path: Path) -> Path:
        """Write the plan to a new file, which becomes the session's file."""
        written = self._write(path)
        self.path = path
        return written

    def _write(self, path: Path) -> Path:
        checked = storage.validate(self.plan.to_data(), os.fspath(path))
        text = storage.save(checked, path, self._previous)
        self._fingerprint = Fingerprint.of_bytes(path, text.encode("utf-8"))
        self._previous = (text, checked.to_data())
        self.dirty = False
        return path

    # --- someone else saved the file: what they wrote, and taking it in ----------------------

    def last_saved(self) -> Plan | None:
        """The plan as this session last read or wrote it (the base of a merge with what
        is on disk now); None for a plan that has no file yet."""
        if self._previous is None:
            return None
        return Plan.model_validate(self._previous[1])

    def read_disk(self) -> tuple[str, Plan]:
        """The file's text and plan as they are on disk now; PlanError when the file is
        gone or not a valid plan."""
        if self.path is None:
            raise ValueError("the plan has no file yet")
        try:
            raw = self.path.read_bytes()
        except OSError:
            storage.load(self.path)  # raises the PlanError that names the problem
            raise  # pragma: no cover - load always raises here
        return raw.decode("utf-8", errors="replace"), storage.loads_bytes(raw, os.fspath(self.path))

    def adopt_disk(self, text: str, on_disk: Plan, plan: Plan) -> None:
        """Take what is on disk (``text``, read as ``on_disk``) as the file last read, and
        ``plan`` (theirs, or theirs merged with ours) as the plan being edited. Dirty when
        ``plan`` is not what is on disk; the next save writes into their text."""
        assert self.path is not None
        raw = text.encode("utf-8")
        self._fingerprint = Fingerprint.of_bytes(self.path, raw)
        self._previous = (text, on_disk.to_data())
        self.plan = plan
        self.dirty = plan != on_disk
