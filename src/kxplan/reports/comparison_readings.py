"""A change to a KPI's readings for people: each reading by its date, added, removed or
changed ("reading 1 November 2026 (62) added"), instead of the rows' JSON."""

from __future__ import annotations

import datetime as dt
import json

from kxplan.i18n import _
from kxplan.reports.dates import date_text
from kxplan.text.literal import printable
from kxplan.text.numbers import number
from kxplan.versions.changes import Value


def _readings(value: Value) -> dict[str, object]:
    """A readings value (one JSON object per reading) as values by ISO date."""
    found: dict[str, object] = {}
    for item in value if isinstance(value, tuple) else ():
        try:
            data = json.loads(item)
        except ValueError:
            continue
        if isinstance(data, dict) and "date" in data:
            found[str(data["date"])] = data.get("value")
    return found


def _day(iso: str) -> str:
    try:
        return date_text(dt.date.fromisoformat(iso))
    except ValueError:
        return printable(iso)


def _value(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value)
    return printable(str(value))


def readings_text(old: Value, new: Value) -> str:
    """What changed in a KPI's readings, reading by reading, oldest first:
    "reading 1 November 2026 (62) added; reading 1 October 2026 removed"."""
    before, after = _readings(old), _readings(new)
    parts: list[str] = []
    for day in sorted(set(before) | set(after)):
        if day not in before:
            parts.append(
                _("reading {date} ({value}) added").format(date=_day(day), value=_value(after[day]))
            )
        elif day not in after:
            parts.append(_("reading {date} removed").format(date=_day(day)))
        elif before[day] != after[day]:
            parts.append(
                _("reading {date}: {old} → {new}").format(
                    date=_day(day), old=_value(before[day]), new=_value(after[day])
                )
            )
    return "; ".join(parts) or _("readings changed")
