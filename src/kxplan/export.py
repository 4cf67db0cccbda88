"""The strategy document a workshop hands to the organisation: Markdown, HTML, CSV, JSON.

Pure: a plan in, text out. The Markdown and HTML documents are built from one
list of blocks (:func:`document`), so both say the same thing; the HTML adds two
inline SVG pictures (the effort × impact matrix and the maturity bars). Every
piece of user text is escaped for the target format. Nothing depends on the
clock: the document's date is the plan's ``updated`` (or ``created``) stamp.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, get_args

from kxplan import __version__, scoring, storage
from kxplan.framework import (
    AREAS,
    AREAS_BY_ID,
    CLOSED_STATUSES,
    MOBILITY_CHECKS,
    QUADRANTS,
    STAGES,
    STRATEGY_QUESTIONS,
    UNANCHORED,
)
from kxplan.literal import json_escaped, spreadsheet_cell, visible_lines
from kxplan.model import SCHEMA_VERSION, Initiative, Plan

Format = Literal["markdown", "html", "csv", "json"]
"""The export formats."""

FORMATS: Final[tuple[Format, ...]] = get_args(Format)

EXTENSIONS: Final[dict[str, str]] = {
    "markdown": ".md",
    "html": ".html",
    "csv": ".csv",
    "json": ".json",
}

ROBUSTNESS_SAMPLES: Final = 1000
"""Samples drawn to find unstable ranks; with the fixed seed the result is repeatable."""
ROBUSTNESS_SEED: Final = 0

NOTHING: Final = "Nothing recorded yet."
NOT_ANSWERED: Final = "not answered yet"
DASH: Final = "–"

QUADRANT_SINGULAR: Final[dict[str, str]] = {
    "quick_win": "Quick win",
    "major_project": "Major project",
    "fill_in": "Fill-in",
    "thankless": "Thankless task",
}

USED_NUMBERS: Final = (
    "score",
    "effort",
    "impact",
    "customer_value",
    "efficiency",
    "confidence",
    "reach",
)
"""The ranking's numbers in the CSV and JSON: what the rank was worked out from."""

CSV_COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "title",
    "areas",
    "why",
    "what",
    "who",
    "when",
    "how",
    "status",
    "own_effort",
    "own_customer_value",
    "own_efficiency",
    "own_confidence",
    "own_reach",
    "time_criticality",
    "risk_reduction",
    "criteria",
    "depends_on",
    "notes",
    "rank",
    *USED_NUMBERS,
    "quadrant",
    "agreement",
)
"""CSV header: every initiative field, then the ranking results.

``own_*`` are the initiative's own scores as written in the plan; ``effort`` to
``reach`` after ``score`` are the numbers the rank used (the median of the
participants' estimates where there are any), empty when the initiative is not ranked.
"""

CSV_TEXT_COLUMNS: Final[frozenset[str]] = frozenset(
    {
        "id",
        "title",
        "areas",
        "why",
        "what",
        "who",
        "when",
        "how",
        "status",
        "criteria",
        "depends_on",
        "notes",
        "quadrant",
        "agreement",
    }
)
"""CSV columns holding text (guarded against formulas); the others hold numbers."""


LARGE: Final = 1e21
"""From here on numbers for people are shown in scientific notation (1e+21)."""

ESTIMATE_FIELDS: Final[tuple[tuple[str, str], ...]] = (
    ("effort", "Effort"),
    ("customer_value", "Customer value"),
    ("efficiency", "Efficiency"),
    ("confidence", "Confidence %"),
    ("reach", "Reach"),
)


# --- entry points ---------------------------------------------------------------------


def render(plan: Plan, fmt: Format) -> str:
    """The plan exported as text in ``fmt`` (CSV without the byte-order mark)."""
    if fmt == "markdown":
        return to_markdown(plan)
    if fmt == "html":
        return to_html(plan)
    if fmt == "csv":
        return to_csv(plan)
    if fmt == "json":
        return to_json(plan)
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def encode(text: str, fmt: Format) -> bytes:
    """The bytes of an export file: UTF-8, with a byte-order mark for CSV (for Excel)."""
    return text.encode("utf-8-sig" if fmt == "csv" else "utf-8")


def write(plan: Plan, fmt: Format, path: str | os.PathLike[str]) -> Path:
    """Export the plan to ``path`` atomically; returns the path. Raises PlanError on failure."""
    target = Path(path)
    storage.write_atomic(target, encode(render(plan, fmt), fmt))
    return target


def default_filename(plan_path: str | os.PathLike[str], fmt: Format) -> Path:
    """Where an export is written by default: next to the plan, named after it.

    ``acme.toml`` gives ``acme.md``, ``acme.html``, ``acme.json`` and
    ``acme-initiatives.csv`` (the CSV holds the initiatives only).
    """
    path = Path(plan_path)
    stem = path.stem + ("-initiatives" if fmt == "csv" else "")
    return path.with_name(stem + EXTENSIONS[fmt])


# --- computed results -----------------------------------------------------------------


@dataclass(frozen=True)
class Results:
    """Everything the documents compute from the plan, worked out once."""

    ranking: scoring.Ranking
    robustness: dict[str, scoring.Robustness]
    closed: tuple[Initiative, ...]
    unscored: tuple[Initiative, ...]
    ranks: dict[str, int] = field(default_factory=dict)


def compute(plan: Plan, *, with_robustness: bool = True) -> Results:
    """Rank the plan and test how stable the ranks are (fixed seed, so repeatable)."""
    ranking = scoring.rank(plan)
    robust: dict[str, scoring.Robustness] = {}
    if with_robustness and len(ranking.results) > 1:
        robust = scoring.robustness(plan, samples=ROBUSTNESS_SAMPLES, seed=ROBUSTNESS_SEED)
    closed = tuple(i for i in plan.initiatives if i.status in CLOSED_STATUSES)
    closed_ids = {i.id for i in closed}
    by_id = {i.id: i for i in plan.initiatives}
    unscored = tuple(by_id[i] for i in ranking.unscored if i in by_id and i not in closed_ids)
    ranks = {r.id: r.rank for r in ranking.results}
    return Results(ranking, robust, closed, unscored, ranks)


# --- formatting helpers ---------------------------------------------------------------


def number(value: float | None, places: int = 2) -> str:
    """A number for people: thousands separated by spaces, whole numbers without decimals,
    others rounded; – when unknown, ∞ when too large for a float."""
    if value is None:
        return DASH
    value = float(value)
    if math.isnan(value):
        return "not a number"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if abs(value) >= LARGE:
        return f"{value:.3g}"
    text = f"{round(value, places) + 0.0:,.{places}f}"  # + 0.0: no "-0"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", " ")


def money(value: float | None, currency: str) -> str:
    """An amount and the plan's currency; from 100 up whole, thousands separated by spaces."""
    if value is None:
        return DASH
    text = number(value) if abs(value) < 100 else number(value, 0)
    return f"{text} {currency}".strip()


def _data_number(value: float | None) -> int | float | None:
    """A number for data files: whole floats as ints, others rounded to 6 places; None
    when not finite (JSON has no infinity)."""
    if value is None:
        return None
    value = float(value)
    if not math.isfinite(value):
        return None
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return round(value, 6)


def plan_date(plan: Plan) -> str:
    """The document date: the plan's last update, else its creation; empty if neither."""
    stamp = plan.updated or plan.created
    return stamp.date().isoformat() if stamp else ""


def labelled(label: str) -> str:
    """A label before its answer: "Why:", but a question keeps its own mark."""
    return label if label.endswith("?") else label + ":"


def one_line(text: str) -> str:
    """Text on one line: runs of whitespace (newlines too) become one space."""
    return " ".join(text.split())


# --- the document as blocks -----------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str = ""
    major: bool = False
    """Starts a major section: a new page when printed."""


@dataclass(frozen=True)
class Note:
    """A short line of kxplan's own, such as "Nothing recorded yet."."""

    text: str


@dataclass(frozen=True)
class Answer:
    """A labelled answer: **Why:** text."""

    label: str
    text: str
    empty: str = NOT_ANSWERED


@dataclass(frozen=True)
class Facts:
    """Label–value pairs on single lines."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    """Columns aligned right."""
    totals: tuple[str, ...] | None = None
    style: str = ""
    """A CSS class for the HTML table (e.g. fixed column widths)."""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Picture:
    """An HTML-only picture: "matrix" or "maturity"."""

    kind: Literal["matrix", "maturity"]


Block = Heading | Note | Answer | Facts | Table | Bullets | Picture


def document(plan: Plan, results: Results) -> list[Block]:
    """The strategy document as a list of blocks, in reading order."""
    blocks: list[Block] = []
    blocks.extend(_front_matter(plan))
    blocks.extend(_strategy(plan))
    for area in AREAS:
        blocks.extend(_area(plan, results, area.id))
    blocks.extend(_initiatives(plan, results))
    blocks.extend(_roadmap(plan, results))
    blocks.extend(_open_questions(plan, results))
    return blocks


def _front_matter(plan: Plan) -> Iterator[Block]:
    yield Heading(1, plan.title)
    facts = [
        ("Organisation", plan.organisation),
        ("Version", plan.version),
        ("Date", plan_date(plan)),
        ("Facilitator", plan.facilitator),
        ("Participants", ", ".join(plan.participants)),
    ]
    yield Facts(tuple((label, one_line(value) or DASH) for label, value in facts))


def _strategy(plan: Plan) -> Iterator[Block]:
    yield Heading(2, "The strategy", "strategy", major=True)
    for key, question, _hint in STRATEGY_QUESTIONS:
        yield Answer(question, getattr(plan.strategy, key), NOTHING)
    yield Heading(3, "Maturity by area", "maturity")
    judged = [
        item
        for _id, item in plan.areas.items()
        if item.maturity_today is not None or item.maturity_target is not None
    ]
    if not judged:
        yield Note("No area's maturity is judged yet.")
        return
    rows = []
    for area in AREAS:
        item = plan.areas.get(area.id)
        gap = item.gap
        rows.append(
            (
                str(area.number),
                f"{area.name} ({area.name_sv})",
                number(item.maturity_today),
                number(item.maturity_target),
                DASH if gap is None else f"{gap:+d}",
            )
        )
    yield Picture("maturity")
    yield Table(("#", "Area", "Today", "Target", "Gap"), tuple(rows), frozenset({0, 2, 3, 4}))


def _area(plan: Plan, results: Results, area_id: str) -> Iterator[Block]:
    area = AREAS_BY_ID[area_id]
    item = plan.areas.get(area.id)
    yield Heading(2, f"{area.number}. {area.name} ({area.name_sv})", f"area-{area.id}", major=True)
    yield Note(area.purpose)
    if item.maturity_today is None and item.maturity_target is None:
        yield Facts((("Maturity", "not judged yet"),))
    else:
        gap = "" if item.gap is None else f" (gap {item.gap:+d})"
        yield Facts(
            (
                (
                    "Maturity",
                    f"{number(item.maturity_today)} → {number(item.maturity_target)}{gap}",
                ),
            )
        )
    for key, question, _hint in STRATEGY_QUESTIONS:
        yield Answer(question, getattr(item, key), NOTHING)

    tables = {
        "insight": _insight_tables,
        "accessibility": _channel_tables,
        "service_friendliness": _friction_tables,
        "mobility": _mobility_tables,
        "unnecessary_demand": _demand_tables,
        "anchoring": _stakeholder_tables,
    }
    if area.id in tables:
        yield from tables[area.id](plan)

    serving = [i for i in plan.initiatives if area.id in i.areas]
    yield Heading(3, "Initiatives for this area")
    if serving:
        serving.sort(key=lambda i: (results.ranks.get(i.id, math.inf), plan.initiatives.index(i)))
        yield Bullets(tuple(_initiative_label(i, results) for i in serving))
    else:
        yield Note("No initiative names this area yet.")


def _initiative_label(item: Initiative, results: Results) -> str:
    rank = results.ranks.get(item.id)
    if rank is not None:
        return f"#{rank} {item.title}"
    if item.status in CLOSED_STATUSES:
        return f"{item.title} ({item.status})"
    return f"{item.title} (not scored)"


def _table_or_note(
    title: str,
    headers: tuple[str, ...],
    rows: Sequence[tuple[str, ...]],
    numeric: Iterable[int] = (),
    totals: tuple[str, ...] | None = None,
) -> Iterator[Block]:
    """A heading and the table, or a "nothing recorded" line; columns empty in every row go."""
    yield Heading(3, title)
    if not rows:
        yield Note(NOTHING)
        return
    keep = [0] + [i for i in range(1, len(headers)) if any(row[i].strip() for row in rows)]
    numbers = set(numeric)
    yield Table(
        tuple(headers[i] for i in keep),
        tuple(tuple(row[i] for i in keep) for row in rows),
        frozenset(new for new, old in enumerate(keep) if old in numbers),
        tuple(totals[i] for i in keep) if totals else None,
    )


_STAGE_ORDER: Final = {stage: index for index, stage in enumerate(STAGES.keys)}


def _insight_tables(plan: Plan) -> Iterator[Block]:
    insight = plan.areas.insight
    touchpoints = sorted(insight.touchpoints, key=lambda t: _STAGE_ORDER[t.stage])
    yield from _table_or_note(
        "Touchpoints",
        ("Stage", "Touchpoint", "Channel", "Notes"),
        [(STAGES.label(t.stage), t.name, t.channel, t.notes) for t in touchpoints],
    )
    rows = []
    for kpi in insight.kpis:
        nps = kpi.nps_from_shares
        from_shares = (
            ""
            if nps is None
            else f"{number(nps)} ({number(kpi.promoters)} % promoters − "
            f"{number(kpi.detractors)} % detractors)"
        )
        rows.append(
            (
                kpi.label,
                kpi.channel,
                STAGES.label(kpi.stage) if kpi.stage else "",
                f"{number(kpi.baseline)} → {number(kpi.target)}",
                kpi.shown_unit,
                kpi.cadence,
                from_shares,
                kpi.notes,
            )
        )
    yield from _table_or_note(
        "KPIs",
        (
            "KPI",
            "Channel",
            "Stage",
            "Baseline → target",
            "Unit",
            "Cadence",
            "NPS from shares",
            "Notes",
        ),
        rows,
    )


def _channel_tables(plan: Plan) -> Iterator[Block]:
    rows = [
        (
            c.name,
            DASH if c.preference is None else f"{number(c.preference)} %",
            number(c.customer_value),
            money(c.cost_per_contact, plan.currency),
            c.hours,
            c.staffing,
            c.decision or "",
            c.notes,
        )
        for c in plan.areas.accessibility.channels
    ]
    yield from _table_or_note(
        "Channels and decisions",
        (
            "Channel",
            "Share",
            "Customer value",
            "Cost per contact",
            "Hours",
            "Staffing",
            "Decision",
            "Notes",
        ),
        rows,
        (1, 2, 3),
    )


def _friction_tables(plan: Plan) -> Iterator[Block]:
    rows = [
        (
            STAGES.label(f.stage),
            f.title,
            f.description,
            number(f.severity),
            f.frequency or "",
            f.evidence,
            f.fix,
        )
        for f in plan.areas.service_friendliness.frictions
    ]
    yield from _table_or_note(
        "Friction points",
        ("Stage", "Friction", "Description", "Severity", "Frequency", "Evidence", "Fix"),
        rows,
        (3,),
    )


_CHECK_LABELS: Final[dict[str, str]] = MOBILITY_CHECKS.labels()


def _mobility_tables(plan: Plan) -> Iterator[Block]:
    checks = plan.areas.mobility.checks
    rows = [(c.channel, _CHECK_LABELS.get(c.check, c.check), c.status, c.notes) for c in checks]
    yield from _table_or_note("Mobility checklist", ("Channel", "Check", "Status", "Notes"), rows)
    if checks:
        met = sum(c.status == "yes" for c in checks)
        partly = sum(c.status == "partly" for c in checks)
        yield Note(f"{met} of {len(checks)} checks met, {partly} partly.")


def _demand_tables(plan: Plan) -> Iterator[Block]:
    reasons = plan.areas.unnecessary_demand.contact_reasons
    rows = []
    for r in reasons:
        cost = plan.avoidable_cost_per_month(r)
        rows.append(
            (
                r.reason,
                r.channel,
                number(r.monthly_volume),
                r.demand,
                r.root_cause,
                f"{number(r.avoidable)} %",
                number(r.avoidable_per_month, 0),
                money(cost, plan.currency),
            )
        )
    totals = demand_totals(plan)
    yield from _table_or_note(
        "Contact reasons",
        (
            "Reason",
            "Channel",
            "Contacts / month",
            "Demand",
            "Root cause",
            "Avoidable",
            "Avoidable / month",
            "Avoidable cost / month",
        ),
        rows,
        (2, 5, 6, 7),
        (
            "Total",
            "",
            number(totals["contacts_per_month"]),
            "",
            "",
            "",
            number(totals["avoidable_per_month"], 0),
            money(totals["avoidable_cost_per_month"], plan.currency),
        )
        if reasons
        else None,
    )
    if reasons:
        volume = totals["contacts_per_month"]
        failure = totals["failure_per_month"]
        share = f" ({number(100 * failure / volume, 0)} %)" if volume else ""
        text = (
            f"Failure demand: {number(failure)} of {number(volume)} contacts a month{share}. "
            f"Avoidable: {number(totals['avoidable_per_month'], 0)} contacts, "
            f"{money(totals['avoidable_cost_per_month'], plan.currency)} a month."
        )
        unpriced = totals["unpriced_channels"]
        if unpriced:
            text += " No cost per contact is known for: " + ", ".join(unpriced) + "."
        yield Note(text)


def demand_totals(plan: Plan) -> dict[str, Any]:
    """Monthly contacts, failure demand, avoidable contacts and their cost, over all reasons."""
    reasons = plan.areas.unnecessary_demand.contact_reasons
    costs = [plan.avoidable_cost_per_month(r) for r in reasons]
    unpriced = sorted(
        {r.channel or "(no channel)" for r, c in zip(reasons, costs, strict=True) if c is None}
    )
    return {
        "contacts_per_month": sum(r.monthly_volume for r in reasons),
        "failure_per_month": sum(r.monthly_volume for r in reasons if r.demand == "failure"),
        "avoidable_per_month": sum(r.avoidable_per_month for r in reasons),
        "avoidable_cost_per_month": sum(c for c in costs if c is not None),
        "unpriced_channels": unpriced,
    }


def _stakeholder_tables(plan: Plan) -> Iterator[Block]:
    people = plan.areas.anchoring.stakeholders
    rows = [
        (
            s.name,
            s.role,
            ", ".join(STAGES.label(stage) for stage in s.stages),
            s.buy_in,
            s.contact,
            s.next_step,
        )
        for s in people
    ]
    yield from _table_or_note(
        "Stakeholders and buy-in",
        ("Stakeholder", "Role in the journey", "Stages", "Buy-in", "Contact", "Next step"),
        rows,
    )
    if people:
        loose = [s.name for s in people if s.buy_in in UNANCHORED]
        if loose:
            yield Note(
                f"Not yet anchored ({len(loose)} of {len(people)}): " + ", ".join(loose) + "."
            )
        else:
            yield Note(f"All {len(people)} stakeholders are at least neutral.")


def _initiatives(plan: Plan, results: Results) -> Iterator[Block]:
    ranking = results.ranking
    yield Heading(2, "Initiatives, ranked", "initiatives", major=True)
    method = scoring.METHOD_LABELS.get(ranking.method, ranking.method)
    yield Note(
        f"Method: {method}. High impact from "
        f"{number(ranking.impact_threshold)}; high effort above "
        f"{number(ranking.effort_threshold)}."
    )
    if not ranking.results:
        yield Note("No initiative is scored yet, so there is no ranking.")
        return
    yield Picture("matrix")
    yield Table(
        ("Rank", "Initiative", "Quadrant", "Effort", "Impact", "Score", "Agreement"),
        tuple(
            (
                str(r.rank),
                r.title,
                QUADRANT_SINGULAR.get(r.quadrant, r.quadrant),
                number(r.effort),
                number(r.impact),
                number(r.score),
                r.agreement or DASH,
            )
            for r in ranking.results
        ),
        frozenset({0, 3, 4, 5}),
    )
    by_id = {i.id: i for i in plan.initiatives}
    for result in ranking.results:
        item = by_id[result.id]
        yield Heading(3, f"{result.rank}. {result.title}", f"initiative-{result.id}")
        scores = [
            f"score {number(result.score)}",
            f"effort {number(result.effort)}",
            f"impact {number(result.impact)} (customer value {number(result.customer_value)}, "
            f"efficiency {number(result.efficiency)})",
        ]
        if result.confidence is not None:
            scores.append(f"confidence {number(result.confidence)} %")
        if result.reach is not None:
            scores.append(f"reach {number(result.reach)}")
        agreement = "no estimates"
        if result.participants:
            count = f"{result.participants} estimate{'s' if result.participants != 1 else ''}"
            agreement = f"{result.agreement} ({count})" if result.agreement else count
        summary = [
            ("Quadrant", QUADRANT_SINGULAR.get(result.quadrant, result.quadrant)),
            ("Scores", " · ".join(scores)),
            ("Agreement", agreement),
            *_case_facts(item, plan, results),
        ]
        yield Facts(tuple(summary))
        yield from _case(item)
        yield Answer("Why this rank", result.explanation, DASH)


def _case_facts(item: Initiative, plan: Plan, results: Results) -> list[tuple[str, str]]:
    facts = [
        ("Status", item.status.replace("_", " ")),
        ("Areas", ", ".join(AREAS_BY_ID[a].name for a in item.areas) or DASH),
    ]
    if item.depends_on:
        titles = {i.id: i.title for i in plan.initiatives}
        facts.append(
            ("Depends on", ", ".join(_dependency(d, titles, results) for d in item.depends_on))
        )
    return facts


def _dependency(initiative_id: str, titles: dict[str, str], results: Results) -> str:
    title = titles.get(initiative_id, initiative_id)
    rank = results.ranks.get(initiative_id)
    return title if rank is None else f"#{rank} {title}"


def _case(item: Initiative) -> Iterator[Block]:
    yield Answer("Why", item.why)
    yield Answer("What", item.what)
    yield Answer("Who", item.who)
    yield Answer("When", item.when)
    yield Answer("How", item.how)
    if item.notes.strip():
        yield Answer("Notes", item.notes)


_WHEN_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_WHEN_QUARTER = re.compile(r"(?i)\bQ([1-4])\b|(?<=\d)Q([1-4])\b|-Q([1-4])")
_WHEN_HALF = re.compile(r"(?i)\bH([12])\b|-H([12])\b")
_WHEN_MONTH = re.compile(r"(?<!\d)\d{4}-(0[1-9]|1[0-2])(?!\d)")


def when_sort_key(when: str) -> tuple[int, int, int, int, str]:
    """Chronological order of "when" labels.

    Recognised: a year with a quarter (2027-Q2, Q2 2027), a half (2027-H1), a
    month (2027-05) or alone (2027: after its quarters). Periods that start
    together go shortest first. Other labels follow in alphabetical order; an
    empty label (unscheduled) comes last.
    """
    text = when.strip()
    if not text:
        return (2, 0, 0, 0, "")
    year = _WHEN_YEAR.search(text)
    if year is None:
        return (1, 0, 0, 0, text.casefold())
    first, last = 13, 13
    quarter = _WHEN_QUARTER.search(text)
    half = _WHEN_HALF.search(text)
    exact = _WHEN_MONTH.search(text)
    if exact:
        first = last = int(exact.group(1))
    elif quarter:
        first = 3 * int(next(g for g in quarter.groups() if g)) - 2
        last = first + 2
    elif half:
        first = 6 * int(next(g for g in half.groups() if g)) - 5
        last = first + 5
    return (0, int(year.group(1)), first, last, text.casefold())


_WHEN_FORMS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"(?P<year>\d{4})\s*[-/]?\s*Q(?P<n>[1-4])", re.I), "{year}-Q{n}"),
    (re.compile(r"Q(?P<n>[1-4])\s*[-/]?\s*(?P<year>\d{4})", re.I), "{year}-Q{n}"),
    (re.compile(r"(?P<year>\d{4})\s*[-/]?\s*H(?P<n>[12])", re.I), "{year}-H{n}"),
    (re.compile(r"H(?P<n>[12])\s*[-/]?\s*(?P<year>\d{4})", re.I), "{year}-H{n}"),
    (re.compile(r"(?P<year>\d{4})-(?P<n>0[1-9]|1[0-2])"), "{year}-{n}"),
)


def when_period(when: str) -> str:
    """The roadmap heading for a "when" label: one spelling per period.

    A label that is just a quarter, half or month, however written ("Q3 2027",
    "2027 q3", "2027-Q3"), becomes 2027-Q3, 2027-H1 or 2027-05; any other label
    is kept as written (without surrounding spaces).
    """
    text = when.strip()
    for pattern, form in _WHEN_FORMS:
        match = pattern.fullmatch(text)
        if match:
            return form.format(**match.groupdict())
    return text


def _roadmap(plan: Plan, results: Results) -> Iterator[Block]:
    yield Heading(2, "Roadmap", "roadmap", major=True)
    active = [i for i in plan.initiatives if i.status not in CLOSED_STATUSES]
    if not active:
        yield Note("No open initiatives yet.")
        return
    yield Note("Open initiatives by when they are due, then by owner; ranks from above.")
    groups: dict[str, list[Initiative]] = {}
    for item in active:
        groups.setdefault(when_period(item.when), []).append(item)
    for when in sorted(groups, key=when_sort_key):
        items = sorted(
            groups[when],
            key=lambda i: (
                not i.who.strip(),
                i.who.strip().casefold(),
                results.ranks.get(i.id, math.inf),
                active.index(i),
            ),
        )
        yield Heading(3, when or "Unscheduled")
        yield Table(
            ("Owner", "Rank", "Initiative", "Status"),
            tuple(
                (
                    i.who or "no owner yet",
                    str(results.ranks.get(i.id, DASH)),
                    i.title,
                    i.status.replace("_", " "),
                )
                for i in items
            ),
            frozenset({1}),
            style="roadmap",
        )


def _open_questions(plan: Plan, results: Results) -> Iterator[Block]:
    ranking = results.ranking
    by_id = {i.id: i for i in plan.initiatives}
    yield Heading(2, "Open questions", "open-questions", major=True)

    yield Heading(3, "Open disagreements", "disagreements")
    split = [r for r in ranking.results if r.agreement == "low"]
    if not split:
        yield Note("No initiative has low agreement between participants.")
    for result in split:
        yield Heading(4, f"#{result.rank} {result.title}")
        spreads = [
            f"{_field_label(name)} {number(s.low)}–{number(s.high)}"
            for name, s in result.spreads.items()
            if s.agreement == "low"
        ]
        if spreads:
            yield Note("Low agreement on: " + "; ".join(spreads) + ".")
        estimates = by_id[result.id].estimates
        used = [
            (k, label)
            for k, label in ESTIMATE_FIELDS
            if any(getattr(e, k) is not None for e in estimates)
        ]
        yield Table(
            ("Participant", *(label for _k, label in used)),
            tuple(
                (e.participant, *(number(getattr(e, k)) for k, _label in used)) for e in estimates
            ),
            frozenset(range(1, len(used) + 1)),
        )

    yield Heading(3, "Unstable ranks", "unstable")
    unstable = [
        (r, results.robustness[r.id])
        for r in ranking.results
        if r.id in results.robustness and results.robustness[r.id].unstable
    ]
    if not unstable:
        yield Note(
            "No rank moves much when the scores vary within the participants' estimates."
            if results.robustness
            else "Too few scored initiatives to test how stable the ranks are."
        )
    else:
        top_k = unstable[0][1].top_k
        show_chance = top_k < len(ranking.results)
        yield Note(
            f"Ranks when the scores vary within the participants' estimates "
            f"({ROBUSTNESS_SAMPLES} samples, seed {ROBUSTNESS_SEED}); the range holds "
            "90 % of the samples."
        )
        headers = ("Rank", "Initiative", "Rank range", f"Chance of top {top_k}")
        yield Table(
            headers if show_chance else headers[:3],
            tuple(
                (
                    str(r.rank),
                    r.title,
                    f"{rob.rank_low}–{rob.rank_high}",
                    f"{number(100 * rob.p_top_k, 0)} %",
                )[: 4 if show_chance else 3]
                for r, rob in unstable
            ),
            frozenset({0, 2, 3}),
        )

    yield Heading(3, "Not yet scored", "unscored")
    if results.unscored:
        yield Bullets(tuple(f"{i.title} ({i.id})" for i in results.unscored))
    else:
        yield Note("Every open initiative is scored.")

    if results.closed:
        yield Heading(3, "Done and dropped", "closed")
        yield Bullets(tuple(f"{i.title} ({i.status})" for i in results.closed))


def _field_label(name: str) -> str:
    return dict(ESTIMATE_FIELDS).get(name, name.replace("_", " ")).removesuffix(" %").lower()


# --- Markdown -------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(
    r"^(?P<lead>[ \t]*)(?:(?P<mark>[#>+-])(?=\s|$)|(?P<num>\d{1,9})(?P<dot>[.)])(?=\s|$)"
    r"|(?P<rule>=+|-+)[ \t]*$)"
)


def md_inline(text: str) -> str:
    """User text for inside a line of Markdown: literal, never markup or HTML.

    Backslash-escapes the characters that start emphasis, code, links, tables
    and HTML (``\\ ` * _ [ ] | <``) and ``&`` before an entity; newlines become
    spaces and control characters are spelled out.
    """
    return _ENTITY.sub("\\\\&", _MD_SPECIAL.sub(r"\\\1", one_line(visible_lines(text))))


def _md_line_start(line: str) -> str:
    """Escape a line that Markdown would read as a heading, quote, list or rule."""
    match = _BLOCK_START.match(line)
    if not match:
        return line
    lead = match.group("lead")
    if match.group("mark"):
        return lead + "\\" + line[len(lead) :]
    if match.group("num"):
        return lead + match.group("num") + "\\" + line[match.end("num") :]
    return lead + "\\" + line[len(lead) :]


def md_block(text: str) -> str:
    """User prose as Markdown paragraphs: blank lines kept, every line literal.

    The lines of a paragraph end in a hard line break (a backslash), so they are
    shown as the user wrote them rather than run together.
    """
    paragraphs = re.split(r"\n[ \t]*\n", visible_lines(text).strip())
    out = []
    for paragraph in paragraphs:
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        out.append("\\\n".join(_md_line_start(md_inline(line)) for line in lines))
    return "\n\n".join(p for p in out if p)


def md_cell(text: str) -> str:
    """User text for a Markdown table cell: literal, line breaks as ``<br>``, never empty."""
    lines = [md_inline(line) for line in visible_lines(text).split("\n")]
    return "<br>".join(line for line in lines if line) or " "


def to_markdown(plan: Plan, results: Results | None = None) -> str:
    """The strategy document in Markdown (CommonMark with GFM tables)."""
    results = results or compute(plan)
    out: list[str] = []
    for block in document(plan, results):
        lines = _md_block(block)
        if lines:
            out.extend(lines)
            out.append("")
    out.append(f"_Exported by kxplan {md_inline(__version__)}._")
    return "\n".join(out).rstrip("\n") + "\n"


def _md_label(label: str) -> str:
    return f"**{md_inline(labelled(label))}**"


def _md_block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        text = md_inline(block.text)
        if text.endswith("#"):  # else Markdown reads it as a closing sequence and drops it
            text = text[:-1] + "\\#"
        return ["#" * block.level + " " + text]
    if isinstance(block, Note):
        return [f"_{md_inline(block.text)}_"]
    if isinstance(block, Answer):
        text = block.text.strip()
        if not text:
            return [f"{_md_label(block.label)} _{md_inline(block.empty)}_"]
        if "\n" in text:
            return [_md_label(block.label), "", md_block(text)]
        return [f"{_md_label(block.label)} {md_inline(text)}"]
    if isinstance(block, Facts):
        return [f"- {_md_label(label)} {md_inline(value)}" for label, value in block.items]
    if isinstance(block, Bullets):
        return [f"- {_md_line_start(md_inline(item))}" for item in block.items]
    if isinstance(block, Table):
        return _md_table(block)
    return []  # pictures exist in HTML only


def _md_table(table: Table) -> list[str]:
    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    rule = [("---:" if i in table.numeric else "---") for i in range(len(table.headers))]
    lines = [row([md_cell(h) for h in table.headers]), row(rule)]
    lines.extend(row([md_cell(c) for c in r]) for r in table.rows)
    if table.totals:
        lines.append(row([f"**{md_cell(c)}**" if c else " " for c in table.totals]))
    return lines


# --- HTML -----------------------------------------------------------------------------


def esc(text: str) -> str:
    """User text for HTML (and SVG): every markup character escaped, quotes too, and
    control characters spelled out (a NUL makes a page invalid)."""
    return html.escape(visible_lines(text), quote=True)


_CSS: Final = """
:root { color-scheme: light; --ink: #1d232b; --muted: #5a6573; --line: #c9d1da;
  --accent: #1f5f99; --soft: #eef3f8; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; color: var(--accent); }
h2 { font-size: 1.5rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem;
  border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
p { margin: .4rem 0 .8rem; }
.note { color: var(--muted); font-style: italic; }
.answer p { margin: .2rem 0 .6rem; }
.label { font-weight: 600; }
.empty { color: var(--muted); font-style: italic; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
  margin: .5rem 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
nav.contents ul { columns: 2; padding-left: 0; list-style: none; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.25rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
thead th { background: var(--soft); }
td.num, th.num { text-align: right; white-space: nowrap; }
table.roadmap { table-layout: fixed; }
table.roadmap th:nth-child(1) { width: 28%; }
table.roadmap th:nth-child(2) { width: 4.5rem; }
table.roadmap th:nth-child(4) { width: 8rem; }
tfoot td { font-weight: 600; background: var(--soft); }
figure { margin: 1rem 0 1.5rem; }
figure svg { width: 100%; height: auto; max-width: 44rem; display: block; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .25rem; }
ol.legend { columns: 2; font-size: .9rem; padding-left: 2.2rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2.major { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, figure, tr { break-inside: avoid; page-break-inside: avoid; }
  nav.contents { break-after: page; }
  thead th, tfoot td { background: none; }
  a { color: inherit; text-decoration: none; }
}
""".strip()


def to_html(plan: Plan, results: Results | None = None) -> str:
    """The strategy document as one self-contained, printable HTML file."""
    results = results or compute(plan)
    blocks = document(plan, results)
    body: list[str] = []
    for index, block in enumerate(blocks):
        body.append(_html_block(block, plan, results))
        if index == 1:  # after the title and its facts
            body.append(_html_contents(blocks))
    title = esc(f"{plan.title} – customer-experience strategy")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="kxplan {esc(__version__)}">\n'
        f"<title>{title}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(part for part in body if part)
        + f"\n<footer>Exported by kxplan {esc(__version__)}.</footer>\n"
        "</main>\n</body>\n</html>\n"
    )


def _html_contents(blocks: Sequence[Block]) -> str:
    items = [
        f'<li><a href="#{esc(b.anchor)}">{esc(b.text)}</a></li>'
        for b in blocks
        if isinstance(b, Heading) and b.level == 2 and b.anchor
    ]
    return (
        '<nav class="contents" aria-label="Contents">\n<h2>Contents</h2>\n<ul>\n'
        + "\n".join(items)
        + "\n</ul>\n</nav>"
    )


def _html_paragraphs(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", visible_lines(text).strip()) if p.strip()]
    return "\n".join(
        "<p>" + "<br>\n".join(esc(line) for line in p.splitlines()) + "</p>" for p in paragraphs
    )


def _html_block(block: Block, plan: Plan, results: Results) -> str:
    if isinstance(block, Heading):
        attrs = f' id="{esc(block.anchor)}"' if block.anchor else ""
        if block.major:
            attrs += ' class="major"'
        return f"<h{block.level}{attrs}>{esc(block.text)}</h{block.level}>"
    if isinstance(block, Note):
        return f'<p class="note">{esc(block.text)}</p>'
    if isinstance(block, Answer):
        label = f'<span class="label">{esc(labelled(block.label))}</span>'
        text = visible_lines(block.text).strip()
        if not text:
            empty = f'<span class="empty">{esc(block.empty)}</span>'
            return f'<div class="answer"><p>{label} {empty}</p></div>'
        if "\n" in text:
            return f'<div class="answer"><p>{label}</p>\n{_html_paragraphs(text)}</div>'
        return f'<div class="answer"><p>{label} {esc(text)}</p></div>'
    if isinstance(block, Facts):
        items = "\n".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in block.items)
        return f'<dl class="facts">\n{items}\n</dl>'
    if isinstance(block, Bullets):
        return "<ul>\n" + "\n".join(f"<li>{esc(i)}</li>" for i in block.items) + "\n</ul>"
    if isinstance(block, Table):
        return _html_table(block)
    if block.kind == "matrix":
        return matrix_svg(plan, results)
    return maturity_svg(plan)


def _html_table(table: Table) -> str:
    def cls(index: int) -> str:
        return ' class="num"' if index in table.numeric else ""

    def cell(index: int, text: str) -> str:
        lines = visible_lines(text).split("\n")
        return f"<td{cls(index)}>" + "<br>".join(esc(line) for line in lines) + "</td>"

    head = "".join(f'<th scope="col"{cls(i)}>{esc(h)}</th>' for i, h in enumerate(table.headers))
    rows = "\n".join(
        "<tr>" + "".join(cell(i, c) for i, c in enumerate(row)) + "</tr>" for row in table.rows
    )
    foot = ""
    if table.totals:
        foot = (
            "\n<tfoot><tr>"
            + "".join(cell(i, c) for i, c in enumerate(table.totals))
            + "</tr></tfoot>"
        )
    open_tag = f'<table class="{esc(table.style)}">' if table.style else "<table>"
    return f"{open_tag}\n<thead><tr>{head}</tr></thead>{foot}\n<tbody>\n{rows}\n</tbody>\n</table>"


# --- SVG pictures ---------------------------------------------------------------------

_QUADRANT_FILL: Final = {
    "quick_win": "#e3f4e6",
    "major_project": "#e6eef9",
    "fill_in": "#f5f5f0",
    "thankless": "#fbe9e7",
}
_QUADRANT_STROKE: Final = {
    "quick_win": "#2e7d32",
    "major_project": "#1f5f99",
    "fill_in": "#6d6d5f",
    "thankless": "#b23c17",
}
POINT_RADIUS: Final = 11


def _svg_num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def axis_ticks(low: float, high: float, most: int = 11) -> list[int]:
    """Whole-number ticks from ``low`` to ``high``, at most ``most`` of them, on round steps."""
    span = max(high - low, 1)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if span / s < most)
    first = math.ceil(low / step) * step
    return list(range(first, math.floor(high) + 1, step))


LEADER_SPACING: Final = 1.4
"""Moved points sit this many diameters from their true spot, so a bit of the leader shows."""


def place_points(
    positions: Sequence[tuple[float, float]],
    radius: float,
    bounds: tuple[float, float, float, float] | None = None,
) -> list[tuple[float, float]]:
    """Move points that would overlap to the nearest free spot around their position.

    Points are placed in order (the first keeps its spot); each later one tries
    rings of candidate spots around its true position, starting to the right and
    going round, until it is at least one diameter from every point placed
    before it. Spots outside ``bounds`` (left, top, right, bottom) are used only
    when a ring has no other free spot.
    """
    placed: list[tuple[float, float]] = []
    gap = 2 * radius + 1
    step = gap * LEADER_SPACING

    def inside(spot: tuple[float, float]) -> bool:
        if bounds is None:
            return True
        left, top, right, bottom = bounds
        return (
            left + radius <= spot[0] <= right - radius
            and top + radius <= spot[1] <= bottom - radius
        )

    for x, y in positions:
        spot = (x, y)
        ring = 0
        while any(math.dist(spot, other) < gap for other in placed):
            ring += 1
            candidates = [
                (
                    x + ring * step * math.cos(2 * math.pi * k / (6 * ring)),
                    y - ring * step * math.sin(2 * math.pi * k / (6 * ring)),
                )
                for k in range(6 * ring)
            ]
            free = [c for c in candidates if all(math.dist(c, o) >= gap for o in placed)]
            if free:
                spot = next((c for c in free if inside(c)), free[0])
        placed.append(spot)
    return placed


def matrix_svg(plan: Plan, results: Results) -> str:
    """The effort × impact matrix: quadrants, thresholds, numbered points and a legend."""
    ranking = results.ranking
    points = [r for r in ranking.results if math.isfinite(r.effort) and math.isfinite(r.impact)]
    width, height = 640, 460
    left, right, top, bottom = 64, 16, 16, 56
    plot_w, plot_h = width - left - right, height - top - bottom

    effort_scale, value_scale = plan.scales.effort, plan.scales.customer_value
    x_values = [float(effort_scale.min), float(effort_scale.max)]
    x_values += [float(r.effort) for r in points]
    y_values = [float(value_scale.min), float(value_scale.max)]  # impact is on this scale
    y_values += [float(r.impact) for r in points]
    x_pad = (max(x_values) - min(x_values)) / 8 or 0.5
    y_pad = (max(y_values) - min(y_values)) / 8 or 0.5
    x_lo, x_hi = min(x_values) - x_pad, max(x_values) + x_pad
    y_lo, y_hi = min(y_values) - y_pad, max(y_values) + y_pad

    def sx(value: float) -> float:
        return left + (value - x_lo) / (x_hi - x_lo) * plot_w

    def sy(value: float) -> float:
        return top + plot_h - (value - y_lo) / (y_hi - y_lo) * plot_h

    effort_cut = ranking.effort_threshold
    impact_cut = ranking.impact_threshold
    cut_x = sx(effort_cut if effort_cut is not None else (x_lo + x_hi) / 2)
    cut_y = sy(impact_cut if impact_cut is not None else (y_lo + y_hi) / 2)
    right_x, bottom_y = left + plot_w, top + plot_h

    out: list[str] = [
        f'<svg viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="matrix-title matrix-desc" font-family="system-ui, sans-serif">',
        '<title id="matrix-title">Effort and impact of each initiative</title>',
        '<desc id="matrix-desc">Effort on the horizontal axis, impact on the vertical axis; '
        "each numbered point is an initiative's rank, listed below the picture.</desc>",
    ]
    quadrants = (
        ("quick_win", left, top, cut_x - left, cut_y - top, "start", "hanging"),
        ("major_project", cut_x, top, right_x - cut_x, cut_y - top, "end", "hanging"),
        ("fill_in", left, cut_y, cut_x - left, bottom_y - cut_y, "start", "auto"),
        ("thankless", cut_x, cut_y, right_x - cut_x, bottom_y - cut_y, "end", "auto"),
    )
    for key, x, y, w, h, anchor, baseline in quadrants:
        out.append(
            f'<rect x="{_svg_num(x)}" y="{_svg_num(y)}" width="{_svg_num(max(w, 0))}" '
            f'height="{_svg_num(max(h, 0))}" fill="{_QUADRANT_FILL[key]}"/>'
        )
        label_x = x + 8 if anchor == "start" else x + w - 8
        label_y = y + 8 if baseline == "hanging" else y + h - 8
        out.append(
            f'<text x="{_svg_num(label_x)}" y="{_svg_num(label_y)}" text-anchor="{anchor}" '
            f'dominant-baseline="{baseline}" font-size="14" font-weight="600" '
            f'fill="{_QUADRANT_STROKE[key]}">{esc(QUADRANTS[key].plural)}</text>'
        )
    out.append(
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" '
        'stroke="#5a6573"/>'
    )
    for tick in axis_ticks(x_lo, x_hi):
        out.append(
            f'<text x="{_svg_num(sx(tick))}" y="{bottom_y + 18}" text-anchor="middle" '
            f'font-size="12" fill="#5a6573">{tick}</text>'
        )
    for tick in axis_ticks(y_lo, y_hi):
        out.append(
            f'<text x="{left - 8}" y="{_svg_num(sy(tick))}" text-anchor="end" '
            f'dominant-baseline="middle" font-size="12" fill="#5a6573">{tick}</text>'
        )
    out.append(
        f'<line x1="{_svg_num(cut_x)}" y1="{top}" x2="{_svg_num(cut_x)}" y2="{bottom_y}" '
        'stroke="#5a6573" stroke-dasharray="6 4"/>'
    )
    out.append(
        f'<line x1="{left}" y1="{_svg_num(cut_y)}" x2="{right_x}" y2="{_svg_num(cut_y)}" '
        'stroke="#5a6573" stroke-dasharray="6 4"/>'
    )
    out.append(
        f'<text x="{left + plot_w / 2:.0f}" y="{height - 12}" text-anchor="middle" '
        'font-size="14" fill="#1d232b">Effort (low → high)</text>'
    )
    out.append(
        f'<text x="18" y="{top + plot_h / 2:.0f}" text-anchor="middle" font-size="14" '
        f'fill="#1d232b" transform="rotate(-90 18 {top + plot_h / 2:.0f})">'
        "Impact (low → high)</text>"
    )
    true_spots = [(sx(float(r.effort or 0)), sy(float(r.impact or 0))) for r in points]
    spots = place_points(true_spots, POINT_RADIUS, (left, top, right_x, bottom_y))
    placed = list(zip(points, true_spots, spots, strict=True))
    for result, (tx, ty), (px, py) in placed:  # leader lines first, under every point
        if (px, py) != (tx, ty):
            colour = _QUADRANT_STROKE.get(result.quadrant, "#1d232b")
            out.append(
                f'<line x1="{_svg_num(tx)}" y1="{_svg_num(ty)}" x2="{_svg_num(px)}" '
                f'y2="{_svg_num(py)}" stroke="{colour}" stroke-width="1"/>'
            )
            out.append(f'<circle cx="{_svg_num(tx)}" cy="{_svg_num(ty)}" r="2.5" fill="{colour}"/>')
    for result, _true, (px, py) in placed:
        colour = _QUADRANT_STROKE.get(result.quadrant, "#1d232b")
        tooltip = esc(
            f"#{result.rank} {result.title}: effort {number(result.effort)}, "
            f"impact {number(result.impact)}"
        )
        out.append(f"<g><title>{tooltip}</title>")
        out.append(
            f'<circle cx="{_svg_num(px)}" cy="{_svg_num(py)}" r="{POINT_RADIUS}" fill="#fff" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
        out.append(
            f'<text x="{_svg_num(px)}" y="{_svg_num(py)}" text-anchor="middle" '
            f'dominant-baseline="central" font-size="11" font-weight="700" '
            f'fill="{colour}">{result.rank}</text></g>'
        )
    out.append("</svg>")
    legend = "\n".join(f'<li value="{r.rank}">{esc(r.title)}</li>' for r in ranking.results)
    caption = (
        "Dashed lines: the thresholds for high impact and high effort. "
        "Points that share a spot are moved apart; a line leads back to the true position."
    )
    return (
        '<figure class="matrix">\n'
        + "\n".join(out)
        + f"\n<figcaption>{esc(caption)}</figcaption>\n"
        + f'<ol class="legend" aria-label="Initiatives by rank">\n{legend}\n</ol>\n</figure>'
    )


def maturity_svg(plan: Plan) -> str:
    """Maturity today and target per area, as horizontal bars on the 1–5 scale."""
    row_h, label_w, bar_w, right = 34, 230, 300, 110
    width = label_w + bar_w + right
    height = row_h * len(AREAS) + 30
    unit = bar_w / 5
    out: list[str] = [
        f'<svg viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="maturity-title" font-family="system-ui, sans-serif">',
        '<title id="maturity-title">Maturity today and target per area, 1 to 5</title>',
    ]
    for level in range(6):
        x = label_w + level * unit
        out.append(
            f'<line x1="{_svg_num(x)}" y1="0" x2="{_svg_num(x)}" y2="{height - 22}" '
            'stroke="#e1e6ec"/>'
        )
        out.append(
            f'<text x="{_svg_num(x)}" y="{height - 6}" text-anchor="middle" font-size="11" '
            f'fill="#5a6573">{level}</text>'
        )
    for index, area in enumerate(AREAS):
        item = plan.areas.get(area.id)
        y = index * row_h + 6
        out.append(
            f'<text x="{label_w - 10}" y="{y + 11}" text-anchor="end" '
            f'dominant-baseline="middle" font-size="13" fill="#1d232b">'
            f"{esc(f'{area.number}. {area.name}')}</text>"
        )
        if item.maturity_target is not None:
            out.append(
                f'<rect x="{label_w}" y="{y}" width="{_svg_num(item.maturity_target * unit)}" '
                'height="22" fill="none" stroke="#1f5f99" stroke-width="2" '
                'stroke-dasharray="5 3"/>'
            )
        if item.maturity_today is not None:
            out.append(
                f'<rect x="{label_w}" y="{y + 4}" width="{_svg_num(item.maturity_today * unit)}" '
                'height="14" fill="#1f5f99"/>'
            )
        if item.maturity_today is None and item.maturity_target is None:
            status = "not judged"
        else:
            gap = "" if item.gap is None else f" ({item.gap:+d})"
            status = f"{number(item.maturity_today)} → {number(item.maturity_target)}{gap}"
        out.append(
            f'<text x="{label_w + bar_w + 10}" y="{y + 11}" dominant-baseline="middle" '
            f'font-size="13" fill="#1d232b">{esc(status)}</text>'
        )
    out.append("</svg>")
    caption = "Filled bar: maturity today. Dashed outline: the target."
    return (
        f'<figure class="maturity">\n{"".join(out)}\n<figcaption>{caption}</figcaption>\n</figure>'
    )


# --- CSV ------------------------------------------------------------------------------


def csv_order(plan: Plan, results: Results) -> list[Initiative]:
    """Every initiative once: ranked in rank order, then unscored, then closed, then the rest."""
    by_id = {i.id: i for i in plan.initiatives}
    ordered = [by_id[r.id] for r in results.ranking.results if r.id in by_id]
    ordered += list(results.unscored) + list(results.closed)
    seen = {i.id for i in ordered}
    ordered += [i for i in plan.initiatives if i.id not in seen]
    unique: dict[str, Initiative] = {}
    for item in ordered:
        unique.setdefault(item.id, item)
    return list(unique.values())


def to_csv(plan: Plan, results: Results | None = None) -> str:
    """One row per initiative with every field and its ranking result (RFC 4180, CRLF)."""
    results = results or compute(plan, with_robustness=False)
    by_result = {r.id: r for r in results.ranking.results}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in csv_order(plan, results):
        result = by_result.get(item.id)
        row: dict[str, object] = {
            "id": item.id,
            "title": item.title,
            "areas": ";".join(item.areas),
            "why": item.why,
            "what": item.what,
            "who": item.who,
            "when": item.when,
            "how": item.how,
            "status": item.status,
            "own_effort": item.effort,
            "own_customer_value": item.customer_value,
            "own_efficiency": item.efficiency,
            "own_confidence": item.confidence,
            "own_reach": item.reach,
            "time_criticality": item.time_criticality,
            "risk_reduction": item.risk_reduction,
            "criteria": ";".join(
                f"{k}={spreadsheet_cell(float(v))}" for k, v in item.criteria.items()
            ),
            "depends_on": ";".join(item.depends_on),
            "notes": item.notes,
            "rank": result.rank if result else None,
            "quadrant": result.quadrant if result else None,
            "agreement": result.agreement if result else None,
        }
        for name in USED_NUMBERS:
            used = getattr(result, name) if result else None
            row[name] = None if used is None else float(used)
        writer.writerow([spreadsheet_cell(row[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


# --- JSON -----------------------------------------------------------------------------


def to_json(plan: Plan, results: Results | None = None) -> str:
    """The whole plan and every computed figure, for other tools (UTF-8, 2-space indent)."""
    results = results or compute(plan)
    data = _finite(json_data(plan, results))
    return json_escaped(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"


def _finite(data: Any) -> Any:
    """``data`` with every infinite or NaN float as None (JSON has no such numbers)."""
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_finite(value) for value in data]
    if isinstance(data, float) and not math.isfinite(data):
        return None
    return data


def json_data(plan: Plan, results: Results) -> dict[str, Any]:
    """The JSON export as plain data: plan, ranking and derived figures."""
    ranking = results.ranking
    totals = demand_totals(plan)
    return {
        "kxplan": __version__,
        "schema": SCHEMA_VERSION,
        "plan": plan.model_dump(mode="json", by_alias=True),
        "results": {
            "method": ranking.method,
            "impact_threshold": _data_number(ranking.impact_threshold),
            "effort_threshold": _data_number(ranking.effort_threshold),
            "ranking": [_json_result(r, results) for r in ranking.results],
            "unscored": [i.id for i in results.unscored],
            "closed": [i.id for i in results.closed],
            "areas": {
                area_id: {
                    "maturity_today": item.maturity_today,
                    "maturity_target": item.maturity_target,
                    "gap": item.gap,
                }
                for area_id, item in plan.areas.items()
            },
            "kpis": [
                {
                    "label": k.label,
                    "channel": k.channel,
                    "unit": k.shown_unit,
                    "nps_from_shares": _data_number(k.nps_from_shares),
                }
                for k in plan.areas.insight.kpis
            ],
            "contact_reasons": [
                {
                    "reason": r.reason,
                    "channel": r.channel,
                    "avoidable_per_month": _data_number(r.avoidable_per_month),
                    "avoidable_cost_per_month": _data_number(plan.avoidable_cost_per_month(r)),
                }
                for r in plan.areas.unnecessary_demand.contact_reasons
            ],
            "demand_totals": {
                key: _data_number(value) if isinstance(value, int | float) else value
                for key, value in totals.items()
            },
        },
    }


def _json_result(result: scoring.RankedInitiative, results: Results) -> dict[str, Any]:
    robust = results.robustness.get(result.id)
    return {
        "id": result.id,
        "title": result.title,
        "rank": result.rank,
        "score": _data_number(result.score),
        "effort": _data_number(result.effort),
        "impact": _data_number(result.impact),
        "customer_value": _data_number(result.customer_value),
        "efficiency": _data_number(result.efficiency),
        "confidence": _data_number(result.confidence),
        "reach": _data_number(result.reach),
        "from_estimates": [name for name in scoring.ESTIMATED_FIELDS if name in result.spreads],
        "quadrant": result.quadrant,
        "agreement": result.agreement,
        "participants": _plain(result.participants),
        "moved_by_dependency": result.moved_by_dependency,
        "explanation": result.explanation,
        "spreads": {
            name: {
                "low": _data_number(spread.low),
                "high": _data_number(spread.high),
                "agreement": spread.agreement,
                "values": _plain(spread.values),
            }
            for name, spread in result.spreads.items()
        },
        "robustness": None
        if robust is None
        else {
            "rank_low": robust.rank_low,
            "rank_high": robust.rank_high,
            "top_k": robust.top_k,
            "p_top_k": _data_number(robust.p_top_k),
            "unstable": robust.unstable,
        },
    }


def _plain(value: object) -> Any:
    """Tuples, mappings and numbers from the engine as JSON-ready data."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, float):
        return _data_number(value)
    return value
