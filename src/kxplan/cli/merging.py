"""Merging versions of a plan: ``merge``, ``merge-driver`` (for git) and ``resolve``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Final

import click

from kxplan.cli.common import (
    EXIT_PROBLEM,
    PLAN_PATH,
    echo_error,
    echo_problems,
    load_or_exit,
)
from kxplan.cli.texts import command, examples, option
from kxplan.i18n import N_, _, ngettext
from kxplan.model import Plan
from kxplan.storage import PlanError, loads_bytes
from kxplan.text.literal import visible

EXIT_CONFLICTS: Final = 1
"""Exit status of a merge that left conflicts (as git merge-file and merge drivers)."""


def _read(path: Path) -> tuple[str, Plan | None]:
    """A file's text and plan; an empty file (git's base when both sides added it) is None."""
    raw = path.read_bytes()
    if not raw.strip():
        return "", None
    return raw.decode("utf-8"), loads_bytes(raw, os.fspath(path))


def _report(result_conflicts: list[str], where: str) -> None:
    for path in result_conflicts:
        click.echo(visible(_("{file}: conflict: {place}").format(file=where, place=path)), err=True)


@command(
    "merge",
    help=N_(
        "Merge THEIRS into OURS, both changed from BASE, by initiative, row and field.\n\n"
        "Exit status 0: merged; 1: conflicts, marked in the output for you to resolve "
        "(`kxplan resolve`); 2: a file is missing or not a valid plan."
    ),
    epilog=examples("kxplan merge v1.toml mine.toml yours.toml -o merged.toml"),
)
@click.argument("base", type=PLAN_PATH)
@click.argument("ours", type=PLAN_PATH)
@click.argument("theirs", type=PLAN_PATH)
@option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar=N_("FILE"),
    help=N_("Write the merged plan here (default: standard output)."),
)
def merge_command(base: Path, ours: Path, theirs: Path, output: Path | None) -> None:
    from kxplan.storage import write_atomic
    from kxplan.versions.merge_text import merge_texts

    base_plan = load_or_exit(base)
    ours_plan = load_or_exit(ours)
    theirs_plan = load_or_exit(theirs)
    text, result = merge_texts(
        base_plan, ours_plan, theirs_plan, ours.read_text(encoding="utf-8"), os.fspath(ours)
    )
    if output is None:
        click.echo(visible(text), nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
    _report([c.where() for c in result.conflicts], os.fspath(output or ours))
    if result.conflicts:
        sys.exit(EXIT_CONFLICTS)


@command(
    "merge-driver",
    help=N_(
        "git's merge driver for plans (`kxplan git-setup` configures it): merges THEIRS and "
        "BASE into OURS in place; exit status 0 when merged, 1 when conflicts are left.\n\n"
        "A side that is not a valid plan is merged line by line by `git merge-file`."
    ),
    epilog=examples(
        ("kxplan merge-driver %O %A %B %P", N_("as git runs it, once git-setup set it up"))
    ),
)
@click.argument("base", type=click.Path(path_type=Path))
@click.argument("ours", type=click.Path(path_type=Path))
@click.argument("theirs", type=click.Path(path_type=Path))
@click.argument("name", required=False, default="")
def merge_driver_command(base: Path, ours: Path, theirs: Path, name: str) -> None:
    from kxplan.storage import write_atomic
    from kxplan.versions.merge_text import merge_texts

    shown = name or os.fspath(ours)
    try:
        _base_text, base_plan = _read(base)
        ours_text, ours_plan = _read(ours)
        _theirs_text, theirs_plan = _read(theirs)
    except (PlanError, OSError, UnicodeDecodeError) as error:
        if isinstance(error, PlanError):
            echo_problems(error)
        click.echo(
            visible(
                _("{file}: not a valid plan on every side; merging line by line").format(file=shown)
            ),
            err=True,
        )
        sys.exit(_line_merge(base, ours, theirs, shown))
    if ours_plan is None or theirs_plan is None:
        sys.exit(_line_merge(base, ours, theirs, shown))
    text, result = merge_texts(base_plan, ours_plan, theirs_plan, ours_text, shown)
    write_atomic(ours, text.encode("utf-8"))
    _report([c.where() for c in result.conflicts], shown)
    sys.exit(EXIT_CONFLICTS if result.conflicts else 0)


def _line_merge(base: Path, ours: Path, theirs: Path, name: str) -> int:
    git = shutil.which("git")
    if git is None:
        echo_error(_("{file}: cannot merge: git is not on PATH").format(file=name))
        return EXIT_CONFLICTS
    done = subprocess.run(
        [git, "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", "--", ours, base, theirs],
        check=False,
    )
    return EXIT_CONFLICTS if done.returncode else 0


@command(
    "resolve",
    help=N_(
        "List the merge conflicts left in PLAN, or resolve them by keeping one side.\n\n"
        "Without options, lists each conflict (number, line, key path, both sides) and "
        "exits with status 2 while any is left. The file is rewritten only when the result "
        "is a valid plan, or still has conflicts to resolve."
    ),
    epilog=examples(
        "kxplan resolve strategy.toml",
        "kxplan resolve strategy.toml --theirs 'initiatives[faq].effort' --ours all",
    ),
)
@click.argument("plan", type=PLAN_PATH)
@option(
    "--ours",
    "take_ours",
    multiple=True,
    metavar=N_("WHICH"),
    help=N_("Keep our side of a conflict: its number, its key path, or `all`. Repeatable."),
)
@option(
    "--theirs",
    "take_theirs",
    multiple=True,
    metavar=N_("WHICH"),
    help=N_("Keep their side of a conflict: its number, its key path, or `all`. Repeatable."),
)
def resolve_command(plan: Path, take_ours: tuple[str, ...], take_theirs: tuple[str, ...]) -> None:
    from kxplan.storage import write_atomic
    from kxplan.storage.conflicts import Hunk, Side, find_hunks, resolve_text

    try:
        text = plan.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        load_or_exit(plan)  # names the problem and exits
        return
    hunks = find_hunks(text)
    if not hunks:
        load_or_exit(plan)
        click.echo(_("{plan}: no conflicts").format(plan=plan))
        return
    unknown = [w for w in (*take_ours, *take_theirs) if not any(h.matches(w) for h in hunks)]
    if unknown:
        known = ", ".join(
            f"{h.number} ({h.place or _('line {line}').format(line=h.line)})" for h in hunks
        )
        echo_error(
            _("{plan}: no conflict {which!r}; the conflicts are {known}").format(
                plan=plan, which=unknown[0], known=known
            )
        )
        sys.exit(EXIT_PROBLEM)

    both = [
        h.number
        for h in hunks
        if any(h.matches(w) for w in take_ours if w != "all")
        and any(h.matches(w) for w in take_theirs if w != "all")
    ]
    if both or ("all" in take_ours and "all" in take_theirs):
        message = (
            _("{plan}: conflict {number} is named with both --ours and --theirs; keep one side")
            if both
            else _("{plan}: all is named with both --ours and --theirs; keep one side")
        )
        echo_error(message.format(plan=plan, number=both[0] if both else 0))
        sys.exit(EXIT_PROBLEM)

    def pick(hunk: Hunk) -> Side | None:
        if any(hunk.matches(w) for w in take_theirs if w != "all"):
            return "theirs"
        if any(hunk.matches(w) for w in take_ours if w != "all"):
            return "ours"
        if "all" in take_theirs:
            return "theirs"
        if "all" in take_ours:
            return "ours"
        return None

    resolved = resolve_text(text, pick)
    left = find_hunks(resolved)
    if not left:
        try:
            loads_bytes(resolved.encode("utf-8"), os.fspath(plan))
        except PlanError as error:
            echo_problems(error)
            echo_error(
                _("{plan}: not changed: these choices do not give a valid plan").format(plan=plan)
            )
            sys.exit(EXIT_PROBLEM)
    if resolved != text:
        write_atomic(plan, resolved.encode("utf-8"))
    for hunk in left:
        ours = "".join(hunk.ours).strip() or _("(nothing)")
        theirs = "".join(hunk.theirs).strip() or _("(nothing)")
        heading = _("{plan}:{line}: conflict {number}: {place}").format(
            plan=plan, line=hunk.line, number=hunk.number, place=hunk.place or _("(lines)")
        )
        click.echo(visible(heading))
        click.echo(visible(_sides(_("ours:"), ours, _("theirs:"))))
        click.echo(visible(_sides(_("theirs:"), theirs, _("ours:"))))
    if left:
        click.echo(
            ngettext(
                "{count} conflict left: keep a side with --ours WHICH or --theirs WHICH",
                "{count} conflicts left: keep a side with --ours WHICH or --theirs WHICH",
                len(left),
            ).format(count=len(left)),
            err=True,
        )
        sys.exit(EXIT_PROBLEM)
    click.echo(_("{plan}: resolved; it is a valid plan").format(plan=plan))


def _sides(label: str, text: str, other: str) -> str:
    """One side of a conflict, indented under its label (both labels aligned)."""
    width = max(len(label), len(other)) + 1
    indent = " " * (4 + width)
    return f"    {label:<{width}}{text}".replace("\n", "\n" + indent)
