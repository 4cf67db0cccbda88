"""Writing plans: deterministic TOML, saved atomically.

The same plan always gives the same bytes, in the model's field order. The writer
is kxplan's own rather than tomli-w's: tomli-w turns CRLF into LF inside multi-line
strings, and the layout (one ``[[initiatives]]`` table each, estimates one per line,
multi-line text one line per line) is what keeps ``git diff`` of two saves down to
the lines that changed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final, get_args, get_origin

import tomli_w
from pydantic import BaseModel

from kxplan.i18n import _
from kxplan.model import Loc, Plan
from kxplan.storage.atomic import write_atomic
from kxplan.storage.errors import PlanError

INLINE_ROWS: Final = frozenset({"estimates", "addresses", "readings", "results", "placed"})
"""Lists of tables written as one inline table per line instead of ``[[...]]`` blocks."""

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _table_lists(model: type[BaseModel], found: set[str] | None = None) -> frozenset[str]:
    """The keys of every list of tables in the plan model (initiatives, kpis, …)."""
    found = set() if found is None else found
    for name, field in model.model_fields.items():
        annotation = field.annotation
        # list[Row], Row, or Row | None
        options = get_args(annotation) if get_origin(annotation) is not list else (annotation,)
        for option in options or (annotation,):
            is_list = get_origin(option) is list
            row = get_args(option)[0] if is_list and get_args(option) else option
            if isinstance(row, type) and issubclass(row, BaseModel) and row is not model:
                if is_list:
                    found.add(field.alias or name)
                _table_lists(row, found)
    return frozenset(found)


TABLE_LISTS: Final = _table_lists(Plan)
"""Lists of tables: left out when empty, so ``[[initiatives]]`` can be added by hand to
a plan that has none yet (``initiatives = []`` would make that invalid TOML)."""


def dumps(plan: Plan) -> str:
    """The plan as TOML text: stable order, one ``[[initiatives]]`` table each.

    Text with line breaks is written as a multi-line string, so a change to one line
    of a note shows as one changed line in ``git diff``. tomli-w formats every value,
    and every character round-trips. Raises ValueError for free-form data nested too
    deeply to write.
    """
    return dumps_data(plan.to_data())


def dumps_data(data: Mapping[str, Any]) -> str:
    """Plan data (as :meth:`Plan.to_data` gives it) as TOML text in kxplan's layout.

    :func:`dumps` of a plan; also writes data that is not validated (one side of a
    merge conflict)."""
    out: list[str] = []
    try:
        _emit_table((), data, out, array_row=False)
    except RecursionError:  # only free-form [extra] data can nest this deep
        raise ValueError(_("a value under [extra] is nested too deeply to be written")) from None
    return "\n".join(out).strip("\n") + "\n"


def _emit_table(path: Loc, table: Mapping[str, Any], out: list[str], *, array_row: bool) -> None:
    leaves: list[tuple[str, Any]] = []
    inline_rows: list[tuple[str, list[Mapping[str, Any]]]] = []
    subtables: list[tuple[str, Mapping[str, Any]]] = []
    arrays: list[tuple[str, list[Mapping[str, Any]]]] = []
    free_form = bool(path) and path[0] == "extra"
    for key, value in table.items():
        if isinstance(value, Mapping):
            if value:
                subtables.append((key, value))
            elif free_form:
                leaves.append((key, value))  # an empty table of the user's own: keep it
            # an empty table of the model reads back as its default: leave it out
        elif isinstance(value, list) and not value and key in TABLE_LISTS and not free_form:
            continue  # reads back as its default; [[key]] tables may follow by hand
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            (inline_rows if key in INLINE_ROWS and not free_form else arrays).append((key, value))
        else:
            leaves.append((key, value))
    if path and (array_row or leaves or inline_rows or not (subtables or arrays)):
        name = ".".join(toml_key(str(p)) for p in path)
        out.append("")
        out.append(f"[[{name}]]" if array_row else f"[{name}]")
    out.extend(_leaf_lines(leaves))
    for key, rows in inline_rows:
        out.append(f"{toml_key(key)} = [")
        out.extend(f"    {_inline_table(row)}," for row in rows)
        out.append("]")
    for key, sub in subtables:
        _emit_table((*path, key), sub, out, array_row=False)
    for key, rows in arrays:
        for row in rows:
            _emit_table((*path, key), row, out, array_row=True)


def _leaf_lines(leaves: list[tuple[str, Any]]) -> Iterator[str]:
    """``key = value`` lines, formatted by tomli-w.

    Text with line breaks becomes a multi-line string, except text holding a carriage
    return: tomli-w's multi-line form turns ``\\r\\n`` into ``\\n``, so such text is
    written on one line, where tomli-w escapes every character.
    """
    run: dict[str, Any] = {}
    run_multiline = True
    for key, value in leaves:
        if isinstance(value, Mapping):  # an empty free-form table: tomli-w would open [key]
            yield from _flush(run, run_multiline)
            run = {}
            yield f"{toml_key(key)} = {{}}"
            continue
        multiline = not _holds_carriage_return(value)
        if run and multiline != run_multiline:
            yield from _flush(run, run_multiline)
            run = {}
        run[key] = value
        run_multiline = multiline
    yield from _flush(run, run_multiline)


def _flush(run: dict[str, Any], multiline: bool) -> Iterator[str]:
    if run:
        yield _tomli_w(run, multiline=multiline).rstrip("\n")


def _tomli_w(data: Mapping[str, Any], *, multiline: bool) -> str:
    text: str = tomli_w.dumps(data, multiline_strings=multiline)
    return text


def _holds_carriage_return(value: object) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, list | tuple):
        return any(_holds_carriage_return(item) for item in value)
    if isinstance(value, Mapping):
        return any(_holds_carriage_return(item) for item in value.values())
    return False


def _inline_table(row: Mapping[str, Any]) -> str:
    """A row of scalars (and lists of scalars) as one inline table on one line."""
    if not any(isinstance(value, list | tuple) for value in row.values()):
        lines = _tomli_w(row, multiline=False).split("\n")  # one call for the row: fast
        return "{ " + ", ".join(line for line in lines if line) + " }"
    return "{ " + ", ".join(f"{toml_key(k)} = {_inline_value(v)}" for k, v in row.items()) + " }"


def _inline_value(value: Any) -> str:
    """A scalar, or a list of scalars, as TOML on one line (strings never multi-line)."""
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_inline_value(item) for item in value) + "]"
    return _tomli_w({"v": value}, multiline=False).rstrip("\n").split(" = ", 1)[1]


def toml_key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, quoted otherwise."""
    if _BARE_KEY.fullmatch(key):
        return key
    return _tomli_w({key: 0}, multiline=False).rsplit(" = ", 1)[0]


def save(
    plan: Plan,
    path: str | os.PathLike[str],
    previous: tuple[str, Mapping[str, Any]] | None = None,
) -> str:
    """Write the plan to ``path`` atomically; on failure the old file is untouched.

    ``previous`` is the file's text and the plan data it was read as: only what changed
    is written into it (comments and hand formatting stay, :mod:`kxplan.storage.patch`);
    without it the plan gets kxplan's own layout. Either way the text written reads back
    as exactly ``plan``. Returns the text written."""
    from kxplan.storage.patch import faithful_text  # patch imports this module

    source = os.fspath(path)
    try:
        text = faithful_text(plan, previous, source)
    except ValueError as error:
        raise PlanError.single(
            source, _("could not be saved: {reason}").format(reason=error)
        ) from None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate from a broken paste
        line = text.count("\n", 0, error.start) + 1
        raise PlanError.single(
            source, _("could not be saved: the text holds a broken character"), line
        ) from None
    write_atomic(Path(path), data)
    return text
