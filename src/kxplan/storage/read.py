"""Reading plans: bytes or TOML text to a validated :class:`~kxplan.model.Plan`.

Every problem (not UTF-8, bad TOML, wrong types, broken rules, a schema from the
future) becomes a :class:`~kxplan.storage.errors.PlanError` whose problems name the
file, the place (key path and line) and what was expected.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import tomli as toml_reader  # tomllib's compiled twin (same author, same API), ~3x faster
from pydantic import ValidationError

import kxplan.storage as package
from kxplan.i18n import _
from kxplan.model import Loc, Plan, RuleViolations
from kxplan.storage.errors import PlanError, Problem
from kxplan.storage.migrate import migrate
from kxplan.text.system_words import os_reason, toml_detail


def load(path: str | os.PathLike[str]) -> Plan:
    """Read and validate the plan file at ``path``."""
    source = os.fspath(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise PlanError.single(source, _("no such file")) from None
    except IsADirectoryError:
        raise PlanError.single(source, _("is a folder, expected a plan file")) from None
    except OSError as error:
        raise PlanError.single(
            source, _("cannot be read: {reason}").format(reason=os_reason(error))
        ) from None
    return loads_bytes(raw, source)


def loads_bytes(raw: bytes, source: str = "<plan>") -> Plan:
    """Validate a plan from the bytes of a file."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PlanError.single(
            source,
            _(
                "is not UTF-8 text (byte 0x{byte:02x} at offset {offset}); "
                "expected a TOML plan file"
            ).format(byte=raw[error.start], offset=error.start),
            line,
        ) from None
    return loads(text.removeprefix("\ufeff"), source)


def loads(text: str, source: str = "<plan>") -> Plan:
    """Validate a plan from TOML text; ``source`` names it in messages."""
    if not text or text.isspace():
        raise PlanError.single(source, _("is empty; expected a kxplan plan (schema, title, …)"))
    with _collector_paused():
        return _read(text, source)  # the parsed data is freed before the collector resumes


def _read(text: str, source: str) -> Plan:
    data = parse_toml(text, source)
    _refuse_huge_integers(data, text, source)
    if "schema" in data:
        return validate(migrate(data, source, text), source, text)
    # report the missing schema along with everything else, read as this version
    missing = Problem(
        source,
        "schema",
        None,
        _("missing; expected schema = {version}").format(version=package.SCHEMA_VERSION),
    )
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
    """Parse TOML text; a syntax error becomes a PlanError with its line and column."""
    try:
        return toml_reader.loads(text)
    except RecursionError:
        raise PlanError.single(
            source, _("is not valid TOML: values are nested too deeply")
        ) from None
    except toml_reader.TOMLDecodeError as error:
        from kxplan.storage.conflicts import conflict_error

        conflicts = conflict_error(text, source)  # a merge left conflict blocks in the file
        if conflicts is not None:
            raise conflicts from None
        message = str(error.args[0] if error.args else error)
        match = _TOML_POSITION.search(message)
        line: int | None = None
        column: int | None = None
        if match and match.group(1):
            line, column = int(match.group(1)), int(match.group(2))
        elif match:  # at the end of the document: just after its last character
            line = text.count("\n") + 1
            column = len(text) - text.rfind("\n")
        detail = toml_detail(_TOML_POSITION.sub("", message).rstrip("."))
        raise PlanError.single(
            source, _("is not valid TOML: {detail}").format(detail=detail), line, column
        ) from None
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        raise _too_long_number(text, source) from None


_DIGIT_RUN = re.compile(r"[0-9][0-9_]*")


def _too_long_number(text: str, source: str) -> PlanError:
    """The error for an integer with more digits than Python reads, on that number's line.

    The number is the first long run of digits that stops the text from parsing when the
    text is cut after its line (a run inside a string does not).
    """
    limit = sys.get_int_max_str_digits() or sys.maxsize
    for match in _DIGIT_RUN.finditer(text):
        digits = len(match.group()) - match.group().count("_")
        if digits <= limit:
            continue
        end = text.find("\n", match.end())
        head = text if end < 0 else text[:end]
        try:
            toml_reader.loads(head)
        except toml_reader.TOMLDecodeError:
            continue
        except ValueError:
            line = text.count("\n", 0, match.start()) + 1
            return PlanError.single(
                source,
                _("a number with {digits} digits is too large to read").format(digits=digits),
                line,
            )
        except RecursionError:
            continue
    return PlanError.single(
        source,
        _("has a number with more than {limit} digits; too large to read").format(limit=limit),
    )


_NON_DECIMAL_RUN = re.compile(r"0[xob][0-9A-Fa-f_]+")


def _refuse_huge_integers(data: Mapping[str, Any], text: str, source: str) -> None:
    """A located problem for each integer too long for Python to write out in decimal.

    The parser refuses a decimal number that long (:func:`_too_long_number`), but not a
    hexadecimal, octal or binary one: ``0x`` and 3,600 digits read fine and then crash
    every command that prints or saves the value. Such a number needs a run of at least
    ``limit * log16(10)`` digits after ``0x``/``0o``/``0b`` in the text, so the data is
    walked only when the text holds one.
    """
    limit = sys.get_int_max_str_digits()
    if not limit:
        return  # no limit set (PYTHONINTMAXSTRDIGITS=0): every integer converts
    shortest = int(limit * 0.83)  # log(10) / log(16): the fewest hex digits
    if not any(len(run.group()) > shortest for run in _NON_DECIMAL_RUN.finditer(text)):
        return
    try:
        huge = [(loc, value) for loc, value in _integers(data, ()) if _too_long(value)]
    except RecursionError:  # pragma: no cover - nested deeper than the parser allows
        return
    if not huge:
        return
    from kxplan.storage.locate import LineIndex, describe_loc
    from kxplan.storage.messages import _long_integer as long_integer

    lines = LineIndex(text)
    raise PlanError(
        [
            Problem(
                source,
                describe_loc(loc, data),
                lines.find(loc),
                _("expected a number of at most {limit} digits, got {value}").format(
                    limit=limit, value=long_integer(value)
                ),
            )
            for loc, value in huge
        ]
    )


def _integers(node: Any, loc: Loc) -> Iterator[tuple[Loc, int]]:
    if isinstance(node, bool):
        return
    if isinstance(node, int):
        yield loc, node
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield from _integers(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _integers(value, (*loc, index))


def _too_long(value: int) -> bool:
    try:
        str(value)
    except ValueError:
        return True
    return False


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
    # the error side is imported only when a plan has something wrong
    from kxplan.storage.locate import LineIndex, describe_loc

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
    from kxplan.storage.messages import friendly_message

    seen: set[Loc] = set()
    problems: list[tuple[Loc, str]] = []
    for item in error.errors(include_url=False):
        loc: Loc = tuple(item["loc"])
        if loc in seen:
            continue
        seen.add(loc)
        problems.append((loc, friendly_message(item, data)))
    return problems


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
