"""Comparing versions of a plan: ``diff``, ``snapshot``, ``history`` and the git
textconv behind ``show --for-diff``."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any, Final

import click

from kxplan.cli.common import (
    EXIT_PROBLEM,
    PLAN_PATH,
    command_line,
    echo_problems,
    fail,
    load_or_exit,
)
from kxplan.framework import METHODS
from kxplan.model import Plan
from kxplan.storage import PlanError, load
from kxplan.text.literal import printable, visible

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
    """A plan from a file, or from git when ARG is ``REV:path`` (:mod:`kxplan.versions.git`)."""
    from kxplan.versions import git

    if not git.names_revision(arg):
        return load_or_exit(arg)
    try:
        return git.load_revision(arg)
    except git.GitReadError as error:
        fail(str(error))
    except PlanError as error:
        echo_problems(error)
        sys.exit(EXIT_PROBLEM)


@click.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text (coloured on a terminal), markdown or json.",
)
@click.option(
    "--method",
    type=click.Choice(METHODS.keys),
    default=None,
    help="Ranking method for both plans [default: NEW's method].",
)
def diff_command(old: str, new: str, output_format: str, method: str | None) -> None:
    """Show what changed from plan OLD to plan NEW.

    OLD and NEW are plan files, or REV:path to read a plan from git, e.g.
    `kxplan diff HEAD~1:plan.toml plan.toml`. Initiatives are matched by id,
    table rows by their natural key; ranks use one method for both sides.

    Exit status: 0 no differences, 1 differences, 2 trouble. Changes of the
    created/updated timestamps are shown but do not count as differences.
    """
    from kxplan.reports.comparison import format_json, format_markdown, format_text, titles_of
    from kxplan.versions.comparison import compare

    chosen = next((m for m in METHODS.keys if m == method), None)
    old_plan, new_plan = read_plan_arg(old), read_plan_arg(new)
    comparison = compare(old_plan, new_plan, chosen)
    titles = titles_of(old_plan, new_plan)  # initiatives by title, for minutes
    if output_format == "json":
        click.echo(format_json(comparison), nl=False)
    elif output_format == "markdown":
        click.echo(format_markdown(comparison, old, new, titles), nl=False)
    else:
        click.echo(format_text(comparison, old, new, _diff_style, titles), nl=False, color=None)
    sys.exit(EXIT_DIFFERENT if comparison.differs else 0)


def show_for_diff(plan_path: Path) -> None:
    """Print a plan one fact per line; an unreadable plan is printed as it is, with its problems.

    git's textconv must not fail, or `git diff` stops; so a broken plan still shows.
    """
    from kxplan.versions.textconv import plan_as_lines

    try:
        plan = load(plan_path)
    except PlanError as error:
        for problem in error.problems:
            click.echo(f"# kxplan: {printable(str(problem))}")
        try:
            click.echo(visible(plan_path.read_bytes().decode("utf-8", "replace")), nl=False)
        except OSError:
            sys.exit(EXIT_PROBLEM)
        return
    click.echo(visible("\n".join(plan_as_lines(plan))))


@click.command("snapshot")
@click.argument("plan", type=PLAN_PATH)
@click.option("-l", "--label", default="", metavar="TEXT", help="A few words: what this is.")
def snapshot_command(plan: Path, label: str) -> None:
    """Keep a timestamped copy of PLAN in PLAN.versions/ beside it."""
    from kxplan.storage import loads_bytes
    from kxplan.versions import save_version

    load_or_exit(plan)  # missing, a folder, unreadable: said as every command says it
    try:
        raw = plan.read_bytes()
    except OSError as error:
        raise PlanError.single(str(plan), f"cannot be read: {error.strerror or error}") from None
    loads_bytes(raw, str(plan))  # the bytes kept are the bytes checked: never a broken plan
    saved = save_version(raw, plan, label)
    click.echo(f"Saved snapshot {saved}")


@click.command("history")
@click.argument("plan", type=PLAN_PATH)
def history_command(plan: Path) -> None:
    """List the snapshots of PLAN, oldest first, with what changed in each."""
    from kxplan.versions import list_versions, load_version
    from kxplan.versions.comparison import compare

    versions = list_versions(plan)
    if not versions:
        load_or_exit(plan)  # missing, empty, a folder: said as every command says it
        click.echo(f"No snapshots of {plan} yet; take one with: {command_line('snapshot', plan)}")
        return
    rows: list[tuple[str, str, str]] = []
    previous: Plan | None = None
    for version in versions:
        try:
            current = load_version(version)
        except PlanError as error:
            rows.append((_when(version.taken), version.label, f"unreadable: {error.problems[0]}"))
            continue
        change = "first snapshot" if previous is None else compare(previous, current).summary()
        rows.append((_when(version.taken), version.label, change))
        previous = current
    if plan.exists():
        try:
            now = load(plan)
        except PlanError as error:
            change = f"unreadable: {error.problems[0]}"
        else:
            change = (
                "no snapshot to compare" if previous is None else compare(previous, now).summary()
            )
        rows.append(("now", "(current file)", change))
    shown = [(when, printable(label) or "-", printable(change)) for when, label, change in rows]
    width = max(len(label) for _, label, _ in shown)
    for when, label, change in shown:
        click.echo(f"{when:<20}  {label:<{width}}  {change}")


def _when(taken: datetime) -> str:
    return taken.strftime("%Y-%m-%d %H:%M:%S")
