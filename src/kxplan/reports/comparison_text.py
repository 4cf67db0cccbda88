"""``kxplan diff``'s text and Markdown renderings of a comparison, phrased by
:mod:`kxplan.reports.comparison` (re-exported there)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from kxplan.i18n import _
from kxplan.reports.comparison import (
    Titles,
    describe,
    groups,
    heading,
    is_long_text,
    shifted_note,
    top_line,
)
from kxplan.text.literal import printable
from kxplan.text.markdown import line as markdown_line
from kxplan.versions.changes import Comparison, Kind

Styler = Callable[[str, Kind | Literal["heading", "plain"]], str]
"""Colours a piece of text by what it shows; the CLI passes click.style, tests pass none."""


def _no_style(text: str, _kind: str) -> str:
    return text


def format_text(
    comparison: Comparison,
    old_name: str,
    new_name: str,
    style: Styler = _no_style,
    titles: Titles | None = None,
) -> str:
    """The comparison as plain text (coloured through ``style``); initiatives by title
    with ``titles`` (:func:`titles_of`), by id without."""
    lines = [
        style(f"--- {printable(old_name)}", "removed"),
        style(f"+++ {printable(new_name)}", "added"),
        comparison.summary(),  # counts and section names: no user text
    ]
    if comparison.ranks_skipped:
        lines.append(
            _("ranks not compared: {reason}").format(reason=printable(comparison.ranks_skipped))
        )
    indent = "  "
    for section, area_id, changes in groups(comparison):
        lines += ["", style(heading(section, area_id, comparison.method), "heading")]
        for change in changes:
            if change.kind == "shifted":
                continue
            lines.append(indent + style(describe(change, titles), change.kind))
            if change.kind == "changed" and is_long_text(change):
                for diff_line in change.line_diff():
                    kind: Kind = "removed" if diff_line.startswith("-") else "added"
                    lines.append(indent * 2 + style(printable(diff_line), kind))
        if section == "ranks":
            lines += [indent + line for line in _rank_notes(comparison, titles)]
    return "\n".join(lines) + "\n"


def _rank_notes(comparison: Comparison, titles: Titles | None) -> list[str]:
    return [line for line in (shifted_note(comparison), top_line(comparison, titles)) if line]


def _md(text: str) -> str:
    """User text made literal on one Markdown line."""
    return markdown_line(text)


def format_markdown(
    comparison: Comparison, old_name: str, new_name: str, titles: Titles | None = None
) -> str:
    """The comparison as Markdown: a heading per section, a bullet per change;
    initiatives by title with ``titles`` (:func:`titles_of`), for minutes."""
    summary = _("Summary:")
    lines = [
        "# " + _("Changes from {old} to {new}").format(old=_md(old_name), new=_md(new_name)),
        "",
        f"**{_md(summary)}** {_md(comparison.summary())}",
    ]
    if comparison.ranks_skipped:
        skipped = _("Ranks not compared: {reason}").format(reason=comparison.ranks_skipped)
        lines += ["", _md(skipped)]
    for section, area_id, changes in groups(comparison):
        lines += ["", f"## {_md(heading(section, area_id, comparison.method))}", ""]
        for change in changes:
            if change.kind == "shifted":
                continue
            lines.append(f"- {_md(describe(change, titles))}")
            if change.kind == "changed" and is_long_text(change):
                diff = ("  " + printable(d) for d in change.line_diff())
                lines += ["", "  ````diff", *diff, "  ````"]
        if section == "ranks":
            lines += [f"- {_md(line)}" for line in _rank_notes(comparison, titles)]
    return "\n".join(lines) + "\n"
