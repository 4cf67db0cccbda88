"""The README and docs/ hold together: every relative link names a file that exists and
every #anchor a heading in it (as GitHub spells anchors), the README stays a short page
with its two-command quick start, and each page of docs/ is reachable from the index."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from support import ROOT

DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]

QUICK_START = (
    'python3 -m venv .venv && .venv/bin/pip install -e ".[dev]" && .venv/bin/kxplan example',
    ".venv/bin/pytest",
)
"""The README's quick start: exactly these two commands, in this order."""

README_LIMIT = 12_000
"""The README is the package page for people running a workshop: about 10 KB."""

FENCE = re.compile(r"^ {0,3}(```|~~~)")
LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_LINK = re.compile(r"""<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.I)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def prose_lines(text: str) -> list[tuple[int, str]]:
    """The lines outside fenced code blocks, numbered from 1."""
    lines, fenced = [], False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            lines.append((number, line))
    return lines


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text lower-cased, punctuation and symbols
    dropped (letters, digits, ``_`` and ``-`` stay), each space a hyphen."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link keeps its text
    text = text.replace("`", "").lower()
    kept = (
        char
        for char in text
        if char in " -" or unicodedata.category(char)[0] in "LMN" or char == "_"
    )
    return "".join(kept).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The anchors GitHub gives the headings of ``path`` (a repeated one gets -1, -2…)."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    for _, line in prose_lines(path.read_text(encoding="utf-8")):
        match = HEADING.match(line)
        if match is None:
            continue
        base = slug(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(path: Path) -> list[tuple[int, str]]:
    """The relative link targets in ``path``'s prose (not in code), with their lines."""
    found = []
    for number, line in prose_lines(path.read_text(encoding="utf-8")):
        line = CODE_SPAN.sub("", line)
        for pattern in (LINK, HTML_LINK):
            for target in pattern.findall(line):
                if not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):  # http:, mailto:
                    found.append((number, target))
    return found


def broken_links(pages: list[Path], root: Path = ROOT) -> list[str]:
    """One line per relative link that leads nowhere: page:line: target — why (paths
    relative to ``root``)."""
    problems = []
    for page in pages:
        for number, target in links(page):
            name, _, anchor = target.partition("#")
            destination = (page.parent / name).resolve() if name else page
            where = f"{page.relative_to(root)}:{number}: {target}"
            if not destination.exists():
                problems.append(f"{where} — no file {destination.relative_to(root)}")
            elif anchor and destination.suffix == ".md" and anchor not in anchors(destination):
                problems.append(f"{where} — no heading with anchor #{anchor}")
            elif anchor and destination.is_dir():
                problems.append(f"{where} — #{anchor} on a folder")
    return problems


def test_every_relative_link_and_anchor_resolves() -> None:
    assert broken_links(PAGES) == []


def test_the_checker_reports_a_missing_file_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ranking.md").write_text("# Ranking\n\n## `kxplan rank`\n")
    page = tmp_path / "README.md"
    page.write_text(
        "# Probe\n\n[fine](docs/ranking.md#kxplan-rank) [top](#probe)\n"
        "[a](docs/ranking.md#no-such-heading) ![b](docs/missing.svg)\n"
    )
    assert broken_links([page], tmp_path) == [
        "README.md:4: docs/ranking.md#no-such-heading — no heading with anchor #no-such-heading",
        "README.md:4: docs/missing.svg — no file docs/missing.svg",
    ]


def test_links_inside_code_are_not_links() -> None:
    page = "[real](a.md)\n`[code](b.md)`\n```\n[fenced](c.md)\n```\n"
    lines = prose_lines(page)
    assert [target for number, line in lines for target in LINK.findall(line)] == [
        "a.md",
        "b.md",
    ]
    assert [CODE_SPAN.sub("", line) for _, line in lines] == ["[real](a.md)", ""]


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("`kxplan diff OLD NEW`", "kxplan-diff-old-new"),
        ("`git diff` in the strategy's terms", "git-diff-in-the-strategys-terms"),
        ("The effort × impact matrix", "the-effort--impact-matrix"),
        ("`[areas.<area>]` — the seven areas", "areasarea--the-seven-areas"),
        ("Robustness: how firm is the order?", "robustness-how-firm-is-the-order"),
        ("Participants' estimates", "participants-estimates"),
    ],
)
def test_anchors_are_spelled_as_github_spells_them(heading: str, anchor: str) -> None:
    assert slug(heading) == anchor


def test_every_page_of_docs_is_listed_in_the_index() -> None:
    listed = {Path(target.partition("#")[0]).name for _, target in links(DOCS / "README.md")}
    assert {page.name for page in DOCS.glob("*.md")} - {"README.md"} <= listed


def test_the_readme_is_a_short_page() -> None:
    size = len((ROOT / "README.md").read_bytes())
    assert size <= README_LIMIT, f"README.md is {size} bytes; the reference belongs in docs/"


def test_the_quick_start_is_exactly_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```(?:sh|console|bash)?\n(.*?)^```", section, re.M | re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert tuple(commands) == QUICK_START
