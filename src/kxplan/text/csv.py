"""The one way kxplan writes CSV: RFC 4180 with CRLF line ends, UTF-8 with a byte-order
mark (so spreadsheets read the text right), every cell through
:func:`~kxplan.literal.spreadsheet_cell` (formulas guarded, numbers without noise)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from kxplan.text.literal import spreadsheet_cell

ENCODING: Final = "utf-8-sig"
"""UTF-8 with a byte-order mark: without it Excel reads UTF-8 as the local code page."""

LINE_END: Final = "\r\n"
"""RFC 4180's line end."""


def rows(header: Sequence[str], body: Iterable[Sequence[object]]) -> str:
    """A header and rows of values as CSV text (without the byte-order mark)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=LINE_END)
    writer.writerow(header)
    writer.writerows([spreadsheet_cell(value) for value in row] for row in body)
    return buffer.getvalue()


def records(fields: Sequence[str], body: Iterable[Mapping[str, object]]) -> str:
    """Records as CSV text, one column per field in ``fields`` (a missing key is empty)."""
    return rows(fields, ([record.get(name) for name in fields] for record in body))


def encode(text: str) -> bytes:
    """The bytes of a CSV file: :data:`ENCODING`."""
    return text.encode(ENCODING)
