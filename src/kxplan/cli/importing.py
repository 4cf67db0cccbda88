"""``kxplan import``: initiatives, contact reasons or KPI readings from a CSV file,
previewed first; the plan changes only when the facilitator says so."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kxplan.cli.common import EXIT_PROBLEM, STDIN_NAME, fail, is_stdin, read_stdin
from kxplan.cli.texts import command, examples, option
from kxplan.i18n import N_, _, ngettext, pgettext
from kxplan.text.literal import visible

EXIT_NOT_CONFIRMED = 1
"""Not a terminal and no --yes: previewed only."""


def interactive() -> bool:
    """True when a person can answer the question (standard input and output are a
    terminal)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def confirm(question: str) -> bool:
    """Ask ``question`` until the answer is yes or no (blank: no), in the CLI's language:
    ``[j/N]`` and j/ja in Swedish; y/yes is always understood."""
    yes = {"y", "yes", pgettext("answer", "y"), pgettext("answer", "yes")}
    no = {"n", "no", pgettext("answer", "n"), pgettext("answer", "no")}
    hint = _("[{yes}/{no}]").format(yes=pgettext("answer", "y"), no=pgettext("answer", "n").upper())
    while True:
        answer = click.prompt(
            f"{question} {hint}", default="", show_default=False, prompt_suffix=" "
        )
        folded = answer.strip().casefold()
        if folded in yes:
            return True
        if not folded or folded in no:
            return False
        click.echo(
            _("Answer {yes} or {no}.").format(
                yes=pgettext("answer", "yes"), no=pgettext("answer", "no")
            )
        )


@command(
    "import",
    help=N_(
        "Import initiatives, contact reasons or KPI readings from the CSV file FILE into "
        "PLAN.\n\nColumns are found by their names, in English or Swedish (Title/Titel, "
        "Volume/Volym, Date/Datum, Value/Värde …); kxplan's own CSV export reads back. "
        "A row that matches one in the plan updates it, the others are added. The preview "
        "comes first, with one line for each row that cannot be imported, and the plan "
        "changes only when you confirm (or pass --yes).\n\nFILE - reads the CSV from standard "
        "input; there is no terminal to confirm on, so --yes or --dry-run is needed."
    ),
    epilog=examples(
        "kxplan import plan.toml initiatives.csv",
        "kxplan import plan.toml export.csv --kind contact-reasons --dry-run",
        "kxplan import plan.toml readings.csv --yes",
        "kxplan import plan.toml - --dry-run < readings.csv",
    ),
)
@click.argument("plan", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@option(
    "--kind",
    type=click.Choice(["initiatives", "contact-reasons", "readings"]),
    help=N_("What FILE holds (default: guessed from its headers, and said)."),
)
@option(
    "--delimiter",
    type=click.Choice(["comma", "semicolon", "tab"]),
    help=N_("The separator between cells (default: found from the header line)."),
)
@option(
    "--encoding",
    metavar="NAME",
    help=N_("The file's encoding, e.g. cp1252 (default: UTF-8, else Windows-1252)."),
)
@option("--yes", "-y", is_flag=True, help=N_("Import without asking."))
@option("--dry-run", is_flag=True, help=N_("Show the preview only; change nothing."))
def import_command(
    plan: Path,
    file: Path,
    kind: str | None,
    delimiter: str | None,
    encoding: str | None,
    yes: bool,
    dry_run: bool,
) -> None:
    from kxplan import importing
    from kxplan.session import ChangedOnDisk, Session

    from_stdin = is_stdin(file)
    if from_stdin and not (yes or dry_run):
        fail(
            _(
                "FILE '-' is read from standard input, so there is no terminal to confirm "
                "the import on: pass --yes to import or --dry-run to see the preview"
            )
        )
    name = STDIN_NAME if from_stdin else os.fspath(file)
    try:
        data = read_stdin() if from_stdin else file.read_bytes()
    except OSError as error:
        fail(
            _("{file}: cannot be read: {reason}").format(file=name, reason=error.strerror or error)
        )
    session = Session.open(plan)  # a PlanError is said one problem a line, status 2
    chosen = next((name for name in importing.KINDS if name == kind), None)
    try:
        source = importing.read(
            data,
            name,
            chosen,
            delimiter=importing.SEPARATORS.get(delimiter or ""),
            encoding=encoding,
        )
    except importing.ImportFailed as error:
        fail(str(error))
    preview = importing.preview(session.plan, source)
    for line in importing.lines(preview):
        click.echo(visible(line))
    if preview.rows and len(preview.refusals) == preview.rows:
        fail(_("{file}: no row can be imported").format(file=name))
    if dry_run:
        return
    if not preview.to_import:
        click.echo(_("Nothing to import: {plan} stays as it is.").format(plan=plan))
        return
    if not yes:
        if not interactive():
            click.echo(
                _("Not imported: pass --yes to import without asking (or --dry-run)."),
                err=True,
            )
            sys.exit(EXIT_NOT_CONFIRMED)
        question = ngettext(
            "Import {count} row into {plan}?",
            "Import {count} rows into {plan}?",
            preview.to_import,
        ).format(count=preview.to_import, plan=plan)
        if not confirm(question):
            click.echo(_("Not imported: {plan} stays as it is.").format(plan=plan))
            return
    done = importing.apply(session, source)
    try:
        session.save()  # atomic: a failed save leaves the file as it was (PlanError: status 2)
    except ChangedOnDisk:  # edited elsewhere while the question waited: theirs stays
        fail(
            _(
                "{plan} changed on disk since the preview; nothing imported "
                "(run kxplan import again to see the preview of the file as it is now)"
            ).format(plan=plan)
        )
    click.echo(
        ngettext(
            "Imported {count} row into {plan}.",
            "Imported {count} rows into {plan}.",
            done.to_import,
        ).format(count=done.to_import, plan=plan)
    )


__all__ = ["EXIT_NOT_CONFIRMED", "EXIT_PROBLEM", "import_command"]
