"""The join address as a QR code for the terminal.

segno draws the code; the terminal form packs two rows of modules into one line
of half blocks, so the code is square on a screen whose cells are twice as tall
as they are wide. Light modules are drawn as blocks and dark ones left blank, so
the screen must draw it white on black, whatever the terminal's theme.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

import segno

QUIET: Final = 2
"""Modules of light margin around the code (scanners want some; the screen adds more)."""

_HALF: Final = {(False, False): "█", (True, False): "▄", (False, True): "▀", (True, True): " "}
"""(top dark, bottom dark) → the character: light is drawn, dark is left as background."""


def matrix(text: str) -> list[list[bool]]:
    """The code's modules, dark as True, with the quiet margin."""
    code = segno.make(text, error="m", boost_error=False)
    return [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=QUIET)]


@lru_cache(maxsize=8)
def terminal_lines(text: str) -> tuple[str, ...]:
    """The QR code for ``text`` as lines of half blocks, two module rows per line (kept:
    the screen asks again on every change)."""
    rows = matrix(text)
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return tuple(
        "".join(_HALF[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[0::2], rows[1::2], strict=True)
    )
