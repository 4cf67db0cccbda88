"""Compatibility: the safe-text helpers live in :mod:`kxplan.text.literal`."""

from kxplan.text.literal import (
    FORMULA_START,
    json_escaped,
    printable,
    spreadsheet_cell,
    spreadsheet_text,
    visible,
    visible_lines,
)

__all__ = [
    "FORMULA_START",
    "json_escaped",
    "printable",
    "spreadsheet_cell",
    "spreadsheet_text",
    "visible",
    "visible_lines",
]
