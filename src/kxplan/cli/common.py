"""What every command shares: the PLAN argument (``-`` for standard input), the
output file (``-`` for standard output), error lines, exit statuses, and standard
output that cannot be written ending the same way everywhere.

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
import re
import shlex
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeVar

import click
from click.shell_completion import CompletionItem

from kxplan.cli.texts import KxplanOption
from kxplan.cli.texts import examples as examples
from kxplan.i18n import N_, _
from kxplan.text.literal import json_escaped, visible
from kxplan.text.system_words import os_reason

if TYPE_CHECKING:
    from kxplan.model import Plan
    from kxplan.storage import PlanError

EXIT_PROBLEM: Final = 2
"""Exit status for bad input: an invalid plan, a missing file, a refused overwrite."""
EXIT_CLOSED_PIPE: Final = 1
"""Exit status when the reader of standard output went away (as click and Python use)."""

PLAN_PATH: Final = click.Path(path_type=Path, readable=False, allow_dash=True)
"""A PLAN argument; ``-`` is standard input. Folders and unreadable files are let
through, so that loading reports them in one line like any other bad plan, not as a
usage error."""

STDIN: Final = "-"
"""The PLAN argument (and ``-o`` value) that means standard input (output)."""
STDIN_NAME: Final = "<stdin>"
"""How messages name a plan read from standard input."""
_STDIN_READ: Final = "kxplan.stdin_read"

_STREAM_NAMES: Final = re.compile(r"/dev/(?:fd/)?(stdout|stderr|1|2)|/proc/self/fd/([12])")


LANG_META: Final = "kxplan.lang"
"""Where the context keeps ``--lang`` as given (None without it), for the app: the flag
wins over the language last switched to in the app."""


def is_stdin(path: str | os.PathLike[str]) -> bool:
    """Whether a PLAN argument means standard input (``./-`` is a file named ``-``)."""
    return os.fspath(path) == STDIN


def read_stdin() -> bytes:
    """Standard input's bytes, once per command: ``kxplan diff - -`` is refused."""
    ctx = click.get_current_context(silent=True)
    meta = ctx.meta if ctx is not None else {}
    if meta.get(_STDIN_READ):
        fail(_("standard input ('-') can be read only once; name a file for the other plan"))
    meta[_STDIN_READ] = True
    return sys.stdin.buffer.read()


def require_file(path: str | os.PathLike[str], why: str) -> None:
    """Refuse ``-`` where a command needs a real plan file (it writes beside or into it);
    ``why`` is said in the current language."""
    if is_stdin(path):
        fail(
            _("'-' (standard input) cannot be used here: {why}; name the plan file").format(why=why)
        )


def standard_stream(output: str) -> int | None:
    """1 or 2 when ``-o`` names standard output (``-``, ``/dev/stdout``, ``/dev/fd/1``,
    ``/proc/self/fd/1``) or standard error; None for any other name."""
    if output == STDIN:
        return 1
    match = _STREAM_NAMES.fullmatch(output)
    if match is None:
        return None
    name = match.group(1) or match.group(2)
    return 1 if name in ("stdout", "1") else 2


def write_output(output: str, data: bytes) -> bool:
    """Write ``data`` to ``-o``'s target: standard output or error as a stream (never
    replaced, a ``>>`` redirection keeps appending), any other name atomically (a
    device or FIFO written through). True when it went to a standard stream."""
    stream = standard_stream(output)
    if stream is None:
        from kxplan.storage import PlanError, write_atomic

        try:
            write_atomic(output, data)
        except PlanError as error:  # a file written, not a plan read: an "Error:" line
            fail("; ".join(str(problem) for problem in error.problems))
        return False
    target = (sys.stdout if stream == 1 else sys.stderr).buffer
    target.write(data)
    target.flush()
    return True


F = TypeVar("F", bound=Callable[..., Any])


def format_option(*choices: str, help: str) -> Callable[[F], F]:
    """``-f/--format``: the one meaning of ``-f`` in every command; the first choice
    is the default; ``help`` is a marked message (``N_``), shown translated."""
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help,
        cls=KxplanOption,
    )


def _set_color(ctx: click.Context, _param: click.Parameter, value: bool | None) -> None:
    if value is not None:
        ctx.color = value


color_option: Final[Callable[[F], F]] = click.option(
    "--color/--no-color",
    default=None,
    expose_value=False,
    callback=_set_color,
    help=N_("Colour the output, or never [default: only on a terminal, never with NO_COLOR set]."),
    cls=KxplanOption,
)
"""``--color/--no-color`` (on ``kxplan`` and on the commands that colour): forces the
choice; without it, colour goes to a terminal only, and never when NO_COLOR is set."""


def honour_no_color(ctx: click.Context) -> None:
    """No colour when the NO_COLOR environment variable is set and not empty
    (https://no-color.org), unless --color/--no-color chose already."""
    if ctx.color is None and os.environ.get("NO_COLOR"):
        ctx.color = False


def print_json(data: object) -> None:
    """Print data as indented JSON (UTF-8; DEL and C1 controls escaped)."""
    import json

    click.echo(json_escaped(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)))


def complete_templates(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Shell completion of a template name (``new -t``, ``example``)."""
    from kxplan.templates import list_templates

    return [
        CompletionItem(template.name, help=template.description)
        for template in list_templates()
        if template.name.startswith(incomplete)
    ]


def complete_files(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Shell completion of a file name, left to the shell (for plain-text arguments
    such as diff's OLD and NEW, which may also be ``REV:path``)."""
    return [CompletionItem(incomplete, type="file")]


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
    click.echo(_("Error: {message}").format(message=visible(message)), err=True)


def echo_problems(error: PlanError) -> None:
    """Print each problem of a PlanError on its own line on stderr, shown literally."""
    for problem in error.problems:
        click.echo(visible(str(problem)), err=True)


def fail(message: str) -> NoReturn:
    """Print an error line on stderr and exit with status 2."""
    echo_error(message)
    sys.exit(EXIT_PROBLEM)


def load_or_exit(path: str | os.PathLike[str]) -> Plan:
    """Load a plan (``-``: from standard input), or print its problems on stderr and
    exit with status 2."""
    from kxplan.storage import PlanError, load, loads_bytes

    try:
        if is_stdin(path):
            return loads_bytes(read_stdin(), STDIN_NAME)
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
        reason = os_reason(error)
        message = (
            f"{error.filename}: {reason}"
            if error.filename
            else _("Error: the output could not be written: {reason}").format(reason=reason)
        )
        with contextlib.suppress(OSError):
            click.echo(visible(message), err=True)
        sys.exit(EXIT_PROBLEM)
