"""Snapshots of a plan kept beside it, for teams that do not use git.

``strategy.toml`` keeps its snapshots in ``strategy.versions/``, one file per
snapshot, named by the UTC time it was taken and an optional label::

    strategy.versions/2026-11-24T101500Z--after-workshop-2.toml

A snapshot is the plan file as it was, with one comment line on top carrying
the label as typed (``# kxplan snapshot: After workshop 2``); comments are not
part of the plan, so a snapshot compares equal to the plan it was taken of.
Snapshots are written atomically and never overwrite each other: a second
snapshot in the same second with the same label gets ``-2``, ``-3``….
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from kxplan.i18n import _
from kxplan.model import Plan, slugify
from kxplan.storage import PlanError, dumps, load, write_atomic
from kxplan.text.literal import printable
from kxplan.text.system_words import os_reason

VERSIONS_SUFFIX: Final = ".versions"
LABEL_COMMENT: Final = "# kxplan snapshot: "
"""First line of a snapshot file when it has a label."""
_STAMP_FORMAT: Final = "%Y-%m-%dT%H%M%SZ"
WHEN_FORMAT: Final = "%Y-%m-%d %H:%M:%S"
"""How a snapshot's time reads in ``kxplan history`` and the app's list of versions."""
_NAME: Final = re.compile(
    r"^(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-(?P<number>\d+))?(?:--(?P<slug>[a-z0-9-]+))?\.toml$"
)


@dataclass(frozen=True, slots=True)
class Version:
    """One snapshot of a plan."""

    path: Path
    label: str
    """The label as typed when the snapshot was taken; empty when none was given."""
    taken: datetime
    """When it was taken (UTC, to the second)."""

    @property
    def when(self) -> str:
        """When it was taken, as people read it: ``2026-11-24 10:15:00`` (UTC)."""
        return self.taken.strftime(WHEN_FORMAT)


def versions_dir(plan_path: str | os.PathLike[str]) -> Path:
    """The folder holding a plan's snapshots: ``strategy.toml`` → ``strategy.versions``."""
    path = Path(plan_path)
    return path.with_name(path.name.removesuffix(".toml") + VERSIONS_SUFFIX)


def list_versions(plan_path: str | os.PathLike[str]) -> list[Version]:
    """The plan's snapshots, oldest first; files that are not snapshots are ignored."""
    folder = versions_dir(plan_path)
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        raise PlanError.single(
            os.fspath(folder),
            _("cannot be read: {reason}").format(reason=os_reason(error)),
        ) from None
    found: list[tuple[datetime, int, Version]] = []
    for name in names:
        match = _NAME.match(name)
        if not match:
            continue
        taken = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
        path = folder / name
        label = _read_label(path) or (match["slug"] or "").replace("-", " ")
        found.append((taken, int(match["number"] or 1), Version(path, label, taken)))
    found.sort(key=lambda entry: (entry[0], entry[1], entry[2].path.name))
    return [version for _, _, version in found]


def _read_label(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            first = handle.readline()
    except OSError:
        return ""
    if first.startswith(LABEL_COMMENT):
        return first[len(LABEL_COMMENT) :].strip()
    return ""


def save_version(
    plan: Plan | bytes,
    plan_path: str | os.PathLike[str],
    label: str = "",
    *,
    now: datetime | None = None,
) -> Path:
    """Store a snapshot of ``plan`` beside ``plan_path``; returns the new file's path.

    ``plan`` is a Plan (written as kxplan writes plans) or the bytes of the plan
    file (kept as they are, comments and layout included).
    """
    taken = (now or datetime.now(UTC)).astimezone(UTC)
    label = printable(label)  # one line, control characters spelled out: a TOML comment
    body = dumps(plan).encode("utf-8") if isinstance(plan, Plan) else plan
    header = f"{LABEL_COMMENT}{label}\n".encode() if label else b""
    folder = versions_dir(plan_path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise PlanError.single(
            os.fspath(folder),
            _("could not be created: {reason}").format(reason=os_reason(error)),
        ) from None
    stamp = taken.strftime(_STAMP_FORMAT)
    slug = f"--{slugify(label)}" if label else ""
    taken_names = {
        match.group("stamp") + "-" + (match.group("number") or "1")
        for match in map(_NAME.match, os.listdir(folder))
        if match
    }
    number = 1
    while f"{stamp}-{number}" in taken_names:  # same second: number it, keep the order
        number += 1
    suffix = f"-{number}" if number > 1 else ""
    target = folder / f"{stamp}{suffix}{slug}.toml"
    write_atomic(target, header + body)
    return target


def load_version(version: Version | str | os.PathLike[str]) -> Plan:
    """Read the plan stored in a snapshot."""
    return load(version.path if isinstance(version, Version) else version)
