"""Old import path of the exports; they live in :mod:`kxplan.reports` now.

Kept so ``from kxplan.export import ...`` and ``kxplan.export.X`` keep working.
"""

from __future__ import annotations

from typing import Final

from kxplan.framework import QUADRANTS
from kxplan.reports.areas import initiative_label
from kxplan.reports.blocks import (
    NOT_ANSWERED,
    NOTHING,
    Answer,
    Block,
    Bullets,
    Facts,
    Heading,
    Note,
    Picture,
    Table,
    labelled,
    one_line,
)
from kxplan.reports.csv import CSV_COLUMNS, USED_NUMBERS, csv_order, to_csv
from kxplan.reports.document import document, plan_date
from kxplan.reports.formats import (
    EXTENSIONS,
    FORMATS,
    Format,
    default_filename,
    encode,
    render,
    write,
)
from kxplan.reports.html import to_html
from kxplan.reports.json import json_data, to_json
from kxplan.reports.markdown import to_markdown
from kxplan.reports.questions import ESTIMATE_FIELDS
from kxplan.reports.results import Results, compute
from kxplan.reports.roadmap import when_period, when_sort_key
from kxplan.reports.svg import (
    LEADER_SPACING,
    POINT_RADIUS,
    axis_ticks,
    esc,
    matrix_svg,
    maturity_svg,
    place_points,
)
from kxplan.text.markdown import block as md_block
from kxplan.text.markdown import cell as md_cell
from kxplan.text.markdown import inline as md_inline
from kxplan.text.numbers import DASH, LARGE, money, number

QUADRANT_SINGULAR: Final[dict[str, str]] = QUADRANTS.labels()
"""Compatibility: read ``QUADRANTS[key].label`` instead."""

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
"""Compatibility for old tests: the CSV columns holding text. Nothing in kxplan reads it
(every cell goes through :func:`~kxplan.literal.spreadsheet_cell`, which guards text)."""

__all__ = [
    "CSV_COLUMNS",
    "CSV_TEXT_COLUMNS",
    "DASH",
    "ESTIMATE_FIELDS",
    "EXTENSIONS",
    "FORMATS",
    "LARGE",
    "LEADER_SPACING",
    "NOTHING",
    "NOT_ANSWERED",
    "POINT_RADIUS",
    "QUADRANT_SINGULAR",
    "USED_NUMBERS",
    "Answer",
    "Block",
    "Bullets",
    "Facts",
    "Format",
    "Heading",
    "Note",
    "Picture",
    "Results",
    "Table",
    "axis_ticks",
    "compute",
    "csv_order",
    "default_filename",
    "document",
    "encode",
    "esc",
    "initiative_label",
    "json_data",
    "labelled",
    "matrix_svg",
    "maturity_svg",
    "md_block",
    "md_cell",
    "md_inline",
    "money",
    "number",
    "one_line",
    "place_points",
    "plan_date",
    "render",
    "to_csv",
    "to_html",
    "to_json",
    "to_markdown",
    "when_period",
    "when_sort_key",
    "write",
]
