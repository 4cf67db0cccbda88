"""The strategy document in Markdown (CommonMark with GitHub's tables)."""

from __future__ import annotations

from collections.abc import Sequence

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
from kxplan.reports.checkin import CheckinAsked
from kxplan.reports.document import contents_at, document
from kxplan.reports.results import Results, compute
from kxplan.text import markdown


def to_markdown(
    plan: Plan, results: Results | None = None, checkin: CheckinAsked | None = None
) -> str:
    """The strategy document in Markdown, in the plan's language; every piece of user
    text literal. A table of contents after the summary links to the sections."""
    with language(plan.document_language):
        return _markdown(plan, results or compute(plan), checkin)


def _markdown(plan: Plan, results: Results, checkin: CheckinAsked | None) -> str:
    blocks = document(plan, results, checkin)
    at = contents_at(blocks)
    slugs = markdown.Slugs()
    anchors: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if index == at:
            slugs.slug(_("Contents"))  # the contents' own heading counts too
        if isinstance(block, Heading):
            anchors[index] = slugs.slug(block.text)
    out: list[str] = []
    for index, block in enumerate(blocks):
        if index == at:
            out.extend(_contents(blocks, anchors, at))
            out.append("")
        lines = markdown_lines(block)
        if lines:
            out.extend(lines)
            out.append("")
    exported = _("Exported by kxplan {version}.").format(version=__version__)
    out.append(f"_{markdown.inline(exported)}_")
    return "\n".join(out).rstrip("\n") + "\n"


def _contents(blocks: Sequence[Block], anchors: dict[int, str], start: int) -> list[str]:
    """The table of contents: a link to each big section and each area after ``start``."""
    lines = [f"## {markdown.heading(_('Contents'))}", ""]
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, Heading) and block.level == 2:
            lines.append(f"- [{markdown.inline(block.text)}](#{anchors[index]})")
    return lines


def _label(label: str) -> str:
    return f"**{markdown.inline(labelled(label))}**"


def markdown_lines(block: Block) -> list[str]:
    """The Markdown lines of one block (none for a picture: those exist in HTML only)."""
    if isinstance(block, Heading):
        return ["#" * block.level + " " + markdown.heading(block.text)]
    if isinstance(block, Note):
        return [f"_{markdown.inline(block.text)}_"]
    if isinstance(block, Paragraph):
        return [markdown.line(block.text)]
    if isinstance(block, Answer):
        text = block.text.strip()
        if not text:
            return [f"{_label(block.label)} _{markdown.inline(block.empty_text)}_"]
        if "\n" in text:
            return [_label(block.label), "", markdown.block(text)]
        return [f"{_label(block.label)} {markdown.inline(text)}"]
    if isinstance(block, Facts):
        return [f"- {_label(label)} {markdown.inline(value)}" for label, value in block.items]
    if isinstance(block, Bullets):
        return [f"- {markdown.line(item)}" for item in block.items]
    if isinstance(block, Table):
        return _table(block)
    return []


def _table(table: Table) -> list[str]:
    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    rule = [("---:" if i in table.numeric else "---") for i in range(len(table.headers))]
    lines = [row([markdown.cell(h) for h in table.headers]), row(rule)]
    lines.extend(row([markdown.cell(c) for c in r]) for r in table.rows)
    if table.totals:
        lines.append(row([f"**{markdown.cell(c)}**" if c else " " for c in table.totals]))
    return lines
