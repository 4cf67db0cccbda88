"""Merge conflicts left in a plan file, as git and editors mark them.

A merge that cannot decide (:mod:`kxplan.versions.merge`) leaves each disagreement as
a block of lines::

    <<<<<<< ours: initiatives[faq].effort
    effort = 3
    =======
    effort = 4
    >>>>>>> theirs: initiatives[faq].effort

Editors show these blocks and offer to keep either side; kxplan reads them too: a file
that holds one is reported block by block (file, line, key path, both sides) instead of
as broken TOML, and :func:`resolve_text` keeps a side of each block. Git's own markers
(``<<<<<<< HEAD``, with or without the ``|||||||`` base part) are read the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

from kxplan.i18n import _
from kxplan.storage.errors import PlanError, Problem

OURS_MARK: Final = "<<<<<<< "
BASE_MARK: Final = "|||||||"
SPLIT_MARK: Final = "======="
THEIRS_MARK: Final = ">>>>>>> "
LABEL_OURS: Final = "ours"
LABEL_THEIRS: Final = "theirs"

Side = Literal["ours", "theirs"]


@dataclass(frozen=True, slots=True)
class Hunk:
    """One conflict block: where it starts and what each side says."""

    number: int
    """1-based, in file order."""
    line: int
    """1-based line of its ``<<<<<<<`` marker."""
    paths: tuple[str, ...]
    """The key paths it decides (``initiatives[faq].effort``); empty for git's own markers."""
    ours: tuple[str, ...]
    theirs: tuple[str, ...]
    start: int
    end: int
    """Lines ``start``–``end`` (0-based, end excluded) of the text hold the block."""

    @property
    def place(self) -> str:
        """The key paths as one place, or ""."""
        return ", ".join(self.paths)

    def matches(self, wanted: str) -> bool:
        """Whether ``wanted`` (a key path, the block's number or ``all``) names this block."""
        wanted = wanted.strip()
        return wanted in {"all", str(self.number), self.place} or wanted in self.paths


def begin_marker(paths: str) -> str:
    return f"{OURS_MARK}{LABEL_OURS}: {paths}\n"


def end_marker(paths: str) -> str:
    return f"{THEIRS_MARK}{LABEL_THEIRS}: {paths}\n"


def has_conflicts(text: str) -> bool:
    """Whether ``text`` holds a conflict block (a line starting with ``<<<<<<< ``)."""
    return text.startswith(OURS_MARK) or f"\n{OURS_MARK}" in text


def find_hunks(text: str) -> list[Hunk]:
    """Every complete conflict block of ``text``, in order."""
    lines = text.splitlines(keepends=True)
    hunks: list[Hunk] = []
    index = 0
    while index < len(lines):
        if not lines[index].startswith(OURS_MARK):
            index += 1
            continue
        start = index
        label = lines[index][len(OURS_MARK) :].strip()
        ours: list[str] = []
        theirs: list[str] = []
        part: list[str] | None = ours
        index += 1
        while index < len(lines) and not lines[index].startswith(THEIRS_MARK.rstrip()):
            line = lines[index]
            if line.startswith(BASE_MARK):
                part = None
            elif line.rstrip("\r\n") == SPLIT_MARK:
                part = theirs
            elif part is not None:
                part.append(line)
            index += 1
        if index >= len(lines):
            break  # an unfinished block: left to the TOML reader's message
        index += 1
        _side, _, paths = label.partition(": ")
        hunks.append(
            Hunk(
                len(hunks) + 1,
                start + 1,
                tuple(p for p in paths.split(", ") if p) if paths else (),
                tuple(ours),
                tuple(theirs),
                start,
                index,
            )
        )
    return hunks


def resolve_text(text: str, pick: Callable[[Hunk], Side | None]) -> str:
    """``text`` with each block replaced by the side ``pick`` chooses (None: kept as is)."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    done = 0
    for hunk in find_hunks(text):
        side = pick(hunk)
        if side is None:
            continue
        out.extend(lines[done : hunk.start])
        out.extend(hunk.ours if side == "ours" else hunk.theirs)
        done = hunk.end
    out.extend(lines[done:])
    return "".join(out)


def _first(lines: tuple[str, ...]) -> str:
    shown = next((line.strip() for line in lines if line.strip()), "")
    if not shown:
        return "nothing"
    return shown if len(shown) <= 60 else shown[:59] + "…"


def conflict_error(text: str, source: str) -> PlanError | None:
    """A PlanError naming every conflict block of ``text`` (file:line, key path, both
    sides), or None when it holds none."""
    hunks = find_hunks(text) if has_conflicts(text) else []
    if not hunks:
        return None
    return PlanError(
        [
            Problem(
                source,
                hunk.place,
                hunk.line,
                _(
                    "unresolved merge conflict: ours {ours!r}, theirs {theirs!r}; keep one "
                    "side (kxplan resolve {file} --ours {number} or --theirs {number})"
                ).format(
                    ours=_first(hunk.ours),
                    theirs=_first(hunk.theirs),
                    file=source,
                    number=hunk.number,
                ),
            )
            for hunk in hunks
        ]
    )
