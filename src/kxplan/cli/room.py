"""``kxplan room``: the workshop room without the app, for a round that runs for days."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import click

from kxplan.cli.common import PLAN_PATH, fail, require_file
from kxplan.cli.texts import Block, Epilog, command, option
from kxplan.framework import ESTIMATED_SCORES
from kxplan.i18n import N_, _, ngettext


@command(
    "room",
    help=N_(
        "Open a room for PLAN: participants answer from their own devices.\n\n"
        "The join address is the first line printed. The room serves until stopped "
        "(ctrl+c); what was answered is then written into PLAN as each participant's "
        "estimates. Every answer is also kept, the moment it arrives, in a journal beside "
        "PLAN: a room killed before it stopped comes back with its next start."
    ),
    epilog=Epilog(
        (
            Block(
                N_("Examples:"),
                (
                    "kxplan room strategy.toml --lan --score effort --score customer_value",
                    "kxplan room strategy.toml --initiative web-chat --initiative faq",
                ),
            ),
            Block(
                N_(
                    "Remote participants: forward the port over SSH and give them the address\n"
                    "the forward makes, or put a reverse proxy in front and pass its address:"
                ),
                ("kxplan room strategy.toml --port 8765 --base-url https://room.example.org",),
            ),
        )
    ),
)
@click.argument("plan", type=PLAN_PATH)
@option(
    "-i",
    "--initiative",
    "initiatives",
    multiple=True,
    metavar="ID",
    help=N_("Ask about this initiative (repeat for several). Default: every open initiative."),
)
@option(
    "-s",
    "--score",
    "scores",
    multiple=True,
    type=click.Choice(ESTIMATED_SCORES),
    help=N_(
        "Ask for this score (repeat for several). Default: effort, customer_value, efficiency."
    ),
)
@option(
    "--lan",
    is_flag=True,
    help=N_(
        "Listen on the local network so phones on the same Wi-Fi can join "
        "(default: this machine only)."
    ),
)
@option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    help=N_("Port to listen on (0: any free one)."),
)
@option(
    "--base-url",
    metavar="URL",
    help=N_("The address participants use, when a proxy or tunnel stands in front."),
)
@option(
    "--new-names",
    is_flag=True,
    help=N_("Let participants join under names the plan does not list."),
)
def room_command(
    plan: Path,
    initiatives: tuple[str, ...],
    scores: tuple[str, ...],
    lan: bool,
    port: int,
    base_url: str | None,
    new_names: bool,
) -> None:
    require_file(plan, _("the room writes the answers into the plan file"))
    from kxplan.room.activities import DEFAULT_SCORES
    from kxplan.room.journal import JournalError
    from kxplan.room.standalone import RoomOptions, serve
    from kxplan.room.state import Refused

    options = RoomOptions(
        initiatives=initiatives,
        scores=scores or DEFAULT_SCORES,  # type: ignore[arg-type]
        lan=lan,
        port=port,
        base_url=base_url,
        allow_new_names=new_names,
    )

    first = True

    def announce(line: str) -> None:
        nonlocal first
        click.echo(line)
        sys.stdout.flush()
        if first:
            first = False
            click.echo(
                _("Serving the room. ctrl+c ends it and writes the answers into {plan}.").format(
                    plan=plan
                ),
                err=True,
            )

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        outcome = await serve(Path(plan), options, stop, announce)
        if outcome.saved:
            click.echo(
                ngettext(
                    "Wrote {answers} answers from {count} participant into {plan} as estimates.",
                    "Wrote {answers} answers from {count} participants into {plan} as estimates.",
                    outcome.participants,
                ).format(answers=outcome.answers, count=outcome.participants, plan=plan),
                err=True,
            )
        else:
            click.echo(_("Nobody answered: {plan} is unchanged.").format(plan=plan), err=True)

    try:
        asyncio.run(run())
    except Refused as refusal:
        fail(f"{plan}: {refusal}")
    except (JournalError, OSError) as error:
        fail(_("{plan}: the room could not run: {error}").format(plan=plan, error=error))
