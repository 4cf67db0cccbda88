"""Plans read from git: a ``REV:path`` argument, as ``kxplan diff`` takes one.

``REV:path`` is read with ``git show REV:path`` in the current folder, so the path
is relative to the repository root, or to the current folder with ``./``. An
argument naming an existing file is a file, even when it holds a colon.

Nothing a person types reaches git as an option: a revision starting with ``-`` is
refused (:class:`GitReadError`) before git runs, and git is told where its options
end (``--end-of-options``), so ``--output=FILE:plan.toml`` can never make git write
a file.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.storage import loads_bytes
from kxplan.text.system_words import os_reason


class GitReadError(Exception):
    """git could not give the file: no repository, no such revision or path, no git."""


def names_revision(arg: str) -> bool:
    """True when ``arg`` is ``REV:path`` rather than a plan file."""
    return ":" in arg and not Path(arg).exists()


def show(arg: str) -> bytes:
    """The bytes of ``REV:path`` as git stores them; :class:`GitReadError` says why not.

    A revision starting with ``-`` would be an option to git: it is refused.
    """
    if arg.startswith("-"):
        raise GitReadError(
            _(
                "{arg}: a git revision cannot start with '-'; name a commit, e.g. HEAD~1:plan.toml"
            ).format(arg=arg)
        )
    return _git_show(arg)


def _git_show(arg: str) -> bytes:
    """``git show`` with ``arg`` only ever read as a revision (never as an option),
    and the stored bytes as they are (no textconv)."""
    command = ["git", "show", "--no-textconv", "--end-of-options", arg]
    try:
        result = subprocess.run(command, capture_output=True, check=False, stdin=subprocess.DEVNULL)
    except OSError as error:
        reason = os_reason(error)
        raise GitReadError(
            _("cannot read {arg} from git: {reason}").format(arg=arg, reason=reason)
        ) from None
    if result.returncode != 0:
        rev, _colon, path = arg.partition(":")
        reason = failure_reason(None, rev, path)
        raise GitReadError(_("cannot read {arg} from git: {reason}").format(arg=arg, reason=reason))
    return result.stdout


def _succeeds(folder: str | os.PathLike[str] | None, *args: str) -> bool:
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except OSError:
        return False
    return result.returncode == 0


def failure_reason(folder: str | os.PathLike[str] | None, rev: str, path: str) -> str:
    """Why git could not give ``path`` at ``rev`` (run in ``folder``; None: the current
    one), in kxplan's words: git's own are English whatever the language, and name git's
    internals. Worked out from the exit statuses of git's plumbing, never its messages."""
    if not _succeeds(folder, "rev-parse", "--git-dir"):
        return _("not in a git repository")
    if not _succeeds(
        folder, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"
    ):
        return _("git has no commit {rev}").format(rev=rev)
    if not _succeeds(folder, "cat-file", "-e", "--end-of-options", f"{rev}:{path}"):
        return _("{path} is not in commit {rev}").format(path=path, rev=rev)
    return _("git could not give that file")


def load_revision(arg: str) -> Plan:
    """The plan stored at ``REV:path``; raises :class:`GitReadError`, or
    :class:`kxplan.storage.PlanError` when the file there is not a valid plan."""
    return loads_bytes(show(arg), arg)
