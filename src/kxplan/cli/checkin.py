"""``kxplan checkin``: the follow-up meeting's view of a plan — what moved since a version,
KPIs off track, initiatives late, evidence nobody addresses, what to decide."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kxplan.cli.common import (
    EXIT_PROBLEM,
    PLAN_PATH,
    echo_problems,
    fail,
    format_option,
    load_or_exit,
    print_json,
)
from kxplan.cli.texts import command, examples, option
from kxplan.i18n import N_, _
from kxplan.storage import PlanError

if TYPE_CHECKING:
    from kxplan.model import Plan
    from kxplan.versions.since import Baseline


def baseline_or_exit(plan_path: Path, since: str | None, current: Plan) -> Baseline | None:
    """The version to compare with: the one ``since`` names, else the previous one saved
    (None when there is none). A name that finds nothing is one line and exit 2."""
    from kxplan.versions import since as versions

    try:
        if since is None or since.strip() == "previous":  # as export --since previous
            return versions.previous_version(plan_path, current)
        return versions.resolve(plan_path, since)
    except versions.SinceError as error:
        fail(_("{plan}: --since {rev}: {reason}").format(plan=plan_path, rev=since, reason=error))
    except PlanError as error:
        echo_problems(error)
        sys.exit(EXIT_PROBLEM)


DATE_HELP = N_("The day of the check-in, YYYY-MM-DD (default: today).")


def day_or_exit(text: str | None) -> dt.date:
    """The day given with --date, or today."""
    if text is None:
        return dt.date.today()
    from kxplan.text.dates import read_date

    try:
        return read_date(text)
    except ValueError:
        fail(_("--date: expected a date as YYYY-MM-DD, got {value}").format(value=text))


@command(
    "checkin",
    help=N_(
        "The check-in for the follow-up meeting: what moved since the previous version, "
        "KPIs off track, initiatives late, evidence nobody addresses and what to decide.\n\n"
        "The previous version is the newest snapshot or commit of PLAN that differs from "
        "it; --since names another: a snapshot's label, a plan file, REV:path or a git "
        "revision of PLAN (HEAD~1, main). The app records a check-in in the plan "
        "(step 9)."
    ),
    epilog=examples(
        "kxplan checkin plan.toml",
        "kxplan checkin plan.toml --since HEAD~3 --format markdown > check-in.md",
        'kxplan checkin plan.toml --since "after workshop 2" --format json',
    ),
)
@click.argument("plan", type=PLAN_PATH)
@option(
    "--since",
    metavar="REV",
    default=None,
    help=N_("Compare with this version [default: the previous one saved]."),
)
@format_option("text", "markdown", "json", help=N_("text, markdown (for the minutes) or json."))
@option("--date", "day", metavar="DATE", default=None, help=DATE_HELP)
def checkin_command(plan: Path, since: str | None, fmt: str, day: str | None) -> None:
    from kxplan.reports.checkin import checkin_data, format_markdown, format_text
    from kxplan.reports.checkin_facts import checkin_facts

    today = day_or_exit(day)
    current = load_or_exit(plan)
    baseline = baseline_or_exit(plan, since, current)
    facts = (
        checkin_facts(current, today, baseline.plan, baseline.name, baseline.title, baseline.when)
        if baseline
        else checkin_facts(current, today)
    )
    if fmt == "json":
        print_json(checkin_data(facts))
    elif fmt == "markdown":
        click.echo(format_markdown(facts), nl=False)
    else:
        click.echo(format_text(facts), nl=False)
