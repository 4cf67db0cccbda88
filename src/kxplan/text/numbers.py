"""Numbers as people read them and as data files hold them, written once for every view.

:func:`number` is for people: thousands grouped with a narrow no-break space (so a
figure never wraps mid-number, in a terminal, a page or a cell), whole numbers
without decimals, others rounded, with the current language's decimal mark
("2.5" in English, "2,5" in Swedish). :func:`data_number` is for JSON and other data:
whole numbers as integers and no float noise (``33.6``, not ``33.599999999999994``).
"""

from __future__ import annotations

import math
from typing import Final

from kxplan.i18n import DECIMAL_MARKS, _, current, pgettext

GROUP: Final = "\u202f"
"""The thousands separator: a narrow no-break space."""

DASH: Final = "–"
"""What an unknown number reads as."""

LARGE: Final = 1e21
"""From here on a number is shown in scientific notation (Python's own limit for ``,f``)."""

DATA_DIGITS: Final = 15
"""Significant digits kept in data files: all a float holds reliably, so no noise."""


def number(value: float | None, places: int = 2, *, unknown: str = DASH) -> str:
    """A number for people: ``1 200``, ``2.5``, ``0.33``; ``unknown`` for None, ∞ when
    too large for a float."""
    if value is None:
        return unknown
    value = float(value)
    if -1000 < value < 1000:  # most numbers (NaN and ∞ fail the test): no grouping
        if value.is_integer():
            return str(int(value))
        rounded = round(value, places) + 0.0  # + 0.0: no "-0"
        if -1000 < rounded < 1000:
            text = f"{rounded:.{places}f}"
        else:  # 999.996 is shown as 1 000
            text = f"{rounded:,.{places}f}".replace(",", GROUP)
    elif math.isnan(value):
        return _("not a number")
    elif math.isinf(value):
        return "∞" if value > 0 else "−∞"
    elif abs(value) >= LARGE:
        return f"{value:.3g}"
    else:
        text = f"{round(value, places) + 0.0:,.{places}f}".replace(",", GROUP)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    mark = DECIMAL_MARKS[current()]
    return text if mark == "." else text.replace(".", mark)


def whole(value: float | None, *, unknown: str = DASH) -> str:
    """A count or an amount for people, rounded to a whole number: ``12 480``."""
    return number(value, 0, unknown=unknown)


def currency_word(code: str) -> str:
    """A currency as the current language writes it after an amount: SEK reads "kr"
    in Swedish; any other currency as the plan names it."""
    code = code.strip()
    if code.upper() == "SEK":
        # TRANSLATORS: Swedish kronor after an amount ("213 400 kr").
        return pgettext("currency", "SEK")
    return code


def money(
    value: float | None, currency: str, *, places: int | None = None, unknown: str = DASH
) -> str:
    """An amount and the plan's currency: from 100 up whole (``246 770 SEK``), below
    that with up to two decimals (``12.5 SEK``); a no-break space before the currency.

    ``places`` keeps up to that many decimals at any size, for a price per unit
    (``1 234.5 SEK`` a contact) rather than a total.
    """
    if value is None:
        return unknown
    if places is not None:
        text = number(value, places)
    else:
        text = number(value) if abs(value) < 100 else whole(value)
    word = currency_word(currency)
    return f"{text}\u00a0{word}" if word else text


def percent(share: float | None, places: int = 0, *, unknown: str = DASH) -> str:
    """A share already in percent (70 → ``70 %``, −50 → ``−50 %``, a true minus sign),
    with a no-break space before the sign."""
    if share is None:
        return unknown
    text = number(share, places)
    if text.startswith("-"):
        text = "\u2212" + text[1:]
    return f"{text}\u00a0%"


def measured(value: float | None, unit: str, *, unknown: str = DASH) -> str:
    """A measured value and what it is on, joined by a no-break space: ``3.9 (1–5)``,
    ``72 %``, ``4.5 min``, ``1 200 contacts/month``; the number alone without a unit."""
    if value is None:
        return unknown
    text = number(value)
    return f"{text}\u00a0{unit}" if unit.strip() else text


def data_number(value: float | None) -> int | float | None:
    """A number for data files: whole numbers as ints, others without float noise; None
    when unknown or not finite (JSON has no infinity)."""
    if value is None:
        return None
    value = float(value)
    if not math.isfinite(value):
        return None
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return float(f"{value:.{DATA_DIGITS}g}")
