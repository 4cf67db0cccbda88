"""The app draws no bidirectional control: a terminal that reorders text would show a
title other than the one written."""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color

from kxplan.tui.control_filter import ControlCharacterFilter


def test_the_app_draws_none_of_them() -> None:
    trick = "Pay \u202eevil\u202c now \u2067x\u2069 \u200fשלום"
    lines = ControlCharacterFilter().apply([Segment(trick)], Color(0, 0, 0))
    assert "".join(segment.text for segment in lines) == "Pay evil now x \u200fשלום"
