"""The ``kxplan`` command line. Non-UI commands never import textual."""

from __future__ import annotations

import click

from kxplan import __version__


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="kxplan")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Plan a customer-experience strategy in a workshop."""
    if ctx.invoked_subcommand is None:
        click.echo("The terminal UI is not built yet; see `kxplan --help`.")
