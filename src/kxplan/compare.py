"""Old import path of the comparison: re-exports only.

The comparison lives in :mod:`kxplan.versions.comparison` (building it),
:mod:`kxplan.versions.changes` (what it holds), :mod:`kxplan.versions.moves` and
:mod:`kxplan.versions.textconv`; its renderings in :mod:`kxplan.reports.comparison`
and :mod:`kxplan.reports.comparison_json`. Import from there in new code.
"""

from kxplan.reports.comparison import (
    NO_EFFECT,
    SECTION_TITLES,
    Styler,
    describe,
    format_markdown,
    format_text,
    shifted_note,
    where,
)
from kxplan.reports.comparison import value_text as show_value
from kxplan.reports.comparison_json import format_json, to_json_data
from kxplan.versions.changes import (
    SCORE_CHANGE_FIELDS,
    SECTIONS,
    TIMESTAMP_FIELDS,
    TOP_N,
    Change,
    Comparison,
    Kind,
    Section,
    Trend,
    Value,
    text_diff,
)
from kxplan.versions.comparison import compare, kpi_trend
from kxplan.versions.moves import real_moves
from kxplan.versions.textconv import plan_as_lines

__all__ = [
    "NO_EFFECT",
    "SCORE_CHANGE_FIELDS",
    "SECTIONS",
    "SECTION_TITLES",
    "TIMESTAMP_FIELDS",
    "TOP_N",
    "Change",
    "Comparison",
    "Kind",
    "Section",
    "Styler",
    "Trend",
    "Value",
    "compare",
    "describe",
    "format_json",
    "format_markdown",
    "format_text",
    "kpi_trend",
    "plan_as_lines",
    "real_moves",
    "shifted_note",
    "show_value",
    "text_diff",
    "to_json_data",
    "where",
]
