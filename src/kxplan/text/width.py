"""How many terminal cells text takes: what lines up columns of plain text.

``len`` counts characters, but a terminal gives a wide character (CJK, most emoji) two
cells and a combining accent or a joiner none, so a table padded with ``ljust`` runs
crooked as soon as a title is written in Japanese or carries an emoji. This module
measures as a terminal draws (Unicode's East Asian Width), without loading a terminal
library for a command that only prints.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Final

_ZERO_WIDTH: Final = frozenset({"Mn", "Me", "Cf"})
"""Combining marks and format characters (joiners, marks): drawn on the character before."""


@lru_cache(maxsize=4096)
def char_cells(char: str) -> int:
    """The cells one character takes: 2 wide, 0 combining or format, else 1."""
    if unicodedata.category(char) in _ZERO_WIDTH and char != "\u00ad":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cells(text: str) -> int:
    """The cells ``text`` takes on one line of a terminal."""
    if text.isascii():
        return len(text)  # the common case: one cell a character
    return sum(char_cells(char) for char in text)


def cut(text: str, width: int, ellipsis: str = "…") -> str:
    """``text`` in at most ``width`` cells, ending in ``ellipsis`` when cut."""
    if cells(text) <= width:
        return text
    room = width - cells(ellipsis)
    taken, kept = 0, []
    for char in text:
        taken += char_cells(char)
        if taken > room:
            break
        kept.append(char)
    return "".join(kept).rstrip() + ellipsis


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` filled with spaces to ``width`` cells, on the left when ``right``."""
    fill = " " * max(0, width - cells(text))
    return fill + text if right else text + fill
