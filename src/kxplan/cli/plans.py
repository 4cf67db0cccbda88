"""Commands on plan files as a whole: ``templates``, ``new``, ``validate`` and ``show``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from kxplan.cli.common import (
    EXIT_PROBLEM,
    PLAN_PATH,
    STDIN_NAME,
    command_line,
    complete_templates,
    examples,
    fail,
    format_option,
    is_stdin,
    load_or_exit,
    print_json,
    read_stdin,
)
from kxplan.storage import PlanError, Problem
from kxplan.text.literal import printable, visible


@click.command(
    "templates",
    epilog=examples("kxplan templates", "kxplan templates --format json"),
)
@format_option("text", "json", help="text: name and description; json: for scripts.")
def templates_command(fmt: str) -> None:
    """List the starter templates for `kxplan new`."""
    from kxplan.templates import list_templates

    found = list_templates()
    if not found:
        fail("no templates are installed; reinstall kxplan")
    if fmt == "json":
        from kxplan.cli.shapes import templates_data

        print_json(templates_data(found))
        return
    width = max(len(template.name) for template in found)
    for template in found:
        click.echo(f"{printable(template.name):<{width}}  {printable(template.description)}")


@click.command(
    "new",
    epilog=examples(
        'kxplan new kommun.toml -t public-service --title "Kundcenter 2027"',
        "kxplan new - -t e-commerce > shop.toml",
    ),
)
@click.argument("plan", type=PLAN_PATH)
@click.option(
    "-t",
    "--template",
    "template_name",
    default="blank",
    show_default=True,
    metavar="NAME",
    shell_complete=complete_templates,
    help="Starter template; `kxplan templates` lists them.",
)
@click.option("--title", metavar="TEXT", help="Title of the new plan.")
@click.option("--force", is_flag=True, help="Overwrite PLAN if it already exists.")
def new_command(plan: Path, template_name: str, title: str | None, force: bool) -> None:
    """Write a new plan file PLAN from a starter template (`-`: to standard output)."""
    from kxplan.storage import dumps, save
    from kxplan.templates import UnknownTemplateError, new_plan

    to_stdout = is_stdin(plan)
    if not to_stdout:
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
    if to_stdout:
        click.echo(dumps(fresh), nl=False)
        return
    save(fresh, plan)
    click.echo(f"Created {plan} from the {template_name!r} template: {printable(fresh.title)}")
    click.echo(f"Open it with: {command_line(plan)}")


@click.command(
    "validate",
    epilog=examples(
        "kxplan validate *.toml", "git show HEAD:plan.toml | kxplan validate - --format json"
    ),
)
@click.argument("plans", nargs=-1, required=True, type=PLAN_PATH)
@format_option(
    "text", "json", help="text: ok or the problems (on stderr); json: a list, on stdout."
)
def validate_command(plans: Sequence[Path], fmt: str) -> None:
    """Check one or more plan files (`-`: standard input); problems go to stderr, one
    per line.

    Exit status 0 when every file is valid, 2 otherwise.
    """
    from kxplan.storage import problems_of

    results: dict[str, tuple[Problem, ...]] = {}
    for path in plans:
        if is_stdin(path):
            results[STDIN_NAME] = _stdin_problems()
        else:
            results.update(problems_of([path]))
    all_valid = not any(results.values())
    if fmt == "json":
        from kxplan.cli.shapes import validation_data

        print_json(validation_data(results))
    else:
        for name, problems in results.items():
            if problems:
                for problem in problems:
                    click.echo(visible(str(problem)), err=True)
            else:
                click.echo(f"{name}: ok")
    if not all_valid:
        sys.exit(EXIT_PROBLEM)


def _stdin_problems() -> tuple[Problem, ...]:
    from kxplan.storage import loads_bytes

    try:
        loads_bytes(read_stdin(), STDIN_NAME)
    except PlanError as error:
        return error.problems
    return ()


@click.command(
    "show",
    epilog=examples(
        "kxplan show plan.toml",
        "git show HEAD~1:plan.toml | kxplan show -",
        "kxplan show plan.toml --format json",
    ),
)
@click.argument("plan", type=PLAN_PATH)
@click.option(
    "--for-diff",
    is_flag=True,
    help="One fact per line, for `git diff`: set git config "
    "diff.kxplan.textconv 'kxplan show --for-diff' and mark plans diff=kxplan "
    "in .gitattributes.",
)
@format_option("text", "json", help="text: for people; json: the same facts, for scripts.")
def show_command(plan: Path, for_diff: bool, fmt: str) -> None:
    """Print a plain-text summary of PLAN (`-`: standard input)."""
    if for_diff:
        if fmt != "text":
            fail("--for-diff prints text; leave out --format")
        from kxplan.cli.versions import show_for_diff

        show_for_diff(plan)
        return
    loaded = load_or_exit(plan)
    if fmt == "json":
        from kxplan.reports.overview import overview_data

        print_json(overview_data(loaded))
        return
    from kxplan.reports.overview import overview

    click.echo(overview(loaded), nl=False)
