"""The documentation's diff and --for-diff examples (docs/versions.md, moved there from
the README) name one initiative's quadrant in the singular, as kxplan prints it
("fill-in → thankless task")."""

from __future__ import annotations

import re

from support import ROOT

from kxplan.framework import QUADRANTS

SINGULAR = {label.lower() for label in QUADRANTS.labels().values()}
README = "\n".join(
    page.read_text(encoding="utf-8")
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
)


def test_for_diff_rank_lines_use_singular_quadrant_names() -> None:
    names = re.findall(r"^[-+]rank \d+ \(\w+\): [^,]+, score [^,]+, (.+)$", README, re.M)
    assert names
    assert set(names) <= SINGULAR


def test_diff_quadrant_moves_use_singular_quadrant_names() -> None:
    # "  faq: fill-in → …" or, naming the initiative, "  FAQ page (faq): fill-in → …"
    moves = re.findall(r"^  [^:\n]+: ([a-z -]+) → ([a-z -]+)$", README, re.M)
    assert moves
    assert {name for move in moves for name in move} <= SINGULAR
