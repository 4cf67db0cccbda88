"""What an import does, row by row, before anything changes: the preview.

Each row of the file is added, updated (each field from → to), left unchanged, or
refused with one line naming the file, the line, the column and what was expected
(a :class:`~kxplan.storage.Problem`, as the plan file's messages are).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

from kxplan.i18n import N_, _, ngettext
from kxplan.importing.columns import Kind
from kxplan.model.evidence import Link
from kxplan.storage import Problem
from kxplan.text import numbers

Action = Literal["added", "updated", "unchanged"]

KIND_LABELS: Final[dict[Kind, str]] = {
    "initiatives": N_("initiatives"),
    "contact-reasons": N_("contact reasons"),
    "readings": N_("KPI readings"),
}
"""What a file holds, in a sentence (translated where shown)."""

ACTION_LABELS: Final[dict[Action, str]] = {
    "added": N_("add"),
    "updated": N_("update"),
    "unchanged": N_("unchanged"),
}
"""What happens to a row, in the preview's table (translated where shown)."""

REFUSED: Final = N_("refused")


class RowRefused(ValueError):
    """A row that cannot be imported: the column it is about (None: the row) and why."""

    def __init__(self, column: int | None, message: str) -> None:
        self.column = column
        self.message = message
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Change:
    """One field a row changes: the column as the file names it, from → to."""

    column: str
    before: str
    after: str

    def __str__(self) -> str:
        return _("{column}: {before} → {after}").format(
            column=self.column, before=self.before, after=self.after
        )


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one row does."""

    line: int
    action: Action
    subject: str
    """What the row is about: an initiative's title, a contact reason, a KPI and date."""
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True, slots=True)
class Preview:
    """Everything an import of one file would do (or did)."""

    source: str
    kind: Kind
    guessed: bool
    """True when the kind was guessed from the headers, not given."""
    encoding: str
    delimiter: str
    outcomes: tuple[Outcome, ...]
    refusals: tuple[Problem, ...]
    ignored: tuple[str, ...] = field(default=())
    """The headers that give nothing, as the file writes them."""
    refused_names: tuple[str, ...] = field(default=())
    """What each refused row is about, as its cells name it ("" when they do not)."""

    def count(self, action: Action) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def to_import(self) -> int:
        """Rows that change the plan (added or updated)."""
        return self.count("added") + self.count("updated")

    @property
    def rows(self) -> int:
        return len(self.outcomes) + len(self.refusals)


ENCODING_NAMES: Final[dict[str, str]] = {
    "utf-8-sig": "UTF-8",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1",
    "iso8859-1": "Latin-1",
}
"""Encodings as people know them (a byte-order mark or not, it is UTF-8)."""

SEPARATOR_NAMES: Final[dict[str, str]] = {
    ",": N_("commas"),
    ";": N_("semicolons"),
    "\t": N_("tabs"),
}


def heading(preview: Preview) -> str:
    """The first line of a preview: what, from where, and how the file was read."""
    what = _(KIND_LABELS[preview.kind])
    how = _(SEPARATOR_NAMES.get(preview.delimiter, preview.delimiter))
    encoding = ENCODING_NAMES.get(preview.encoding, preview.encoding)
    if preview.guessed:
        return _(
            "{file}: {kind} (guessed from the headers), read as {encoding}, "
            "separated by {separator}"
        ).format(file=preview.source, kind=what, encoding=encoding, separator=how)
    return _("{file}: {kind}, read as {encoding}, separated by {separator}").format(
        file=preview.source, kind=what, encoding=encoding, separator=how
    )


def tally(preview: Preview) -> str:
    """The counts: ``2 to add, 1 to update, 5 unchanged, 1 refused``."""
    added, updated = preview.count("added"), preview.count("updated")
    unchanged, refused = preview.count("unchanged"), len(preview.refusals)
    return _("{added}, {updated}, {unchanged}, {refused}").format(
        added=ngettext("{count} to add", "{count} to add", added).format(count=added),
        updated=ngettext("{count} to update", "{count} to update", updated).format(count=updated),
        unchanged=ngettext("{count} unchanged", "{count} unchanged", unchanged).format(
            count=unchanged
        ),
        refused=ngettext("{count} refused", "{count} refused", refused).format(count=refused),
    )


def ignored_line(preview: Preview) -> str | None:
    """The columns not imported, or None when every column gives a field."""
    if not preview.ignored:
        return None
    return ngettext(
        "Column not imported: {columns}",
        "Columns not imported: {columns}",
        len(preview.ignored),
    ).format(columns=", ".join(preview.ignored))


def outcome_line(outcome: Outcome) -> str:
    """One row of the preview as a line: ``+ line 3: Chat on the web``."""
    mark = {"added": "+", "updated": "~", "unchanged": "="}[outcome.action]
    subject = shown(outcome.subject) if outcome.subject else ""  # on one line
    if outcome.changes:
        return _("{mark} line {line}: {subject} ({changes})").format(
            mark=mark,
            line=outcome.line,
            subject=subject,
            changes="; ".join(str(change) for change in outcome.changes),
        )
    return _("{mark} line {line}: {subject}").format(mark=mark, line=outcome.line, subject=subject)


def lines(preview: Preview) -> list[str]:
    """The whole preview as lines of text (the CLI prints them)."""
    found = [heading(preview)]
    if (columns := ignored_line(preview)) is not None:
        found.append(columns)
    found += [outcome_line(outcome) for outcome in preview.outcomes]
    found += [f"! {problem}" for problem in preview.refusals]
    found.append(tally(preview))
    return found


def shown(value: object, labels: Mapping[str, str] | None = None) -> str:
    """A field's value as the preview shows it: numbers as people read them, lists
    joined, a dash for nothing, a text's line breaks as ⏎."""
    if value is None or value == "" or value == [] or value == {}:
        return numbers.DASH
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return numbers.number(value, 6)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Link):
        return value.text()
    if isinstance(value, list):
        return ", ".join(shown(item, labels) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}={shown(item)}" for key, item in value.items())
    text = str(value)
    if labels:
        text = labels.get(text, text)
    return _BREAK.sub(" ⏎ ", text) if _BREAK.search(text) else text


_BREAK: Final = re.compile("\r\n|[\r\n\u2028\u2029]")
"""A line break in a text field: the preview shows it as ⏎, so each row stays one line
(what is imported keeps it)."""
