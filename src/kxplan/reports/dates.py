"""Dates in a document, the way its language writes them: "20 November 2026",
"20 november 2026".

The month names are the catalogue's (context ``month``), so a language needs no
locale database at run time (Babel is a build tool only).
"""

from __future__ import annotations

import datetime as dt

from kxplan.i18n import _, pgettext


def month_name(month: int) -> str:
    """The name of a month (1–12) in the current language."""
    names = (
        pgettext("month", "January"),
        pgettext("month", "February"),
        pgettext("month", "March"),
        pgettext("month", "April"),
        pgettext("month", "May"),
        pgettext("month", "June"),
        pgettext("month", "July"),
        pgettext("month", "August"),
        pgettext("month", "September"),
        pgettext("month", "October"),
        pgettext("month", "November"),
        pgettext("month", "December"),
    )
    return names[month - 1]


def date_text(day: dt.date) -> str:
    """A date for people in the current language: ``20 November 2026``."""
    # TRANSLATORS: a date in running text; {month} is the month's name.
    return _("{day} {month} {year}").format(day=day.day, month=month_name(day.month), year=day.year)
