"""The one reader of the dates people give, and the one message for a date in the future.

Every date a person gives kxplan — typed in the app, in a CSV cell, on the command
line (``--date``), an initiative's ``when`` that is a day — is read by :func:`read_date`:
exactly ``YYYY-MM-DD`` (a TOML date, as the plan file holds them, too), nothing else.
Python's ``date.fromisoformat`` alone would also take ``20261204`` and ``2026-W49-5``,
which nobody means as a day. In the plan file the model (strict) takes only TOML dates.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

from kxplan.i18n import _

_SHAPE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def date_expected(given: object) -> str:
    """What was expected of a date, and what was given."""
    return _("expected a date as YYYY-MM-DD (e.g. 2027-03-31), got {text}").format(
        text=given.isoformat() if isinstance(given, datetime.date) else str(given)
    )


def read_date(value: object) -> datetime.date:
    """The day ``value`` gives: a date (a TOML date; a date-time is not one) or text of
    exactly ``YYYY-MM-DD`` (spaces around it aside) that is a day of the calendar.

    Raises ValueError whose message says what was expected (:func:`date_expected`)."""
    if isinstance(value, datetime.datetime):
        raise ValueError(date_expected(value))
    if isinstance(value, datetime.date):
        return value
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and _SHAPE.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass  # 2026-02-30: the shape of a date, but no day
    raise ValueError(date_expected(text))


def read_optional_date(text: str) -> datetime.date | None:
    """:func:`read_date` of typed text; None when nothing is typed."""
    return read_date(text) if text.strip() else None


def is_date(text: str) -> bool:
    """Whether ``text`` is a date :func:`read_date` reads (for labels that may be one)."""
    try:
        read_date(text)
    except ValueError:
        return False
    return True


def future_date(day: datetime.date) -> str:
    """The one message for a date after today, where only a day that has come is
    meant: a KPI reading, a log entry, a check-in held."""
    return _("expected a date today or earlier, got {date}").format(date=day.isoformat())
