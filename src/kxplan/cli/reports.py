"""``kxplan export``: a plan as a strategy document (Markdown, HTML), CSV or JSON."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kxplan.cli.checkin import DATE_HELP, day_or_exit
from kxplan.cli.common import (
    PLAN_PATH,
    fail,
    format_option,
    load_or_exit,
    standard_stream,
    write_output,
)
from kxplan.cli.texts import command, examples, option
from kxplan.i18n import N_, _

if TYPE_CHECKING:
    from kxplan.model import Plan
    from kxplan.reports.checkin import CheckinAsked


@command(
    "export",
    help=N_(
        "Export PLAN (`-`: standard input) as a strategy document (Markdown, HTML), CSV or JSON."
    ),
    epilog=examples(
        "kxplan export plan.toml -f html -o strategy.html",
        "git show HEAD:plan.toml | kxplan export - -f csv -o - | head",
        "kxplan export plan.toml -f csv --delimiter comma --decimal point -o data.csv",
    ),
)
@click.argument("plan", type=PLAN_PATH)
@format_option(
    "markdown",
    "html",
    "csv",
    "json",
    help=N_("markdown or html: the strategy document; csv: the initiatives; json: everything."),
)
@option(
    "-o",
    "--output",
    type=click.Path(readable=False, allow_dash=True),  # a str: "" must not become "."
    metavar=N_("FILE"),
    help=N_("Write to FILE (atomically; `-`: standard output) instead of standard output."),
)
@option(
    "--delimiter",
    type=click.Choice(["comma", "semicolon", "tab"]),
    help=N_(
        "CSV only: the separator (default: as the plan's language expects, "
        "semicolon in Swedish, comma in English)."
    ),
)
@option(
    "--decimal",
    type=click.Choice(["point", "comma"]),
    help=N_("CSV only: the decimal mark (default: the plan's language's)."),
)
@option(
    "--since",
    metavar="REV",
    default=None,
    help=N_(
        "markdown or html: add a check-in against this version (see kxplan checkin); "
        "`previous` for the previous one saved."
    ),
)
@option("--date", "day", metavar="DATE", default=None, help=DATE_HELP)
def export_command(
    plan: Path,
    fmt: str,
    output: str | None,
    delimiter: str | None,
    decimal: str | None,
    since: str | None,
    day: str | None,
) -> None:
    from kxplan.reports import formats as export
    from kxplan.scoring import ScoringError
    from kxplan.text import csv

    fmt_name = next(name for name in export.FORMATS if name == fmt)
    if fmt_name != "csv" and (delimiter or decimal):
        fail(_("--delimiter and --decimal apply to CSV only (-f csv)"))
    if delimiter == "comma" and decimal == "comma":
        fail(_("--delimiter comma and --decimal comma cannot go together; choose one"))
    if output is not None and standard_stream(output) is None:
        _check_export_target(output, plan)
    if since is not None and fmt_name not in ("markdown", "html"):
        fail(_("--since applies to the document only (-f markdown or -f html)"))
    loaded = load_or_exit(plan)
    asked = _checkin_asked(plan, since, day, loaded) if since is not None else None
    try:
        text = export.render(
            loaded,
            fmt_name,
            delimiter=csv.DELIMITERS.get(delimiter or ""),
            decimal=csv.DECIMALS.get(decimal or ""),
            checkin=asked,
        )
    except ScoringError as error:
        fail(_("{plan}: cannot rank the initiatives: {error}").format(plan=plan, error=error))
    if output is None or standard_stream(output) is not None:
        # a stream is read as text, as it is appended to: no byte-order mark mid-file
        if output is None:
            click.echo(text, nl=False)
        else:
            write_output(output, text.encode("utf-8"))
        return
    if not write_output(output, export.encode(text, fmt_name)):
        click.echo(_("Wrote {file} ({format})").format(file=output, format=fmt), err=True)


def _checkin_asked(plan: Path, since: str, day: str | None, loaded: Plan) -> CheckinAsked:
    from kxplan.cli.checkin import baseline_or_exit
    from kxplan.reports.checkin import CheckinAsked

    named = None if since.strip() == "previous" else since
    baseline = baseline_or_exit(plan, named, loaded)
    if baseline is None:
        return CheckinAsked(day_or_exit(day))
    return CheckinAsked(
        day_or_exit(day), baseline.plan, baseline.name, baseline.title, baseline.when
    )


def _check_export_target(output: str, plan: Path) -> None:
    """Refuse an export file name that is empty, a folder, the plan, or (even through a
    symbolic link) a .toml file: an export must never replace a plan."""
    if not output:
        fail(_("--output needs a file name, such as plan.md"))
    path = Path(output)
    if path.is_dir():
        fail(f"{output}: " + _("is a folder, expected a file name for the export"))
    folder = path.parent
    if not folder.is_dir():
        fail(
            _("{file}: the folder {folder} does not exist").format(
                file=output, folder=folder if str(folder) else "."
            )
        )
    if path.exists() and plan.exists() and os.path.samefile(path, plan):
        fail(_("{file} is the plan itself; choose another output file").format(file=output))
    target = path.resolve()
    if path.suffix.lower() == ".toml":
        fail(
            _("{file}: refusing to write an export over a .toml file (plans are .toml)").format(
                file=output
            )
        )
    if target.suffix.lower() == ".toml":
        fail(
            _(
                "{file}: links to {target}; refusing to write an export over a .toml file "
                "(plans are .toml)"
            ).format(file=output, target=target)
        )
