"""The export formats: which there are, their file names, and rendering one to a file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final, Literal, get_args

from kxplan import storage
from kxplan.model import Plan
from kxplan.reports.checkin import CheckinAsked
from kxplan.reports.csv import to_csv
from kxplan.reports.html import to_html
from kxplan.reports.json import to_json
from kxplan.reports.markdown import to_markdown
from kxplan.text import csv

Format = Literal["markdown", "html", "csv", "json"]
"""The export formats."""

FORMATS: Final[tuple[Format, ...]] = get_args(Format)

EXTENSIONS: Final[dict[str, str]] = {
    "markdown": ".md",
    "html": ".html",
    "csv": ".csv",
    "json": ".json",
}


def render(
    plan: Plan,
    fmt: Format,
    *,
    delimiter: str | None = None,
    decimal: str | None = None,
    checkin: CheckinAsked | None = None,
) -> str:
    """The plan exported as text in ``fmt`` (CSV without the byte-order mark), in the
    plan's language. ``delimiter`` and ``decimal`` choose the CSV's separator and
    decimal mark (characters) over the language's (:func:`kxplan.text.csv.style_for`);
    ``checkin`` adds a check-in to the document (Markdown, HTML)."""
    if fmt == "markdown":
        return to_markdown(plan, checkin=checkin)
    if fmt == "html":
        return to_html(plan, checkin=checkin)
    if fmt == "csv":
        return to_csv(plan, delimiter=delimiter, decimal=decimal)
    if fmt == "json":
        return to_json(plan)
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def encode(text: str, fmt: Format) -> bytes:
    """The bytes of an export file: UTF-8, with a byte-order mark for CSV (for Excel)."""
    return csv.encode(text) if fmt == "csv" else text.encode("utf-8")


def write(
    plan: Plan,
    fmt: Format,
    path: str | os.PathLike[str],
    *,
    delimiter: str | None = None,
    decimal: str | None = None,
) -> Path:
    """Export the plan to ``path`` atomically; returns the path. Raises PlanError on failure."""
    target = Path(path)
    text = render(plan, fmt, delimiter=delimiter, decimal=decimal)
    storage.write_atomic(target, encode(text, fmt))
    return target


def default_filename(plan_path: str | os.PathLike[str], fmt: Format) -> Path:
    """Where an export is written by default: next to the plan, named after it.

    ``acme.toml`` gives ``acme.md``, ``acme.html``, ``acme.json`` and
    ``acme-initiatives.csv`` (the CSV holds the initiatives only).
    """
    path = Path(plan_path)
    stem = path.stem + ("-initiatives" if fmt == "csv" else "")
    return path.with_name(stem + EXTENSIONS[fmt])
