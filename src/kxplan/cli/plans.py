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
    fail,
    format_option,
    is_stdin,
    load_or_exit,
    print_json,
    read_stdin,
)
from kxplan.cli.texts import command, examples, option
from kxplan.i18n import LANGUAGES, N_, _
from kxplan.storage import PlanError, Problem
from kxplan.text.literal import printable, visible


@command(
    "templates",
    help=N_(
        "List the starter templates for `kxplan new`, each with the language it is "
        "written in (sv: Swedish, en: English)."
    ),
    epilog=examples("kxplan templates", "kxplan templates --format json"),
)
@format_option("text", "json", help=N_("text: name, language and description; json: for scripts."))
def templates_command(fmt: str) -> None:
    from kxplan.templates import list_templates

    found = list_templates()
    if not found:
        fail(_("no templates are installed; reinstall kxplan"))
    if fmt == "json":
        from kxplan.cli.shapes import templates_data

        print_json(templates_data(found))
        return
    width = max(len(template.name) for template in found)
    for template in found:
        name = printable(template.name)
        click.echo(f"{name:<{width}}  {template.language}  {printable(template.description)}")


@command(
    "new",
    help=N_(
        "Write a new plan file PLAN from a starter template (`-`: to standard output).\n\n"
        "The plan says which language its documents are in (--language): by default the "
        "template's own. Without --template it is the blank plan written in that "
        "language, else in kxplan's."
    ),
    epilog=examples(
        'kxplan new kommun.toml -t kommun --title "Kundcenter 2027"',
        "kxplan new plan.toml --language sv",
        "kxplan new - -t e-commerce > shop.toml",
    ),
)
@click.argument("plan", type=PLAN_PATH)
@option(
    "-t",
    "--template",
    "template_name",
    default=None,
    metavar=N_("NAME"),
    shell_complete=complete_templates,
    help=N_("Starter template; `kxplan templates` lists them [default: blank, or tom in Swedish]."),
)
@option("--title", metavar="TEXT", help=N_("Title of the new plan."))
@option(
    "--language",
    "plan_language",
    type=click.Choice(list(LANGUAGES), case_sensitive=False),
    default=None,
    help=N_(
        "The language of the plan's content and documents [default: the template's, "
        "else kxplan's own]."
    ),
)
@option("--force", is_flag=True, help=N_("Overwrite PLAN if it already exists."))
def new_command(
    plan: Path,
    template_name: str | None,
    title: str | None,
    plan_language: str | None,
    force: bool,
) -> None:
    from kxplan import i18n
    from kxplan.storage import dumps, save
    from kxplan.templates import UnknownTemplateError, default_template, mixed_languages, new_plan

    to_stdout = is_stdin(plan)
    if not to_stdout:
        if plan.is_dir():
            raise PlanError.single(
                str(plan),
                _("is a folder, expected a plan file name such as {example}").format(
                    example=plan / "plan.toml"
                ),
            )
        if plan.exists() and not force:
            fail(_("{plan} already exists; use --force to overwrite it").format(plan=plan))
    if title is not None and not title.strip():
        fail(_("--title cannot be blank"))
    language = i18n.known(plan_language) if plan_language else None
    name = template_name or default_template(language or i18n.current())
    try:
        fresh = new_plan(name, title=title.strip() if title else None, language=language)
    except UnknownTemplateError as error:
        fail(str(error))
    except PlanError as error:
        said = next((p.message for p in error.problems if p.place == "title"), None)
        if title is None or said is None:
            raise
        fail(f"--title: {said}")  # the option given, not the field it fills
    mixed = mixed_languages(name, fresh.document_language)
    if mixed is not None:
        click.echo(mixed, err=True)
    if to_stdout:
        click.echo(dumps(fresh), nl=False)
        return
    save(fresh, plan)
    click.echo(
        _("Created {plan} from the {template!r} template: {title}").format(
            plan=plan, template=name, title=printable(fresh.title)
        )
    )
    click.echo(_("Open it with: {command}").format(command=command_line(plan)))


@command(
    "validate",
    help=N_(
        "Check one or more plan files (`-`: standard input); problems go to stderr, one "
        "per line.\n\nExit status 0 when every file is valid, 2 otherwise."
    ),
    epilog=examples(
        "kxplan validate *.toml", "git show HEAD:plan.toml | kxplan validate - --format json"
    ),
)
@click.argument("plans", nargs=-1, required=True, type=PLAN_PATH)
@format_option(
    "text", "json", help=N_("text: ok or the problems (on stderr); json: a list, on stdout.")
)
def validate_command(plans: Sequence[Path], fmt: str) -> None:
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
                click.echo(_("{file}: ok").format(file=name))
    if not all_valid:
        sys.exit(EXIT_PROBLEM)


def _stdin_problems() -> tuple[Problem, ...]:
    from kxplan.storage import loads_bytes

    try:
        loads_bytes(read_stdin(), STDIN_NAME)
    except PlanError as error:
        return error.problems
    return ()


@command(
    "show",
    help=N_("Print a plain-text summary of PLAN (`-`: standard input)."),
    epilog=examples(
        "kxplan show plan.toml",
        "git show HEAD~1:plan.toml | kxplan show -",
        "kxplan show plan.toml --format json",
    ),
)
@click.argument("plan", type=PLAN_PATH)
@option(
    "--for-diff",
    is_flag=True,
    help=N_(
        "One fact per line, for `git diff`: set git config "
        "diff.kxplan.textconv 'kxplan show --for-diff' and mark plans diff=kxplan "
        "in .gitattributes."
    ),
)
@format_option("text", "json", help=N_("text: for people; json: the same facts, for scripts."))
def show_command(plan: Path, for_diff: bool, fmt: str) -> None:
    if for_diff:
        if fmt != "text":
            fail(_("--for-diff prints text; leave out --format"))
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
