"""Comparing versions of a plan: ``diff``, ``snapshot``, ``history`` and the git
textconv behind ``show --for-diff``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import click

from kxplan.cli.common import (
    EXIT_PROBLEM,
    PLAN_PATH,
    STDIN_NAME,
    color_option,
    command_line,
    complete_files,
    echo_problems,
    fail,
    format_option,
    is_stdin,
    load_or_exit,
    print_json,
    read_stdin,
    require_file,
)
from kxplan.cli.shapes import CURRENT_FILE, HistoryStep
from kxplan.cli.texts import command, examples, option
from kxplan.framework import METHODS
from kxplan.i18n import N_, _
from kxplan.model import Plan
from kxplan.storage import PlanError, load
from kxplan.text.literal import printable, visible
from kxplan.text.system_words import os_reason

if TYPE_CHECKING:
    from kxplan.versions import Version

EXIT_DIFFERENT: Final = 1
"""Exit status of `kxplan diff` when the plans differ (like diff(1))."""

_DIFF_COLOURS: Final[dict[str, dict[str, Any]]] = {
    "added": {"fg": "green"},
    "removed": {"fg": "red"},
    "moved": {"fg": "cyan"},
    "heading": {"bold": True},
}


def _diff_style(text: str, kind: str) -> str:
    return click.style(text, **_DIFF_COLOURS[kind]) if kind in _DIFF_COLOURS else text


def read_plan_arg(arg: str) -> Plan:
    """A plan from a file, from standard input (``-``), or from git when ARG is
    ``REV:path`` (:mod:`kxplan.versions.git`)."""
    from kxplan.versions import git

    if is_stdin(arg) or not git.names_revision(arg):
        return load_or_exit(arg)
    try:
        return git.load_revision(arg)
    except git.GitReadError as error:
        fail(str(error))
    except PlanError as error:
        echo_problems(error)
        sys.exit(EXIT_PROBLEM)


@command(
    "diff",
    help=N_(
        "Show what changed from plan OLD to plan NEW.\n\n"
        "OLD and NEW are plan files, `-` for standard input, or REV:path to read a plan "
        "from git, e.g. `kxplan diff HEAD~1:plan.toml plan.toml`. Initiatives are matched "
        "by id, table rows by their natural key; ranks use one method for both sides. "
        "Identical plans print nothing (json: an empty comparison).\n\n"
        "Exit status: 0 no differences, 1 differences (0 with --exit-zero), 2 trouble. "
        "Changes of the created/updated timestamps are shown but do not count as "
        "differences."
    ),
    epilog=examples(
        "kxplan diff HEAD~1:plan.toml plan.toml",
        "git show main:plan.toml | kxplan diff - plan.toml --format markdown",
        "kxplan diff --quiet old.toml new.toml || echo changed",
    ),
)
@click.argument("old", shell_complete=complete_files)
@click.argument("new", shell_complete=complete_files)
@format_option(
    "text", "markdown", "json", help=N_("text (coloured on a terminal), markdown or json.")
)
@option(
    "--method",
    type=click.Choice(METHODS.keys),
    default=None,
    help=N_("Ranking method for both plans [default: NEW's method]."),
)
@option(
    "-q",
    "--quiet",
    is_flag=True,
    help=N_("Print nothing; only the exit status says whether they differ."),
)
@option(
    "--exit-zero",
    is_flag=True,
    help=N_("Exit 0 when the plans differ too (for report scripts); 2 still means trouble."),
)
@color_option
def diff_command(
    old: str, new: str, fmt: str, method: str | None, quiet: bool, exit_zero: bool
) -> None:
    from kxplan.reports.comparison import format_json, format_markdown, format_text, titles_of
    from kxplan.versions.comparison import compare

    chosen = next((m for m in METHODS.keys if m == method), None)
    old_plan, new_plan = read_plan_arg(old), read_plan_arg(new)
    comparison = compare(old_plan, new_plan, chosen)
    titles = titles_of(old_plan, new_plan)  # initiatives by title, for minutes
    if quiet:
        pass
    elif fmt == "json":
        click.echo(format_json(comparison), nl=False)
    elif not comparison.changes:
        pass  # identical: nothing to say, as diff(1) says nothing
    elif fmt == "markdown":
        click.echo(format_markdown(comparison, old, new, titles), nl=False)
    else:
        click.echo(format_text(comparison, old, new, _diff_style, titles), nl=False, color=None)
    sys.exit(EXIT_DIFFERENT if comparison.differs and not exit_zero else 0)


def show_for_diff(plan_path: Path) -> None:
    """Print a plan one fact per line; an unreadable plan is printed as it is, with its problems.

    git's textconv must not fail, or `git diff` stops; so a broken plan still shows.
    """
    from kxplan.storage import loads_bytes
    from kxplan.versions.textconv import plan_as_lines

    try:
        raw = read_stdin() if is_stdin(plan_path) else plan_path.read_bytes()
    except OSError:
        raw = None
    try:
        plan = load(plan_path) if raw is None else loads_bytes(raw, _name(plan_path))
    except PlanError as error:
        for problem in error.problems:
            click.echo(f"# kxplan: {printable(str(problem))}")
        if raw is None:
            sys.exit(EXIT_PROBLEM)
        click.echo(visible(raw.decode("utf-8", "replace")), nl=False)
        return
    click.echo(visible("\n".join(plan_as_lines(plan))))


def _name(path: Path) -> str:
    return STDIN_NAME if is_stdin(path) else str(path)


@command(
    "snapshot",
    help=N_("Keep a timestamped copy of PLAN in PLAN.versions/ beside it."),
    epilog=examples('kxplan snapshot plan.toml --label "after workshop 2"'),
)
@click.argument("plan", type=PLAN_PATH)
@option("-l", "--label", default="", metavar="TEXT", help=N_("A few words: what this is."))
def snapshot_command(plan: Path, label: str) -> None:
    require_file(plan, _("the snapshot is kept in a folder beside the plan"))
    from kxplan.storage import loads_bytes
    from kxplan.versions import save_version

    load_or_exit(plan)  # missing, a folder, unreadable: said as every command says it
    try:
        raw = plan.read_bytes()
    except OSError as error:
        raise PlanError.single(
            str(plan), _("cannot be read: {reason}").format(reason=os_reason(error))
        ) from None
    loads_bytes(raw, str(plan))  # the bytes kept are the bytes checked: never a broken plan
    saved = save_version(raw, plan, label)
    click.echo(_("Saved snapshot {file}").format(file=saved))


@command(
    "history",
    help=N_("List the snapshots of PLAN, oldest first, with what changed in each."),
    epilog=examples("kxplan history plan.toml", "kxplan history plan.toml --format json"),
)
@click.argument("plan", type=PLAN_PATH)
@format_option("text", "json", help=N_("text: one line per snapshot; json: with each comparison."))
def history_command(plan: Path, fmt: str) -> None:
    from kxplan.cli.shapes import history_data
    from kxplan.versions import list_versions

    require_file(plan, _("snapshots are kept in a folder beside the plan"))
    versions = list_versions(plan)
    if not versions:
        load_or_exit(plan)  # missing, empty, a folder: said as every command says it
    steps = _history_steps(plan, versions)
    if fmt == "json":
        print_json(history_data(plan, steps))
        return
    if not versions:
        click.echo(
            _("No snapshots of {plan} yet; take one with: {command}").format(
                plan=plan, command=command_line("snapshot", plan)
            )
        )
        return
    rows = [(step.when, step.shown_label, step.change_line) for step in steps]
    shown = [(when, printable(label) or "-", printable(change)) for when, label, change in rows]
    width = max(len(label) for _when, label, _change in shown)
    for when, label, change in shown:
        click.echo(f"{when:<20}  {label:<{width}}  {change}")


def _history_steps(plan: Path, versions: Sequence[Version]) -> list[HistoryStep]:
    """Each snapshot compared with the one before it, then the current file (if any)."""
    from kxplan.versions import load_version
    from kxplan.versions.comparison import compare

    steps: list[HistoryStep] = []
    previous: Plan | None = None
    for version in versions:
        try:
            current = load_version(version)
        except PlanError as error:
            steps.append(HistoryStep(version, version.label, problem=error.problems[0]))
            continue
        comparison = None if previous is None else compare(previous, current)
        steps.append(HistoryStep(version, version.label, comparison=comparison))
        previous = current
    if versions and plan.exists():
        try:
            now = load(plan)
        except PlanError as error:
            steps.append(HistoryStep(None, CURRENT_FILE, problem=error.problems[0]))
        else:
            comparison = None if previous is None else compare(previous, now)
            steps.append(HistoryStep(None, CURRENT_FILE, comparison=comparison))
    return steps
