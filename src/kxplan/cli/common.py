"""What every command shares: the PLAN argument, error lines, exit statuses, and
standard output that cannot be written ending the same way everywhere.

A command reports bad input with :func:`fail` (one line) or lets a
:class:`~kxplan.storage.PlanError` escape (one line per problem); both end with
exit status 2. :func:`output_errors_end_cleanly` turns a closed pipe into a quiet
exit and a full disk into one line on stderr. The plan model and storage are
imported only when a command loads a plan, so ``kxplan --help`` never pays for them.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn

import click

from kxplan.text.literal import visible

if TYPE_CHECKING:
    from kxplan.model import Plan
    from kxplan.storage import PlanError

EXIT_PROBLEM: Final = 2
"""Exit status for bad input: an invalid plan, a missing file, a refused overwrite."""
EXIT_CLOSED_PIPE: Final = 1
"""Exit status when the reader of standard output went away (as click and Python use)."""

PLAN_PATH: Final = click.Path(path_type=Path, readable=False)
"""A PLAN argument. Folders and unreadable files are let through, so that loading
reports them in one line like any other bad plan, not as a usage error."""


INTERPRETER_GC_THRESHOLD: Final = gc.get_threshold()
"""The cyclic garbage collector's thresholds as Python set them (for the UI)."""
ONE_SHOT_GC_THRESHOLD: Final = (100_000, 20, 20)
"""A command's collector thresholds: a sweep every 100,000 new objects, not 700."""


@contextlib.contextmanager
def collecting_rarely() -> Iterator[None]:
    """Run a command that starts, works and exits with fewer garbage collections.

    With Python's thresholds the collector sweeps every 700 new objects, again and
    again while the modules and a plan of thousands of objects are built, almost all
    of which live until the process ends; like mypy, a command collects more rarely.
    The terminal UI runs for hours and restores the interpreter's thresholds
    (:data:`INTERPRETER_GC_THRESHOLD`). The previous thresholds return afterwards.
    """
    previous = gc.get_threshold()
    gc.set_threshold(*ONE_SHOT_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def echo_error(message: str) -> None:
    """Print one error line on stderr, shown literally."""
    click.echo(f"Error: {visible(message)}", err=True)


def echo_problems(error: PlanError) -> None:
    """Print each problem of a PlanError on its own line on stderr, shown literally."""
    for problem in error.problems:
        click.echo(visible(str(problem)), err=True)


def fail(message: str) -> NoReturn:
    """Print an error line on stderr and exit with status 2."""
    echo_error(message)
    sys.exit(EXIT_PROBLEM)


def load_or_exit(path: str | os.PathLike[str]) -> Plan:
    """Load a plan, or print its problems on stderr and exit with status 2."""
    from kxplan.storage import PlanError, load

    try:
        return load(path)
    except PlanError as error:
        echo_problems(error)
        sys.exit(EXIT_PROBLEM)


def command_line(*args: str | os.PathLike[str]) -> str:
    """A kxplan command line to suggest, each argument quoted for the shell."""
    return shlex.join(["kxplan", *(os.fspath(arg) for arg in args)])


def _discard_stdout() -> None:
    """Point standard output's file at the null device.

    Python flushes standard output at exit; whatever is still buffered for a closed
    pipe or a full disk would fail again and add an "Exception ignored" message.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # an in-memory stream: nothing is flushed to a file at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


@contextlib.contextmanager
def output_errors_end_cleanly() -> Iterator[None]:
    """A closed pipe ends quietly; a failed write (a full disk) or any other OSError a
    command lets escape ends in one line on stderr, naming the file if the error does."""
    try:
        yield
    except OSError as error:
        _discard_stdout()
        if error.errno == errno.EPIPE:
            sys.exit(EXIT_CLOSED_PIPE)
        reason = error.strerror or str(error)
        message = (
            f"{error.filename}: {reason}"
            if error.filename
            else f"Error: the output could not be written: {reason}"
        )
        with contextlib.suppress(OSError):
            click.echo(visible(message), err=True)
        sys.exit(EXIT_PROBLEM)
