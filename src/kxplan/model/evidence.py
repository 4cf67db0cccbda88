"""Initiatives tied to the evidence they answer: links to rows of the area tables.

An initiative's ``addresses`` names rows — a friction point, a contact reason, a KPI,
a touchpoint, a channel — by their table and natural key (the key fields of
:data:`~kxplan.model.tables.AREA_TABLES`), so a plan file reads
``{ table = "contact_reasons", key = ["Where is my order?", "Phone"] }``. The rules
check that every link names a row that exists; :func:`linked_rows` resolves them for
every view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Literal, get_args

from kxplan.i18n import _
from kxplan.model.tables import AREA_TABLES, AreaTable
from kxplan.model.types import StrictModel

if TYPE_CHECKING:
    from kxplan.model.initiative import Initiative
    from kxplan.model.plan import Plan

TableName = Literal[
    "journey",
    "touchpoints",
    "kpis",
    "channels",
    "frictions",
    "checks",
    "contact_reasons",
    "stakeholders",
]
"""An area table, by its key under ``[areas.<area>]``."""

LINKABLE: tuple[TableName, ...] = (
    "frictions",
    "contact_reasons",
    "kpis",
    "touchpoints",
    "channels",
)
"""The tables an initiative's evidence comes from, in the order the app lists them."""

TABLES_BY_NAME: dict[str, AreaTable] = {
    table.attribute: table for table in AREA_TABLES if table.attribute != "log"
}  # the logs are no evidence an initiative answers
if tuple(TABLES_BY_NAME) != get_args(TableName):  # pragma: no cover - a programming error
    raise AssertionError(f"TableName must list {tuple(TABLES_BY_NAME)}")


class Link(StrictModel):
    """One row an initiative addresses."""

    table: TableName
    key: list[str]
    """The row's natural key, one text per key field of its table (case and spaces
    around are ignored when it is looked up)."""

    @property
    def area_table(self) -> AreaTable:
        return TABLES_BY_NAME[self.table]

    def text(self) -> str:
        """The row as people read it: ``Contact reason "Where is my order? / Phone"``."""
        table = self.area_table
        return _("{row} “{key}”").format(row=_(table.row_name), key=" / ".join(self.key))


def _folded(key: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(part.strip().casefold() for part in key)


class RowIndex:
    """Every row of a plan's area tables by (table, folded key), built once per use."""

    __slots__ = ("_rows", "_seen")

    def __init__(self, plan: Plan) -> None:
        self._rows: dict[tuple[str, tuple[str, ...]], Any] = {}
        self._seen: dict[tuple[str, tuple[str, ...]], Any] = {}
        """Rows found by their keys as written (many links name the same rows)."""
        for table in AREA_TABLES:
            for row in table.rows(plan):
                self._rows.setdefault((table.attribute, _folded(table.key_of(row))), row)

    def find(self, link: Link) -> Any | None:
        """The row a link names (the first, where a table allows equal keys); None if none."""
        written = (link.table, tuple(link.key))
        try:
            return self._seen[written]
        except KeyError:
            row = self._seen[written] = self._rows.get((link.table, _folded(link.key)))
            return row


def link_text(plan: Plan, link: Link, index: RowIndex | None = None) -> str:
    """The row a link names as people read it, in the current language: its key as
    the app shows it (a stage by its label in ``plan``); a row not in the plan by the
    link's own words (:meth:`Link.text`)."""
    row = (index or RowIndex(plan)).find(link)
    if row is None:
        return link.text()
    table = link.area_table
    return _("{row} “{key}”").format(row=_(table.row_name), key=table.shown_key(row, plan))


def linked_rows(plan: Plan, item: Initiative, index: RowIndex | None = None) -> Iterator[Any]:
    """The rows an initiative addresses, in its order (links to missing rows skipped)."""
    rows = index or RowIndex(plan)
    for link in item.addresses:
        row = rows.find(link)
        if row is not None:
            yield row


def addressed_by(plan: Plan, table: AreaTable, row: Any) -> list[Initiative]:
    """The initiatives that address a row, in plan order."""
    wanted = (table.attribute, _folded(table.key_of(row)))
    return [
        item
        for item in plan.initiatives
        if any((link.table, _folded(link.key)) == wanted for link in item.addresses)
    ]


def link_problems(plan: Plan) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every link that names no row, or has the wrong number of key parts."""
    index: RowIndex | None = None

    def rows() -> RowIndex:  # built at the first link that needs it
        nonlocal index
        index = index or RowIndex(plan)
        return index

    for position, item in enumerate(plan.initiatives):
        yield from initiative_link_problems(item, ("initiatives", position), rows)


def initiative_link_problems(
    item: Initiative, at: tuple[str | int, ...], rows: Callable[[], RowIndex]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The links of one initiative (located at ``at``) that name no row of ``rows()``,
    name one twice, or have the wrong number of key parts."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for number, link in enumerate(item.addresses):
        table = TABLES_BY_NAME[link.table]
        loc: tuple[str | int, ...] = (*at, "addresses", number)
        named = (link.table, _folded(link.key))
        if named in seen:  # counted twice, it would double the reach and the savings
            yield (
                (*loc, "key"),
                _("{row} is linked twice; each row once").format(row=link.text()),
            )
            continue
        seen.add(named)
        if len(link.key) != len(table.key_fields):
            fields = ", ".join(table.key_fields)
            yield (
                (*loc, "key"),
                _("expected {count} key part(s) for a {row} ({fields}), got {got}").format(
                    count=len(table.key_fields),
                    row=_(table.row_name),
                    fields=fields,
                    got=len(link.key),
                ),
            )
            continue
        if rows().find(link) is None:
            yield (*loc, "key"), _("no {row} in the plan").format(row=link.text())


def follow_row(plan: Plan, table: AreaTable, old: Any, new: Any | None) -> None:
    """Keep the links to row ``old`` of ``table`` true after it changed to ``new``: they
    name its new key, or are dropped when it was deleted (None) and no other row has
    its key — so editing the evidence never leaves a link naming no row."""
    if table.attribute not in LINKABLE:
        return
    before = _folded(table.key_of(old))
    if new is not None and _folded(table.key_of(new)) == before:
        return
    if any(_folded(table.key_of(row)) == before for row in table.rows(plan)):
        return  # another row still has the key: the links name it
    for item in plan.initiatives:
        kept = []
        for link in item.addresses:
            if link.table != table.attribute or _folded(link.key) != before:
                kept.append(link)
            elif new is not None:
                kept.append(Link(table=link.table, key=list(table.key_of(new))))
        item.addresses = kept
