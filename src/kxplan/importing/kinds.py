"""Each kind of row put into a plan through the session's operations: initiatives,
contact reasons, KPI readings. A row matching one in the plan updates it, else it is
added; a row that changes nothing is unchanged. A blank cell leaves its field as it
is (a new row gets the field's default).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any, Final

from pydantic import BaseModel, ValidationError

from kxplan.framework import DEMANDS, MEASURES_BY_ID, PERIODS, STATUSES
from kxplan.i18n import LANGUAGES, _, language
from kxplan.importing import cells
from kxplan.importing.columns import Columns, Kind
from kxplan.importing.outcomes import Change, Outcome, RowRefused, shown
from kxplan.importing.reading import CsvRow
from kxplan.importing.waiting import title_key
from kxplan.model import Initiative
from kxplan.model.followup import Reading, reading_problems
from kxplan.model.ids import unique_slug
from kxplan.model.rows import ContactReason, Kpi
from kxplan.model.tables import TABLES_BY_ATTRIBUTE
from kxplan.session import EditRefused, Session
from kxplan.storage import friendly_message

Reader = Callable[[str], Any]
Key = tuple[str, ...]
"""A row of the plan, to find it named twice in one file."""

CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""The C0 control characters a cell may not hold: all but tab, line feed and carriage
return (a NUL or an escape is a broken export, not text anyone wrote)."""
KPIS: Final = TABLES_BY_ATTRIBUTE["kpis"]
CONTACT_REASONS: Final = TABLES_BY_ATTRIBUTE["contact_reasons"]


class Row:
    """One row of the file with the columns that read it."""

    def __init__(
        self, columns: Columns, header: tuple[str, ...], row: CsvRow, seen: dict[Key, int]
    ) -> None:
        self.columns = columns
        self.seen = seen
        self.claimed: list[Key] = []
        self.header = header
        self.line = row.line
        self.cells = row.cells
        extra = [cell for cell in row.cells[len(header) :] if cell.strip()]
        if extra:
            raise RowRefused(
                None,
                _("has {count} cells, more than the {columns} columns of the header").format(
                    count=len(row.cells), columns=len(header)
                ),
            )
        for index in columns.fields.values():
            if index < len(row.cells) and (found := CONTROL.search(row.cells[index])):
                raise RowRefused(
                    index,
                    _(
                        "expected a cell without control characters (tabs and line breaks "
                        "are fine), got {code} at character {at}"
                    ).format(code=f"U+{ord(found.group()):04X}", at=found.start() + 1),
                )

    def claim(self, key: Key) -> None:
        """Mark the plan's row ``key`` as this line's; refused when an earlier line of the
        file has it (a row is imported once)."""
        first = self.seen.get(key)
        if first is not None and first != self.line:
            raise RowRefused(
                None,
                _("is the same row as line {line}; a row is imported once").format(line=first),
            )
        self.seen[key] = self.line
        self.claimed.append(key)

    def release(self) -> None:
        """Give up the rows claimed: this line was refused."""
        for key in self.claimed:
            self.seen.pop(key, None)
        self.claimed.clear()

    def raw(self, field: str) -> str | None:
        """The cell of ``field``'s column; None when there is no such column or the cell
        is blank."""
        index = self.columns.fields.get(field)
        if index is None or index >= len(self.cells) or not self.cells[index].strip():
            return None
        return self.cells[index]

    def read(self, readers: Mapping[str, Reader]) -> dict[str, Any]:
        """The fields the row's non-blank cells give, each read by its reader."""
        found: dict[str, Any] = {}
        for field, reader in readers.items():
            raw = self.raw(field)
            if raw is None:
                continue
            try:
                value = reader(raw)
            except cells.CellRefused as error:
                raise RowRefused(self.columns.fields[field], str(error)) from None
            if value is not None:
                found[field] = value
        return found

    def name(self) -> str:
        """What the row is about as its cells say it (for a refused row): its title,
        id, reason or KPI, its channel, a reading's date first."""
        named = next(
            (
                raw
                for field in ("title", "id", "reason", "kpi", "measure")
                if (raw := self.raw(field))
            ),
            None,
        )
        said = " / ".join(cells.line(part) for part in (named, self.raw("channel")) if part)
        date = self.raw("date")
        return f"{cells.line(date)} · {said}" if date and said else said

    def column(self, field: str) -> int | None:
        return self.columns.fields.get(field)

    def refused_at(self, loc: Iterable[str | int], message: str) -> RowRefused:
        """A refusal at the column of the first field named in ``loc``."""
        for part in loc:
            if isinstance(part, str) and part in self.columns.fields:
                return RowRefused(self.columns.fields[part], message)
        return RowRefused(None, message)

    def validated(self, model: type[BaseModel], data: dict[str, Any]) -> Any:
        try:
            return model.model_validate(data)
        except ValidationError as error:
            item = error.errors(include_url=False)[0]
            raise self.refused_at(item["loc"], friendly_message(item)) from None

    def edit_refused(self, error: EditRefused) -> RowRefused:
        loc, message = error.problems[0]
        return self.refused_at(loc, message)

    def changes(
        self, before: BaseModel, after: BaseModel, labels: Mapping[str, Mapping[str, str]]
    ) -> tuple[Change, ...]:
        found = []
        for field, index in self.columns.fields.items():
            old, new = getattr(before, field, None), getattr(after, field, None)
            if field in type(before).model_fields and old != new:
                said = labels.get(field)
                found.append(Change(self.header[index], shown(old, said), shown(new, said)))
        return tuple(found)


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


# --- initiatives ----------------------------------------------------------------------------


def _initiative_readers() -> dict[str, Reader]:
    areas, statuses, periods = cells.area_words(), cells.words(STATUSES), cells.words(PERIODS)
    plain: dict[str, Reader] = {"id": cells.line, "title": cells.line}
    texts = ("why", "what", "who", "when", "how", "notes", "outcome")
    plain.update(dict.fromkeys(texts, cells.text))
    scores = ("effort", "customer_value", "efficiency", "reach", "time_criticality")
    return {
        **plain,
        "areas": lambda raw: cells.choices(raw, areas),
        "status": lambda raw: cells.choice(raw, statuses, STATUSES),
        "reach_period": lambda raw: cells.choice(raw, periods, PERIODS),
        **dict.fromkeys((*scores, "risk_reduction", "actual_effort"), cells.number),
        "started": cells.date,
        "finished": cells.date,
        "addresses": cells.links,
        "confidence": cells.share,
        "criteria": cells.criteria,
        "depends_on": cells.items,
    }


class Initiatives:
    """Initiative rows into the session's plan: each found by id, else by title, and
    checked on its own against the plan's initiatives indexed once for the file."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.index = session.initiative_index()
        self.readers = _initiative_readers()
        self.attempt = 0
        """The number of the row being tried (set by the caller)."""
        self.touched: dict[str, int] = {}
        """The ids and titles (:func:`waited_for`'s keys) put into the plan, each with
        the number of the last row that put one."""

    def __call__(self, row: Row) -> Outcome:
        """Add or update the initiative the row names by id, else by title."""
        given = row.read(self.readers)
        index = self.index
        existing: Initiative | None = None
        if "id" in given:
            existing = index.find(given["id"])
        elif "title" in given:
            named = index.titled(given["title"])
            if len(named) > 1:
                raise RowRefused(
                    row.column("title"),
                    _(
                        "{count} initiatives are titled {title}; "
                        "add an id column to tell them apart"
                    ).format(count=len(named), title=repr(given["title"])),
                )
            existing = named[0] if named else None
        if existing is None:
            if "title" not in given:
                raise RowRefused(
                    row.column("title"),
                    _("no initiative with id {id}; give a title to add it").format(
                        id=repr(given.get("id", ""))
                    ),
                )
            given.setdefault("id", unique_slug(given["title"], index.positions.keys()))
            row.claim(("initiative", given["id"]))
            candidate: Initiative = row.validated(Initiative, given)
            self._put(row, candidate, None)
            return Outcome(row.line, "added", candidate.title)
        row.claim(("initiative", existing.id))
        updated: Initiative = row.validated(Initiative, {**dict(existing), **given})
        if updated == existing:
            return Outcome(row.line, "unchanged", existing.title)
        self._put(row, updated, existing.id)
        labels = {"status": STATUSES.labels(), "reach_period": PERIODS.labels()}
        return Outcome(row.line, "updated", updated.title, row.changes(existing, updated, labels))

    def _put(self, row: Row, item: Initiative, replacing: str | None) -> None:
        try:
            self.session.put_initiative(item, replacing, index=self.index)
        except EditRefused as error:
            raise row.edit_refused(error) from None
        for key in (item.id, replacing or item.id, title_key(item.title)):
            self.touched[key] = self.attempt


# --- contact reasons ------------------------------------------------------------------------


def contact_reason(session: Session, row: Row) -> Outcome:
    """Add or update the contact reason the row names (by reason, and channel when the
    file has a channel column)."""
    demands = {**cells.words(DEMANDS), **cells.DEMAND_WORDS}
    given = row.read(
        {
            "reason": cells.line,
            "channel": cells.line,
            "monthly_volume": cells.whole,
            "demand": lambda raw: cells.choice(raw, demands, DEMANDS),
            "root_cause": cells.text,
            "avoidable": cells.share,
            "notes": cells.text,
        }
    )
    if "reason" not in given:
        raise RowRefused(row.column("reason"), _("required"))
    rows: list[ContactReason] = CONTACT_REASONS.rows(session.plan)
    matches = [
        index
        for index, item in enumerate(rows)
        if _same(item.reason, given["reason"])
        and ("channel" not in row.columns.fields or _same(item.channel, given.get("channel", "")))
    ]
    if len(matches) > 1:
        raise RowRefused(
            row.column("reason"),
            _("{count} contact reasons are called {reason}; add a channel column").format(
                count=len(matches), reason=repr(given["reason"])
            ),
        )
    subject = " / ".join(part for part in (given["reason"], given.get("channel", "")) if part)
    try:
        if not matches:
            row.claim(("reason", given["reason"].casefold(), given.get("channel", "").casefold()))
            added: ContactReason = row.validated(ContactReason, given)
            session.add_row(CONTACT_REASONS, added)
            return Outcome(row.line, "added", subject)
        index = matches[0]
        before = rows[index]
        row.claim(("reason", *(part.casefold() for part in before.key)))
        after: ContactReason = row.validated(ContactReason, {**dict(before), **given})
        if after == before:
            return Outcome(row.line, "unchanged", subject)
        session.replace_row(CONTACT_REASONS, index, after)
    except EditRefused as error:
        raise row.edit_refused(error) from None
    labels = {"demand": DEMANDS.labels()}
    return Outcome(row.line, "updated", subject, row.changes(before, after, labels))


# --- KPI readings ---------------------------------------------------------------------------


def _measure_words() -> dict[str, str]:
    found = {key.casefold(): key for key in MEASURES_BY_ID}
    for code in LANGUAGES:
        with language(code):
            for key, measure in MEASURES_BY_ID.items():
                found[measure.label.casefold()] = key
    return found


def _kpi_names(kpi: Kpi) -> set[str]:
    names = {kpi.label.casefold()}
    for code in LANGUAGES:
        with language(code):
            names.add(kpi.shown_label.casefold())
    return names


def _find_kpi(session: Session, row: Row) -> int:
    kpis = session.plan.areas.insight.kpis
    name, measure, channel = (row.raw(field) for field in ("kpi", "measure", "channel"))
    found = list(range(len(kpis)))
    if name is not None:
        found = [i for i in found if cells.line(name).casefold() in _kpi_names(kpis[i])]
    if measure is not None:
        key = cells.choice(measure, _measure_words()) if name is None else None
        if key is not None:
            found = [i for i in found if kpis[i].measure == key]
    if channel is not None:
        found = [i for i in found if _same(kpis[i].channel, channel)]
    said = " / ".join(cells.line(part) for part in (name or measure, channel) if part)
    if not found:
        known = ", ".join(KPIS.shown_key(kpi) for kpi in kpis) or "–"
        raise RowRefused(
            row.column("kpi") if name is not None else row.column("measure"),
            _("no KPI {kpi} in the plan; its KPIs are {known}").format(kpi=repr(said), known=known),
        )
    if len(found) > 1:
        raise RowRefused(
            row.column("kpi") if name is not None else row.column("measure"),
            _("{count} KPIs match {kpi}; add a channel column").format(
                count=len(found), kpi=repr(said)
            ),
        )
    return found[0]


def reading(session: Session, row: Row) -> Outcome:
    """Add the reading to the KPI the row names, or update that KPI's reading of the
    same date."""
    try:
        index = _find_kpi(session, row)
    except cells.CellRefused as error:
        raise RowRefused(row.column("measure"), str(error)) from None
    given = row.read(
        {"date": cells.date, "value": cells.number, "source": cells.text, "note": cells.text}
    )
    for field in ("date", "value"):
        if field not in given:
            raise RowRefused(row.column(field), _("required"))
    kpi = session.plan.areas.insight.kpis[index]
    subject = f"{given['date'].isoformat()} · {KPIS.shown_key(kpi)}"
    row.claim(("reading", str(index), given["date"].isoformat()))
    position = next((i for i, old in enumerate(kpi.readings) if old.date == given["date"]), None)
    try:
        if position is None:
            new: Reading = row.validated(Reading, given)
            session.add_reading(index, new)
            return Outcome(row.line, "added", subject)
        before = kpi.readings[position]
        after: Reading = row.validated(Reading, {**dict(before), **given})
        if after == before:
            return Outcome(row.line, "unchanged", subject)
        readings = [*kpi.readings]
        readings[position] = after
        problems = [(field, message) for _number, field, message in reading_problems(kpi, readings)]
        if problems:
            raise row.refused_at([problems[0][0]], problems[0][1])
        session.replace_row(KPIS, index, kpi.model_copy(update={"readings": readings}))
    except EditRefused as error:
        raise row.edit_refused(error) from None
    return Outcome(row.line, "updated", subject, row.changes(before, after, {}))


IMPORTERS: Final[dict[Kind, Callable[[Session], Callable[[Row], Outcome]]]] = {
    "initiatives": Initiatives,
    "contact-reasons": lambda session: partial(contact_reason, session),
    "readings": lambda session: partial(reading, session),
}
"""Each kind's row importer for a session: what a row did to the plan, through it."""
