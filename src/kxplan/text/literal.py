"""User text made safe to print: control characters spelled out, never acted on.

A plan is free text typed by people, and files can be edited by anyone: a title may
hold an escape sequence that would retitle the terminal window, clear the screen or
hide the lines before it. Whatever prints user text to a terminal or writes it into a
document passes it through here, so such characters show as ``\\x1b`` instead.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable
from typing import Final

_KEPT = frozenset("\n\t")
"""Layout characters that are text, not commands."""

BIDI_CONTROLS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""The embeddings, overrides and isolates of Unicode's bidirectional algorithm (LRE, RLE,
PDF, LRO, RLO, LRI, RLI, FSI, PDI): invisible, they reorder the text around them, so a
title can show one thing and hold another ("Trojan Source"). Spelled out like control
characters. The marks (LRM, RLM, ALM) only nudge and are kept, as right-to-left names
need them."""


def _shown(char: str) -> str:
    """A control character (Unicode category Cc: C0, DEL, C1) or a bidirectional control
    (:data:`BIDI_CONTROLS`) spelled out; others as they are.

    Only these are commands to a terminal. No-break and thin spaces, soft hyphens and the
    joiners inside emoji are text, and are kept.
    """
    if (unicodedata.category(char) == "Cc" and char not in _KEPT) or char in BIDI_CONTROLS:
        return char.encode("unicode_escape").decode("ascii")
    return char


def visible(text: str) -> str:
    """``text`` with every control character but newline and tab, and every bidirectional
    control, spelled out (``\\x1b``, ``\\u202e``)."""
    if text.isprintable() or not _CONTROL.search(text):
        return text  # nothing to spell out: the common case, also with line breaks
    return "".join(map(_shown, text))


_CONTROL: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""The characters of category Cc but newline and tab, and the bidirectional controls:
what :func:`visible` spells out."""


_BREAKING_SPACE: Final = re.compile("[ \t\n\r\f\v\u2028\u2029]+")
"""Spaces and line breaks that may be folded; no-break spaces (U+00A0, U+202F) are text."""


def one_line(text: str) -> str:
    """``text`` on one line: each run of spaces and line breaks becomes one space, the
    ends are trimmed, and no-break spaces are kept (a figure must not wrap)."""
    return _BREAKING_SPACE.sub(" ", text).strip(" ")


def printable(text: str) -> str:
    """``text`` on one line (:func:`one_line`), controls spelled out."""
    flat = one_line(text)
    if flat.isprintable():
        return flat
    return "".join(map(_shown, flat))


FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP CSV injection)."""


def visible_lines(text: str) -> str:
    """``text`` with its line ends as ``\\n`` and other control characters spelled out."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return visible(text)


def spreadsheet_text(text: str) -> str:
    """User text for a spreadsheet cell: control characters spelled out (line breaks and
    tabs kept), and an apostrophe before a leading = + - @ tab or CR so that a
    spreadsheet shows it instead of running it as a formula."""
    text = visible_lines(text)
    return "'" + text if text.startswith(FORMULA_START) else text


def spreadsheet_cell(value: object) -> str | int | float:
    """Any value for a CSV cell: text as :func:`spreadsheet_text`, whole numbers without
    decimals (3, not 3.0), others to 6 places, true/false, and nothing for None or a
    number that is not finite."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return spreadsheet_text(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return int(value) if value.is_integer() and abs(value) < 2**53 else round(value, 6)
    if isinstance(value, int):
        return value
    return str(value)


_JSON_RAW_CONTROLS: Final = re.compile("[\x7f-\x9f]")


def json_escaped(document: str) -> str:
    """A JSON text with DEL and the C1 controls written as ``\\u007f`` … ``\\u009f``.

    ``json.dumps(..., ensure_ascii=False)`` escapes only what JSON requires (below
    U+0020) and writes these raw; escaped, they read back the same and never reach a
    terminal that shows the file. Outside strings JSON is ASCII, so this touches only
    the insides of strings.
    """
    return _JSON_RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


_RECORD_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
"""One record on one line; without ``indent`` json uses its C encoder, several times
faster than the pure-Python one that indenting takes."""


def json_records(records: Iterable[object]) -> str:
    """A JSON array with one record per line (easy to read, grep and diff), escaped as
    :func:`json_escaped` does, ending with a newline."""
    lines = ",\n".join("  " + _RECORD_ENCODER.encode(record) for record in records)
    return json_escaped(f"[\n{lines}\n]\n" if lines else "[]\n")
