"""``kxplan calibration``: how the effort estimated for done initiatives compares with
what it took, per participant and for the room."""

from __future__ import annotations

from pathlib import Path

import click

from kxplan.cli.common import PLAN_PATH, format_option, load_or_exit, print_json
from kxplan.cli.texts import command, examples
from kxplan.i18n import N_


@command(
    "calibration",
    help=N_(
        "Print how the effort estimated for PLAN's done initiatives compares with their "
        "actual effort: per participant and for the room, the mean difference and "
        "whether they under- or over-estimate (`-`: standard input)."
    ),
    epilog=examples("kxplan calibration plan.toml", "kxplan calibration plan.toml -f json"),
)
@click.argument("plan", type=PLAN_PATH)
@format_option("text", "json", help=N_("text: a table for people; json: the figures, for scripts."))
def calibration_command(plan: Path, fmt: str) -> None:
    loaded = load_or_exit(plan)
    if fmt == "json":
        from kxplan.scoring.calibration import calibration_data

        print_json(calibration_data(loaded))
        return
    from kxplan.reports.calibration import calibration_lines

    click.echo("\n".join(calibration_lines(loaded)))
