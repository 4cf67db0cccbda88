"""The commands that open the terminal UI: ``open`` and ``example``.

This is the only CLI module that imports :mod:`kxplan.tui`, and only inside
:func:`open_ui`, so every other command starts without textual.
"""

from __future__ import annotations

import gc
from pathlib import Path

import click

from kxplan.cli.common import INTERPRETER_GC_THRESHOLD, PLAN_PATH, fail
from kxplan.storage import PlanError


def open_ui(path: Path | None, *, example: str | None = None, theme: str | None = None) -> None:
    """Start the terminal UI (imported only now, so other commands stay light)."""
    try:
        from kxplan.tui import run
    except ImportError as error:
        fail(f"the terminal UI could not be started: {error}")
    gc.set_threshold(*INTERPRETER_GC_THRESHOLD)  # the app runs for hours, not once
    if theme is None:
        run(path, example=example)
        return
    from kxplan.tui import check_theme

    try:
        theme = check_theme(theme)
    except ValueError as error:
        fail(str(error))
    run(path, example=example, theme=theme)


@click.command("open")
@click.argument("plan", type=PLAN_PATH, required=False)
@click.option("--theme", help="Theme: dark, light or a Textual theme's name (default: last used).")
def open_command(plan: Path | None, theme: str | None) -> None:
    """Open PLAN in the terminal UI (same as `kxplan PLAN.toml`)."""
    if plan is not None and plan.is_dir():
        raise PlanError.single(str(plan), "is a folder, expected a plan file")
    open_ui(plan, theme=theme)


@click.command("example")
@click.argument("template", required=False)
def example_command(template: str | None) -> None:
    """Open a starter TEMPLATE as an example plan in the terminal UI.

    The example lives in memory (default: contact-centre); saving asks for a new file,
    so nothing kxplan ships is ever changed.
    """
    from kxplan.templates import EXAMPLE, UnknownTemplateError, template_path

    template = template or EXAMPLE
    try:
        template_path(template)
    except UnknownTemplateError as error:
        fail(str(error))
    open_ui(None, example=template)
