"""``kxplan git-setup``: git diffs and merges plans in the strategy's terms."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Final

import click

from kxplan.cli.common import fail
from kxplan.cli.texts import command, examples
from kxplan.i18n import N_, _
from kxplan.text.literal import visible

DEFAULT_PATTERN: Final = "*.kxplan.toml"
ATTRIBUTES: Final = ("diff=kxplan", "merge=kxplan")
XFUNCNAME: Final = r"^(initiative [^:]+|areas\.[a-z_]+|scales\.[a-z_]+|scoring|strategy|rank).*$"
"""Which textconv line names a hunk: its initiative, area, scale or the ranking."""


def kxplan_command() -> str:
    """This kxplan as a command line that works from any folder: the Python that runs it
    (a virtual environment's, if so) with ``-m kxplan``."""
    return shlex.join([str(Path(sys.executable).absolute()), "-m", "kxplan"])


def git_settings(command: str) -> dict[str, str]:
    """The repository's git config for the diff and merge drivers."""
    return {
        "diff.kxplan.textconv": f"{command} show --for-diff",
        "diff.kxplan.cachetextconv": "true",
        "diff.kxplan.xfuncname": XFUNCNAME,
        "merge.kxplan.name": "kxplan: merge plans by initiative, row and field",
        "merge.kxplan.driver": f"{command} merge-driver %O %A %B %P",
    }


def attribute_lines(text: str, patterns: list[str]) -> tuple[str, list[str]]:
    """``.gitattributes`` text with each pattern given the kxplan drivers (lines that name
    the pattern get what they lack; others are added); returns the text and what changed."""
    lines = text.splitlines()
    changed: list[str] = []
    for pattern in patterns:
        for index, line in enumerate(lines):
            fields = line.split()
            if fields and fields[0] == pattern:
                missing = [a for a in ATTRIBUTES if a not in fields[1:]]
                if missing:
                    kept = [f for f in fields[1:] if f.split("=")[0] not in {"diff", "merge"}]
                    lines[index] = " ".join([pattern, *kept, *ATTRIBUTES])
                    changed.append(lines[index])
                break
        else:
            lines.append(" ".join([pattern, *ATTRIBUTES]))
            changed.append(lines[-1])
    return ("\n".join(lines) + "\n" if lines else ""), changed


def _git(*args: str, cwd: Path | None = None) -> str:
    git = shutil.which("git")
    if git is None:
        fail(_("git is not on PATH"))
    done = subprocess.run([git, *args], cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode:
        fail(
            done.stderr.strip().splitlines()[-1]
            if done.stderr.strip()
            else _("git {command} failed").format(command=args[0])
        )
    return done.stdout


@command(
    "git-setup",
    help=N_(
        "Make git diff and merge the plans of this repository in the strategy's terms.\n\n"
        "Writes `.gitattributes` lines for each PATTERN (default: *.kxplan.toml) and this "
        "repository's git config: a textconv diff driver (`git diff` shows facts such as "
        "`initiative faq: effort = 4`, each hunk headed by its initiative or area) and a "
        "merge driver that merges by initiative, row and field. Both call this kxplan by "
        "its full path. Running it again changes nothing."
    ),
    epilog=examples("kxplan git-setup", "kxplan git-setup 'plans/*.toml'"),
)
@click.argument("patterns", nargs=-1, metavar="[PATTERN]...")
def git_setup_command(patterns: tuple[str, ...]) -> None:
    inside = shutil.which("git") and subprocess.run(
        ["git", "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True, check=False
    )
    if not inside or inside.returncode or inside.stdout.strip() != "true":
        fail(_("not in a git repository (run it inside one, e.g. after `git init`)"))
    root = Path(_git("rev-parse", "--show-toplevel").strip())
    command = kxplan_command()
    anything = False
    for key, value in git_settings(command).items():
        current = subprocess.run(
            ["git", "config", "--local", "--get", key], capture_output=True, text=True, check=False
        ).stdout.rstrip("\n")
        if current != value:
            _git("config", "--local", key, value)
            anything = True
            click.echo(visible(f"git config {key} {value}"))
    attributes = root / ".gitattributes"
    try:
        before = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        fail(_("{file}: cannot be read: {reason}").format(file=attributes, reason=error))
    text, changed = attribute_lines(before, list(patterns) or [DEFAULT_PATTERN])
    if changed:
        anything = True
        attributes.write_text(text, encoding="utf-8")
        for line in changed:
            click.echo(visible(f"{attributes}: {line}"))
        click.echo(
            _("Commit .gitattributes; each person runs `kxplan git-setup` once in their clone.")
        )
    if not anything:
        click.echo(_("git already diffs and merges these plans with kxplan."))
