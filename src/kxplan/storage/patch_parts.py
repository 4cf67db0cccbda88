"""Patching a large plan file part by part, so a save reads only what changed.

tomlkit parses about 7,500 lines a second; a plan of 1,000 initiatives is over 20,000.
So the file is cut, by its lines, into the part before the initiatives, one part per
``[[initiatives]]`` table and the part after them; only the parts whose plan data
changed are opened with tomlkit (:func:`kxplan.storage.patch.patch_document`), new
initiatives are written in kxplan's layout, and removed ones are cut out with the
comments on their lines. The caller checks that the text reads back as the plan, and
patches the whole file otherwise.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from typing import Any, Final

from kxplan.storage.errors import PlanError
from kxplan.storage.read import parse_toml
from kxplan.storage.write import _emit_table

_INITIATIVE: Final = re.compile(r"\s*\[\[\s*initiatives\s*\]\]\s*(#.*)?")
_INITIATIVE_SUB: Final = re.compile(r"\s*\[\[?\s*initiatives\s*\.")
_HEADER: Final = re.compile(r"\s*\[")
_STRINGS: Final = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')

Patch = Callable[[str, Mapping[str, Any], Mapping[str, Any]], str]
"""Patches one standalone TOML text from old to new data (raises when it cannot)."""


class NotInParts(Exception):
    """The file cannot be cut this way; patch it whole."""


def split(text: str) -> tuple[str, list[str], str] | None:
    """The text before the initiatives, each ``[[initiatives]]`` table's text, and the text
    after them; None when there are none or they are not one run of tables."""
    lines = text.splitlines(keepends=True)
    starts: list[int] = []
    end: int | None = None
    for index, line in _header_lines(lines):
        if _INITIATIVE.fullmatch(line.rstrip("\r\n")):
            if end is not None:
                return None  # initiatives again after another table
            starts.append(index)
        elif _INITIATIVE_SUB.match(line):
            continue
        elif starts and end is None:
            end = index
    if not starts:
        return None
    end = len(lines) if end is None else end
    bounds = [*starts, end]
    parts = ["".join(lines[a:b]) for a, b in itertools.pairwise(bounds)]
    return "".join(lines[: starts[0]]), parts, "".join(lines[end:])


def _header_lines(lines: list[str]) -> list[tuple[int, str]]:
    """Lines that open a table: at the top level, outside multi-line strings and arrays."""
    found = []
    quote: str | None = None
    depth = 0
    for index, line in enumerate(lines):
        if quote is None and depth == 0 and _HEADER.match(line):
            found.append((index, line))
            continue
        rest = line
        while rest:
            if quote is not None:
                close = rest.find(quote)
                if close < 0:
                    break
                rest, quote = rest[close + 3 :], None
                continue
            plain = _STRINGS.sub('""', rest)
            opening = min((i for i in (plain.find('"""'), plain.find("'''")) if i >= 0), default=-1)
            head = plain if opening < 0 else plain[:opening]
            head = head.split("#", 1)[0]
            depth += head.count("[") - head.count("]")
            if opening < 0:
                break
            quote = plain[opening : opening + 3]
            rest = plain[opening + 3 :]
    return found


def _tail_start(part: str) -> int:
    """Where a part's trailing blank and comment lines begin (its length when none)."""
    lines = part.splitlines(keepends=True)
    keep = len(lines)
    while keep > 0 and (not lines[keep - 1].strip() or lines[keep - 1].lstrip().startswith("#")):
        keep -= 1
    return len("".join(lines[:keep]))


def _heading_start(part: str) -> int:
    """Where the comment lines right at the end of a part (no blank line after) begin."""
    lines = part.splitlines(keepends=True)
    keep = len(lines)
    while keep > 0 and lines[keep - 1].lstrip().startswith("#"):
        keep -= 1
    return len("".join(lines[:keep]))


def _spaced(before: str) -> str:
    """``before``, ending in a blank line unless it ends in comments or blank lines."""
    if not before or before.endswith("\n\n") or before.endswith("\r\n\r\n"):
        return before
    last = before.splitlines()[-1] if before.splitlines() else ""
    if not last.strip() or last.lstrip().startswith("#"):
        return before
    return before + ("\n" if before.endswith("\n") else "\n\n")


def patch_in_parts(
    text: str,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    patch: Patch,
    key: Callable[[Any], str],
) -> str:
    """``text`` patched from ``old`` to ``new`` part by part (NotInParts when it cannot)."""
    cut = split(text)
    old_items, new_items = old.get("initiatives"), new.get("initiatives", [])
    if cut is None or not isinstance(old_items, list) or not isinstance(new_items, list):
        raise NotInParts
    prefix, parts, suffix = cut
    if len(parts) != len(old_items):
        raise NotInParts
    old_keys = [key(item) for item in old_items]
    new_keys = [key(item) for item in new_items]
    if len(set(old_keys)) != len(old_keys) or len(set(new_keys)) != len(new_keys):
        raise NotInParts
    prefix, suffix = _patch_rest(prefix, suffix, old, new, patch)
    wanted = set(new_keys)
    for index in range(len(parts)):  # comments around removed initiatives
        if old_keys[index] in wanted:
            continue
        tail = parts[index][_tail_start(parts[index]) :]
        later = next((i for i in range(index + 1, len(parts)) if old_keys[i] in wanted), None)
        if index > 0:
            cut_at = _heading_start(parts[index - 1])
            parts[index - 1] = parts[index - 1][:cut_at]
        if "#" in tail and later is not None:
            parts[later] = tail.lstrip("\r\n") + parts[later]
        parts[index] = ""
    by_key = dict(zip(old_keys, zip(parts, old_items, strict=True), strict=True))
    out = [prefix]
    for name, item in zip(new_keys, new_items, strict=True):
        if name in by_key:
            part, before = by_key[name]
            if before != item:
                part = patch(part, {"initiatives": [before]}, {"initiatives": [item]})
        else:
            lines: list[str] = []
            _emit_table(("initiatives",), item, lines, array_row=True)
            part = "\n".join(lines).strip("\n") + "\n"
        out[-1] = _spaced(out[-1])
        out.append(part)
    if suffix:
        out[-1] = _spaced(out[-1])
    return "".join(out) + suffix


def _patch_rest(
    prefix: str, suffix: str, old: Mapping[str, Any], new: Mapping[str, Any], patch: Patch
) -> tuple[str, str]:
    """The texts before and after the initiatives, each patched when its keys changed."""
    try:
        in_prefix, in_suffix = set(parse_toml(prefix, "")), set(parse_toml(suffix, ""))
    except PlanError:
        raise NotInParts from None
    if in_prefix & in_suffix:
        raise NotInParts  # one table split around the initiatives
    texts = []
    for text, mine in ((prefix, lambda k: k not in in_suffix), (suffix, in_suffix.__contains__)):
        before = {k: v for k, v in old.items() if k != "initiatives" and mine(k)}
        after = {k: v for k, v in new.items() if k != "initiatives" and mine(k)}
        texts.append(patch(text, before, after) if before != after else text)
    return texts[0], texts[1]
