"""Numbers as people type them, read back carefully: in a form, a CSV cell, anywhere.

Both decimal marks are taken (2.5 and 2,5), digit groups with a space (1 200), and
what reads two ways (1,000: a thousand, or one with a decimal comma?) is refused
rather than guessed. The app's forms and the CSV import read numbers through here.
"""

from __future__ import annotations

import math
import re
from typing import Final

from kxplan.i18n import _

_GROUP_SPACE: Final = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}(?!\d))")
"""A space between digit groups, as in 1 200 (also no-break, narrow no-break and thin)."""
_DECIMAL: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_WHOLE: Final = re.compile(r"([+-]?\d+)(?:\.0{1,2})?")
_THOUSANDS_OR_DECIMALS: Final = re.compile(r"[+-]?\d{1,3}(?:[.,]\d{3})+")
"""1,000 or 12.500: a thousand and twelve thousand five hundred, or one and twelve and a half?"""
"""A whole number, perhaps written 5.0 (not 1.000 or 1,000: those could be a thousand)."""


def _plain(text: str) -> str:
    """``text`` without digit-group spaces, a decimal comma made a point."""
    text = _GROUP_SPACE.sub("", text.strip())
    return text.replace(",", ".") if text.count(",") == 1 and "." not in text else text


def parse_number(text: str) -> float | None:
    """A number as people write it (2.5, 2,5, 1 200, -3); None if ``text`` is not one.

    Very large ones come back as infinite, for the caller to refuse.
    """
    plain = _plain(text)
    return float(plain) if _DECIMAL.fullmatch(plain) else None


def read_number(text: str) -> float | None:
    """The number typed, or None when blank; ValueError saying what is wrong otherwise.

    Refuses what reads two ways (1,000: a thousand, or one with a decimal comma?) rather
    than guess, and numbers too large to hold.
    """
    stripped = text.strip()
    if not stripped:
        return None
    if _THOUSANDS_OR_DECIMALS.fullmatch(stripped):
        raise ValueError(
            _(
                "{text} could be read two ways: write thousands with a space "
                "(1 000) and decimals with one comma or point (1,5)"
            ).format(text=repr(stripped))
        )
    number = parse_number(stripped)
    if number is None:
        raise ValueError(_("expected a number, got {text}").format(text=repr(stripped)))
    if not math.isfinite(number):
        raise ValueError(
            _("expected a number, got {text}, which is too large").format(text=repr(stripped))
        )
    return number


def parse_whole(text: str) -> int | None:
    """A whole number as people write it (1 200, also 5.0 or 5,0); None if ``text`` is
    not one (5.5 is not, nor 1,000: a thousand or one?)."""
    match = _WHOLE.fullmatch(_plain(text))
    if match is None:
        return None
    try:
        return int(match.group(1))
    except ValueError:  # more digits than Python converts
        return None
