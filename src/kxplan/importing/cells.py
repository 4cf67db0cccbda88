"""One cell of a CSV file read as the field it gives: text, a number (read as the app's
forms read one, :mod:`kxplan.text.typed`), a whole number, a share in %, a date, a
word of a vocabulary (by key or label, in English or the current language), a list.

Each reader returns the value or raises :class:`CellRefused` saying what was expected.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

from kxplan.framework import AREAS
from kxplan.framework.terms import Vocabulary
from kxplan.i18n import LANGUAGES, _, language
from kxplan.model.evidence import TABLES_BY_NAME, Link
from kxplan.text.dates import date_expected, read_date
from kxplan.text.literal import FORMULA_START
from kxplan.text.typed import parse_whole, read_number

DEMAND_WORDS: Final[dict[str, str]] = {
    "failure": "failure",
    "fel": "failure",
    "onödig": "failure",
    "onödig efterfrågan": "failure",
    "avoidable": "failure",
    "value": "value",
    "värde": "value",
    "värdeskapande": "value",
    "värdeskapande efterfrågan": "value",
}
"""How contact-centre reports and spreadsheets write a demand type, beside its labels."""


LINE_BREAK: Final = re.compile("[ \t]*(?:\r\n|[\r\n\u2028\u2029])[ \t]*")
"""A line break in a cell, with the spaces and tabs around it."""


class CellRefused(ValueError):
    """A cell that does not give its field; the message says what was expected."""


def text(cell: str) -> str:
    """Text as the cell holds it, without the apostrophe kxplan's export puts before
    a leading = + - @ (so it reads back as written)."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_START):
        return cell[1:]
    return cell


def line(cell: str) -> str:
    """A name or a key (a title, an id, a reason): :func:`text` without the spaces around
    it, on one line. A line break inside is how a spreadsheet wraps a long title in a
    narrow column, not part of it: it reads as one space, as the title would be typed
    in the app's one-line field (and it finds the title already in the plan)."""
    said = text(cell.strip())
    return LINE_BREAK.sub(" ", said) if LINE_BREAK.search(said) else said


def number(cell: str) -> float | None:
    """A number (2,5 or 2.5, 1 200), None when blank; refused when it reads two ways."""
    try:
        return read_number(cell)
    except ValueError as error:
        raise CellRefused(str(error)) from None


def share(cell: str) -> float | None:
    """A share in % (70, 70 %, 12,5%), None when blank."""
    return number(cell.strip().removesuffix("%"))


def whole(cell: str) -> int | None:
    """A whole number (1 200, 1200, 5,0), None when blank."""
    stripped = cell.strip()
    if not stripped:
        return None
    value = parse_whole(stripped)
    if value is None:
        raise CellRefused(_("expected a whole number, got {text}").format(text=repr(stripped)))
    return value


def date(cell: str) -> datetime.date | None:
    """A date as YYYY-MM-DD (how a spreadsheet with Swedish settings writes one)."""
    stripped = cell.strip()
    if not stripped:
        return None
    try:
        return read_date(stripped[:10] if "T" in stripped[10:11] else stripped)
    except ValueError:
        raise CellRefused(date_expected(stripped)) from None


def words(vocabulary: Vocabulary[Any, Any]) -> dict[str, str]:
    """Every way to write a key of ``vocabulary``: the key, its label in each of
    kxplan's languages, casefolded."""
    found: dict[str, str] = {}
    for code in LANGUAGES:
        with language(code):
            for key, label in vocabulary.labels().items():
                found[label.casefold()] = key
    for key in vocabulary.keys:
        found[key.casefold()] = key
        found[key.replace("_", " ").casefold()] = key
    return found


def area_words() -> dict[str, str]:
    """Every way to write an area: its id, its name in each of kxplan's languages."""
    found: dict[str, str] = {}
    for item in AREAS:
        for name in (item.id, item.id.replace("_", " "), item.name_sv):
            found[name.casefold()] = item.id
        for code in LANGUAGES:
            with language(code):
                found[item.name.casefold()] = item.id
    return found


def choice(
    cell: str, known: Mapping[str, str], vocabulary: Vocabulary[Any, Any] | None = None
) -> str | None:
    """The key ``cell`` names, None when blank; refused when unknown, with the words a
    person can write: ``vocabulary``'s labels in the current language, else the keys."""
    stripped = line(cell)
    if not stripped:
        return None
    key = known.get(stripped.casefold())
    if key is None:
        said = (
            list(vocabulary.labels().values())
            if vocabulary is not None
            else sorted(set(known.values()))
        )
        raise CellRefused(
            _("expected one of {choices}, got {text}").format(
                choices=", ".join(said), text=repr(stripped)
            )
        )
    return key


def items(cell: str) -> list[str]:
    """A list in one cell, as kxplan's export writes one: separated by ``;`` (or ``,``)."""
    stripped = line(cell)
    if not stripped:
        return []
    mark = ";" if ";" in stripped else ","
    return [part.strip() for part in stripped.split(mark) if part.strip()]


def choices(cell: str, known: Mapping[str, str]) -> list[str]:
    """A list of keys in one cell."""
    return [key for part in items(cell) if (key := choice(part, known)) is not None]


def links(cell: str) -> list[Link]:
    """The rows an initiative addresses as kxplan's export writes them:
    ``contact_reasons: Where is my order? / phone; kpis: CSAT / phone``."""
    found: list[Link] = []
    for part in (piece.strip() for piece in line(cell).split(";")):
        if not part:
            continue
        table, colon, key = part.partition(":")
        name = table.strip().casefold().replace(" ", "_")
        parts = [piece.strip() for piece in key.split(" / ")]
        if not colon or name not in TABLES_BY_NAME or not all(parts):
            raise CellRefused(
                _(
                    "expected table: key pairs such as contact_reasons: Where is my order? / "
                    "phone (tables {tables}), got {text}"
                ).format(tables=", ".join(TABLES_BY_NAME), text=repr(part))
            )
        found.append(Link.model_validate({"table": name, "key": parts}))
    return found


def criteria(cell: str) -> dict[str, float]:
    """Criterion scores as kxplan's export writes them: ``reach=3;cost=2,5``."""
    found: dict[str, float] = {}
    for part in (piece.strip() for piece in line(cell).split(";")):
        if not part:
            continue
        name, equals, value = part.partition("=")
        score = number(value) if equals else None
        if not equals or not name.strip() or score is None:
            raise CellRefused(
                _("expected criterion=score pairs such as reach=3;cost=2, got {text}").format(
                    text=repr(part)
                )
            )
        found[name.strip()] = score
    return found


def joined(values: Iterable[str]) -> str:
    """A list as it reads in the preview."""
    return ", ".join(values)
