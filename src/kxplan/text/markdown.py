"""User text made literal in Markdown (CommonMark with GitHub's tables and strikethrough).

One escaper for every Markdown kxplan writes: :func:`inline` for text inside a line,
:func:`line` for text that starts a line (a bullet, a paragraph), :func:`block` for
prose of several lines and paragraphs, :func:`cell` for a table cell and
:func:`heading` for a heading's text. Whatever the user typed reads back as typed:
never emphasis, code, a link, HTML, a list, a quote, a rule or a table.
"""

from __future__ import annotations

import re
from typing import Final

from kxplan.text.literal import one_line, visible_lines

SPECIAL: Final = frozenset("\\`*_[]<|~")
"""Characters that start markup anywhere in a line: emphasis, code, links and images,
HTML and autolinks, table cells, strikethrough. Each gets a backslash."""

_SPECIAL: Final = re.compile("([" + re.escape("".join(sorted(SPECIAL))) + "])")
_ENTITY: Final = re.compile(r"&(?=#?\w+;)")
"""An ``&`` that would start a character reference (``&amp;``, ``&#35;``)."""
_LINE_START: Final = re.compile(
    r"^(?P<lead>[ \t]*)(?:(?P<mark>>|#{1,6}(?=\s|$)|[+-](?=\s|$))"
    r"|(?P<num>\d{1,9})(?P<dot>[.)])(?=\s|$)"
    r"|(?P<rule>=+|-+)[ \t]*$)"
)
"""What Markdown reads as a block at the start of a line: a heading, quote, bullet,
numbered item, or a setext underline or rule."""


def inline(text: str) -> str:
    """``text`` for inside a line of Markdown: on one line (runs of whitespace become a
    space), control characters spelled out, every :data:`SPECIAL` character and an ``&``
    before an entity escaped with a backslash."""
    escaped = one_line(visible_lines(text))
    if _SPECIAL.search(escaped):  # most text has nothing to escape: look before replacing
        escaped = _SPECIAL.sub(r"\\\1", escaped)
    return _ENTITY.sub("\\\\&", escaped) if "&" in escaped else escaped


def _line_start(escaped: str) -> str:
    """An already :func:`inline`-escaped line that Markdown would read as a block start,
    with the mark escaped."""
    match = _LINE_START.match(escaped)
    if not match:
        return escaped
    lead = match.group("lead")
    if match.group("num"):
        return lead + match.group("num") + "\\" + escaped[match.end("num") :]
    return lead + "\\" + escaped[len(lead) :]


def line(text: str) -> str:
    """``text`` as :func:`inline`, safe also at the start of a line (``- x``, ``# x``,
    ``1. x``, ``> x``, ``---`` stay text)."""
    return _line_start(inline(text))


def block(text: str) -> str:
    """User prose as Markdown paragraphs: blank lines between paragraphs kept, every
    line literal and ending in a hard line break, so lines show as the user wrote them."""
    paragraphs = re.split(r"\n[ \t]*\n", visible_lines(text).strip())
    out = []
    for paragraph in paragraphs:
        lines = [one_line(part) for part in paragraph.split("\n") if one_line(part)]
        out.append("\\\n".join(line(part) for part in lines))
    return "\n\n".join(p for p in out if p)


def cell(text: str) -> str:
    """``text`` for a GitHub table cell: literal, line breaks as ``<br>``, never empty
    (a lone space keeps the column)."""
    lines = [inline(part) for part in visible_lines(text).split("\n")]
    return "<br>".join(part for part in lines if part) or " "


def heading(text: str) -> str:
    """``text`` for after a heading's ``#`` marks: literal, and a trailing ``#`` escaped
    (Markdown would take it for a closing sequence and drop it)."""
    escaped = inline(text)
    return escaped[:-1] + "\\#" if escaped.endswith("#") else escaped


_NOT_IN_SLUG: Final = re.compile(r"[^\w\- ]", re.UNICODE)


class Slugs:
    """The anchors GitHub (and GitLab) give headings, in document order: the text lower
    case, punctuation dropped, spaces as hyphens, ``-1``, ``-2`` … after a repeat."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        """The anchor of the next heading, whose text (as it reads) is ``text``."""
        base = _NOT_IN_SLUG.sub("", one_line(visible_lines(text)).lower()).replace(" ", "-")
        count = self._seen.get(base, 0)
        self._seen[base] = count + 1
        return base if count == 0 else f"{base}-{count}"
