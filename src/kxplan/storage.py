"""Plan files: read TOML into a :class:`~kxplan.model.Plan`, write it back safely.

Reading turns every problem (not UTF-8, bad TOML, wrong types, broken rules, a
schema from the future) into a :class:`PlanError` whose problems name the file,
the place (key path and line) and what was expected. Writing is deterministic
(the same plan always gives the same bytes, in the model's field order) and
atomic (temp file, fsync, ``os.replace``), so a failed save never harms the old
file.

The writer is kxplan's own rather than tomli-w's: tomli-w turns CRLF into LF
inside multi-line strings, and the layout (one ``[[initiatives]]`` table each,
estimates one per line, multi-line text one line per line) is what keeps
``git diff`` of two saves down to the lines that changed.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import gc
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

import tomli as toml_reader  # tomllib's compiled twin (same author, same API), ~3x faster
import tomli_w
from pydantic import BaseModel, ValidationError

from kxplan.framework import AREA_IDS
from kxplan.model import SCHEMA_VERSION, Loc, Plan, RuleViolations

INLINE_ROWS: Final = frozenset({"estimates"})
"""Lists of tables written as one inline table per line instead of ``[[...]]`` blocks."""


# --- errors ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a plan file: where and what."""

    source: str
    """The file (or a description of the text's origin)."""
    place: str
    """Key path such as ``initiatives[3] (id "web-chat").effort``; empty for the whole file."""
    line: int | None
    """1-based line where the place can be found, when known."""
    message: str
    """What was expected, and what was found."""

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return (
            f"{where}: {self.place}: {self.message}" if self.place else f"{where}: {self.message}"
        )


class PlanError(Exception):
    """A plan could not be read or written; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, source: str, message: str, line: int | None = None) -> PlanError:
        """An error with one whole-file problem."""
        return cls([Problem(source, "", line, message)])


# --- reading --------------------------------------------------------------------------

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: Final[dict[int, Migration]] = {}
"""Upgrades of the raw data: ``MIGRATIONS[n]`` turns a schema-n plan into schema n+1."""


def load(path: str | os.PathLike[str]) -> Plan:
    """Read and validate the plan file at ``path``."""
    source = os.fspath(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise PlanError.single(source, "no such file") from None
    except IsADirectoryError:
        raise PlanError.single(source, "is a folder, expected a plan file") from None
    except OSError as error:
        raise PlanError.single(source, f"cannot be read: {error.strerror or error}") from None
    return loads_bytes(raw, source)


def loads_bytes(raw: bytes, source: str = "<plan>") -> Plan:
    """Validate a plan from the bytes of a file."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PlanError.single(
            source,
            f"is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "expected a TOML plan file",
            line,
        ) from None
    return loads(text.removeprefix("\ufeff"), source)


def loads(text: str, source: str = "<plan>") -> Plan:
    """Validate a plan from TOML text; ``source`` names it in messages."""
    if not text or text.isspace():
        raise PlanError.single(source, "is empty; expected a kxplan plan (schema, title, …)")
    with _collector_paused():
        return _read(text, source)  # the parsed data is freed before the collector resumes


def _read(text: str, source: str) -> Plan:
    data = parse_toml(text, source)
    if "schema" in data:
        return validate(migrate(data, source, text), source, text)
    # report the missing schema along with everything else, read as this version
    missing = Problem(source, "schema", None, f"missing; expected schema = {SCHEMA_VERSION}")
    try:
        validate(data, source, text)
    except PlanError as error:
        raise PlanError([missing, *error.problems]) from None
    raise PlanError([missing])


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a plan is built.

    Parsing and validating a large plan creates hundreds of thousands of small,
    acyclic objects; the collector's passes over them cost up to half the load
    time of a 10,000-initiative plan and free nothing. Reference counting still
    frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a PlanError with its line."""
    try:
        return toml_reader.loads(text)
    except RecursionError:
        raise PlanError.single(source, "is not valid TOML: values are nested too deeply") from None
    except toml_reader.TOMLDecodeError as error:
        message = str(error.args[0] if error.args else error)
        match = _TOML_POSITION.search(message)
        line: int | None = None
        if match and match.group(1):
            line = int(match.group(1))
        elif match:
            line = text.count("\n") + 1
        detail = _TOML_POSITION.sub("", message).rstrip(".")
        raise PlanError.single(source, f"is not valid TOML: {detail}", line) from None


def migrate(data: dict[str, Any], source: str, text: str | None = None) -> dict[str, Any]:
    """Bring raw plan data written by an older kxplan up to :data:`SCHEMA_VERSION`."""
    version = data.get("schema")
    if version is None:
        raise PlanError(
            [Problem(source, "schema", None, f"missing; expected schema = {SCHEMA_VERSION}")]
        )
    if version == SCHEMA_VERSION:
        return data
    line = LineIndex(text).find(("schema",)) if text is not None else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanError(
            [
                Problem(
                    source, "schema", line, f"expected a whole number from 1, got {_show(version)}"
                )
            ]
        )
    if version > SCHEMA_VERSION:
        raise PlanError(
            [
                Problem(
                    source,
                    "schema",
                    line,
                    f"was written by a newer kxplan (schema {version}; this version reads up "
                    f"to {SCHEMA_VERSION}); upgrade kxplan to open it",
                )
            ]
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise PlanError(
                [Problem(source, "schema", line, f"no migration from schema {version} is known")]
            )
        try:
            data = step(data)
        except (LookupError, TypeError, ValueError, AttributeError) as error:
            raise PlanError(
                [
                    Problem(
                        source,
                        "schema",
                        line,
                        f"could not be upgraded from schema {version}: {error!r}",
                    )
                ]
            ) from None
        version += 1
        data["schema"] = version
    return data


def validate(data: Mapping[str, Any], source: str = "<plan>", text: str | None = None) -> Plan:
    """Validate raw plan data; every problem is reported with its place and line.

    Field errors (types, ranges, unknown keys) are all collected. The rules that span
    fields (unique ids, dependencies, scores within the scales) need valid fields, so
    when some fields are wrong they are checked on a copy where the wrong optional
    values are left out; if a required value or a scale itself is wrong, the rules
    wait until the fields are fixed.
    """
    try:
        return Plan.model_validate(data)
    except ValidationError as error:
        problems = _validation_problems(error, data)
        problems += _rule_problems_despite(problems, data)
    except RuleViolations as error:
        problems = list(error.problems)
    lines = LineIndex(text) if text is not None else None
    found = [
        Problem(source, describe_loc(loc, data), lines.find(loc) if lines else None, message)
        for loc, message in problems
    ]
    found.sort(key=lambda p: p.line or 0)
    raise PlanError(found) from None


def _rule_problems_despite(
    field_problems: Sequence[tuple[Loc, str]], data: Mapping[str, Any]
) -> list[tuple[Loc, str]]:
    """Rule problems of the data with its wrong optional values left out, when that is sound."""
    if any(
        not loc or loc[0] == "scales" or loc[:2] == ("scoring", "criteria")
        for loc, _ in field_problems
    ):
        return []  # broken scales or criteria would make every score look wrong
    patched: Any = copy.deepcopy(dict(data))
    try:
        for loc, _message in field_problems:
            # drop the value at the deepest key: for a list element, the whole list
            last_key = max(i for i, part in enumerate(loc) if isinstance(part, str))
            parent: Any = patched
            for part in loc[:last_key]:
                parent = parent[part]
            parent.pop(loc[last_key], None)
    except (LookupError, TypeError, AttributeError, ValueError):
        return []
    try:
        Plan.model_validate(patched)
    except ValidationError:
        return []  # a required value was wrong: the rules cannot run yet
    except RuleViolations as error:
        reported = {loc for loc, _message in field_problems}
        return [(loc, message) for loc, message in error.problems if loc not in reported]
    return []


def _validation_problems(error: ValidationError, data: Mapping[str, Any]) -> list[tuple[Loc, str]]:
    seen: set[Loc] = set()
    problems: list[tuple[Loc, str]] = []
    for item in error.errors(include_url=False):
        loc: Loc = tuple(item["loc"])
        if loc in seen:
            continue
        seen.add(loc)
        problems.append((loc, friendly_message(item, data)))
    return problems


def friendly_message(item: Mapping[str, Any], data: Mapping[str, Any] | None = None) -> str:
    """A pydantic error in words a facilitator understands ("expected …, got …").

    ``data`` is the raw plan, used to suggest a close key for an unknown one.
    """
    kind = item["type"]
    value = item.get("input")
    ctx = item.get("ctx") or {}
    loc = tuple(item["loc"])
    if kind == "extra_forbidden" and loc[:-1] == ("areas",):
        close = difflib.get_close_matches(str(loc[-1]), AREA_IDS, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"unknown area {loc[-1]!r}; {hint}the areas are {', '.join(AREA_IDS)}"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = _known_keys(loc[:-1], data or {})
        close = difflib.get_close_matches(key, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown key {key!r}{hint}; free-form notes belong under [extra]"
    if kind == "missing":
        return "missing; this key is required"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected', '')}, got {_show(value)}"
    if kind in {"float_type", "int_type", "int_from_float"}:
        what = "a whole number" if kind != "float_type" else "a number"
        shown = repr(value) if isinstance(value, float) and math.isfinite(value) else _show(value)
        return f"expected {what}, got {shown}"  # 3.0, not 3, when a whole number is expected
    if kind == "finite_number":
        return f"expected a finite number, got {_show(value)}"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        bounds = {
            "greater_than_equal": f"at least {_show(ctx.get('ge'))}",
            "less_than_equal": f"at most {_show(ctx.get('le'))}",
            "greater_than": f"more than {_show(ctx.get('gt'))}",
            "less_than": f"less than {_show(ctx.get('lt'))}",
        }
        return f"expected a number {bounds[kind]}, got {_show(value)}"
    if kind == "string_type":
        return f"expected text in quotes, got {_show(value)}"
    if kind == "string_pattern_mismatch":
        return (
            f"expected an id of lower-case letters, digits and single hyphens "
            f"(like 'web-chat'), got {_show(value)}"
        )
    if kind == "string_too_short":
        return "expected some text, got an empty string"
    if kind == "string_too_long":
        return f"expected at most {ctx.get('max_length')} characters"
    if kind in {"list_type", "tuple_type"}:
        return f"expected a list [ … ], got {_show(value)}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"expected a table, got {_show(value)}"
    if kind in {"datetime_type", "datetime_parsing"}:
        return f"expected a date and time like 2026-11-24T09:00:00Z, got {_show(value)}"
    if kind == "timezone_aware":
        return (
            f"expected a date and time with its time zone, like 2026-11-24T09:00:00Z or "
            f"2026-11-24T10:00:00+01:00, got {_show(value)}"
        )
    if kind == "bool_type":
        return f"expected true or false, got {_show(value)}"
    return str(item.get("msg", "invalid value")).replace("Input should be", "expected")


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return repr(shown)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, float) and math.isinf(value):
        return "a number too large to hold (read as infinity)"
    if isinstance(value, float) and math.isnan(value):
        return "nan (not a number)"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        value = int(value)
    if isinstance(value, int) and abs(value) >= 10**6:
        return f"{value:,}".replace(",", " ")  # 1 000 000 000 000 000
    if isinstance(value, float):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return f"{value.isoformat()} (a date without a time)"
    if isinstance(value, time):
        return f"{value.isoformat()} (a time without a date)"
    return repr(value)


def _known_keys(loc: Loc, data: Mapping[str, Any]) -> list[str]:
    node: type[BaseModel] | None = Plan
    for part in loc:
        if node is None:
            return []
        if isinstance(part, int):
            continue
        field = node.model_fields.get(str(part))
        if field is None:
            field = next((f for f in node.model_fields.values() if f.alias == str(part)), None)
        if field is None:
            return []
        node = _model_in(field.annotation)
    if node is None:
        return []
    return [f.alias or name for name, f in node.model_fields.items()]


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def describe_loc(loc: Loc, data: Mapping[str, Any] | None = None) -> str:
    """A readable key path: ``initiatives[3] (id "web-chat").effort`` (indices from 1)."""
    text = ""
    node: Any = data
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            label = _row_label(node)
            if label:
                text += f" ({label})"
        else:
            key = str(part)
            text += ("." if text else "") + _key(key)
            node = node.get(key) if isinstance(node, Mapping) else None
    return text


def _row_label(node: object) -> str:
    if not isinstance(node, Mapping):
        return ""
    for key in ("id", "name", "title", "reason", "participant", "measure"):
        value = node.get(key)
        if isinstance(value, str) and value:
            return f'{key} "{value}"'
    return ""


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


_KEY_PART: Final = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED_KEY: Final = rf"{_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART})*"


class LineIndex:
    """Finds the line of a key path in TOML text, without a position-aware parser.

    It follows table headers (``[a.b]``, counting ``[[a.b]]`` rows per parent row)
    and ``key =`` lines (dotted and quoted keys too), and skips strings, comments
    and the insides of arrays and inline tables; a place inside an inline value is
    given the line of the nearest enclosing key. Built only when there is an error
    to report.
    """

    _HEADER = re.compile(rf"[ \t]*(\[\[?)[ \t]*({_DOTTED_KEY})[ \t]*\]\]?[ \t]*(?:#.*)?\r?")
    _KEY = re.compile(rf"[ \t]*({_DOTTED_KEY})[ \t]*=")
    _PART = re.compile(_KEY_PART)

    def __init__(self, text: str) -> None:
        self.lines: dict[Loc, int] = {}
        rows: dict[Loc, int] = {}  # last row index of each array of tables
        table: Loc = ()
        string: str | None = None  # the delimiter of an open multi-line string
        depth = 0  # open brackets and braces of a value spanning lines
        for number, line in enumerate(text.split("\n"), 1):
            start = 0
            if string is None and depth == 0:
                header = self._HEADER.fullmatch(line)
                if header:
                    keys = self._split(header.group(2))
                    table = self._resolve(keys, rows, array=header.group(1) == "[[")
                    self.lines.setdefault(table, number)
                    continue
                key = self._KEY.match(line)
                if key is None:
                    continue
                keys = self._split(key.group(1))
                for end in range(1, len(keys) + 1):
                    self.lines.setdefault(table + keys[:end], number)
                start = key.end()
            string, depth = _scan_value(line, start, string, depth)

    @staticmethod
    def _resolve(keys: tuple[str, ...], rows: dict[Loc, int], *, array: bool) -> Loc:
        """The location of a table header: each array-of-tables prefix gets its row index."""
        resolved: Loc = ()
        for key in keys[:-1]:
            resolved = (*resolved, key)
            if resolved in rows:
                resolved = (*resolved, rows[resolved])
        resolved = (*resolved, keys[-1])
        if not array:
            return resolved
        index = rows.get(resolved, -1) + 1
        rows[resolved] = index
        return (*resolved, index)

    @classmethod
    def _split(cls, dotted: str) -> tuple[str, ...]:
        parts: list[str] = []
        for match in cls._PART.finditer(dotted):
            part = match.group()
            if part.startswith('"'):
                with contextlib.suppress(toml_reader.TOMLDecodeError):
                    part = toml_reader.loads(f"k = {part}")["k"]
            elif part.startswith("'"):
                part = part[1:-1]
            parts.append(part)
        return tuple(parts)

    def find(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor found in the text."""
        for end in range(len(loc), 0, -1):
            found = self.lines.get(loc[:end])
            if found is not None:
                return found
        return None


def _scan_value(line: str, start: int, string: str | None, depth: int) -> tuple[str | None, int]:
    """Follow a value through one line: (open multi-line string delimiter, bracket depth)."""
    i, end = start, len(line)
    while i < end:
        if string is not None:
            close = _close_multiline(line, i, string)
            if close < 0:
                return string, depth
            i, string = close, None
            continue
        char = line[i]
        if char == "#":
            break
        if char in "\"'":
            if line.startswith(char * 3, i):
                string = char * 3
                i += 3
                continue
            i = _close_single(line, i + 1, char)
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(depth - 1, 0)
        i += 1
    return string, depth


def _close_single(line: str, i: int, quote: str) -> int:
    """The position after a one-line string's closing quote (or the end of the line)."""
    while i < len(line):
        char = line[i]
        if char == "\\" and quote == '"':
            i += 2
            continue
        i += 1
        if char == quote:
            return i
    return len(line)


def _close_multiline(line: str, i: int, delimiter: str) -> int:
    """The position after a multi-line string's closing delimiter, or -1 if not on this line."""
    while i < len(line):
        if line[i] == "\\" and delimiter == '"""':
            i += 2
            continue
        if line.startswith(delimiter, i):
            i += 3
            extra = 0  # up to two quotes right before the delimiter belong to the text
            while extra < 2 and i < len(line) and line[i] == delimiter[0]:
                i += 1
                extra += 1
            return i
        i += 1
    return -1


# --- writing --------------------------------------------------------------------------


def dumps(plan: Plan) -> str:
    """The plan as TOML text: stable order, one ``[[initiatives]]`` table each.

    Text with line breaks is written as a multi-line string, so a change to one line
    of a note shows as one changed line in ``git diff``. tomli-w formats every value,
    and every character round-trips. Raises ValueError for free-form data nested too
    deeply to write.
    """
    out: list[str] = []
    try:
        _emit_table((), plan.to_data(), out, array_row=False)
    except RecursionError:  # only free-form [extra] data can nest this deep
        raise ValueError("a value under [extra] is nested too deeply to be written") from None
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
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            (inline_rows if key in INLINE_ROWS and not free_form else arrays).append((key, value))
        else:
            leaves.append((key, value))
    if path and (array_row or leaves or inline_rows or not (subtables or arrays)):
        name = ".".join(_key(str(p)) for p in path)
        out.append("")
        out.append(f"[[{name}]]" if array_row else f"[{name}]")
    out.extend(_leaf_lines(leaves))
    for key, rows in inline_rows:
        out.append(f"{_key(key)} = [")
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
            yield f"{_key(key)} = {{}}"
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
    """A row of scalars as one inline table; single-line strings keep it on one line."""
    lines = _tomli_w(row, multiline=False).split("\n")
    return "{ " + ", ".join(line for line in lines if line) + " }"


def _key(key: str) -> str:
    if _BARE_KEY.fullmatch(key):
        return key
    return _tomli_w({key: 0}, multiline=False).rsplit(" = ", 1)[0]


def save(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write the plan to ``path`` atomically; on failure the old file is untouched."""
    try:
        text = dumps(plan)
    except ValueError as error:
        raise PlanError.single(os.fspath(path), f"could not be saved: {error}") from None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate from a broken paste
        line = text.count("\n", 0, error.start) + 1
        raise PlanError.single(
            os.fspath(path), "could not be saved: the text holds a broken character", line
        ) from None
    write_atomic(Path(path), data)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder, fsync and replace.

    A symbolic link is written through: the file it points to is replaced and the link
    stays. An existing file keeps its permissions; a new one gets the usual ones (the
    umask's). Raises PlanError (naming the file) when the file cannot be written.
    """
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    tmp_name: str | None = None
    try:
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as error:
        raise PlanError.single(
            os.fspath(path), f"could not be saved: {error.strerror or error}"
        ) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - not every platform can open a folder
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def problems_of(paths: Iterable[str | os.PathLike[str]]) -> dict[str, tuple[Problem, ...]]:
    """Every problem of each file (empty for a valid one), for ``kxplan validate``."""
    result: dict[str, tuple[Problem, ...]] = {}
    for path in paths:
        try:
            load(path)
        except PlanError as error:
            result[os.fspath(path)] = error.problems
        else:
            result[os.fspath(path)] = ()
    return result
