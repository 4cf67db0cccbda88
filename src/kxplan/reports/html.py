"""The strategy document as one self-contained, printable HTML page.

Its stylesheet is package data (``style.css`` beside this module), inlined in the page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from kxplan import __version__
from kxplan.i18n import _, language
from kxplan.model import Plan
from kxplan.reports.blocks import (
    Answer,
    Block,
    Bullets,
    Facts,
    Heading,
    Note,
    Paragraph,
    Table,
    labelled,
)
from kxplan.reports.calibration import calibration_svg
from kxplan.reports.checkin import CheckinAsked
from kxplan.reports.document import contents_at, document
from kxplan.reports.kpi_chart import kpi_chart_svg
from kxplan.reports.results import Results, compute
from kxplan.reports.svg import esc, matrix_svg, maturity_svg
from kxplan.text.literal import one_line, visible_lines

__all__ = ["esc", "stylesheet", "to_html"]


@cache
def stylesheet() -> str:
    """The page's CSS, read once from the package."""
    return resources.files(__package__).joinpath("style.css").read_text(encoding="utf-8").strip()


def to_html(plan: Plan, results: Results | None = None, checkin: CheckinAsked | None = None) -> str:
    """The strategy document as one self-contained, printable HTML file, in the plan's
    language (``<html lang>`` says which)."""
    code = plan.document_language
    with language(code):
        return _html(plan, results or compute(plan), code, checkin)


def _html(plan: Plan, results: Results, code: str, checkin: CheckinAsked | None) -> str:
    blocks = document(plan, results, checkin)
    at = contents_at(blocks)
    body: list[str] = []
    for index, block in enumerate(blocks):
        if index == at:
            body.append(_contents(blocks[at:]))
        body.append(_block(block, plan, results))
    title = esc(_("{title} – customer-experience strategy").format(title=plan.title))
    exported = esc(_("Exported by kxplan {version}.").format(version=__version__))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(code)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="kxplan {esc(__version__)}">\n'
        f"<title>{title}</title>\n<style>\n{stylesheet()}\n{page_style(plan.title)}\n"
        "</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(part for part in body if part)
        + f"\n<footer>{exported}</footer>\n"
        "</main>\n</body>\n</html>\n"
    )


def css_string(text: str) -> str:
    """Text as a quoted CSS string, safe inside ``<style>``: on one line, quotes and
    backslashes escaped, ``<`` and ``>`` as escapes (so no ``</style>`` can end it)."""
    escaped = "".join(
        f"\\{ord(ch):x} " if ch in '\\"<>&' or ord(ch) < 0x20 else ch
        for ch in re.sub(r"\s+", " ", visible_lines(text))
    )
    return f'"{escaped}"'


_PLACEHOLDER = re.compile(r"\{(page|pages)\}")


def page_style(title: str) -> str:
    """The printed page's running title (the plan's) and its page number, in the
    document's language: CSS margin boxes of ``@page`` (none on the first page)."""
    label = _("Page {page} of {pages}")
    parts = []
    for index, piece in enumerate(_PLACEHOLDER.split(label)):
        if index % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(css_string(piece))
    return (
        f"@page {{ @top-left {{ content: {css_string(one_line(title))}; }} "
        f"@bottom-right {{ content: {' '.join(parts)}; }} }}"
    )


def _contents(blocks: Sequence[Block]) -> str:
    items = [
        f'<li><a href="#{esc(b.anchor)}">{esc(b.text)}</a></li>'
        for b in blocks
        if isinstance(b, Heading) and b.level == 2 and b.anchor
    ]
    contents = esc(_("Contents"))
    return (
        f'<nav class="contents" aria-label="{contents}">\n<h2>{contents}</h2>\n<ul>\n'
        + "\n".join(items)
        + "\n</ul>\n</nav>"
    )


def _paragraphs(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", visible_lines(text).strip()) if p.strip()]
    return "\n".join(
        "<p>" + "<br>\n".join(esc(line) for line in p.splitlines()) + "</p>" for p in paragraphs
    )


def _block(block: Block, plan: Plan, results: Results) -> str:
    if isinstance(block, Heading):
        attrs = f' id="{esc(block.anchor)}"' if block.anchor else ""
        if block.major:
            attrs += ' class="major"'
        return f"<h{block.level}{attrs}>{esc(block.text)}</h{block.level}>"
    if isinstance(block, Note):
        return f'<p class="note">{esc(block.text)}</p>'
    if isinstance(block, Paragraph):
        return f"<p>{esc(block.text)}</p>"
    if isinstance(block, Answer):
        label = f'<span class="label">{esc(labelled(block.label))}</span>'
        text = visible_lines(block.text).strip()
        if not text:
            empty = f'<span class="empty">{esc(block.empty_text)}</span>'
            return f'<div class="answer"><p>{label} {empty}</p></div>'
        if "\n" in text:
            return f'<div class="answer"><p>{label}</p>\n{_paragraphs(text)}</div>'
        return f'<div class="answer"><p>{label} {esc(text)}</p></div>'
    if isinstance(block, Facts):
        items = "\n".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in block.items)
        return f'<dl class="facts">\n{items}\n</dl>'
    if isinstance(block, Bullets):
        return "<ul>\n" + "\n".join(f"<li>{esc(i)}</li>" for i in block.items) + "\n</ul>"
    if isinstance(block, Table):
        return _table(block)
    if block.kind == "matrix":
        return matrix_svg(plan, results)
    if block.kind == "kpi":
        return kpi_chart_svg(plan.areas.insight.kpis[block.index], block.index)
    if block.kind == "calibration":
        return calibration_svg(plan)
    return maturity_svg(plan)


def _table(table: Table) -> str:
    def cls(index: int) -> str:
        return ' class="num"' if index in table.numeric else ""

    def cell(index: int, text: str) -> str:
        lines = visible_lines(text).split("\n")
        return f"<td{cls(index)}>" + "<br>".join(breakable(line) for line in lines) + "</td>"

    head = "".join(
        f'<th scope="col"{cls(i)}>{breakable(h)}</th>' for i, h in enumerate(table.headers)
    )
    rows = "\n".join(
        "<tr>" + "".join(cell(i, c) for i, c in enumerate(row)) + "</tr>" for row in table.rows
    )
    foot = ""
    if table.totals:
        foot = (
            "\n<tfoot><tr>"
            + "".join(cell(i, c) for i, c in enumerate(table.totals))
            + "</tr></tfoot>"
        )
    open_tag = f'<table class="{esc(table.style)}">' if table.style else "<table>"
    cols = "" if table.style else _columns(table)
    return (
        f'<div class="scroll">{open_tag}\n{cols}<thead><tr>{head}</tr></thead>{foot}\n'
        f"<tbody>\n{rows}\n</tbody>\n</table></div>"
    )


def breakable(text: str) -> str:
    """``text`` escaped, with a line allowed to break after a slash ("Kontakter/månad"),
    as :func:`column_shares` counts the words (browsers do not break there by
    themselves)."""
    return esc(text).replace("/", "/<wbr>")


def column_shares(table: Table) -> list[float]:
    """Each column's share of the table's width (in percent), after what it holds. A
    printed table is laid out fixed at the page's width: every column first gets its
    longest word (so "telefon" or "Felefterfrågan" is not broken), then the room left
    goes to the columns with longer text, after how much more they hold; numbers keep
    narrow columns."""
    columns = list(zip(*table.rows, strict=True)) if table.rows else []
    least, most = [], []
    for index, header in enumerate(table.headers):
        cells = [header, *(columns[index] if columns else ())]
        header_word = max((len(w) for w in _WORD_BREAKS.split(header)), default=1)
        word = max(
            [math.ceil(header_word * _BOLD)]
            + [len(w) for cell in cells[1:] for w in _WORD_BREAKS.split(cell)]
        )
        least.append(min(max(word, 3), _LONGEST_WORD) + _PADDING)
        most.append(min(max(max(map(len, cells)) + _PADDING, least[-1]), _WIDEST))
    room = _PAGE_CHARACTERS - sum(least)
    if room <= 0:  # the words alone are wider than the page: they share it
        weights = [float(w) for w in least]
    else:
        extra = [m - w for m, w in zip(most, least, strict=True)]
        wanted = sum(extra) or 1
        weights = [w + room * e / wanted for w, e in zip(least, extra, strict=True)]
    total = sum(weights)
    return [100 * weight / total for weight in weights]


_WIDEST = 40
_PADDING = 2
"""A cell's padding, in characters."""
_WORD_BREAKS = re.compile(r"[ \t\n/]+")
"""Where a line may break inside a cell: at a space or after a slash ("Kontakter/månad");
never at the no-break spaces inside a number or an amount ("246 770 kr")."""
_BOLD = 1.2
"""How much wider a header's bold letters are."""
_LONGEST_WORD = 18
"""A word longer than this may break (a URL, an id): it would squeeze the others."""
_PAGE_CHARACTERS = 100
"""About how many characters of a printed table's 8 pt text fit across an A4 page."""


def _columns(table: Table) -> str:
    cols = "".join(f'<col style="width:{share:.1f}%">' for share in column_shares(table))
    return f"<colgroup>{cols}</colgroup>\n"
