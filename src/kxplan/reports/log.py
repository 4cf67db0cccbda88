"""The document's part on an area's log: its successes and failures, newest first.

Each entry says its kind in words (Success, Failure), so the page reads the same
printed in black and white. An area without entries gets no heading at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from kxplan.framework.vocabulary import LOG_KINDS
from kxplan.i18n import _, pgettext
from kxplan.model import Plan
from kxplan.model.log import LogEntry, newest_first
from kxplan.model.tables import AreaTable
from kxplan.reports.blocks import Block
from kxplan.reports.blocks import table_or_note as _table_or_note
from kxplan.reports.dates import date_text


def log_section(plan: Plan, table: AreaTable) -> Iterator[Block]:
    """An area's log as a table, newest first; nothing when the area has no entries."""
    entries: list[LogEntry] = table.rows(plan)
    if not entries:
        return
    titles = {item.id: item.title for item in plan.initiatives}
    rows = [
        (
            date_text(entry.date),
            LOG_KINDS.label(entry.kind),
            entry.name,
            entry.learned,
            titles.get(entry.initiative or "", entry.initiative or ""),
            entry.kpi,
        )
        for entry in newest_first(entries)
    ]
    headers = (
        _("Date"),
        _("Success or failure"),
        _("What happened"),
        _("What we learned"),
        _("Initiative"),
        pgettext("column", "KPI"),
    )
    yield from _table_or_note(_(table.title), headers, rows)
