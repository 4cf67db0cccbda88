"""Plain-text tables line up in terminal cells, not characters: a title in Japanese or
with an emoji takes two cells a character, a combining accent none."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kxplan.reports.ranking import plain_table, truncate
from kxplan.text.width import cells, cut, pad


def test_cells_counts_as_a_terminal_draws() -> None:
    assert cells("abc") == 3
    assert cells("顧客体験") == 8
    assert cells("🚀") == 2
    assert cells("e\u0301") == 1  # e + combining acute
    assert cells("👩\u200d💻") == 4  # two wide, the joiner none


def test_a_table_with_wide_titles_lines_up() -> None:
    rows = [
        ["1", "a", "Short", "3"],
        ["2", "b", "顧客体験の改善 🚀 Plain-language invoice", "12"],
        ["3", "c", "Café au lait, e\u0301", "7"],
    ]
    table = plain_table(["Rank", "Id", "Title", "Score"], rows, right=frozenset({"Rank", "Score"}))
    header, divider, *body = table.splitlines()
    assert len({cells(line) for line in (header, divider, *body)}) == 1, table
    spans, start = [], 0
    for dashes in divider.split("  "):  # each column's cells, as the divider marks them
        spans.append((start, start + len(dashes)))
        start += len(dashes) + 2
    for line, row in zip(body, rows, strict=True):
        shown = [by_cells(line, low, high).strip() for low, high in spans]
        assert shown == row, table


def by_cells(line: str, low: int, high: int) -> str:
    """The characters of ``line`` drawn in cells ``low`` to ``high``."""
    taken, kept = 0, []
    for char in line:
        if low <= taken < high:
            kept.append(char)
        taken += cells(char)
    return "".join(kept)


@given(st.lists(st.sampled_from(["a", "日", "🚀", "e\u0301", " "]), max_size=60).map("".join))
def test_a_cut_title_fits_its_cells(text: str) -> None:
    shown = truncate(text, 20)
    assert cells(shown) <= 20
    if cells(text.strip()) <= 20 and "  " not in text and text == text.strip():
        assert shown == text


@given(st.text(max_size=30), st.integers(min_value=1, max_value=40))
def test_cut_and_pad_keep_to_the_width(text: str, width: int) -> None:
    kept = cut(text, width)
    assert cells(kept) <= max(width, 1)
    assert cells(pad(kept, width)) == max(width, cells(kept))
