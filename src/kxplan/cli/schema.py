"""``kxplan schema``: the plan file's JSON Schema, for editors that check TOML."""

from __future__ import annotations

from pathlib import Path

import click

from kxplan.cli.texts import command, examples, option
from kxplan.i18n import N_, _


@command(
    "schema",
    help=N_(
        "Print the JSON Schema of a plan file (for taplo / Even Better TOML).\n\n"
        "Put `#:schema PATH-OR-URL` on a plan's first line and the editor checks and "
        "completes it; the repository publishes it as schema/kxplan-plan.schema.json."
    ),
    epilog=examples("kxplan schema", "kxplan schema -o kxplan-plan.schema.json"),
)
@option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar=N_("FILE"),
    help=N_("Write the schema to this file (default: standard output)."),
)
def schema_command(output: Path | None) -> None:
    from kxplan.cli.common import write_output
    from kxplan.storage.schema import schema_text

    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
        return
    write_output(str(output), text.encode("utf-8"))
    click.echo(_("Wrote {file}").format(file=output))
