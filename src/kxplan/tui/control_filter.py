"""Nothing drawn on screen may command the terminal.

A plan's text can hold control characters — an escape sequence pasted from a log, a
title written by a script. Drawn as they are, ``ESC [2J`` would clear the screen and
``ESC ]0;…`` retitle the window. The plan keeps them (kxplan never changes what was
written); the screen just does not pass them on. They take no room on screen, so
dropping them leaves every line's width as it was laid out.
"""

from __future__ import annotations

import re
from typing import Final

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls, DEL and C1 controls (``\\x9b`` is a CSI on its own), and the bidirectional
embeddings, overrides and isolates (a terminal that reorders text would show a title
other than the one written; :data:`kxplan.text.literal.BIDI_CONTROLS`)."""


class ControlCharacterFilter(LineFilter):
    """Drops control characters from every line the app draws."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        cleaned: list[Segment] = []
        for segment in segments:
            text = segment.text
            if not text.isprintable() and _CONTROL.search(text):
                segment = Segment(_CONTROL.sub("", text), segment.style, segment.control)
            cleaned.append(segment)
        return cleaned
