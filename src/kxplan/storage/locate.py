"""Where a problem is: a readable key path, and its line in the TOML text."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from typing import Any, Final

import tomli as toml_reader

from kxplan.model import Loc
from kxplan.storage.messages import shortened
from kxplan.storage.write import toml_key


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
            text += ("." if text else "") + shortened(toml_key(key))
            node = node.get(key) if isinstance(node, Mapping) else None
    return text


def _row_label(node: object) -> str:
    if not isinstance(node, Mapping):
        return ""
    for key in ("id", "name", "title", "reason", "participant", "measure"):
        value = node.get(key)
        if isinstance(value, str) and value:
            return f'{key} "{shortened(value)}"'
    return ""


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
        value: Loc = ()  # the key of the value being scanned
        rows_in_value = 0  # inline tables met directly inside that value's array
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
                value, rows_in_value = table + keys, 0
            string, depth, starts = _scan_value(line, start, string, depth)
            for _ in range(starts):  # each { … } row of an inline array: its own line
                self.lines.setdefault((*value, rows_in_value), number)
                rows_in_value += 1

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


def _scan_value(
    line: str, start: int, string: str | None, depth: int
) -> tuple[str | None, int, int]:
    """Follow a value through one line: (open multi-line string delimiter, bracket depth,
    inline tables opened directly inside the value's array)."""
    i, end = start, len(line)
    starts = 0
    while i < end:
        if string is not None:
            close = _close_multiline(line, i, string)
            if close < 0:
                return string, depth, starts
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
            if char == "{" and depth == 1:
                starts += 1
            depth += 1
        elif char in "]}":
            depth = max(depth - 1, 0)
        i += 1
    return string, depth, starts


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
