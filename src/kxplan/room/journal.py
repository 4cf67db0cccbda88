"""The room's journal: every change, appended and flushed to disk the moment it happens.

A journal is a JSON-lines file beside the plan (``strategy.toml`` →
``strategy.room.jsonl``): a header line, then one line per change. Each line is
written with a single ``write`` and ``fsync``-ed before the change takes effect, so
a crash, a kill or a closed laptop lid loses nothing that a phone was told was
taken. :func:`replay` rebuilds the room from it; a journal whose last line is not
``close`` belongs to a room that did not end, and the app offers to bring it back.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.room.state import Room

FORMAT: Final = "kxplan-room"
VERSION: Final = 1


class JournalError(ValueError):
    """A journal that cannot be read; the message names the file and the line."""


def journal_path(plan_path: str | os.PathLike[str]) -> Path:
    """Where the journal of a room over this plan file lives."""
    path = Path(plan_path)
    return path.with_name(f"{path.stem}.room.jsonl")


@dataclass(frozen=True, slots=True)
class Header:
    """The first line of a journal: what the room was opened with."""

    secret: str
    started: str
    allow_new_names: bool = False

    def as_data(self) -> dict[str, Any]:
        return {
            "journal": FORMAT,
            "version": VERSION,
            "secret": self.secret,
            "started": self.started,
            "allow_new_names": self.allow_new_names,
        }


class Journal:
    """An open journal file, appended to one fsync-ed line at a time."""

    def __init__(self, path: Path, header: Header, *, fresh: bool) -> None:
        self.path = path
        self.header = header
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | (os.O_EXCL if fresh else 0)
        self._fd: int | None = os.open(path, flags, 0o600)
        if fresh:
            self._write(header.as_data())

    @classmethod
    def create(cls, path: Path, secret: str, *, allow_new_names: bool = False) -> Journal:
        """Start a new journal at ``path``; an earlier, ended one is kept under a dated name."""
        if path.exists():
            archived = path.with_name(f"{path.stem}-{_stamp(path)}{path.suffix}")
            os.replace(path, archived)
        header = Header(secret, datetime.now(UTC).isoformat(timespec="seconds"), allow_new_names)
        return cls(path, header, fresh=True)

    def _write(self, data: dict[str, Any]) -> None:
        if self._fd is None:
            raise JournalError(_("{path}: the journal is closed").format(path=self.path))
        line = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
        os.write(self._fd, line.encode("utf-8"))
        os.fsync(self._fd)

    def record(self, entry: dict[str, Any]) -> None:
        """Append one change, stamped with the time; returns once it is on disk."""
        self._write({"at": datetime.now(UTC).isoformat(timespec="milliseconds"), **entry})

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _stamp(path: Path) -> str:
    try:
        header = next(_lines(path))[1]
        started = str(header.get("started", ""))
    except (JournalError, StopIteration):
        started = ""
    digits = "".join(ch for ch in started if ch.isdigit())[:14]
    return digits or datetime.now(UTC).strftime("%Y%m%d%H%M%S")


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise JournalError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=error)
        ) from error
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            if number >= len(lines) - 1:  # a last line cut short by a crash mid-write
                return
            raise JournalError(
                _("{path}:{line}: not a journal line ({reason})").format(
                    path=path, line=number, reason=error.msg
                )
            ) from error
        if not isinstance(data, dict):
            raise JournalError(
                _("{path}:{line}: expected a JSON object").format(path=path, line=number)
            )
        yield number, data


def read_header(path: Path) -> Header:
    """The header of the journal at ``path``."""
    for number, data in _lines(path):
        if data.get("journal") != FORMAT or not isinstance(data.get("secret"), str):
            raise JournalError(
                _("{path}:{line}: not a kxplan room journal").format(path=path, line=number)
            )
        if data.get("version", 0) > VERSION:
            raise JournalError(
                _("{path}: written by a newer kxplan; upgrade kxplan to read it").format(path=path)
            )
        return Header(
            data["secret"], str(data.get("started", "")), bool(data.get("allow_new_names"))
        )
    raise JournalError(_("{path}: empty").format(path=path))


def unfinished(plan_path: str | os.PathLike[str]) -> Path | None:
    """The journal of a room over this plan that did not end (crashed or killed), if any."""
    path = journal_path(plan_path)
    if not path.exists():
        return None
    last: dict[str, Any] = {}
    try:
        for _, data in _lines(path):
            last = data
    except JournalError:
        return path
    return None if last.get("event") == "close" else path


def last_listen(path: Path) -> tuple[int, bool] | None:
    """The port and whether it was open to the local network, where the room last
    listened (so a room brought back keeps its address); None if it never did."""
    found: tuple[int, bool] | None = None
    for _number, data in _lines(path):
        if data.get("event") == "listen" and isinstance(data.get("port"), int):
            found = (data["port"], bool(data.get("lan")))
    return found


def replay(path: Path, plan: Plan) -> tuple[Room, Header]:
    """The room the journal at ``path`` records, over ``plan`` (answers about an
    initiative since deleted are kept but put into no estimate)."""
    header = read_header(path)
    room = Room(plan, allow_new_names=header.allow_new_names)
    for number, data in _lines(path):
        if data.get("event") in (None, "close", "listen"):
            continue  # the header; a close: reopened, the room goes on; where it listened
        try:
            room.apply(data)
        except (KeyError, TypeError, ValueError) as error:
            raise JournalError(
                _("{path}:{line}: cannot be replayed ({reason})").format(
                    path=path, line=number, reason=error
                )
            ) from error
    return room, header
