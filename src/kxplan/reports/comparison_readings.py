"""A change to a field of an area's row for people, by the row's name and the field's
label; a KPI's readings each by its date, added, removed or changed ("reading 1 November
2026 (62) added"), instead of the rows' JSON."""

from __future__ import annotations

import datetime as dt
import json

from kxplan.framework.fields import field_name
from kxplan.i18n import _
from kxplan.model.tables import TABLES_BY_ATTRIBUTE
from kxplan.reports.dates import date_text
from kxplan.text.literal import printable
from kxplan.text.numbers import number
from kxplan.versions.changes import Change, Value


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


def row_field_text(change: Change, from_to: str) -> str:
    """A field of an area's row (``from_to``: the change as the comparison says it):
    "Contact reason Where is my order? / phone: monthly volume 2 600 → 2 450"; a KPI's
    readings by their dates: "KPI FCR / phone: reading 1 November 2026 (62) added"."""
    table = TABLES_BY_ATTRIBUTE[change.path[1]]
    name = _(table.row_name)
    row = _("{row} {key}").format(
        row=name[:1].upper() + name[1:], key=printable(change.shown_key or change.path[2])
    )
    field = change.path[3]
    if field == "readings":
        what = readings_text(change.old, change.new)
    else:
        what = _("{field} {change}").format(field=field_name(field).lower(), change=from_to)
    return _("{row}: {what}").format(row=row, what=what)
