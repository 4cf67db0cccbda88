"""What moved since the version a check-in compares with, one line each: initiatives
added, dropped, re-scored, with a new status or rank; contact reasons new, gone or with
a new volume; evidence newly linked; each KPI's new readings.

The changes are :func:`kxplan.versions.comparison.compare`'s, phrased as the comparison
phrases them (``title: effort 3 → 2``, ``+ title``) but for a meeting: initiatives by
title only, score fields by their labels in the current language, a closed initiative
leaving the ranking said as such.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kxplan.framework import SCORES
from kxplan.i18n import _, ngettext
from kxplan.model import Kpi, Plan
from kxplan.model.evidence import RowIndex, link_text
from kxplan.model.followup import ordered
from kxplan.model.tables import TABLES_BY_ATTRIBUTE
from kxplan.reports.comparison import labels_of, rank_text, trend_note, value_texts
from kxplan.reports.dates import date_text
from kxplan.text.literal import printable
from kxplan.text.numbers import whole
from kxplan.versions.changes import SCORE_CHANGE_FIELDS, Change
from kxplan.versions.comparison import compare


@dataclass(frozen=True, slots=True)
class Place:
    """Where a line leads: an initiative by id, or a row of an area table by index."""

    table: str
    """``initiatives`` or an area table (``kpis``, ``contact_reasons``…)."""
    key: str | int


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a check-in, and where it leads (None: nowhere, e.g. a dropped item)."""

    text: str
    place: Place | None = None


def kpi_name(kpi: Kpi) -> str:
    """A KPI as a check-in names it: ``CSAT``, ``CSAT / phone`` for one channel."""
    if kpi.every_channel:
        return kpi.shown_label
    return f"{kpi.shown_label} / {kpi.channel}"


_FOLLOWED = frozenset({*SCORE_CHANGE_FIELDS, "status"})


def _followed(change: Change) -> bool:
    """The changes a follow-up asks about: initiatives added or dropped, re-scored,
    moved in rank, a new status."""
    if change.section == "initiatives":
        return len(change.path) == 1 or (len(change.path) == 2 and change.path[1] in _FOLLOWED)
    return change.section == "ranks" and change.kind == "moved"


def field_name(field: str) -> str:
    """A followed field in a sentence, in the current language: ``customer value``."""
    if field in SCORES:
        return SCORES.label(field).lower()
    if field == "status":
        return _("Status").lower()
    return field


def _from_to(change: Change) -> str:
    labelled = labels_of(change)
    if labelled is not None:
        return f"{labelled[0]} → {labelled[1]}"
    old, new = value_texts(change.old, change.new)
    return f"{old} → {new}{trend_note(change)}"


def change_text(change: Change, plan: Plan, titles: dict[str, str]) -> str:
    """One followed change of an initiative, named by its title (``plan`` is the newer
    one: a closed initiative leaving the ranking says why)."""
    item = change.path[0]
    name = printable(titles.get(item) or item)
    if len(change.path) == 1:
        return f"{'+' if change.kind == 'added' else '-'} {name}"
    if change.section == "ranks":
        status = next((i.status for i in plan.initiatives if i.id == item), None)
        if change.new is None and status == "done":
            return _("{name}: done – leaves the ranking").format(name=name)
        if change.new is None and status == "dropped":
            return _("{name}: dropped – leaves the ranking").format(name=name)
        return _("{name}: rank {old} → {new}").format(
            name=name, old=rank_text(change.old), new=rank_text(change.new)
        )
    return f"{name}: {field_name(change.path[1])} {_from_to(change)}"


def _titles(old: Plan, new: Plan) -> dict[str, str]:
    titles = {item.id: item.title for item in old.initiatives}
    titles.update((item.id, item.title) for item in new.initiatives)
    return titles


def contact_reason_lines(old: Plan, new: Plan) -> Iterator[Line]:
    """Contact reasons new, gone, or with another volume a month."""
    table = TABLES_BY_ATTRIBUTE["contact_reasons"]

    def folded(row: object) -> tuple[str, ...]:
        return tuple(part.strip().casefold() for part in table.key_of(row))

    before = {folded(row): row for row in table.rows(old)}
    now = {folded(row) for row in table.rows(new)}
    for index, row in enumerate(table.rows(new)):
        key = printable(table.shown_key(row))
        earlier = before.get(folded(row))
        volume = row.monthly_volume
        if earlier is None:
            text = ngettext(
                "+ contact reason “{key}” ({volume} contact a month)",
                "+ contact reason “{key}” ({volume} contacts a month)",
                volume,
            ).format(key=key, volume=whole(volume))
        elif earlier.monthly_volume != volume:
            text = ngettext(
                "Contact reason “{key}”: {old} → {new} contact a month",
                "Contact reason “{key}”: {old} → {new} contacts a month",
                volume,
            ).format(key=key, old=whole(earlier.monthly_volume), new=whole(volume))
        else:
            continue
        yield Line(text, Place("contact_reasons", index))
    for folded_key, row in before.items():
        if folded_key not in now:
            said = _("- contact reason “{key}”").format(key=printable(table.shown_key(row)))
            yield Line(said)


def link_lines(old: Plan, new: Plan) -> Iterator[Line]:
    """Each row an initiative addresses now and did not before."""
    earlier = {
        item.id: {
            (link.table, tuple(k.strip().casefold() for k in link.key)) for link in item.addresses
        }
        for item in old.initiatives
    }
    rows = RowIndex(new)
    for item in new.initiatives:
        had = earlier.get(item.id, set())
        for link in item.addresses:
            if (link.table, tuple(k.strip().casefold() for k in link.key)) not in had:
                text = _("{title} now addresses {row}").format(
                    title=printable(item.title), row=printable(link_text(new, link, rows))
                )
                yield Line(text, Place("initiatives", item.id))


def reading_lines(old: Plan, new: Plan) -> Iterator[Line]:
    """Each KPI's readings the older plan did not have, oldest first."""
    before = {(k.measure, k.name, k.channel): k for k in old.areas.insight.kpis}
    for index, kpi in enumerate(new.areas.insight.kpis):
        earlier = before.get((kpi.measure, kpi.name, kpi.channel))
        seen = {r.date for r in earlier.readings} if earlier else set()
        for reading in ordered(kpi.readings):
            if reading.date not in seen:
                text = _("{kpi}: new reading {value} ({date})").format(
                    kpi=kpi_name(kpi),
                    value=kpi.shown(reading.value),
                    date=date_text(reading.date),
                )
                yield Line(text, Place("kpis", index))


def moved_lines(old: Plan, new: Plan) -> Iterator[Line]:
    """What moved from ``old`` to ``new``, one line each: the initiatives' changes, the
    contact reasons', the new links, then each KPI's new readings."""
    titles = _titles(old, new)
    present = {item.id for item in new.initiatives}
    for change in compare(old, new).changes:
        if _followed(change):
            item = change.path[0]
            place = Place("initiatives", item) if item in present else None
            yield Line(change_text(change, new, titles), place)
    yield from contact_reason_lines(old, new)
    yield from link_lines(old, new)
    yield from reading_lines(old, new)
