"""The ``kxplan`` command line. Non-UI commands never import textual.

``kxplan`` alone, ``kxplan PLAN.toml`` and ``kxplan open PLAN.toml`` open the
terminal UI; the other commands work on plan files without it. Any
:class:`~kxplan.storage.PlanError` a command lets escape is printed one problem
per line on stderr with exit status 2. Commands added later can use
:func:`load_or_exit`, :func:`echo_error` and :func:`fail` for the same behaviour.
Standard output that cannot be written ends the same way for every command: a
closed pipe (``kxplan show plan.toml | head -1``) quietly, a full disk with one
line and exit status 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shlex
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

import click
from click.core import ParameterSource

from kxplan import __version__
from kxplan.framework import AREAS, MATURITY_MAX, Method
from kxplan.literal import printable, visible
from kxplan.model import Plan
from kxplan.storage import PlanError, load, problems_of, save

EXIT_PROBLEM = 2
"""Exit status for bad input: an invalid plan, a missing file, a refused overwrite."""
EXIT_CLOSED_PIPE = 1
"""Exit status when the reader of standard output went away (as click and Python use)."""

PLAN_PATH = click.Path(path_type=Path, readable=False)
"""A PLAN argument. Folders and unreadable files are let through, so that loading
reports them in one line like any other bad plan, not as a usage error."""


# --- helpers for every command --------------------------------------------------------


def echo_error(message: str) -> None:
    """Print one error line on stderr, shown literally."""
    click.echo(f"Error: {visible(message)}", err=True)


def echo_problems(error: PlanError) -> None:
    """Print each problem of a PlanError on its own line on stderr, shown literally."""
    for problem in error.problems:
        click.echo(visible(str(problem)), err=True)


def fail(message: str) -> NoReturn:
    """Print an error line on stderr and exit with status 2."""
    echo_error(message)
    sys.exit(EXIT_PROBLEM)


def load_or_exit(path: str | os.PathLike[str]) -> Plan:
    """Load a plan, or print its problems on stderr and exit with status 2."""
    try:
        return load(path)
    except PlanError as error:
        echo_problems(error)
        sys.exit(EXIT_PROBLEM)


def command_line(*args: str | os.PathLike[str]) -> str:
    """A kxplan command line to suggest, each argument quoted for the shell."""
    return shlex.join(["kxplan", *(os.fspath(arg) for arg in args)])


def _discard_stdout() -> None:
    """Point standard output's file at the null device.

    Python flushes standard output at exit; whatever is still buffered for a closed
    pipe or a full disk would fail again and add an "Exception ignored" message.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # an in-memory stream: nothing is flushed to a file at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


@contextlib.contextmanager
def _output_errors_end_cleanly() -> Iterator[None]:
    """A closed pipe ends quietly; a failed write (a full disk) or any other OSError a
    command lets escape ends in one line on stderr, naming the file if the error does."""
    try:
        yield
    except OSError as error:
        _discard_stdout()
        if error.errno == errno.EPIPE:
            sys.exit(EXIT_CLOSED_PIPE)
        reason = error.strerror or str(error)
        message = (
            f"{error.filename}: {reason}"
            if error.filename
            else f"Error: the output could not be written: {reason}"
        )
        with contextlib.suppress(OSError):
            click.echo(visible(message), err=True)
        sys.exit(EXIT_PROBLEM)


def _looks_like_plan(arg: str) -> bool:
    """Whether a first argument that is not a command names a plan file."""
    return arg.endswith(".toml") or os.sep in arg or "/" in arg or Path(arg).is_file()


class KxplanGroup(click.Group):
    """The top-level group: a plan path in place of a command opens it in the UI,
    a PlanError from any command ends in readable lines and exit status 2, and so
    does standard output that cannot be written (a closed pipe ends quietly)."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        with _output_errors_end_cleanly():  # --help and --version print while parsing
            return super().make_context(info_name, args, parent, **extra)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = next((i for i, arg in enumerate(args) if not arg.startswith("-")), None)
        if first is not None:
            name = args[first]
            if name not in self.commands and _looks_like_plan(name):
                args = [*args[:first], "open", *args[first:]]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        with _output_errors_end_cleanly():
            try:
                return super().invoke(ctx)
            except PlanError as error:
                echo_problems(error)
                ctx.exit(EXIT_PROBLEM)


def open_ui(path: Path | None, *, example: str | None = None) -> None:
    """Start the terminal UI (imported only now, so other commands stay light)."""
    try:
        from kxplan.tui import run
    except ImportError as error:
        fail(f"the terminal UI could not be started: {error}")
    run(path, example=example)


@click.group(
    cls=KxplanGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "-V", "--version", prog_name="kxplan")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Plan a customer-experience strategy in a workshop.

    Run `kxplan` alone to open the terminal UI, or `kxplan PLAN.toml` to open a plan in it.
    """
    if ctx.invoked_subcommand is None:
        open_ui(None)


@main.command("open")
@click.argument("plan", type=PLAN_PATH, required=False)
def open_command(plan: Path | None) -> None:
    """Open PLAN in the terminal UI (same as `kxplan PLAN.toml`)."""
    if plan is not None and plan.is_dir():
        raise PlanError.single(str(plan), "is a folder, expected a plan file")
    open_ui(plan)


@main.command("example")
@click.argument("template", required=False)
def example_command(template: str | None) -> None:
    """Open a starter TEMPLATE as an example plan in the terminal UI.

    The example lives in memory (default: contact-centre); saving asks for a new file,
    so nothing kxplan ships is ever changed.
    """
    from kxplan.templates import EXAMPLE, UnknownTemplateError, template_path

    template = template or EXAMPLE
    try:
        template_path(template)
    except UnknownTemplateError as error:
        fail(str(error))
    open_ui(None, example=template)


# --- templates and new plans ----------------------------------------------------------


@main.command("templates")
def templates_command() -> None:
    """List the starter templates for `kxplan new`."""
    from kxplan.templates import list_templates

    found = list_templates()
    if not found:
        fail("no templates are installed; reinstall kxplan")
    width = max(len(template.name) for template in found)
    for template in found:
        click.echo(f"{printable(template.name):<{width}}  {printable(template.description)}")


@main.command("new")
@click.argument("plan", type=PLAN_PATH)
@click.option(
    "-t",
    "--template",
    "template_name",
    default="blank",
    show_default=True,
    metavar="NAME",
    help="Starter template; `kxplan templates` lists them.",
)
@click.option("--title", metavar="TEXT", help="Title of the new plan.")
@click.option("-f", "--force", is_flag=True, help="Overwrite PLAN if it already exists.")
def new_command(plan: Path, template_name: str, title: str | None, force: bool) -> None:
    """Write a new plan file PLAN from a starter template."""
    from kxplan.templates import UnknownTemplateError, new_plan

    if plan.is_dir():
        raise PlanError.single(
            str(plan), f"is a folder, expected a plan file name such as {plan / 'plan.toml'}"
        )
    if plan.exists() and not force:
        fail(f"{plan} already exists; use --force to overwrite it")
    if title is not None and not title.strip():
        fail("--title cannot be blank")
    try:
        fresh = new_plan(template_name, title=title.strip() if title else None)
    except UnknownTemplateError as error:
        fail(str(error))
    save(fresh, plan)
    click.echo(f"Created {plan} from the {template_name!r} template: {printable(fresh.title)}")
    click.echo(f"Open it with: {command_line(plan)}")


# --- checking and summarising plans ---------------------------------------------------


@main.command("validate")
@click.argument("plans", nargs=-1, required=True, type=PLAN_PATH)
def validate_command(plans: Sequence[Path]) -> None:
    """Check one or more plan files; problems go to stderr, one per line.

    Exit status 0 when every file is valid, 2 otherwise.
    """
    all_valid = True
    for path, problems in problems_of(plans).items():
        if problems:
            all_valid = False
            for problem in problems:
                click.echo(visible(str(problem)), err=True)
        else:
            click.echo(f"{path}: ok")
    if not all_valid:
        sys.exit(EXIT_PROBLEM)


@main.command("show")
@click.argument("plan", type=PLAN_PATH)
@click.option(
    "--for-diff",
    is_flag=True,
    help="One fact per line, for `git diff`: set git config "
    "diff.kxplan.textconv 'kxplan show --for-diff' and mark plans diff=kxplan "
    "in .gitattributes.",
)
def show_command(plan: Path, for_diff: bool) -> None:
    """Print a plain-text summary of PLAN."""
    if for_diff:
        show_for_diff(plan)
        return
    click.echo(summary(load_or_exit(plan)), nl=False)


def summary(plan: Plan) -> str:
    """A plain-text overview of a plan: who, maturity per area, contents, avoidable demand.

    User text is shown literally, one line each (see :func:`kxplan.literal.printable`).
    """
    title = printable(plan.title)
    lines = [title, "=" * min(len(title), 79)]
    facts = [
        ("Organisation", printable(plan.organisation)),
        ("Version", printable(plan.version)),
        ("Facilitator", printable(plan.facilitator)),
        ("Participants", ", ".join(map(printable, plan.participants))),
        ("Updated", f"{plan.updated:%Y-%m-%d %H:%M %Z}".strip() if plan.updated else ""),
    ]
    lines += [f"{label + ':':<14}{value}" for label, value in facts if value]

    lines += ["", f"{'Area':<28}{'Today':>6}{'Target':>8}{'Gap':>6}"]
    for area_def in AREAS:
        area = plan.areas.get(area_def.id)
        gap = area.gap
        lines.append(
            f"{area_def.number} {area_def.name:<26}"
            f"{_maturity(area.maturity_today):>6}{_maturity(area.maturity_target):>8}"
            f"{'' if gap is None else f'{gap:+d}':>6}"
        )

    areas = plan.areas
    statuses = Counter(item.status for item in plan.initiatives)
    status_text = ", ".join(
        f"{status.replace('_', ' ')} {count}"
        for status in ("idea", "planned", "in_progress", "done", "dropped")
        if (count := statuses[status])
    )
    counts = [
        ("Touchpoints", len(areas.insight.touchpoints)),
        ("KPIs", len(areas.insight.kpis)),
        ("Channels", len(areas.accessibility.channels)),
        ("Frictions", len(areas.service_friendliness.frictions)),
        ("Mobility checks", len(areas.mobility.checks)),
        ("Contact reasons", len(areas.unnecessary_demand.contact_reasons)),
        ("Stakeholders", len(areas.anchoring.stakeholders)),
        ("Initiatives", len(plan.initiatives)),
    ]
    lines += ["", "Contents"]
    lines += [f"  {label:<17}{count:>4}" for label, count in counts]
    if status_text:
        lines[-1] += f"  ({status_text})"

    lines += ["", "Unnecessary demand", *_demand_lines(plan)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _maturity(value: int | None) -> str:
    return "–" if value is None else f"{value}/{MATURITY_MAX}"


def _demand_lines(plan: Plan) -> list[str]:
    reasons = plan.areas.unnecessary_demand.contact_reasons
    if not reasons:
        return ["  No contact reasons recorded yet."]
    avoidable = sum(reason.avoidable_per_month for reason in reasons)
    failure = sum(r.monthly_volume for r in reasons if r.demand == "failure")
    total = sum(r.monthly_volume for r in reasons)
    costs = [(reason, plan.avoidable_cost_per_month(reason)) for reason in reasons]
    known = sum(cost for _, cost in costs if cost is not None)
    unpriced = sum(1 for reason, cost in costs if cost is None and reason.avoidable > 0)
    currency = f" {printable(plan.currency)}" if plan.currency else ""
    lines = [
        f"  Contacts per month:  {_number(total)} ({_number(failure)} failure demand)",
        f"  Avoidable contacts:  {_number(avoidable)} per month",
        f"  Avoidable cost:      {_number(known)}{currency} per month",
    ]
    if unpriced:
        reasons_text = "1 contact reason" if unpriced == 1 else f"{unpriced} contact reasons"
        lines.append(f"  Not priced:          {reasons_text} without a channel cost")
    return lines


def _number(value: float) -> str:
    return f"{value:,.0f}"


# --- export ---------------------------------------------------------------------------


@main.command("export")
@click.argument("plan", type=PLAN_PATH)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "csv", "json"]),
    default="markdown",
    show_default=True,
    help="markdown or html: the strategy document; csv: the initiatives; json: everything.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(readable=False),  # a str: an empty name must not become "."
    metavar="FILE",
    help="Write to FILE (atomically) instead of standard output.",
)
def export_command(plan: Path, fmt: str, output: str | None) -> None:
    """Export PLAN as a strategy document (Markdown, HTML), CSV or JSON."""
    from kxplan import export
    from kxplan.scoring import ScoringError
    from kxplan.storage import write_atomic

    fmt_name = next(name for name in export.FORMATS if name == fmt)
    if output is not None:
        _check_export_target(output, plan)
    loaded = load_or_exit(plan)
    try:
        text = export.render(loaded, fmt_name)
    except ScoringError as error:
        fail(f"{plan}: cannot rank the initiatives: {error}")
    if output is None:
        click.echo(text, nl=False)
        return
    write_atomic(output, export.encode(text, fmt_name))
    click.echo(f"Wrote {output} ({fmt})", err=True)


def _check_export_target(output: str, plan: Path) -> None:
    """Refuse an export file name that is empty, a folder, the plan, or (even through a
    symbolic link) a .toml file: an export must never replace a plan."""
    if not output:
        fail("--output needs a file name, such as plan.md")
    path = Path(output)
    if path.is_dir():
        raise PlanError.single(output, "is a folder, expected a file name for the export")
    if path.exists() and plan.exists() and os.path.samefile(path, plan):
        fail(f"{output} is the plan itself; choose another output file")
    target = path.resolve()
    if path.suffix.lower() == ".toml":
        fail(f"{output}: refusing to write an export over a .toml file (plans are .toml)")
    if target.suffix.lower() == ".toml":
        fail(
            f"{output}: links to {target}; refusing to write an export over a .toml file "
            "(plans are .toml)"
        )


# --- comparing versions: diff, show --for-diff, snapshot, history ---------------------

EXIT_DIFFERENT = 1
"""Exit status of `kxplan diff` when the plans differ (like diff(1))."""

_DIFF_COLOURS: dict[str, dict[str, Any]] = {
    "added": {"fg": "green"},
    "removed": {"fg": "red"},
    "moved": {"fg": "cyan"},
    "heading": {"bold": True},
}


def _diff_style(text: str, kind: str) -> str:
    return click.style(text, **_DIFF_COLOURS[kind]) if kind in _DIFF_COLOURS else text


def read_plan_arg(arg: str) -> Plan:
    """A plan from a file, or from git when ARG is ``REV:path`` (:mod:`kxplan.versions.git`)."""
    from kxplan.versions import git

    if not git.names_revision(arg):
        return load_or_exit(arg)
    try:
        return git.load_revision(arg)
    except git.GitReadError as error:
        fail(str(error))
    except PlanError as error:
        echo_problems(error)
        sys.exit(EXIT_PROBLEM)


RANKING_METHODS: tuple[Method, ...] = ("ratio", "quadrant", "rice", "ice", "wsjf", "weighted")


@main.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text (coloured on a terminal), markdown or json.",
)
@click.option(
    "--method",
    type=click.Choice(RANKING_METHODS),
    default=None,
    help="Ranking method for both plans [default: NEW's method].",
)
def diff_command(old: str, new: str, output_format: str, method: str | None) -> None:
    """Show what changed from plan OLD to plan NEW.

    OLD and NEW are plan files, or REV:path to read a plan from git, e.g.
    `kxplan diff HEAD~1:plan.toml plan.toml`. Initiatives are matched by id,
    table rows by their natural key; ranks use one method for both sides.

    Exit status: 0 no differences, 1 differences, 2 trouble. Changes of the
    created/updated timestamps are shown but do not count as differences.
    """
    from kxplan.compare import compare, format_json, format_markdown, format_text

    chosen = next((m for m in RANKING_METHODS if m == method), None)
    comparison = compare(read_plan_arg(old), read_plan_arg(new), chosen)
    if output_format == "json":
        click.echo(format_json(comparison), nl=False)
    elif output_format == "markdown":
        click.echo(format_markdown(comparison, old, new), nl=False)
    else:
        click.echo(format_text(comparison, old, new, _diff_style), nl=False, color=None)
    sys.exit(EXIT_DIFFERENT if comparison.differs else 0)


def show_for_diff(plan_path: Path) -> None:
    """Print a plan one fact per line; an unreadable plan is printed as it is, with its problems.

    git's textconv must not fail, or `git diff` stops; so a broken plan still shows.
    """
    from kxplan.compare import plan_as_lines

    try:
        plan = load(plan_path)
    except PlanError as error:
        for problem in error.problems:
            click.echo(f"# kxplan: {printable(str(problem))}")
        try:
            click.echo(visible(plan_path.read_bytes().decode("utf-8", "replace")), nl=False)
        except OSError:
            sys.exit(EXIT_PROBLEM)
        return
    click.echo(visible("\n".join(plan_as_lines(plan))))


@main.command("snapshot")
@click.argument("plan", type=PLAN_PATH)
@click.option("-l", "--label", default="", metavar="TEXT", help="A few words: what this is.")
def snapshot_command(plan: Path, label: str) -> None:
    """Keep a timestamped copy of PLAN in PLAN.versions/ beside it."""
    from kxplan.storage import loads_bytes
    from kxplan.versions import save_version

    load_or_exit(plan)  # missing, a folder, unreadable: said as every command says it
    try:
        raw = plan.read_bytes()
    except OSError as error:
        raise PlanError.single(str(plan), f"cannot be read: {error.strerror or error}") from None
    loads_bytes(raw, str(plan))  # the bytes kept are the bytes checked: never a broken plan
    saved = save_version(raw, plan, label)
    click.echo(f"Saved snapshot {saved}")


@main.command("history")
@click.argument("plan", type=PLAN_PATH)
def history_command(plan: Path) -> None:
    """List the snapshots of PLAN, oldest first, with what changed in each."""
    from kxplan.compare import compare
    from kxplan.versions import list_versions, load_version

    versions = list_versions(plan)
    if not versions:
        load_or_exit(plan)  # missing, empty, a folder: said as every command says it
        click.echo(f"No snapshots of {plan} yet; take one with: {command_line('snapshot', plan)}")
        return
    rows: list[tuple[str, str, str]] = []
    previous: Plan | None = None
    for version in versions:
        try:
            current = load_version(version)
        except PlanError as error:
            rows.append((_when(version.taken), version.label, f"unreadable: {error.problems[0]}"))
            continue
        change = "first snapshot" if previous is None else compare(previous, current).summary()
        rows.append((_when(version.taken), version.label, change))
        previous = current
    if plan.exists():
        try:
            now = load(plan)
        except PlanError as error:
            change = f"unreadable: {error.problems[0]}"
        else:
            change = (
                "no snapshot to compare" if previous is None else compare(previous, now).summary()
            )
        rows.append(("now", "(current file)", change))
    shown = [(when, printable(label) or "-", printable(change)) for when, label, change in rows]
    width = max(len(label) for _, label, _ in shown)
    for when, label, change in shown:
        click.echo(f"{when:<20}  {label:<{width}}  {change}")


def _when(taken: datetime) -> str:
    return taken.strftime("%Y-%m-%d %H:%M:%S")


# --- ranking --------------------------------------------------------------------------


@main.command("rank")
@click.argument("plan", type=PLAN_PATH)
@click.option(
    "-m",
    "--method",
    type=click.Choice(RANKING_METHODS),
    default=None,
    help="Ranking method [default: the plan's own, scoring.method].",
)
@click.option("-n", "--top", type=click.IntRange(min=1), metavar="N", help="Show the first N only.")
@click.option(
    "--area",
    type=click.Choice([area.id for area in AREAS]),
    default=None,
    metavar="AREA",
    help="Rank only initiatives serving this area: " + ", ".join(a.id for a in AREAS) + ".",
)
@click.option(
    "--robust",
    is_flag=True,
    help="Add each initiative's rank interval and chance of the top k (k = --top or 5).",
)
@click.option(
    "--samples",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Rounds of resampling for --robust (only with it).",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seed for --robust (only with it)."
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "csv", "json"]),
    default="table",
    show_default=True,
    help="table: aligned plain text; markdown: a GitHub table; csv; json: for scripts.",
)
@click.option("--include-done", is_flag=True, help="Rank done and dropped initiatives too.")
@click.option(
    "--compare-methods",
    is_flag=True,
    help="Show the rank under every applicable method (not with --robust).",
)
@click.pass_context
def rank_command(
    ctx: click.Context,
    plan: Path,
    method: str | None,
    top: int | None,
    area: str | None,
    robust: bool,
    samples: int,
    seed: int,
    fmt: str,
    include_done: bool,
    compare_methods: bool,
) -> None:
    """Rank the initiatives of PLAN: what to do first.

    Done and dropped initiatives are left out unless --include-done;
    initiatives without effort or impact are listed below the table.
    """
    from kxplan import rank_output, scoring
    from kxplan.framework import AREA_IDS

    if robust and compare_methods:
        fail("--robust and --compare-methods cannot be combined; use one of them")
    if not robust:
        for name in ("samples", "seed"):
            if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE:
                fail(f"--{name} only applies with --robust")
    loaded = load_or_exit(plan)
    chosen = next((m for m in RANKING_METHODS if m == method), None)
    area_id = next((a for a in AREA_IDS if a == area), None)
    out_format = next(f for f in rank_output.FORMATS if f == fmt)
    try:
        if compare_methods:
            methods = scoring.applicable_methods(loaded)
            if chosen is not None and chosen in methods:
                methods = [chosen, *(m for m in methods if m != chosen)]
            rankings = {
                m: scoring.rank(loaded, m, include_closed=include_done, area=area_id)
                for m in methods
            }
            click.echo(rank_output.render_methods(rankings, out_format, top=top), nl=False)
            return
        ranking = scoring.rank(loaded, chosen, include_closed=include_done, area=area_id)
        robustness = (
            scoring.robustness(
                loaded,
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
    click.echo(rank_output.render(ranking, out_format, robust=robustness, top=top), nl=False)
