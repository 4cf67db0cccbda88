"""Commands on plan files as a whole: ``templates``, ``new``, ``validate`` and ``show``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from kxplan.cli.common import EXIT_PROBLEM, PLAN_PATH, command_line, fail, load_or_exit
from kxplan.storage import PlanError
from kxplan.text.literal import printable, visible


@click.command("templates")
def templates_command() -> None:
    """List the starter templates for `kxplan new`."""
    from kxplan.templates import list_templates

    found = list_templates()
    if not found:
        fail("no templates are installed; reinstall kxplan")
    width = max(len(template.name) for template in found)
    for template in found:
        click.echo(f"{printable(template.name):<{width}}  {printable(template.description)}")


@click.command("new")
@click.argument("plan", type=PLAN_PATH)
@click.option(
    "-t",
    "--template",
    "template_name",
    default="blank",
    show_default=True,
    metavar="NAME",
    help="Starter template; `kxplan templates` lists them.",
)
@click.option("--title", metavar="TEXT", help="Title of the new plan.")
@click.option("-f", "--force", is_flag=True, help="Overwrite PLAN if it already exists.")
def new_command(plan: Path, template_name: str, title: str | None, force: bool) -> None:
    """Write a new plan file PLAN from a starter template."""
    from kxplan.storage import save
    from kxplan.templates import UnknownTemplateError, new_plan

    if plan.is_dir():
        raise PlanError.single(
            str(plan), f"is a folder, expected a plan file name such as {plan / 'plan.toml'}"
        )
    if plan.exists() and not force:
        fail(f"{plan} already exists; use --force to overwrite it")
    if title is not None and not title.strip():
        fail("--title cannot be blank")
    try:
        fresh = new_plan(template_name, title=title.strip() if title else None)
    except UnknownTemplateError as error:
        fail(str(error))
    save(fresh, plan)
    click.echo(f"Created {plan} from the {template_name!r} template: {printable(fresh.title)}")
    click.echo(f"Open it with: {command_line(plan)}")


@click.command("validate")
@click.argument("plans", nargs=-1, required=True, type=PLAN_PATH)
def validate_command(plans: Sequence[Path]) -> None:
    """Check one or more plan files; problems go to stderr, one per line.

    Exit status 0 when every file is valid, 2 otherwise.
    """
    from kxplan.storage import problems_of

    all_valid = True
    for path, problems in problems_of(plans).items():
        if problems:
            all_valid = False
            for problem in problems:
                click.echo(visible(str(problem)), err=True)
        else:
            click.echo(f"{path}: ok")
    if not all_valid:
        sys.exit(EXIT_PROBLEM)


@click.command("show")
@click.argument("plan", type=PLAN_PATH)
@click.option(
    "--for-diff",
    is_flag=True,
    help="One fact per line, for `git diff`: set git config "
    "diff.kxplan.textconv 'kxplan show --for-diff' and mark plans diff=kxplan "
    "in .gitattributes.",
)
def show_command(plan: Path, for_diff: bool) -> None:
    """Print a plain-text summary of PLAN."""
    if for_diff:
        from kxplan.cli.versions import show_for_diff

        show_for_diff(plan)
        return
    from kxplan.reports.overview import overview

    click.echo(overview(load_or_exit(plan)), nl=False)
