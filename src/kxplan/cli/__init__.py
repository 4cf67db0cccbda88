"""The ``kxplan`` command line. Non-UI commands never import textual.

``kxplan`` alone, ``kxplan PLAN.toml`` and ``kxplan open PLAN.toml`` open the
terminal UI; the other commands work on plan files without it. Each command lives
in the module of its group (:data:`COMMANDS`) and is imported only when it runs
(or when help lists it), so ``kxplan rank`` pays for ranking and nothing else.
Any :class:`~kxplan.storage.PlanError` a command lets escape is printed one problem
per line on stderr with exit status 2; commands use :func:`load_or_exit`,
:func:`echo_error` and :func:`fail` (:mod:`kxplan.cli.common`) for the same
behaviour. Standard output that cannot be written ends the same way for every
command: a closed pipe (``kxplan show plan.toml | head -1``) quietly, a full disk
with one line and exit status 2.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import click

from kxplan import __version__, i18n
from kxplan.cli.common import (
    EXIT_CLOSED_PIPE,
    EXIT_PROBLEM,
    LANG_META,
    PLAN_PATH,
    collecting_rarely,
    color_option,
    command_line,
    echo_error,
    echo_problems,
    fail,
    honour_no_color,
    load_or_exit,
    output_errors_end_cleanly,
)
from kxplan.cli.texts import (
    OPTIONS_METAVAR,
    Block,
    Epilog,
    KxplanOption,
    TranslatedHelp,
    examples,
    option,
    speak_click,
    translated,
)
from kxplan.i18n import N_, _
from kxplan.text.literal import visible

__all__ = [
    "COMMANDS",
    "EXIT_CLOSED_PIPE",
    "EXIT_PROBLEM",
    "PLAN_PATH",
    "KxplanGroup",
    "command_line",
    "echo_error",
    "echo_problems",
    "fail",
    "load_or_exit",
    "main",
]

COMMANDS: Final[dict[str, str]] = {
    "open": "kxplan.cli.ui:open_command",
    "example": "kxplan.cli.ui:example_command",
    "templates": "kxplan.cli.plans:templates_command",
    "new": "kxplan.cli.plans:new_command",
    "validate": "kxplan.cli.plans:validate_command",
    "show": "kxplan.cli.plans:show_command",
    "export": "kxplan.cli.reports:export_command",
    "import": "kxplan.cli.importing:import_command",
    "diff": "kxplan.cli.versions:diff_command",
    "snapshot": "kxplan.cli.versions:snapshot_command",
    "history": "kxplan.cli.versions:history_command",
    "checkin": "kxplan.cli.checkin:checkin_command",
    "rank": "kxplan.cli.ranking:rank_command",
    "calibration": "kxplan.cli.calibration:calibration_command",
    "room": "kxplan.cli.room:room_command",
    "merge": "kxplan.cli.merging:merge_command",
    "merge-driver": "kxplan.cli.merging:merge_driver_command",
    "resolve": "kxplan.cli.merging:resolve_command",
    "git-setup": "kxplan.cli.git_setup:git_setup_command",
    "schema": "kxplan.cli.schema:schema_command",
}
"""Each command's name and where it is defined (``module:attribute``)."""

_MOVED: Final[dict[str, str]] = {
    "summary": "kxplan.reports.overview:overview",
    "open_ui": "kxplan.cli.ui:open_ui",
    "read_plan_arg": "kxplan.cli.versions:read_plan_arg",
    "show_for_diff": "kxplan.cli.versions:show_for_diff",
    "EXIT_DIFFERENT": "kxplan.cli.versions:EXIT_DIFFERENT",
}
"""Names this module held before it became a package, still importable from it."""


def _resolve(target: str) -> Any:
    module, _colon, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        return _resolve(_MOVED[name])
    if name.endswith("_command") and (command := name.removesuffix("_command")) in COMMANDS:
        return _resolve(COMMANDS[command])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class OneLineUsageError(click.UsageError):
    """A usage error said in one line with a pointer to --help, not click's four
    (usage, hint, blank line, error)."""

    def show(self, file: Any = None) -> None:
        hint = (
            " " + _("Try '{command} --help'.").format(command=self.ctx.command_path)
            if self.ctx is not None
            else ""
        )
        message = self.format_message()
        stop = "" if message.endswith((".", "?", "!")) else "."
        line = _("Error: {message}").format(message=f"{visible(message)}{stop}{hint}")
        click.echo(line, file=file, err=file is None)


def _one_line(error: click.UsageError) -> OneLineUsageError:
    if isinstance(error, OneLineUsageError):
        return error
    return OneLineUsageError(error.format_message(), error.ctx)


LANG_OPTION: Final = "--lang"

"""kxplan's own option that takes a value; the others of ``kxplan`` itself are flags."""


def _first_argument(args: Sequence[str]) -> int | None:
    """Where the command (or a plan to open) is in ``kxplan``'s arguments: the first one
    that is neither an option nor ``--lang``'s value."""
    skip = False
    for index, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == LANG_OPTION:
            skip = True
        elif not arg.startswith("-"):
            return index
    return None


def _flagged_language(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` given before the command, if any (the last one given)."""
    end = _first_argument(args)
    found: str | None = None
    for index, arg in enumerate(args[:end]):
        if arg == LANG_OPTION and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith(LANG_OPTION + "="):
            found = arg.removeprefix(LANG_OPTION + "=")
    return found


def choose_language(args: Sequence[str], environ: Mapping[str, str] | None = None) -> None:
    """Set kxplan's own language before anything is parsed or said: ``--lang``, then
    ``KXPLAN_LANG``, then the system's locale. A ``--lang`` kxplan does not speak is
    passed over here; click refuses it while parsing (exit status 2)."""
    flag = _flagged_language(args)
    try:
        chosen = i18n.choose(flag, environ)
    except ValueError:
        chosen = i18n.choose(None, environ)
    i18n.set_language(chosen)


def _looks_like_plan(arg: str) -> bool:
    """Whether a first argument that is not a command names a plan file."""
    return arg.endswith(".toml") or os.sep in arg or "/" in arg or Path(arg).is_file()


SUBCOMMAND_METAVAR: Final = N_("COMMAND [ARGS]...")


class KxplanGroup(TranslatedHelp, click.Group):
    """The top-level group: kxplan's language is chosen first (``--lang``), commands
    load on demand, a plan path in place of a command opens it in the UI, a PlanError
    from any command ends in readable lines and exit status 2, and so does standard
    output that cannot be written (a closed pipe ends quietly)."""

    _subcommand_metavar: str = SUBCOMMAND_METAVAR

    @property
    def subcommand_metavar(self) -> str:
        return str(translated(self._subcommand_metavar))

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str) -> None:
        self._subcommand_metavar = value

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        command = _resolve(COMMANDS[cmd_name])
        if not isinstance(command, click.Command):  # pragma: no cover - a wrong COMMANDS
            raise TypeError(f"{COMMANDS[cmd_name]} is not a click command")
        return command

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        if parent is None:  # kxplan itself: its language before its first word
            choose_language(args)
            # kxplan uses no pydantic plugins: not looking for them spares every command
            # a scan of every installed package's metadata (set it yourself to use one)
            os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        with output_errors_end_cleanly():  # --help and --version print while parsing
            try:
                return super().make_context(info_name, args, parent, **extra)
            except click.UsageError as error:
                raise _one_line(error) from None

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = _first_argument(args)
        if first is not None:
            name = args[first]
            if name not in self.list_commands(ctx) and _looks_like_plan(name):
                args = [*args[:first], "open", *args[first:]]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        with collecting_rarely(), output_errors_end_cleanly():
            from kxplan.storage import PlanError  # here, so that help and version stay light

            try:
                return super().invoke(ctx)
            except click.UsageError as error:  # a command's own arguments or options
                raise _one_line(error) from None
            except PlanError as error:
                echo_problems(error)
                ctx.exit(EXIT_PROBLEM)


LANG_HELP: Final = N_(
    "The language kxplan speaks: en or sv [default: KXPLAN_LANG, else the system's "
    "locale, else English]. Each plan's documents keep the plan's own language."
)

MAIN_HELP: Final = N_(
    "Plan a customer-experience strategy in a workshop.\n\n"
    "Run `kxplan` alone to open the terminal UI, or `kxplan PLAN.toml` to open a plan in "
    "it. A PLAN argument of `-` reads the plan from standard input."
)

MAIN_EPILOG: Final = Epilog(
    (
        Block(
            N_("Shell completion (commands, options, template names, plan files), in ~/.bashrc:"),
            ('eval "$(_KXPLAN_COMPLETE=bash_source kxplan)"',),
            N_("zsh: _KXPLAN_COMPLETE=zsh_source in ~/.zshrc; fish: fish_source."),
        ),
        Block(
            N_("Language: --lang sv or KXPLAN_LANG=sv speaks Swedish (before the command):"),
            ("kxplan --lang sv rank plan.toml",),
        ),
    )
) + examples(
    "kxplan new plan.toml -t contact-centre",
    "kxplan plan.toml",
    "kxplan rank plan.toml --top 5",
)


@click.group(
    cls=KxplanGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=MAIN_HELP,
    epilog=MAIN_EPILOG,
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar=SUBCOMMAND_METAVAR,
)
@click.version_option(
    __version__,
    "-V",
    "--version",
    prog_name="kxplan",
    cls=KxplanOption,
    help=N_("Show the version and exit."),
)
@option(
    LANG_OPTION,
    "lang",
    type=click.Choice(list(i18n.LANGUAGES), case_sensitive=False),
    metavar="[en|sv]",
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: ctx.meta.__setitem__(LANG_META, value),
    help=LANG_HELP,
)
@color_option
@click.pass_context
def main(ctx: click.Context) -> None:
    honour_no_color(ctx)
    if ctx.invoked_subcommand is None:
        from kxplan.cli.ui import open_ui

        open_ui(None)


speak_click()
