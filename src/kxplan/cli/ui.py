"""The commands that open the terminal UI: ``open`` and ``example``.

This is the only CLI module that imports :mod:`kxplan.tui`, and only inside
:func:`open_ui`, so every other command starts without textual.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import click

from kxplan import i18n
from kxplan.cli.common import (
    EXIT_PROBLEM,
    INTERPRETER_GC_THRESHOLD,
    LANG_META,
    PLAN_PATH,
    complete_templates,
    fail,
    require_file,
)
from kxplan.cli.texts import KxplanArgument, command, examples, option
from kxplan.i18n import N_, _
from kxplan.storage import PlanError

NO_TERMINAL = N_(
    "kxplan: the workshop app needs a terminal; standard input and output must both be "
    "one (for scripts: kxplan show, rank, export; see kxplan --help)"
)
"""What ``kxplan`` says, instead of writing escape codes and waiting, without a terminal."""


def has_terminal() -> bool:
    """Whether standard input and output are both a terminal, as the app needs."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def open_ui(path: Path | None, *, example: str | None = None, theme: str | None = None) -> None:
    """Start the terminal UI (imported only now, so other commands stay light). A wrong
    option is named first; without a terminal, one line on stderr and exit status 2."""
    try:
        from kxplan.tui import run
    except ImportError as error:
        fail(_("the terminal UI could not be started: {error}").format(error=error))
    if theme is not None:
        from kxplan.tui import check_theme

        try:
            theme = check_theme(theme)
        except ValueError as error:
            fail(str(error))
    if not has_terminal():
        click.echo(_(NO_TERMINAL), err=True)
        sys.exit(EXIT_PROBLEM)
    gc.set_threshold(*INTERPRETER_GC_THRESHOLD)  # the app runs for hours, not once
    # --lang wins over the language last switched to in the app (f9); without it the
    # app's remembered choice comes before KXPLAN_LANG and the locale
    context = click.get_current_context(silent=True)
    flagged = context.meta.get(LANG_META) if context is not None else None
    flagged = flagged or i18n.known(os.environ.get(i18n.ENVIRONMENT, ""))
    run(path, example=example, theme=theme, language=flagged)


@command(
    "open",
    help=N_("Open PLAN in the terminal UI (same as `kxplan PLAN.toml`)."),
    epilog=examples("kxplan open plan.toml", "kxplan plan.toml", "kxplan --lang sv plan.toml"),
)
@click.argument("plan", type=PLAN_PATH, required=False)
@option("--theme", help=N_("Theme: dark, light or a Textual theme's name (default: last used)."))
def open_command(plan: Path | None, theme: str | None) -> None:
    if plan is not None:
        require_file(plan, _("the app reads keys from the terminal and saves into the file"))
    if plan is not None and plan.is_dir():
        raise PlanError.single(str(plan), _("is a folder, expected a plan file"))
    open_ui(plan, theme=theme)


@command(
    "example",
    help=N_(
        "Open a starter TEMPLATE as an example plan in the terminal UI.\n\n"
        "The example lives in memory (default: contact-centre, or kundservice when kxplan "
        "speaks Swedish); saving asks for a new file, so nothing kxplan ships is ever "
        "changed."
    ),
    epilog=examples("kxplan example", "kxplan example public-service", "kxplan --lang sv example"),
)
@click.argument(
    "template",
    required=False,
    cls=KxplanArgument,
    metavar=N_("[TEMPLATE]"),
    shell_complete=complete_templates,
)
def example_command(template: str | None) -> None:
    from kxplan.templates import UnknownTemplateError, template_path

    if template:
        try:
            template_path(template)
        except UnknownTemplateError as error:
            fail(str(error))
    # without a name the app picks the built-in example in its own language, which may
    # be the one remembered from f9 rather than the CLI's
    open_ui(None, example=template or "")
