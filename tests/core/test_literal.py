"""User text made safe to print: control characters spelled out, everything else kept."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kxplan.text.literal import json_escaped, json_records, printable, spreadsheet_text, visible


def controls(text: str) -> set[str]:
    """The characters in ``text`` a terminal acts on (Unicode category Cc)."""
    return {c for c in text if unicodedata.category(c) == "Cc"}


def test_an_escape_sequence_is_spelled_out_not_sent() -> None:
    title = "Plan\x1b]0;pwned\x07\x1b[2J"
    assert visible(title) == "Plan\\x1b]0;pwned\\x07\\x1b[2J"
    assert printable(title) == "Plan\\x1b]0;pwned\\x07\\x1b[2J"


def test_visible_keeps_lines_and_tabs_printable_flattens_them() -> None:
    text = "first\tline\nsecond\x00line"
    assert visible(text) == "first\tline\nsecond\\x00line"
    assert printable(text) == "first line second\\x00line"


def test_ordinary_text_is_unchanged() -> None:
    text = "Åsa's 🙂 plan: 日本語 [bold]x[/] <b> 👩\u200d💻 co\xadop"
    assert visible(text) == printable(text) == text
    spaced = "2\u202f080\xa0kr"  # narrow and no-break spaces are text: a figure must not wrap
    assert (visible(spaced), printable(spaced)) == (spaced, spaced)


@given(st.text())
def test_nothing_a_terminal_acts_on_is_left(text: str) -> None:
    assert controls(visible(text)) <= {"\n", "\t"}
    assert not controls(printable(text))
    assert "\n" not in printable(text)


@given(st.text(st.characters(exclude_categories=("Cc",))))
def test_text_without_controls_keeps_every_character(text: str) -> None:
    assert visible(text) == text


@given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_json_escaped_reads_back_the_same_and_holds_no_raw_controls(value: object) -> None:
    document = json_escaped(json.dumps(value, ensure_ascii=False))
    assert json.loads(document) == value
    assert not controls(document) - {"\n"}


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=SUM(1+1)", "'=SUM(1+1)"),
        ("-2+3", "'-2+3"),
        ("@x", "'@x"),
        ("plain", "plain"),
        ("a\r\nb\x1bc", "a\nb\\x1bc"),
    ],
)
def test_spreadsheet_text_guards_formulas_and_controls(text: str, cell: str) -> None:
    assert spreadsheet_text(text) == cell


@given(
    st.lists(
        st.dictionaries(
            st.text(max_size=5),
            st.none()
            | st.booleans()
            | st.integers()
            | st.floats(allow_nan=False, allow_infinity=False)
            | st.text(),
            max_size=4,
        ),
        max_size=5,
    )
)
def test_json_records_reads_back_as_the_records_one_per_line(
    records: list[dict[str, object]],
) -> None:
    text = json_records(records)

    assert json.loads(text) == records
    lines = text.removesuffix("\n").split("\n")
    assert len(lines) == (len(records) + 2 if records else 1)
    assert not re.search("[\x7f-\x9f]", text)  # C1 controls escaped, as json_escaped does
