"""Plan files: read TOML into a :class:`~kxplan.model.Plan`, write it back safely.

Reading turns every problem (not UTF-8, bad TOML, wrong types, broken rules, a
schema from the future) into a :class:`PlanError` whose problems name the file,
the place (key path and line) and what was expected. Writing is deterministic
(the same plan always gives the same bytes, in the model's field order) and
atomic (temp file, fsync, ``os.replace``), so a failed save never harms the old
file.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import tomli as toml_reader  # tomllib's compiled twin (same author, same API), ~3x faster
import tomli_w
from pydantic import BaseModel, ValidationError

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
    if not text.strip():
        raise PlanError.single(source, "is empty; expected a kxplan plan (schema, title, …)")
    data = parse_toml(text, source)
    data = migrate(data, source)
    return validate(data, source, text)


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a PlanError with its line."""
    try:
        return toml_reader.loads(text)
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


def migrate(data: dict[str, Any], source: str) -> dict[str, Any]:
    """Bring raw plan data written by an older kxplan up to :data:`SCHEMA_VERSION`."""
    version = data.get("schema")
    if version is None:
        raise PlanError(
            [Problem(source, "schema", None, f"missing; expected schema = {SCHEMA_VERSION}")]
        )
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanError(
            [Problem(source, "schema", None, f"expected a whole number, got {version!r}")]
        )
    if version > SCHEMA_VERSION:
        raise PlanError.single(
            source,
            f"was written by a newer kxplan (schema {version}; this version reads up to "
            f"{SCHEMA_VERSION}); upgrade kxplan to open it",
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema"] = version
    return data


def validate(data: Mapping[str, Any], source: str = "<plan>", text: str | None = None) -> Plan:
    """Validate raw plan data; every problem is reported with its place and line."""
    try:
        return Plan.model_validate(data)
    except ValidationError as error:
        problems = _validation_problems(error, data)
    except RuleViolations as error:
        problems = list(error.problems)
    lines = LineIndex(text) if text is not None else None
    raise PlanError(
        [
            Problem(source, describe_loc(loc, data), lines.find(loc) if lines else None, message)
            for loc, message in problems
        ]
    ) from None


def _validation_problems(error: ValidationError, data: Mapping[str, Any]) -> list[tuple[Loc, str]]:
    seen: set[Loc] = set()
    problems: list[tuple[Loc, str]] = []
    for item in error.errors(include_url=False):
        loc: Loc = tuple(item["loc"])
        if loc in seen:
            continue
        seen.add(loc)
        problems.append((loc, _friendly(item, data)))
    return problems


def _friendly(item: Mapping[str, Any], data: Mapping[str, Any]) -> str:
    kind = item["type"]
    value = item.get("input")
    ctx = item.get("ctx") or {}
    loc = tuple(item["loc"])
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = _known_keys(loc[:-1], data)
        close = difflib.get_close_matches(key, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown key {key!r}{hint}; free-form notes belong under [extra]"
    if kind == "missing":
        return "missing; this key is required"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected', '')}, got {_show(value)}"
    if kind in {"float_type", "int_type", "int_from_float"}:
        what = "a whole number" if kind != "float_type" else "a number"
        return f"expected {what}, got {_show(value)}"
    if kind == "finite_number":
        return f"expected a finite number, got {_show(value)}"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        bounds = {
            "greater_than_equal": f"at least {ctx.get('ge')}",
            "less_than_equal": f"at most {ctx.get('le')}",
            "greater_than": f"more than {ctx.get('gt')}",
            "less_than": f"less than {ctx.get('lt')}",
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
    return repr(value) if not isinstance(value, float) else str(value)


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
            text += ("." if text else "") + (key if _BARE_KEY.match(key) else f'"{key}"')
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


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


class LineIndex:
    """Finds the line of a key path in TOML text, without a position-aware parser.

    It follows table headers (``[a.b]``, counting ``[[a.b]]`` rows) and ``key =``
    lines, skipping multi-line strings; a place inside an inline value is given the
    line of the nearest enclosing key.
    """

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
    _KEY = re.compile(
        r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
    )

    def __init__(self, text: str) -> None:
        self.lines: dict[Loc, int] = {}
        counters: dict[Loc, int] = {}
        table: Loc = ()
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), 1):
            if in_multiline:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            header = self._HEADER.match(line)
            if header:
                keys = self._split(header.group(2))
                if header.group(1) == "[[":
                    index = counters.get(keys, -1) + 1
                    counters[keys] = index
                    table = (*self._resolve(keys, counters), index)
                else:
                    table = self._resolve(keys, counters)
                self.lines.setdefault(table, number)
                continue
            key = self._KEY.match(line)
            if key:
                self.lines.setdefault(table + self._split(key.group(1)), number)
                rest = line[key.end() :]
                for quote in ('"""', "'''"):
                    if rest.count(quote) % 2 == 1:
                        in_multiline = quote

    def _resolve(self, keys: tuple[str, ...], counters: dict[Loc, int]) -> Loc:
        """Insert the current row index after each array-of-tables prefix."""
        resolved: list[str | int] = []
        for i, key in enumerate(keys):
            resolved.append(key)
            prefix = keys[: i + 1]
            if prefix in counters and prefix != keys:
                resolved.append(counters[prefix])
        return tuple(resolved)

    @staticmethod
    def _split(dotted: str) -> tuple[str, ...]:
        parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)', dotted)
        return tuple(next(p for p in groups if p) if any(groups) else "" for groups in parts)

    def find(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor found in the text."""
        for end in range(len(loc), 0, -1):
            found = self.lines.get(loc[:end])
            if found is not None:
                return found
        return None


# --- writing --------------------------------------------------------------------------


def dumps(plan: Plan) -> str:
    """The plan as TOML text: stable order, one ``[[initiatives]]`` table each."""
    out: list[str] = []
    _emit_table((), plan.to_data(), out, array_row=False)
    return "\n".join(out).strip("\n") + "\n"


def _emit_table(path: Loc, table: Mapping[str, Any], out: list[str], *, array_row: bool) -> None:
    leaves: dict[str, Any] = {}
    inline_rows: dict[str, list[Mapping[str, Any]]] = {}
    subtables: dict[str, Mapping[str, Any]] = {}
    arrays: dict[str, list[Mapping[str, Any]]] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            if value:  # an empty table reads back as the default: leave it out
                subtables[key] = value
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            (inline_rows if key in INLINE_ROWS else arrays)[key] = value
        else:
            leaves[key] = value
    if path and (array_row or leaves or inline_rows or not (subtables or arrays)):
        name = ".".join(_key(str(p)) for p in path)
        out.append("")
        out.append(f"[[{name}]]" if array_row else f"[{name}]")
    if leaves:
        out.append(tomli_w.dumps(leaves, multiline_strings=True).rstrip("\n"))
    for key, rows in inline_rows.items():
        out.append(f"{_key(key)} = [")
        out.extend(f"    {_inline_table(row)}," for row in rows)
        out.append("]")
    for key, sub in subtables.items():
        _emit_table((*path, key), sub, out, array_row=False)
    for key, rows in arrays.items():
        for row in rows:
            _emit_table((*path, key), row, out, array_row=True)


def _inline_table(row: Mapping[str, Any]) -> str:
    lines = tomli_w.dumps(dict(row)).splitlines()
    return "{ " + ", ".join(lines) + " }"


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else tomli_w.dumps({key: 0}).rsplit(" = ", 1)[0]


def save(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write the plan to ``path`` atomically; on failure the old file is untouched."""
    write_atomic(Path(path), dumps(plan).encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder, fsync and replace.

    Raises PlanError (naming the file) when the folder cannot be written.
    """
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name: str | None = None
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else None
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
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
