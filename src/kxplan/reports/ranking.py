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

from kxplan.framework import METHODS, Method, Quadrant
from kxplan.scoring import Ranking, Robustness
from kxplan.scoring.explanations import quadrant_name
from kxplan.text import csv as text_csv
from kxplan.text import markdown
from kxplan.text.literal import json_records, printable
from kxplan.text.numbers import data_number, number

Format = Literal["table", "markdown", "csv", "json"]
FORMATS: Final[tuple[Format, ...]] = ("table", "markdown", "csv", "json")

TITLE_WIDTH: Final = 40
"""Titles longer than this are cut with … in the terminal table."""

Cell = str | int | float | bool | None


def truncate(text: str, width: int = TITLE_WIDTH) -> str:
    """``text`` on one printable line, cut to ``width`` characters with … when longer."""
    flat = printable(text)
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


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
    ranking: Ranking, robust: Mapping[str, Robustness] | None, top: int | None
) -> list[dict[str, Cell]]:
    records: list[dict[str, Cell]] = []
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
            "explanation": item.explanation,
        }
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
) -> str:
    """The ranking (its first ``top`` results) in ``fmt``, ending with a newline."""
    records = _records(ranking, robust, top)
    if fmt == "json":
        return json_records({key: _data(value) for key, value in r.items()} for r in records)
    if fmt == "csv":
        return _csv(records, [*RECORD_FIELDS, *(ROBUST_FIELDS if robust is not None else ())])
    rows = [_display_row(record, robust is not None) for record in records]
    headers = _headers(robust)
    if fmt == "markdown":
        table = markdown_table(headers, rows)
        return _heading(ranking) + "\n\n" + table + _notes(ranking, top, "- ")
    table = plain_table(headers, rows, right=_RIGHT)
    return _heading(ranking) + "\n\n" + table + _notes(ranking, top)


def _data(value: Cell) -> Cell:
    """A JSON value: numbers through :func:`data_number`, everything else as it is."""
    if isinstance(value, float):
        return data_number(value)
    return value


_RIGHT: Final = frozenset({"Rank", "Effort", "Impact", "Score", "Interval", "P(top k)"})


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
        str(record["agreement"] or "–"),
    ]
    if robust:
        row += [
            f"{record['rank_low']}–{record['rank_high']}",
            f"{float(record['p_top_k'] or 0):.0%}",
            "unstable" if record["unstable"] else "stable",
        ]
    return row


def _num(value: Cell) -> str:
    return "–" if value is None or isinstance(value, str) else number(float(value))


def _heading(ranking: Ranking) -> str:
    text = f"Ranked by {ranking.method}: {METHODS.label(ranking.method)}"
    if ranking.method == "quadrant":
        text += (
            f" (high impact: ≥ {number(ranking.impact_threshold)}, "
            f"high effort: > {number(ranking.effort_threshold)})"
        )
    return text


def _notes(ranking: Ranking, top: int | None, bullet: str = "") -> str:
    lines = [
        f"{bullet}\\* {item.id} is placed after {item.moved_by_dependency}, which it depends on."
        if bullet
        else f"* {item.id} is placed after {item.moved_by_dependency}, which it depends on."
        for item in ranking.results[:top]
        if item.moved_by_dependency
    ]
    if not ranking.results:
        if ranking.unscored:
            empty = "No initiative has both effort and impact scores yet."
        elif ranking.excluded:
            empty = "Every initiative is done, dropped or outside the chosen area."
        else:
            empty = "The plan has no initiatives yet."
        lines.append(f"{bullet}{empty}")
    if ranking.unscored:
        lines.append(f"{bullet}Not ranked, effort or impact missing: {', '.join(ranking.unscored)}")
    if ranking.excluded:
        lines.append(
            f"{bullet}Left out: {len(ranking.excluded)} done, dropped or outside the chosen area"
        )
    return ("\n" + "\n".join(lines) + "\n") if lines else ""


def plain_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: frozenset[str] = frozenset()
) -> str:
    """Columns aligned with spaces; titles cut to :data:`TITLE_WIDTH`; numbers on the right."""
    cells = [
        [
            truncate(cell) if header == "Title" else printable(cell)
            for header, cell in zip(headers, row, strict=True)
        ]
        for row in rows
    ]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]

    def line(row: Sequence[str]) -> str:
        parts = [
            cell.rjust(width)
            if header in right or header.startswith("P(top")
            else cell.ljust(width)
            for header, cell, width in zip(headers, row, widths, strict=True)
        ]
        return "  ".join(parts).rstrip()

    divider = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), divider, *(line(row) for row in cells)]) + "\n"


def markdown_escape(text: str) -> str:
    """User text as literal Markdown table-cell text (:func:`kxplan.text.markdown.cell`)."""
    return markdown.cell(text)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table; every cell escaped."""
    lines = [
        "| " + " | ".join(markdown_escape(h) for h in headers) + " |",
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
        return "No ranking method applies to this plan.\n" if fmt in ("table", "markdown") else ""
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
    rows = [
        [str(r["id"]), str(r["title"]), *("–" if r[m] is None else str(r[m]) for m in methods)]
        for r in records
    ]
    heading = "Rank under each method (rows in " + methods[0] + " order)"
    if fmt == "markdown":
        return heading + "\n\n" + markdown_table(headers, rows)
    return heading + "\n\n" + plain_table(headers, rows, right=frozenset(methods))
