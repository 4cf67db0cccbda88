"""Saving over a file a person wrote: change only what changed, keep the rest as written.

The file as it was read is opened with tomlkit (a style-preserving TOML library) and only
the values the plan changed are set, added or removed in it, so comments
(``# agreed with the CEO``), blank lines, key order, quoting and inline tables stay as
the person wrote them. New values are written in kxplan's own layout
(:mod:`kxplan.storage.write`). Initiatives are matched by id, area rows by their key,
estimates by participant, criteria by id. Loading (validation) stays with the fast
reader; tomlkit is used only here, on the save path.

:func:`faithful_text` is the one entry point: it returns text that loads to exactly
the plan being saved — the patched file when that holds, else kxplan's own layout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import tomlkit
import tomlkit.exceptions
from tomlkit.container import Container
from tomlkit.items import AoT, Array, Comment, InlineTable, Item, Table, Whitespace

from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.model.tables import AREA_TABLES
from kxplan.storage.errors import PlanError
from kxplan.storage.patch_parts import NotInParts, patch_in_parts
from kxplan.storage.read import loads
from kxplan.storage.write import _emit_table, _leaf_lines, dumps

_Key = Callable[[Any], str]


def _field(name: str) -> _Key:
    return lambda item: str(item.get(name, "")).strip().casefold()


def _row(index: int) -> _Key:
    table = AREA_TABLES[index]
    return lambda item: "\0".join(
        part.strip().casefold() for part in table.key_of(table.row.model_construct(**item))
    )


KEYED: Final[dict[tuple[str, ...], _Key]] = {
    ("initiatives",): _field("id"),
    ("initiatives", "*", "estimates"): _field("participant"),
    ("scoring", "criteria"): _field("id"),
    **{("areas", t.area, t.attribute): _row(i) for i, t in enumerate(AREA_TABLES)},
}
"""Lists of tables patched item by item, with the key that matches an item."""


class _Unfaithful(Exception):
    """The change cannot be made in the document as written; kxplan's layout is used."""


def faithful_text(plan: Plan, previous: tuple[str, Mapping[str, Any]] | None, source: str) -> str:
    """The text to save ``plan`` as: ``previous`` (the file's text and the plan data it
    was read as) with only the changes applied, or kxplan's layout for a new file or when
    the patch would not load to exactly ``plan``. PlanError when even that would not."""
    if previous is not None:
        for in_parts in (True, False):
            text = patched(previous[0], previous[1], plan.to_data(), in_parts=in_parts)
            if text is not None and _loads_to(text, plan, source):
                return text
    text = dumps(plan)
    if not _loads_to(text, plan, source):  # pragma: no cover - dumps round-trips every plan
        raise PlanError.single(
            source, _("could not be saved: the text would not read back as it is")
        )
    return text


def _loads_to(text: str, plan: Plan, source: str) -> bool:
    try:
        return loads(text, source) == plan
    except PlanError:
        return False


def patched(
    text: str, old: Mapping[str, Any], new: Mapping[str, Any], *, in_parts: bool = True
) -> str | None:
    """``text`` (which reads as the plan data ``old``) changed to read as ``new``, keeping
    everything else as written; None when that cannot be done. ``in_parts``: open only
    the parts of the file that changed (:mod:`kxplan.storage.patch_parts`)."""
    written = _schema_in(text)
    old = {**old, "schema": written} if written is not None else dict(old)
    if old == new:
        return text  # nothing changed: the same bytes
    body = text.removeprefix("\ufeff")
    try:
        if in_parts:
            result = patch_in_parts(body, old, new, patch_document, KEYED[("initiatives",)])
        else:
            result = patch_document(body, old, new)
    except (NotInParts, _Unfaithful, tomlkit.exceptions.TOMLKitError, PlanError):
        return None
    except (KeyError, IndexError, TypeError, ValueError, RecursionError):
        return None
    return ("\ufeff" + result) if text.startswith("\ufeff") else result


def patch_document(text: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    """One TOML text, read as ``old``, patched with tomlkit to read as ``new``."""
    document = tomlkit.parse(text)
    _patch_table(document, dict(old), dict(new), ())
    return document.as_string()


def _schema_in(text: str) -> object:
    from kxplan.storage.read import parse_toml

    try:
        return parse_toml(text, "<plan>").get("schema")
    except PlanError:
        return None


Node = Container | Table | InlineTable


def _patch_table(
    node: Node, old: dict[str, Any], new: dict[str, Any], pattern: tuple[str, ...]
) -> None:
    free_form = pattern[:1] == ("extra",)
    for key in old:
        if key not in new and key in node:
            del node[key]
    for key, value in new.items():
        before = old.get(key, _ABSENT)
        child = pattern if free_form and len(pattern) > 1 else (*pattern, key)
        if before == value and (key in node or not free_form):
            continue
        if key not in node:
            item = _new_item(pattern, key, value, inline=isinstance(node, InlineTable))
            _add(node, key, item, tuple(new)[: list(new).index(key)])
            continue
        current = node[key]
        if (
            isinstance(value, dict)
            and isinstance(before, dict)
            and isinstance(current, Table | InlineTable)
        ):
            _patch_table(current, before, value, child)
        elif (
            child in KEYED
            and isinstance(value, list)
            and isinstance(before, list)
            and isinstance(current, AoT | Array)
        ):
            _patch_list(current, before, value, child, KEYED[child])
        elif isinstance(current, Table | AoT):
            if isinstance(value, dict | list):
                del node[key]
                _add(node, key, _new_item(pattern, key, value, inline=False))
            else:
                raise _Unfaithful(key)
        else:
            node[key] = _new_item(pattern, key, value, inline=True)


class _Absent:
    pass


_ABSENT: Final = _Absent()


def _patch_list(
    items: AoT | Array,
    old: list[Any],
    new: list[Any],
    pattern: tuple[str, ...],
    key: _Key,
) -> None:
    if len(items) != len(old):
        raise _Unfaithful(pattern)
    old_keys = [key(item) for item in old]
    new_keys = [key(item) for item in new]
    if len(set(old_keys)) != len(old_keys) or len(set(new_keys)) != len(new_keys):
        raise _Unfaithful(pattern)  # repeated keys (touchpoints may repeat): not by key
    wanted = set(new_keys)
    for index in reversed(range(len(old))):
        if old_keys[index] not in wanted:
            _remove(items, index)
    kept = [k for k in old_keys if k in wanted]
    by_old = dict(zip(old_keys, old, strict=True))
    if kept != [k for k in new_keys if k in set(kept)]:  # reordered: take them out, in again
        elements = {name: items[index] for index, name in enumerate(kept)}
        for index in reversed(range(len(kept))):
            del items[index]
        for index, name in enumerate(new_keys):
            element = elements.get(name)
            if isinstance(element, Table | InlineTable):
                _patch_table(element, by_old[name], new[index], (*pattern, "*"))
            else:
                element = _new_element(pattern, new[index], isinstance(items, AoT))
            items.append(element)
        if isinstance(items, AoT):
            _space_tables(items)
        return
    for index, name in enumerate(new_keys):  # kept ones are in order: index is the place
        if name in by_old:
            element = items[index]
            if not isinstance(element, Table | InlineTable):
                raise _Unfaithful(pattern)
            _patch_table(element, by_old[name], new[index], (*pattern, "*"))
        else:
            element = _new_element(pattern, new[index], isinstance(items, AoT))
            items.insert(index, element)  # type: ignore[arg-type]  # tomlkit takes items too
    if isinstance(items, AoT):
        _space_tables(items)


def _remove(items: AoT | Array, index: int) -> None:
    """Remove one element; comments at the end of a table (above the next one) stay above
    the table they were written above."""
    element = items[index]
    if isinstance(items, AoT) and isinstance(element, Table):
        trailing = _trailing(element.value)
        following = items[index + 1] if index + 1 < len(items) else None
        previous = items[index - 1] if index > 0 else None
        if isinstance(previous, Table):
            _strip_heading(previous.value)
        if any(isinstance(item, Comment) for item in trailing):
            if isinstance(following, Table):
                moved = "".join(item.as_string() for item in trailing).lstrip("\r\n")
                following.trivia.indent = moved + following.trivia.indent
            elif isinstance(previous, Table):
                _strip_trailing(previous.value)
                for item in trailing:
                    previous.value.append(None, item)
            # else: the only table of the list goes, and the comments at its end with it
    del items[index]


def _trailing(container: Container) -> list[Item]:
    body = container.body
    end = len(body)
    while (
        end > 0 and body[end - 1][0] is None and isinstance(body[end - 1][1], Comment | Whitespace)
    ):
        end -= 1
    return [item for _key, item in body[end:]]


def _strip_heading(container: Container) -> None:
    """Drop the comment lines at the very end of a table, just above the next table's
    header with no blank line between: they are that table's, and it is being removed."""
    body = container.body
    while body and body[-1][0] is None and isinstance(body[-1][1], Comment):
        body.pop()


def _strip_trailing(container: Container) -> None:
    """Drop the trailing comments and blank lines of a table (they sat above the removed one)."""
    while container.body and container.body[-1][0] is None:
        item = container.body[-1][1]
        if not isinstance(item, Comment | Whitespace):
            break
        container.body.pop()


def _space_tables(items: AoT) -> None:
    """A blank line between tables of an array, as kxplan writes them (unless a table
    already ends in blank lines or in comments written above the next one)."""
    for element in list(items)[:-1]:
        if isinstance(element, Table):
            body = element.value.body
            if body and body[-1][0] is not None:
                element.add(tomlkit.nl())


def _add(node: Node, key: str, item: Item, before: tuple[str, ...] = ()) -> None:
    """Add ``key`` right after the nearest of the keys ``before`` it (in the plan's order)
    that the table holds, else after its last key; before trailing comments, blank lines
    and sub-tables. A file in kxplan's layout so stays in it."""
    container = node if isinstance(node, Container) else node.value
    after = None
    for index, (existing, value) in enumerate(container.body):
        if existing is not None and not isinstance(value, Table | AoT):
            after = index + 1
    keys = [
        (index, str(existing.key))
        for index, (existing, value) in enumerate(container.body)
        if existing is not None and not isinstance(value, Table | AoT)
    ]
    for wanted in reversed(before):
        found = next((index for index, name in keys if name == wanted), None)
        if found is not None:
            after = found + 1
            break
    if isinstance(node, InlineTable) or isinstance(item, Table | AoT) or after is None:
        node.add(key, item)
    elif after >= len(container.body):
        container.add(key, item)
    else:
        container._insert_at(after, key, item)


# --- new values in kxplan's layout -------------------------------------------------------------


def _new_item(pattern: tuple[str, ...], key: str, value: Any, *, inline: bool) -> Item:
    if isinstance(value, dict) and value and not inline:
        out: list[str] = []
        _emit_table(("x",), value, out, array_row=False)
        return _item_of(_parsed("\n".join(out))["x"])
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value) and not inline:
        out = []
        for row in value:
            _emit_table(("x",), row, out, array_row=True)
        return _item_of(_parsed("\n".join(out))["x"])
    if isinstance(value, dict | list) and inline:
        item = tomlkit.item(value)
        if isinstance(item, Table):
            raise _Unfaithful(key)
        return item
    return _item_of(_parsed("\n".join(_leaf_lines([(key, value)])))[key])


def _item_of(found: Any) -> Item:
    if not isinstance(found, Item):
        raise _Unfaithful(found)
    return found


def _new_element(pattern: tuple[str, ...], value: Any, table: bool) -> Item:
    if table:
        out: list[str] = []
        _emit_table(("x",), value, out, array_row=True)
        found = _parsed("\n".join(out))["x"]
        if not isinstance(found, AoT):
            raise _Unfaithful(pattern)
        return found[0]
    item = tomlkit.item(value)
    if not isinstance(item, InlineTable):
        item = tomlkit.inline_table()
        item.update(value)
    return item


def _parsed(text: str) -> Any:
    return tomlkit.parse(text + "\n")
