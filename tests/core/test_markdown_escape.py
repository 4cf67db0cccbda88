"""The one Markdown escaper: whatever the user typed reads back as typed in a Markdown reader."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from kxplan.text import markdown
from kxplan.text.literal import visible_lines
from kxplan.text.markdown import SPECIAL, one_line

READER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

MARKUP = [*"\\`*_[]<>|~#!&;=+-.():/'\"0123456789 \t\n\r", "&amp;", "&#35;", "  ", "\n\n"]
"""Pieces that mean something to Markdown, in any order."""

texts = st.lists(
    st.one_of(st.sampled_from(MARKUP), st.sampled_from(list("aé ")), st.characters(codec="utf-8")),
    max_size=40,
).map("".join)
plain_spaced = st.lists(
    st.one_of(st.sampled_from(MARKUP), st.sampled_from(list("abcé"))), max_size=40
).map("".join)
"""Text whose only spaces are ASCII (a reader trims other spaces at line ends)."""


def rendered(source: str) -> str:
    out: str = READER.render(source)
    return out


def literal(fragment: str) -> str:
    """Rendered HTML as the text a reader sees; fails if it holds any tag."""
    assert "<" not in fragment, fragment
    return html.unescape(fragment)


def flat(text: str) -> str:
    return one_line(visible_lines(text))


def test_every_special_character_has_a_backslash() -> None:
    escaped = markdown.inline("".join(sorted(SPECIAL)))
    assert escaped == "".join("\\" + c for c in sorted(SPECIAL))


@given(texts)
def test_inline_is_literal_once_the_backslashes_are_read(text: str) -> None:
    escaped = markdown.inline(text)
    assert re.sub(r"\\(.)", r"\1", escaped) == flat(text)
    bare = [token for token in re.findall(r"\\.|.", escaped, re.S) if len(token) == 1]
    assert not SPECIAL & set(bare)


@settings(max_examples=300)
@given(texts)
@example("**bold** _em_ `code` [link](x) <b>tag</b> ~~gone~~ a|b &amp; \\*")
@example("![img](x) <http://a.b> &#35; &copy;")
def test_inline_text_reads_back_as_typed(text: str) -> None:
    out = rendered(f"x {markdown.inline(text)} y")
    assert out.startswith("<p>")
    assert out.endswith("</p>\n")
    assert literal(out[3:-5]) == f"x {flat(text)} y"


@settings(max_examples=300)
@given(plain_spaced)
@example("# heading")
@example("### heading")
@example("##")
@example(">quote")
@example("1. item")
@example("2) item")
@example("- item")
@example("+ item")
@example("---")
@example("===")
@example("***")
@example("~~~")
@example("```")
@example("<div>")
@example("    code")
@example("[ref]: http://x")
def test_a_line_stays_a_paragraph_of_its_own_text(text: str) -> None:
    expected = flat(text)
    if not expected:
        assert markdown.line(text) == ""
        return
    out = rendered(markdown.line(text))
    assert out.startswith("<p>"), out
    assert out.endswith("</p>\n"), out
    assert literal(out[3:-5]) == expected


def paragraphs_of(text: str) -> list[list[str]]:
    """The non-blank lines of ``text``, grouped into paragraphs at blank lines."""
    groups: list[list[str]] = [[]]
    for part in visible_lines(text).split("\n"):
        if one_line(part):
            groups[-1].append(one_line(part))
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


@settings(max_examples=300)
@given(plain_spaced)
@example("Queues.\n\n# Not a heading\n- not a list\n> nor a quote\n1. nor a number\n---")
@example("first\n===\nsecond\n---")
def test_prose_keeps_its_lines_and_paragraphs(text: str) -> None:
    out = rendered(markdown.block(text))
    expected = paragraphs_of(text)
    if not expected:
        assert out == ""
        return
    assert out.startswith("<p>"), out
    assert out.endswith("</p>\n"), out
    found = [
        [literal(line) for line in paragraph.split("<br />\n")]
        for paragraph in out[3:-5].split("</p>\n<p>")
    ]
    assert found == expected


@settings(max_examples=300)
@given(plain_spaced)
@example("a | b")
@example("\\|")
@example("line one\nline two")
@example("")
def test_a_table_cell_keeps_its_text_and_its_column(text: str) -> None:
    out = rendered(f"| h | k |\n| --- | --- |\n| {markdown.cell(text)} | z |\n")
    cells = re.findall(r"<td>(.*?)</td>", out, re.S)
    assert len(cells) == 2, out
    assert cells[1] == "z", out
    lines = [literal(part) for part in cells[0].split("<br>") if part]
    assert lines == [one_line(part) for part in visible_lines(text).split("\n") if one_line(part)]


@settings(max_examples=200)
@given(plain_spaced)
@example("C#")
@example("Plan ###")
def test_a_heading_keeps_its_text(text: str) -> None:
    expected = flat(text)
    if not expected:
        return
    out = rendered("## " + markdown.heading(text))
    assert out.startswith("<h2>"), out
    assert out.endswith("</h2>\n"), out
    assert literal(out[4:-6]) == expected


@pytest.mark.parametrize("space", ["\u202f", "\u00a0"])
def test_no_break_spaces_are_text_not_folded(space: str) -> None:
    assert markdown.inline(f"2{space}600 and\n  more") == f"2{space}600 and more"
    assert markdown.cell(f"80{space}%") == f"80{space}%"


def test_control_characters_are_spelled_out() -> None:
    assert markdown.inline("a\x1b[31mb") == "a\\\\x1b\\[31mb"
