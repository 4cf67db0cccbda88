"""Lines in the app wrap at spaces, never at a no-break space.

kxplan groups digits with a narrow no-break space ("213 400 kr", see
:mod:`kxplan.text.numbers`) so that a number cannot be cut in two. Rich and Textual
find the places to wrap a line with ``\\s``, which in Python matches no-break spaces
too, so in a narrow box "1 200" could end one line with "1" and start the next with
"200". :func:`keep_no_break_spaces` gives both the same patterns with the no-break
spaces counted as part of a word; everything else wraps as before.
"""

from __future__ import annotations

import re
from typing import Final

from rich import _wrap as rich_wrap
from textual import _wrap as textual_wrap

NO_BREAK: Final = "\u00a0\u2007\u202f\u2060"
"""No-break space, figure space, narrow no-break space, word joiner."""

_SPACE: Final = rf"[^\S{NO_BREAK}]"
"""Whitespace a line may wrap at."""
_WORD: Final = rf"[\S{NO_BREAK}]"
"""A character of a word: anything else."""

RICH_WORD: Final = re.compile(rf"{_SPACE}*{_WORD}+{_SPACE}*")
"""Rich's ``\\s*\\S+\\s*`` (a word with the spaces around it)."""
TEXTUAL_CHUNK: Final = re.compile(rf"{_WORD}+{_SPACE}*|{_SPACE}+")
"""Textual's ``\\S+\\s*|\\s+`` (a word and the spaces after it, or spaces alone)."""


def keep_no_break_spaces() -> None:
    """Make Rich's and Textual's line wrapping treat no-break spaces as part of a word
    (both look their pattern up when they wrap, so this holds for every widget)."""
    rich_wrap.re_word = RICH_WORD
    textual_wrap.re_chunk = TEXTUAL_CHUNK
