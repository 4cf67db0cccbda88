"""Import from CSV: initiatives, contact reasons and KPI readings from a file a person
exports from a spreadsheet or a contact-centre system.

:func:`read` reads the file (its separator sniffed, its encoding found) and maps its
columns by their names (:mod:`kxplan.importing.columns`); :func:`preview` says what
importing it would do to a plan without changing it; :func:`apply` does it, through
the session's operations, and the caller saves. Both give a
:class:`~kxplan.importing.outcomes.Preview`: each row added, updated (from → to),
unchanged, or refused with one line naming the file, the line and the column.
"""

from __future__ import annotations

from typing import NamedTuple

from kxplan.i18n import _
from kxplan.importing.columns import KINDS, Columns, Kind, guess_kind, map_columns
from kxplan.importing.kinds import IMPORTERS, Initiatives, Key, Row
from kxplan.importing.outcomes import (
    KIND_LABELS,
    Outcome,
    Preview,
    RowRefused,
    heading,
    ignored_line,
    lines,
    outcome_line,
    tally,
)
from kxplan.importing.reading import SEPARATORS, CsvTable, ImportFailed, KindUnknown, read_table
from kxplan.importing.waiting import cycle_refusals, waited_for
from kxplan.model import Plan
from kxplan.session import Session
from kxplan.storage import Problem

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "SEPARATORS",
    "ImportFailed",
    "Kind",
    "KindUnknown",
    "Outcome",
    "Preview",
    "Source",
    "apply",
    "heading",
    "ignored_line",
    "lines",
    "outcome_line",
    "preview",
    "read",
    "tally",
]


class Source(NamedTuple):
    """A file read and mapped: ready to preview or apply."""

    table: CsvTable
    columns: Columns
    guessed: bool


def read(
    data: bytes,
    source: str,
    kind: Kind | None = None,
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
) -> Source:
    """The file's rows and which column gives which field; the kind guessed from the
    headers when not given. ImportFailed when the file cannot be imported at all."""
    table = read_table(data, source, delimiter=delimiter, encoding=encoding)
    guessed = kind is None
    if kind is None:
        kind = guess_kind(table.header)
        if kind is None:
            raise KindUnknown(source, table.header)
    return Source(table, map_columns(source, table.header, kind), guessed)


def _place(header: tuple[str, ...], column: int | None) -> str:
    if column is None:
        return ""
    return _('column "{name}"').format(name=header[column])


def apply(session: Session, source: Source) -> Preview:
    """Import the file's rows into the session's plan, row by row through its
    operations; a refused row changes nothing. The caller saves."""
    table, columns = source.table, source.columns
    importer = IMPORTERS[columns.kind](session)
    seen: dict[Key, int] = {}
    outcomes: dict[int, Outcome] = {}
    refused: dict[int, Problem] = {}
    names: dict[int, str] = {}
    waiting = list(table.rows)
    for_dependency: dict[int, Row] = {}
    """The rows last refused at their dependencies."""
    waits: dict[int, tuple[int, frozenset[str]]] = {}
    """Each row refused at its dependencies: when, and what it waits for (its ids and
    title): it is tried again only once one of them has been imported since."""
    touched = importer.touched if isinstance(importer, Initiatives) else {}
    attempt = 0
    while waiting:  # a row refused may go in once a later one has (a dependency)
        again = []
        for record in waiting:
            if (wait := waits.get(record.line)) is not None and not any(
                touched.get(key, -1) > wait[0] for key in wait[1]
            ):
                again.append(record)  # nothing it waits for has come: refused as it was
                continue
            attempt += 1
            if isinstance(importer, Initiatives):
                importer.attempt = attempt
            row: Row | None = None
            for_dependency.pop(record.line, None)
            waits.pop(record.line, None)
            try:
                row = Row(columns, table.header, record, seen)
                outcomes[record.line] = importer(row)
                refused.pop(record.line, None)
            except RowRefused as error:
                if row is not None:
                    row.release()
                    if error.column is not None and error.column == row.column("depends_on"):
                        for_dependency[record.line] = row
                        if (keys := waited_for(row)) is not None:
                            waits[record.line] = (attempt, keys)
                place = _place(table.header, error.column)
                names[record.line] = row.name() if row is not None else ""
                refused[record.line] = Problem(table.source, place, record.line, error.message)
                again.append(record)
        if len(again) == len(waiting):
            break
        waiting = again
    if columns.kind == "initiatives":  # rows that wait for each other: a cycle, said so
        for line, cycle in cycle_refusals(for_dependency.values()).items():
            place = _place(table.header, cycle.column)
            refused[line] = Problem(table.source, place, line, cycle.message)
    return Preview(
        table.source,
        columns.kind,
        source.guessed,
        table.encoding,
        table.delimiter,
        tuple(outcomes[line] for line in sorted(outcomes)),
        tuple(refused[line] for line in sorted(refused)),
        columns.ignored,
        tuple(names[line] for line in sorted(refused)),
    )


def preview(plan: Plan, source: Source) -> Preview:
    """What :func:`apply` would do to ``plan``, on a copy: ``plan`` stays as it is."""
    return apply(Session(plan.model_copy(deep=True)), source)
