"""Reading the initiative form's evidence and follow-up fields: the rows it addresses,
the period of its reach, when it started and finished, what it took and what came of it.

Plain Python, no widgets: :meth:`kxplan.tui.initiative_form.InitiativeForm.read` hands
the typed texts here and places what is wrong on the field it belongs to.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any, Final

from kxplan.i18n import _
from kxplan.model.evidence import TABLES_BY_NAME, Link
from kxplan.text.dates import read_optional_date
from kxplan.tui.forms import read_number

FOLLOW_FIELDS: Final = ("reach_period", "started", "finished", "actual_effort", "outcome")
"""The follow-up inputs, by key (also the model's field names)."""

DATE_FIELDS: Final = ("started", "finished")


ERROR_KEYS: Final = (*FOLLOW_FIELDS, "addresses")
"""The form's keys for the problems of these fields."""


def read_date(text: str) -> datetime.date | None:
    """A date typed as ``2027-03-31``; None for nothing; ValueError says what was expected."""
    return read_optional_date(text)


def link_title(link: Link) -> str:
    """A linked row as the editor lists it: ``Contact reason: Where is my order? / Phone``."""
    table = TABLES_BY_NAME[link.table]
    name = " / ".join(part for part in link.key if part)
    return _("{row}: {name}").format(row=_(table.row_name).capitalize(), name=name)


def read_followup(
    texts: dict[str, str],
    links: Sequence[Link] | None,
    data: dict[str, Any],
    errors: dict[str, str],
) -> None:
    """Put the follow-up fields into the initiative's ``data``; problems into ``errors``."""
    if links is not None:
        data["addresses"] = [link.model_dump() for link in links]
    if "reach_period" in texts:
        data["reach_period"] = texts["reach_period"] or None
    for key in DATE_FIELDS:
        if key in texts:
            try:
                data[key] = read_date(texts[key])
            except ValueError as error:
                errors[key] = str(error)
                data[key] = None
    if "actual_effort" in texts:
        try:
            data["actual_effort"] = read_number(texts["actual_effort"])
        except ValueError as error:
            errors["actual_effort"] = str(error)
            data["actual_effort"] = None
    if "outcome" in texts:
        data["outcome"] = texts["outcome"]
