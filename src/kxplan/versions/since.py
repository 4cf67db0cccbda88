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
import shlex
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


def real_file(plan_path: Path) -> Path:
    """The file a plan's path leads to, every symlink followed (``os.path.realpath``): git
    is asked about the file in the repository, not a link to it from elsewhere."""
    return Path(os.path.realpath(plan_path))


def _commit_reader(plan_path: Path, rev: str) -> Callable[[], Plan]:
    def read() -> Plan:
        return loads_bytes(_show_own(plan_path, rev), f"{rev}:{plan_path.name}")

    return read


def _show_own(plan_path: Path, rev: str) -> bytes:
    """The bytes of the plan's own file at ``rev`` (a revision, never an option)."""
    real = real_file(plan_path)
    folder = real.parent
    result = _run_git(folder, "show", "--no-textconv", "--end-of-options", f"{rev}:./{real.name}")
    if result is None:
        raise SinceError(_("cannot read {rev} from git: git is not installed").format(rev=rev))
    if result.returncode != 0:
        reason = git.failure_reason(folder, rev, f"./{real.name}")
        raise _GitFailed(
            _("cannot read {arg} from git: {reason}").format(arg=rev, reason=reason), reason
        )
    return result.stdout


def commits(plan_path: Path) -> list[Earlier]:
    """The commits that changed the plan's file, newest first; none outside a repository."""
    real = real_file(plan_path)
    result = _run_git(
        real.parent, "log", "--format=%h%x09%cI%x09%s", "--end-of-options", "--", real.name
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
    folder = real_file(plan_path).parent
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


@dataclass(frozen=True, slots=True)
class _Candidate:
    """One version a name given with ``--since`` could mean."""

    said: str
    """What it is, for a message: the snapshot “main”, the plan file main."""
    unique: str
    """How to name it alone with ``--since``."""
    take: Callable[[], Baseline]


def _quoted(name: str) -> str:
    return shlex.quote(name)


def _own_path(plan_path: Path) -> str:
    """The plan's file as ``REV:./path`` wants it from the current folder."""
    try:
        relative = os.path.relpath(plan_path)
    except ValueError:  # another drive (Windows)
        relative = os.fspath(plan_path)
    return relative if relative.startswith(("./", "../", "/")) else f"./{relative}"


def _candidates(plan_path: Path, wanted: str) -> tuple[list[_Candidate], str | None]:
    """Every version ``wanted`` could name, and why git gave none (None: git was not
    asked, or gave one)."""
    found: list[_Candidate] = []
    folded = wanted.casefold()
    for version in reversed(list_versions(plan_path)):
        names = {version.label.casefold(), version.when, version.path.name, version.path.stem}
        if folded in names:
            said = (
                _("the snapshot “{label}” of {time}").format(label=version.label, time=version.when)
                if version.label
                else _("the snapshot of {time}").format(time=version.when)
            )
            found.append(
                _Candidate(
                    said,
                    _quoted(version.when),
                    lambda version=version: Baseline(  # type: ignore[misc]
                        version.label or version.when,
                        load_version(version),
                        version.taken,
                        version.label,
                    ),
                )
            )
            break  # the newest snapshot of that name, as before
    if Path(wanted).is_file():
        alone = wanted if wanted.startswith(("./", "../", "/")) else f"./{wanted}"
        found.append(
            _Candidate(
                _("the plan file {path}").format(path=wanted),
                _quoted(alone),
                lambda: Baseline(wanted, load(wanted)),
            )
        )
    if git.names_revision(wanted):  # never a file too: a file of that name is the file
        try:
            raw = git.show(wanted)
        except git.GitReadError as error:
            return found, str(error)
        found.append(
            _Candidate(
                _("the git revision {rev}").format(rev=wanted),
                _quoted(wanted),
                lambda: Baseline(
                    wanted,
                    loads_bytes(raw, wanted),
                    *_commit_of(plan_path, wanted.partition(":")[0]),
                ),
            )
        )
        return found, None
    try:
        raw = _show_own(plan_path, wanted)
    except _GitFailed as error:
        return found, error.reason.rstrip(".")
    except SinceError as error:  # no git: a name may still be a snapshot or a file
        return found, str(error)
    found.append(
        _Candidate(
            _("the git revision {rev}").format(rev=wanted),
            _quoted(f"{wanted}:{_own_path(plan_path)}"),
            lambda: Baseline(
                wanted,
                loads_bytes(raw, f"{wanted}:{plan_path.name}"),
                *_commit_of(plan_path, wanted),
            ),
        )
    )
    return found, None


def resolve(plan_path: Path, name: str) -> Baseline:
    """The version ``name`` names (see the module's doc); :class:`SinceError` says why not
    (nothing of that name, or more than one thing: then it names each and how to name
    it alone), or PlanError when what it names is not a valid plan."""
    wanted = name.strip()
    if not wanted:
        raise SinceError(_("--since needs a version: a snapshot's label, a file or a git revision"))
    if wanted.startswith("-"):
        raise SinceError(
            _("a version cannot start with '-'; name a snapshot or a commit, e.g. HEAD~1")
        )
    found, why_not = _candidates(plan_path, wanted)
    if len(found) > 1:
        raise SinceError(
            _("ambiguous: it could be {candidates}; name one alone: {names}").format(
                candidates="; ".join(item.said for item in found),
                names="; ".join(f"--since {item.unique}" for item in found),
            )
        )
    if found:
        return found[0].take()
    if git.names_revision(wanted) and why_not is not None:
        raise SinceError(why_not)
    reason = why_not or _("git gave nothing")
    raise SinceError(
        _("no snapshot, plan file or git revision of that name ({reason})").format(reason=reason)
    )
