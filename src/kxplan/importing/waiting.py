"""Initiative rows that wait for others: a row refused for a dependency is tried again
only once something it waits for has been imported (:func:`waited_for`), and rows that
wait for each other are refused as the cycle they form (:func:`cycle_refusals`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kxplan.i18n import _
from kxplan.importing import cells
from kxplan.importing.outcomes import RowRefused
from kxplan.model.graph import cycle_in
from kxplan.model.ids import slugify

if TYPE_CHECKING:
    from kxplan.importing.kinds import Row


def title_key(title: str) -> str:
    """A title among the keys :func:`waited_for` gives (never an id)."""
    return "\0" + title.strip().casefold()


def waited_for(row: Row) -> frozenset[str] | None:
    """What an initiative row refused at its dependencies waits for: the ids it depends
    on, its own id and title (another row importing one of them can change what it
    does); None when its cells cannot say."""
    try:
        given = row.read({"id": cells.line, "title": cells.line, "depends_on": cells.items})
    except RowRefused:
        return None
    keys = set(given.get("depends_on", ()))
    if "id" in given:
        keys.add(given["id"])
    if "title" in given:
        keys.add(title_key(given["title"]))
        keys.add(slugify(given["title"]))
    return frozenset(keys)


def cycle_refusals(rows: Iterable[Row]) -> dict[int, RowRefused]:
    """The initiative rows refused for a dependency whose dependencies on each other form
    a cycle (none of them can go in before the others): each of them refused as the
    cycle, naming its ids, at its dependency column; by line."""
    graph: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    column: int | None = None
    for row in rows:
        try:
            given = row.read({"id": cells.line, "title": cells.line, "depends_on": cells.items})
        except RowRefused:
            continue
        ident = given.get("id") or (slugify(given["title"]) if "title" in given else "")
        if ident and ident not in graph:
            graph[ident], lines[ident] = given.get("depends_on", []), row.line
            column = row.column("depends_on")
    found: dict[int, RowRefused] = {}
    while cycle := cycle_in(graph):
        message = _("dependencies form a cycle: {cycle}").format(
            cycle=" → ".join([*cycle, cycle[0]])
        )
        for ident in cycle:
            found[lines[ident]] = RowRefused(column, message)
            del graph[ident]  # and look for another
    return found
