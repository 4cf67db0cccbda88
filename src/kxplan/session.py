"""An editing session: one plan, the file it belongs to, and whether it is saved.

Plain Python, no UI: the terminal app keeps one :class:`Session` and asks it
whether there are unsaved changes, whether the file changed on disk since it was
read or written, and to save. Saving validates the whole plan first, so a plan
the UI let through with a broken rule is refused with a :class:`PlanError`
instead of being written and failing on the next load.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kxplan import storage
from kxplan.model import Initiative, Plan, with_initiative, without_initiative

Clock = Callable[[], datetime]
"""Returns the current time; injected so tests are not at the mercy of the clock."""


def utc_now() -> datetime:
    """The current time in UTC, to the second (as plan files store it)."""
    return datetime.now(UTC).replace(microsecond=0)


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


class Session:
    """One plan being edited, and the file it is saved to (``None`` until it has one)."""

    def __init__(
        self,
        plan: Plan,
        path: Path | None = None,
        *,
        clock: Clock = utc_now,
        dirty: bool = False,
    ) -> None:
        self.plan = plan
        self.path = path
        self.clock = clock
        self.dirty = dirty
        self._fingerprint: Fingerprint | None = None

    @classmethod
    def open(cls, path: Path, *, clock: Clock = utc_now) -> Session:
        """Read the plan at ``path``; PlanError with every problem when it is not valid."""
        try:
            raw = path.read_bytes()
        except OSError:
            storage.load(path)  # raises the PlanError that names the problem
            raise  # pragma: no cover - load always raises here
        plan = storage.loads_bytes(raw, os.fspath(path))
        session = cls(plan, path, clock=clock)
        session._fingerprint = Fingerprint.of_bytes(path, raw)
        return session

    @property
    def name(self) -> str:
        """The file name to show, or a placeholder for a plan that has no file yet."""
        return self.path.name if self.path is not None else "(not saved yet)"

    def put_initiative(self, initiative: Initiative, replacing: str | None = None) -> None:
        """Add ``initiative``, or put it in place of the one with id ``replacing``.

        Dependencies on a renamed initiative follow its new id, and anyone who gave an
        estimate but is not yet a participant joins the participants. Marks a change.
        """
        plan = self.plan
        plan.initiatives = with_initiative(plan, initiative, replacing).initiatives
        known = {name.strip().casefold() for name in plan.participants}
        for estimate in initiative.estimates:
            if estimate.participant.strip().casefold() not in known:
                plan.participants.append(estimate.participant.strip())
                known.add(estimate.participant.strip().casefold())
        self.changed()

    def delete_initiative(self, initiative_id: str) -> Initiative:
        """Remove the initiative ``initiative_id`` (and every dependency on it); returns it.

        KeyError if there is none. Marks a change.
        """
        gone = self.plan.initiative(initiative_id)
        self.plan.initiatives = without_initiative(self.plan, initiative_id).initiatives
        self.changed()
        return gone

    def changed(self) -> None:
        """Record an edit: the plan is dirty and its ``updated`` time is now."""
        self.plan.updated = self.clock()
        self.dirty = True

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
        data = storage.dumps(checked).encode("utf-8")
        storage.write_atomic(path, data)
        self._fingerprint = Fingerprint.of_bytes(path, data)
        self.dirty = False
        return path
