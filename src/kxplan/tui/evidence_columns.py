"""The area tables' columns that come from the evidence and the follow-up: which
initiatives address each row (rows nobody addresses are marked), and a KPI's readings
as a sparkline with its progress and whether it is on track.

Plain Python over the model, like :mod:`kxplan.tui.tables`; the reverse index of the
links is built once per table shown (:meth:`Column.bind`), not once per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from kxplan.i18n import _, ngettext
from kxplan.model import Initiative, Kpi, Plan
from kxplan.model.evidence import LINKABLE, TABLES_BY_NAME, _folded
from kxplan.model.followup import ordered, progress
from kxplan.model.tables import AreaTable
from kxplan.text import numbers

UNADDRESSED: Final = "✗"
"""The mark of a row no initiative addresses."""

BARS: Final = "▁▂▃▄▅▆▇█"
SPARK_WIDTH: Final = 8
"""The most readings a sparkline shows (the latest)."""

Addressers = dict[tuple[str, tuple[str, ...]], list[Initiative]]


def addressers(plan: Plan) -> Addressers:
    """The initiatives that address each row, by (table, folded key), in plan order."""
    found: Addressers = {}
    for item in plan.initiatives:
        for link in item.addresses:
            found.setdefault((link.table, _folded(link.key)), []).append(item)
    return found


def addressed_cell(table: AreaTable, index: Addressers, row: Any) -> str:
    """``✗ nobody``, the one title, or ``3: first title, second…``."""
    items = index.get((table.attribute, _folded(table.key_of(row))), [])
    if not items:
        return _("{mark} nobody").format(mark=UNADDRESSED)
    titles = ", ".join(dict.fromkeys(item.title for item in items))
    if len(items) == 1:
        return titles
    return _("{count}: {titles}").format(count=len(items), titles=titles)


def addressed_by(table_name: str) -> Callable[[Plan], Callable[[Any], str]]:
    """The "Addressed by" cells of a table, bound to a plan (one index a table shown)."""
    table = TABLES_BY_NAME[table_name]

    def bind(plan: Plan) -> Callable[[Any], str]:
        index = addressers(plan)
        return lambda row: addressed_cell(table, index, row)

    return bind


def unaddressed(plan: Plan, tables: Sequence[AreaTable]) -> int:
    """How many rows of these tables no initiative addresses (tables an initiative can
    address only: not the mobility checks, not the stakeholders)."""
    index = addressers(plan)
    return sum(
        1
        for table in tables
        if table.attribute in LINKABLE
        for row in table.rows(plan)
        if (table.attribute, _folded(table.key_of(row))) not in index
    )


def unaddressed_note(plan: Plan, tables: Sequence[AreaTable]) -> str:
    """`` · ✗ 2 rows nobody addresses yet`` for the step's hint; "" when none."""
    count = unaddressed(plan, tables)
    if not count:
        return ""
    return " · " + ngettext(
        "{mark} {count} row nobody addresses yet", "{mark} {count} rows nobody addresses yet", count
    ).format(mark=UNADDRESSED, count=count)


def sparkline(values: Sequence[float], width: int = SPARK_WIDTH) -> str:
    """The values as bars, lowest ▁ to highest █ (the last ``width``); "" for none."""
    shown = list(values)[-width:]
    if not shown:
        return ""
    low, high = min(shown), max(shown)
    if high == low:
        return BARS[len(BARS) // 2] * len(shown)
    top = len(BARS) - 1
    return "".join(BARS[round((value - low) / (high - low) * top)] for value in shown)


def readings_cell(row: Kpi, _plan: Plan) -> str:
    """The readings as a sparkline and the latest value: ``▁▃▅█ 4.1``."""
    readings = ordered(row.readings)
    if not readings:
        return ""
    return f"{sparkline([r.value for r in readings])} {numbers.number(readings[-1].value)}"


def progress_cell(row: Kpi, _plan: Plan) -> str:
    """``60 % ✓`` on track, ``20 % ✗`` off track; the share alone when it cannot be told."""
    found = progress(row)
    if found.share is None:
        return ""
    text = numbers.percent(found.share * 100)
    if found.on_track is True:
        return _("{share} ✓ on track").format(share=text)
    if found.on_track is False:
        return _("{share} ✗ off track").format(share=text)
    return text
