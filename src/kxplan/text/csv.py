"""The one way kxplan writes CSV: RFC 4180 with CRLF line ends, UTF-8 with a byte-order
mark (so spreadsheets read the text right), every cell through
:func:`~kxplan.text.literal.spreadsheet_cell` (formulas guarded, numbers without noise).

The separator and the decimal mark follow the spreadsheet's language
(:func:`style_for`): a Swedish spreadsheet opens ``;``-separated cells with decimal
commas in one step, an English one ``,``-separated cells with decimal points.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, NamedTuple

from kxplan.i18n import DECIMAL_MARKS, Language
from kxplan.text.literal import spreadsheet_cell

ENCODING: Final = "utf-8-sig"
"""UTF-8 with a byte-order mark: without it Excel reads UTF-8 as the local code page."""

LINE_END: Final = "\r\n"
"""RFC 4180's line end."""

DELIMITERS: Final[dict[str, str]] = {"comma": ",", "semicolon": ";", "tab": "\t"}
"""The separators kxplan writes, by name."""

DECIMALS: Final[dict[str, str]] = {"point": ".", "comma": ","}
"""The decimal marks kxplan writes, by name."""


class Style(NamedTuple):
    """How the cells of a CSV file are separated and how its numbers are written."""

    delimiter: str = ","
    decimal: str = "."


DEFAULT: Final = Style()
"""RFC 4180's comma and a decimal point."""


def style_for(code: Language, delimiter: str | None = None, decimal: str | None = None) -> Style:
    """The style a spreadsheet in language ``code`` opens in one step, with ``delimiter``
    or ``decimal`` (characters) chosen over it: a decimal comma goes with semicolons,
    a decimal point with commas (so a comma separator alone brings decimal points).
    ValueError when both are a comma."""
    mark = decimal or ("." if delimiter == "," else DECIMAL_MARKS[code])
    if delimiter is None:
        delimiter = ";" if mark == "," else ","
    style = Style(delimiter, mark)
    check(style)
    return style


def check(style: Style) -> None:
    """ValueError unless ``style`` is a separator and a decimal mark kxplan writes, and
    they differ (a comma cannot be both)."""
    if style.delimiter not in DELIMITERS.values():
        raise ValueError(f"unknown CSV separator {style.delimiter!r}")
    if style.decimal not in DECIMALS.values():
        raise ValueError(f"unknown decimal mark {style.decimal!r}")
    if style.delimiter == style.decimal:
        raise ValueError("the separator and the decimal mark cannot both be a comma")


def cell(value: object, style: Style = DEFAULT) -> str | int | float:
    """A value for a cell: :func:`spreadsheet_cell`, a fraction with ``style``'s
    decimal mark."""
    shown = spreadsheet_cell(value)
    if isinstance(shown, float) and style.decimal != ".":
        return repr(shown).replace(".", style.decimal)
    return shown


def rows(header: Sequence[str], body: Iterable[Sequence[object]], style: Style = DEFAULT) -> str:
    """A header and rows of values as CSV text (without the byte-order mark)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=style.delimiter, lineterminator=LINE_END)
    writer.writerow(header)
    writer.writerows([cell(value, style) for value in row] for row in body)
    return buffer.getvalue()


def records(
    fields: Sequence[str], body: Iterable[Mapping[str, object]], style: Style = DEFAULT
) -> str:
    """Records as CSV text, one column per field in ``fields`` (a missing key is empty)."""
    return rows(fields, ([record.get(name) for name in fields] for record in body), style)


def encode(text: str) -> bytes:
    """The bytes of a CSV file: :data:`ENCODING`."""
    return text.encode(ENCODING)
