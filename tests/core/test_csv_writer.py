"""The one CSV writer: RFC 4180 with CRLF, UTF-8 with a byte-order mark, formulas guarded."""

from __future__ import annotations

import codecs
import csv as stdlib_csv
import io

from hypothesis import given
from hypothesis import strategies as st

from kxplan.text import csv
from kxplan.text.literal import spreadsheet_cell

cells = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.one_of(st.sampled_from(list("=+-@\t\r\n\",;'")), st.characters(codec="utf-8"))),
)


def parsed(text: str) -> list[list[str]]:
    return list(stdlib_csv.reader(io.StringIO(text, newline="")))


def test_records_end_in_crlf_and_missing_keys_are_empty() -> None:
    text = csv.records(("id", "title", "score"), [{"id": "a", "score": 3.0}, {"title": "B"}])
    assert text == "id,title,score\r\na,,3\r\n,B,\r\n"


def test_a_cell_with_a_line_break_is_quoted_and_keeps_it() -> None:
    text = csv.rows(("notes",), [("one\ntwo",)])
    assert text == 'notes\r\n"one\ntwo"\r\n'
    assert parsed(text) == [["notes"], ["one\ntwo"]]


def test_text_that_looks_like_a_formula_gets_an_apostrophe() -> None:
    assert parsed(csv.rows(("t",), [("=1+1",), ("@SUM(A1)",), ("-2",), (-2,)]))[1:] == [
        ["'=1+1"],
        ["'@SUM(A1)"],
        ["'-2"],
        ["-2"],  # a number stays a number
    ]


def test_the_file_starts_with_a_byte_order_mark_and_is_utf8() -> None:
    data = csv.encode(csv.rows(("title",), [("Åkesson",)]))
    assert data.startswith(codecs.BOM_UTF8)
    assert data[len(codecs.BOM_UTF8) :].decode("utf-8") == "title\r\nÅkesson\r\n"


@given(st.lists(st.lists(cells, min_size=2, max_size=2), max_size=5))
def test_every_row_reads_back_as_its_guarded_cells(body: list[list[object]]) -> None:
    text = csv.rows(("a", "b"), body)
    assert text.endswith("\r\n")
    assert parsed(text) == [["a", "b"]] + [[str(spreadsheet_cell(v)) for v in row] for row in body]
