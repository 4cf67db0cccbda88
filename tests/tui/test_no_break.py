"""Numbers grouped with no-break spaces are never cut where a line wraps."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from rich._wrap import divide_line
from textual._wrap import compute_wrap_offsets
from textual.app import App, ComposeResult
from textual.widgets import Static

from kxplan.text.numbers import whole
from kxplan.tui.no_break import keep_no_break_spaces

keep_no_break_spaces()  # as the app does when it starts (and tests/tui/conftest.py)


def cut(text: str, offsets: list[int]) -> list[str]:
    bounds = [0, *offsets, len(text)]
    return [text[a:b] for a, b in pairwise(bounds)]


@given(st.integers(min_value=1_000, max_value=10**9), st.integers(min_value=14, max_value=30))
def test_a_grouped_number_stays_on_one_line(number: int, width: int) -> None:
    shown = whole(number)
    text = f"We remove {shown} contacts a month at {shown} kr each"
    for lines in (
        cut(text, divide_line(text, width)),
        cut(text, compute_wrap_offsets(text, width, 4)),
    ):
        assert any(shown in line for line in lines), lines
        assert "".join(lines) == text


def test_ordinary_spaces_still_wrap() -> None:
    text = "one two three four"
    assert cut(text, divide_line(text, 9)) == ["one two ", "three ", "four"]
    assert cut(text, compute_wrap_offsets(text, 9, 4)) == ["one two ", "three ", "four"]


class Narrow(App[None]):
    CSS = "Static { width: 12; }"

    def compose(self) -> ComposeResult:
        yield Static(f"Saved {whole(1_234_567)} kr a year")


async def test_a_narrow_box_in_the_app_keeps_the_number_whole() -> None:
    app = Narrow()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        static = app.query_one(Static)
        lines = ["".join(s.text for s in static.render_line(y)).rstrip() for y in range(3)]
    assert any(whole(1_234_567) in line for line in lines), lines
