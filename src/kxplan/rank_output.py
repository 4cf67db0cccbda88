"""Moved to :mod:`kxplan.reports.ranking`; this name keeps old imports working."""

from kxplan.reports.ranking import (
    FORMATS,
    RECORD_FIELDS,
    ROBUST_FIELDS,
    TITLE_WIDTH,
    Cell,
    Format,
    markdown_escape,
    markdown_table,
    plain_table,
    render,
    render_methods,
    truncate,
)

__all__ = [
    "FORMATS",
    "RECORD_FIELDS",
    "ROBUST_FIELDS",
    "TITLE_WIDTH",
    "Cell",
    "Format",
    "markdown_escape",
    "markdown_table",
    "plain_table",
    "render",
    "render_methods",
    "truncate",
]
