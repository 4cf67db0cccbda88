"""``kxplan rank``: the initiatives of a plan in order, as a table, Markdown, CSV or JSON.

Scoring and its renderers are imported inside the command, so the other commands
never load them.
"""

from __future__ import annotations

from pathlib import Path

import click
from click.core import ParameterSource

from kxplan.cli.common import PLAN_PATH, fail, format_option, load_or_exit
from kxplan.cli.texts import command, examples, option
from kxplan.framework import AREA_IDS, METHODS
from kxplan.i18n import N_, _

MAX_SAMPLES = 100_000
"""The most rounds of resampling --robust runs: more changes nothing but the time taken."""


@command(
    "rank",
    help=N_(
        "Rank the initiatives of PLAN (`-`: standard input): what to do first.\n\n"
        "Done and dropped initiatives are left out unless --include-done; initiatives "
        "without effort or impact are listed below the table. Initiatives the method "
        "lacks inputs for (RICE without reach, say) are left out of the ranking and "
        "listed on stderr with what they lack; the exit status stays 0."
    ),
    epilog=examples(
        "kxplan rank plan.toml --top 5",
        "kxplan rank plan.toml --robust --format json",
        "git show HEAD:plan.toml | kxplan rank - --compare-methods",
    ),
)
@click.argument("plan", type=PLAN_PATH)
@option(
    "-m",
    "--method",
    type=click.Choice(METHODS.keys),
    default=None,
    help=N_("Ranking method [default: the plan's own, scoring.method]."),
)
@option("-n", "--top", type=click.IntRange(min=1), metavar="N", help=N_("Show the first N only."))
@option(
    "--area",
    type=click.Choice(AREA_IDS),
    default=None,
    metavar=N_("AREA"),
    help=lambda: _("Rank only initiatives serving this area: {areas}.").format(
        areas=", ".join(AREA_IDS)
    ),
)
@option(
    "--robust",
    is_flag=True,
    help=N_("Add each initiative's rank interval and chance of the top k (k = --top or 5)."),
)
@option(
    "--samples",
    type=click.IntRange(1, MAX_SAMPLES),
    default=None,
    help=N_(
        "Rounds of resampling for --robust (only with it) [default: 1000 for up to 40 "
        "ranked initiatives, fewer for longer lists, at least 30; as the app and the exports]."
    ),
)
@option(
    "--seed",
    type=int,
    default=None,
    help=N_(
        "Seed for --robust (only with it) [default: one made from the plan's scores, so "
        "the same plan gives the same figures as the app and the exports]."
    ),
)
@format_option(
    "table",
    "markdown",
    "csv",
    "json",
    help=N_("table: aligned plain text; markdown: a GitHub table; csv; json: for scripts."),
)
@option("--include-done", is_flag=True, help=N_("Rank done and dropped initiatives too."))
@option(
    "--compare-methods",
    is_flag=True,
    help=N_("Show the rank under every applicable method (not with --robust)."),
)
@click.pass_context
def rank_command(
    ctx: click.Context,
    plan: Path,
    method: str | None,
    top: int | None,
    area: str | None,
    robust: bool,
    samples: int | None,
    seed: int | None,
    fmt: str,
    include_done: bool,
    compare_methods: bool,
) -> None:
    if robust and compare_methods:
        fail(_("--robust and --compare-methods cannot be combined; use one of them"))
    if not robust:
        for name in ("samples", "seed"):
            if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE:
                fail(_("--{option} only applies with --robust").format(option=name))
    loaded = load_or_exit(plan)

    from kxplan import scoring
    from kxplan.reports import ranking as ranking_report

    chosen = next((m for m in METHODS.keys if m == method), None)
    area_id = next((a for a in AREA_IDS if a == area), None)
    out_format = next(f for f in ranking_report.FORMATS if f == fmt)
    try:
        if compare_methods:
            methods = scoring.applicable_methods(loaded)
            if chosen is not None and chosen in methods:
                methods = [chosen, *(m for m in methods if m != chosen)]
            rankings = {
                m: scoring.rank(loaded, m, include_closed=include_done, area=area_id)
                for m in methods
            }
            click.echo(ranking_report.render_methods(rankings, out_format, top=top), nl=False)
            return
        ranking = scoring.rank(
            loaded, chosen, include_closed=include_done, area=area_id, partial=True
        )
        rankable = (
            loaded.model_copy(
                update={
                    "initiatives": [i for i in loaded.initiatives if i.id not in ranking.lacking]
                }
            )
            if ranking.lacking
            else loaded
        )
        robustness = (
            scoring.robustness(
                rankable,
                chosen,
                samples=samples,
                seed=seed,
                top_k=top or 5,
                include_closed=include_done,
                area=area_id,
            )
            if robust
            else None
        )
    except scoring.ScoringError as error:
        fail(f"{plan}: {error}")
    from kxplan.model import latest_dots

    dots = latest_dots(loaded)  # the latest kept dot vote, shown beside the ranking
    text = ranking_report.render(ranking, out_format, robust=robustness, top=top, dots=dots)
    click.echo(text, nl=False)
    if ranking.lacking:
        from kxplan.text.literal import printable

        titles = {item.id: printable(item.title) for item in loaded.initiatives}
        lines = scoring.lacking_sentence(ranking, titles)
        click.echo(
            _(
                "{plan}: not ranked by {method} ({count}), for want of what the method needs:"
            ).format(plan=plan, method=ranking.method, count=len(lines)),
            err=True,
        )
        for line in lines:
            click.echo(f"  {line}", err=True)
    if ranking.unscored and out_format in ("json", "csv"):
        # the table says so below it; data formats hold only ranked rows, so say it aside
        missing = ", ".join(ranking.unscored)
        click.echo(
            _("{plan}: not ranked, effort or impact missing: {ids}").format(plan=plan, ids=missing),
            err=True,
        )
