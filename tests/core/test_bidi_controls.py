"""Unicode's bidirectional controls in user text never reach a terminal or a document as
they are: they would reorder what is shown ("Trojan Source"). They are spelled out like
control characters (``\\u202e``); the right-to-left marks that names need are kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kxplan.model import Initiative, Plan
from kxplan.reports.formats import render
from kxplan.text import markdown
from kxplan.text.literal import BIDI_CONTROLS, printable, spreadsheet_text, visible

TRICK = "Pay \u202eevil\u202c now \u2067x\u2069"


def raw_controls(text: str) -> list[str]:
    return [char for char in text if char in BIDI_CONTROLS]


def test_every_bidi_control_is_spelled_out_for_a_terminal() -> None:
    assert visible(TRICK) == "Pay \\u202eevil\\u202c now \\u2067x\\u2069"
    assert printable(TRICK) == visible(TRICK)
    for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert visible(f"a{char}b") == f"a\\u{ord(char):04x}b"


def test_right_to_left_marks_and_joiners_stay_text() -> None:
    for text in ("שלום\u200f", "\u200eabc", "👩\u200d💻", "ok\u00ad"):
        assert visible(text) == text


@given(st.text(alphabet=st.sampled_from([*BIDI_CONTROLS, "a", "ש", " ", "\u200f"])))
def test_no_bidi_control_is_left_in_anything_shown(text: str) -> None:
    for shown in (visible(text), printable(text), markdown.inline(text), spreadsheet_text(text)):
        assert raw_controls(shown) == []


def test_documents_spell_them_out() -> None:
    plan = Plan(
        title=TRICK, initiatives=[Initiative(id="a", title=TRICK, effort=2, customer_value=4)]
    )
    for fmt in ("markdown", "html", "csv"):
        text = render(plan, fmt)
        assert raw_controls(text) == [], fmt
        assert "\\u202e" in text, fmt
