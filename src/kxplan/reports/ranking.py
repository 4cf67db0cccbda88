"""Rankings as text: a plain terminal table, GitHub Markdown, CSV and JSON.

Used by ``kxplan rank``. Pure string building; user text is written as it is
(escaped for Markdown and CSV, never interpreted). Numbers for people go through
:func:`kxplan.text.numbers.number`, JSON numbers through
:func:`~kxplan.text.numbers.data_number` (``3``, not ``3.0``; ``33.6``, not
``33.599999999999994``), as in the export's JSON.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final, Literal

from kxplan.framework import AGREEMENTS, METHODS, SCORES, Method, Quadrant
from kxplan.i18n import N_, _
from kxplan.scoring import Ranking, Robustness
from kxplan.scoring.explanations import plain_text, quadrant_name
from kxplan.scoring.parts import Part
from kxplan.text import csv as text_csv
from kxplan.text import markdown
from kxplan.text.literal import json_records, printable
from kxplan.text.numbers import data_number, number
from kxplan.text.width import cells as cell_width
from kxplan.text.width import cut, pad

Format = Literal["table", "markdown", "csv", "json"]
FORMATS: Final[tuple[Format, ...]] = ("table", "markdown", "csv", "json")

TITLE_WIDTH: Final = 40
"""Titles longer than this are cut with … in the terminal table."""

Cell = str | int | float | bool | None


def truncate(text: str, width: int = TITLE_WIDTH) -> str:
    """``text`` on one printable line, cut to ``width`` terminal cells with … when longer
    (a CJK character or an emoji takes two)."""
    return cut(printable(text), width)


RECORD_FIELDS: Final = (
    "rank",
    "id",
    "title",
    "score",
    "effort",
    "impact",
    "customer_value",
    "efficiency",
    "confidence",
    "reach",
    "quadrant",
    "agreement",
    "participants",
    "moved_by_dependency",
    "explanation",
)
"""The fields of each JSON object and CSV row, in order."""
ROBUST_FIELDS: Final = ("rank_low", "rank_high", "p_top_k", "top_k", "unstable")
"""The fields ``--robust`` adds."""


def _records(
    ranking: Ranking,
    robust: Mapping[str, Robustness] | None,
    top: int | None,
    dots: Mapping[str, int] | None = None,
) -> list[dict[str, Cell]]:
    records: list[dict[str, Cell]] = []
    phrased: dict[tuple[type, Part], str] = {}
    for item in ranking.results[:top]:
        record: dict[str, Cell] = {
            "rank": item.rank,
            "id": item.id,
            "title": item.title,
            "score": item.score,
            "effort": item.effort,
            "impact": item.impact,
            "customer_value": item.customer_value,
            "efficiency": item.efficiency,
            "confidence": item.confidence,
            "reach": item.reach,
            "quadrant": item.quadrant,
            "agreement": item.agreement,
            "participants": item.participants,
            "moved_by_dependency": item.moved_by_dependency,
            "explanation": plain_text(item.explanation_parts, phrased),
        }
        if dots is not None:
            record["dots"] = dots.get(item.id)
        if robust is not None:
            found = robust[item.id]
            record |= {
                "rank_low": found.rank_low,
                "rank_high": found.rank_high,
                "p_top_k": found.p_top_k,
                "top_k": found.top_k,
                "unstable": found.unstable,
            }
        records.append(record)
    return records


def render(
    ranking: Ranking,
    fmt: Format,
    *,
    robust: Mapping[str, Robustness] | None = None,
    top: int | None = None,
    dots: Mapping[str, int] | None = None,
) -> str:
    """The ranking (its first ``top`` results) in ``fmt``, ending with a newline.

    ``dots``: the latest kept dot vote's count per initiative id (an initiative not
    voted on is left out); given, every record gets a ``dots`` field (null when not
    voted on) and the tables a Dots column."""
    records = _records(ranking, robust, top, dots)
    if fmt == "json":
        return json_records(
            {key: data_number(v) if v.__class__ is float else v for key, v in r.items()}
            for r in records
        )
    extra = ("dots",) if dots is not None else ()
    if fmt == "csv":
        fields = [*RECORD_FIELDS, *extra, *(ROBUST_FIELDS if robust is not None else ())]
        return _csv(records, fields)
    rows = [_display_row(record, robust is not None) for record in records]
    headers = _headers(robust)
    if dots is not None:
        at = headers.index("Agreement") + 1
        headers.insert(at, "Dots")
        for row, record in zip(rows, records, strict=True):
            row.insert(at, "–" if record["dots"] is None else str(record["dots"]))
    titles = [header_title(h) for h in headers]
    if fmt == "markdown":
        table = markdown_table(headers, rows, titles=titles)
        return _heading(ranking) + "\n\n" + table + _notes(ranking, top, "- ")
    table = plain_table(headers, rows, right=_RIGHT, titles=titles)
    return _heading(ranking) + "\n\n" + table + _notes(ranking, top)


_RIGHT: Final = frozenset({"Rank", "Effort", "Impact", "Score", "Dots", "Interval", "P(top k)"})

_TITLES: Final = (
    N_("Rank"),
    N_("Id"),
    N_("Title"),
    N_("Impact"),
    N_("Score"),
    N_("Quadrant"),
    N_("Agreement"),
    N_("Interval"),
    N_("Stable"),
    N_("Dots"),
)
"""The columns' titles, translated where shown (:func:`header_title`)."""


def header_title(header: str) -> str:
    """A column's title in the current language; ``header`` (English) stays its key."""
    if header.startswith("P(top "):
        return _("P(top {k})").format(k=header.removeprefix("P(top ").removesuffix(")"))
    if header == "Effort":
        return SCORES.label("effort")
    return _(header) if header in _TITLES else header


def _headers(robust: Mapping[str, Robustness] | None) -> list[str]:
    headers = ["Rank", "Id", "Title", "Effort", "Impact", "Score", "Quadrant", "Agreement"]
    if robust is not None:
        k = next(iter(robust.values())).top_k if robust else 0
        headers += ["Interval", f"P(top {k})", "Stable"]
    return headers


def _display_row(record: Mapping[str, Cell], robust: bool) -> list[str]:
    quadrant: Quadrant = record["quadrant"]  # type: ignore[assignment]
    rank_text = str(record["rank"]) + ("*" if record["moved_by_dependency"] else "")
    row = [
        rank_text,
        str(record["id"]),
        str(record["title"]),
        _num(record["effort"]),
        _num(record["impact"]),
        _num(record["score"]),
        quadrant_name(quadrant),
        AGREEMENTS.label(str(record["agreement"])).lower() if record["agreement"] else "–",
    ]
    if robust:
        row += [
            f"{record['rank_low']}–{record['rank_high']}",
            f"{float(record['p_top_k'] or 0):.0%}",
            _("unstable") if record["unstable"] else _("stable"),
        ]
    return row


def _num(value: Cell) -> str:
    return "–" if value is None or isinstance(value, str) else number(float(value))


def _heading(ranking: Ranking) -> str:
    label = METHODS.label(ranking.method)
    if ranking.method == "quadrant":
        return _(
            "Ranked by {method}: {label} (high impact: ≥ {impact}, high effort: > {effort})"
        ).format(
            method=ranking.method,
            label=label,
            impact=number(ranking.impact_threshold),
            effort=number(ranking.effort_threshold),
        )
    return _("Ranked by {method}: {label}").format(method=ranking.method, label=label)


def _notes(ranking: Ranking, top: int | None, bullet: str = "") -> str:
    star = f"{bullet}\\*" if bullet else "*"
    lines = [
        star
        + " "
        + _("{id} is placed after {before}, which it depends on.").format(
            id=item.id, before=item.moved_by_dependency
        )
        for item in ranking.results[:top]
        if item.moved_by_dependency
    ]
    if not ranking.results:
        if ranking.lacking:
            empty = _("No initiative has the inputs {method} needs yet.").format(
                method=ranking.method
            )
        elif ranking.unscored:
            empty = _("No initiative has both effort and impact scores yet.")
        elif ranking.excluded:
            empty = _("Every initiative is done, dropped or outside the chosen area.")
        else:
            empty = _("The plan has no initiatives yet.")
        lines.append(f"{bullet}{empty}")
    if ranking.unscored:
        missing = _("Not ranked, effort or impact missing: {ids}").format(
            ids=", ".join(ranking.unscored)
        )
        lines.append(f"{bullet}{missing}")
    if ranking.excluded:
        left_out = _("Left out: {count} done, dropped or outside the chosen area").format(
            count=len(ranking.excluded)
        )
        lines.append(f"{bullet}{left_out}")
    return ("\n" + "\n".join(lines) + "\n") if lines else ""


def plain_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: frozenset[str] = frozenset(),
    titles: Sequence[str] | None = None,
) -> str:
    """Columns aligned with spaces; titles cut to :data:`TITLE_WIDTH`; numbers on the right.
    ``headers`` name the columns (``Title`` is cut, ``right`` ones aligned right);
    ``titles``, when given, are what the header row shows (translated)."""
    cells = [
        [
            truncate(cell) if header == "Title" else printable(cell)
            for header, cell in zip(headers, row, strict=True)
        ]
        for row in rows
    ]
    shown = list(titles) if titles is not None else list(headers)
    widths = [cell_width(h) for h in shown]  # in terminal cells: 日本 takes four
    for row in cells:
        widths = [max(w, cell_width(c)) for w, c in zip(widths, row, strict=True)]

    def line(row: Sequence[str]) -> str:
        parts = [
            pad(cell, width, right=header in right or header.startswith("P(top"))
            for header, cell, width in zip(headers, row, widths, strict=True)
        ]
        return "  ".join(parts).rstrip()

    divider = "  ".join("-" * w for w in widths)
    return "\n".join([line(shown), divider, *(line(row) for row in cells)]) + "\n"


def markdown_escape(text: str) -> str:
    """User text as literal Markdown table-cell text (:func:`kxplan.text.markdown.cell`)."""
    return markdown.cell(text)


def markdown_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, titles: Sequence[str] | None = None
) -> str:
    """A GitHub-flavoured Markdown table; every cell escaped (``titles``: the header row
    shown, when it differs from the columns' names)."""
    shown = titles if titles is not None else headers
    lines = [
        "| " + " | ".join(markdown_escape(h) for h in shown) + " |",
        "|" + "|".join(" ---: " if h in _RIGHT else " --- " for h in headers) + "|",
    ]
    lines += ["| " + " | ".join(markdown_escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _csv(records: Sequence[Mapping[str, Cell]], fields: Sequence[str]) -> str:
    return text_csv.records(fields, records)


# --- several methods side by side ----------------------------------------------------


def render_methods(
    rankings: Mapping[Method, Ranking], fmt: Format, *, top: int | None = None
) -> str:
    """Each initiative's rank under every method given, in the order of the first method."""
    methods = list(rankings)
    if not methods:
        if fmt in ("table", "markdown"):
            return _("No ranking method applies to this plan.") + "\n"
        return ""
    first = rankings[methods[0]]
    ranks = {m: {item.id: item.rank for item in rankings[m].results} for m in methods}
    records: list[dict[str, Cell]] = []
    for item in first.results[:top]:
        record: dict[str, Cell] = {"id": item.id, "title": item.title}
        record |= {m: ranks[m].get(item.id) for m in methods}
        records.append(record)
    if fmt == "json":
        shaped = [
            {"id": r["id"], "title": r["title"], "ranks": {m: r[m] for m in methods}}
            for r in records
        ]
        return json_records(shaped)
    if fmt == "csv":
        return _csv(records, ["id", "title", *methods])
    headers = ["Id", "Title", *methods]
    titles = [header_title(h) for h in headers]
    rows = [
        [str(r["id"]), str(r["title"]), *("–" if r[m] is None else str(r[m]) for m in methods)]
        for r in records
    ]
    heading = _("Rank under each method (rows in {method} order)").format(method=methods[0])
    if fmt == "markdown":
        return heading + "\n\n" + markdown_table(headers, rows, titles=titles)
    return heading + "\n\n" + plain_table(headers, rows, right=frozenset(methods), titles=titles)
