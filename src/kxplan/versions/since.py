"""The version a check-in compares the plan with: the last one saved before it, or one
the facilitator names.

Earlier versions are the plan's snapshots (:mod:`~kxplan.versions.snapshots`) and, when
the plan lives in a git repository, the commits that changed its file. The previous
version is the newest of them that differs from the plan as it is (the timestamps
aside), so a plan just committed is compared with the commit before.

A name given with ``--since`` is, in this order: a snapshot (its label, its time as
``kxplan history`` shows it, or its file name), a plan file, ``REV:path`` as
``kxplan diff`` takes it, or a git revision of the plan's own file (``HEAD~1``,
``main``, a commit). Nothing a person types reaches git as an option.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.storage import PlanError, load, loads_bytes
from kxplan.versions import git
from kxplan.versions.changes import TIMESTAMP_FIELDS
from kxplan.versions.snapshots import list_versions, load_version

Kind = Literal["snapshot", "commit", "file"]


class SinceError(Exception):
    """The version named cannot be found or read; the message names it and says why."""


class _GitFailed(SinceError):
    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Earlier:
    """A version of the plan saved before, not read yet."""

    kind: Kind
    name: str
    """How it is named again (``--since NAME``) and recorded in the check-in."""
    when: datetime | None
    """When it was taken or committed."""
    title: str = ""
    """A snapshot's label, a commit's subject."""
    read: Callable[[], Plan] | None = None

    def load(self) -> Plan:
        """The plan it holds; PlanError or :class:`SinceError` when it cannot be read."""
        assert self.read is not None
        return self.read()


@dataclass(frozen=True, slots=True)
class Baseline:
    """The version a check-in compares with, read."""

    name: str
    plan: Plan
    when: datetime | None = None
    """When it was committed or taken (a file: None)."""
    title: str = ""
    """A commit's subject; a snapshot's label (then the same as :attr:`name`)."""


def _run_git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(
            ["git", "-C", os.fspath(folder), *args],
            capture_output=True,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except OSError:
        return None


def _commit_reader(plan_path: Path, rev: str) -> Callable[[], Plan]:
    def read() -> Plan:
        return loads_bytes(_show_own(plan_path, rev), f"{rev}:{plan_path.name}")

    return read


def _show_own(plan_path: Path, rev: str) -> bytes:
    """The bytes of the plan's own file at ``rev`` (a revision, never an option)."""
    folder = plan_path.resolve().parent
    result = _run_git(
        folder, "show", "--no-textconv", "--end-of-options", f"{rev}:./{plan_path.name}"
    )
    if result is None:
        raise SinceError(_("cannot read {rev} from git: git is not installed").format(rev=rev))
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[0].removeprefix("fatal: ") if message else _("git show failed")
        raise _GitFailed(
            _("cannot read {arg} from git: {reason}").format(arg=rev, reason=reason), reason
        )
    return result.stdout


def commits(plan_path: Path) -> list[Earlier]:
    """The commits that changed the plan's file, newest first; none outside a repository."""
    folder = plan_path.resolve().parent
    result = _run_git(
        folder, "log", "--format=%h%x09%cI%x09%s", "--end-of-options", "--", plan_path.name
    )
    if result is None or result.returncode != 0:
        return []
    found: list[Earlier] = []
    for line in result.stdout.decode("utf-8", "replace").splitlines():
        short, _tab, rest = line.partition("\t")
        stamp, _tab, subject = rest.partition("\t")
        try:
            when: datetime | None = datetime.fromisoformat(stamp)
        except ValueError:
            when = None
        found.append(Earlier("commit", short, when, subject, _commit_reader(plan_path, short)))
    return found


def _commit_of(plan_path: Path, rev: str) -> tuple[datetime | None, str]:
    """When the commit ``rev`` names was made and its subject; (None, "") when git
    cannot say."""
    folder = plan_path.resolve().parent
    result = _run_git(folder, "log", "-1", "--format=%cI%x09%s", "--end-of-options", rev, "--")
    if result is None or result.returncode != 0:
        return None, ""
    stamp, _tab, subject = result.stdout.decode("utf-8", "replace").strip().partition("\t")
    try:
        return datetime.fromisoformat(stamp), subject
    except ValueError:
        return None, subject


def snapshots(plan_path: Path) -> list[Earlier]:
    """The plan's snapshots, newest first."""
    return [
        Earlier(
            "snapshot",
            version.label or version.when,
            version.taken,
            version.label,
            lambda version=version: load_version(version),  # type: ignore[misc]
        )
        for version in reversed(list_versions(plan_path))
    ]


def earlier_versions(plan_path: Path) -> list[Earlier]:
    """Every version saved before, newest first: snapshots and commits together."""
    found = [*snapshots(plan_path), *commits(plan_path)]
    return sorted(found, key=lambda item: item.when.timestamp() if item.when else 0, reverse=True)


def _content(plan: Plan) -> dict[str, Any]:
    """What a version holds, for telling versions apart: not the timestamps, not the
    check-ins (recording one is not a new version of the strategy)."""
    data = plan.to_data()
    for name in (*TIMESTAMP_FIELDS, "checkins"):
        data.pop(name, None)
    return data


def previous_version(plan_path: Path, current: Plan) -> Baseline | None:
    """The newest earlier version that differs from ``current``; None when there is none
    (versions that cannot be read are passed over)."""
    content = _content(current)
    for item in earlier_versions(plan_path):
        try:
            plan = item.load()
        except (PlanError, SinceError):
            continue
        if _content(plan) != content:
            return Baseline(item.name, plan, item.when, item.title)
    return None


def resolve(plan_path: Path, name: str) -> Baseline:
    """The version ``name`` names (see the module's doc); :class:`SinceError` says why not,
    or PlanError when what it names is not a valid plan."""
    wanted = name.strip()
    if not wanted:
        raise SinceError(_("--since needs a version: a snapshot's label, a file or a git revision"))
    if wanted.startswith("-"):
        raise SinceError(
            _("a version cannot start with '-'; name a snapshot or a commit, e.g. HEAD~1")
        )
    folded = wanted.casefold()
    for version in reversed(list_versions(plan_path)):
        names = {version.label.casefold(), version.when, version.path.name, version.path.stem}
        if folded in names:
            return Baseline(
                version.label or version.when, load_version(version), version.taken, version.label
            )
    if Path(wanted).is_file():
        return Baseline(wanted, load(wanted))
    if git.names_revision(wanted):
        try:
            plan = git.load_revision(wanted)
        except git.GitReadError as error:
            raise SinceError(str(error)) from None
        return Baseline(wanted, plan, *_commit_of(plan_path, wanted.rpartition(":")[0]))
    try:
        return Baseline(wanted, _commit_reader(plan_path, wanted)(), *_commit_of(plan_path, wanted))
    except _GitFailed as error:
        reason = error.reason.rstrip(".")
        raise SinceError(
            _("no snapshot, plan file or git revision of that name ({reason})").format(
                reason=reason
            )
        ) from None
