"""A merge as the text of a plan file: clean, or with conflict blocks a person resolves.

A clean merge is written into our file as it was (comments and hand formatting stay,
:func:`kxplan.storage.patch.faithful_text`). A merge with conflicts is written in
kxplan's layout with our side everywhere, and each conflict as a block of lines both
editors and kxplan read (:mod:`kxplan.storage.conflicts`), labelled with the key paths
it decides: ``<<<<<<< ours: initiatives[faq].effort``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from kxplan.model import Plan
from kxplan.storage.conflicts import SPLIT_MARK, begin_marker, end_marker
from kxplan.storage.patch import faithful_text
from kxplan.storage.write import dumps_data
from kxplan.versions.merge import Conflict, MergeResult, merge


def merged_text(
    result: MergeResult,
    ours_text: str | None = None,
    ours_data: Mapping[str, Any] | None = None,
    source: str = "<plan>",
) -> str:
    """The text of a merge: clean, written into ``ours_text`` (which reads as
    ``ours_data``) when given; otherwise with a block for each conflict."""
    if result.clean:
        previous = (ours_text, ours_data) if ours_text is not None and ours_data else None
        return faithful_text(result.plan(), previous, source)
    return conflict_text(result)


def conflict_text(result: MergeResult) -> str:
    """The merged plan in kxplan's layout, our side where they disagree, each conflict
    (or run of neighbouring ones) as a marked block holding both sides."""
    ours = _lines(result, set())
    groups = [[conflict] for conflict in result.conflicts]
    hunks = [_hunk(result, ours, group) for group in groups]
    shown = [i for i, (start, end, theirs) in enumerate(hunks) if start != end or theirs]
    groups = [groups[i] for i in shown]  # the same on both sides: nothing to choose
    hunks = [hunks[i] for i in shown]
    merged = True
    while merged:  # blocks that touch become one block
        merged = False
        order = sorted(range(len(hunks)), key=lambda i: hunks[i][:2])
        for a, b in itertools.pairwise(order):
            if hunks[b][0] < hunks[a][1] or hunks[b][0] == hunks[a][0]:
                groups[a] += groups[b]
                del groups[b]
                hunks = [_hunk(result, ours, group) for group in groups]
                merged = True
                break
    out: list[str] = []
    done = 0
    for (start, end, theirs), group in sorted(
        zip(hunks, groups, strict=True), key=lambda h: h[0][:2]
    ):
        paths = ", ".join(conflict.where() for conflict in group)
        out.extend(ours[done:start])
        out.append(begin_marker(paths))
        out.extend(ours[start:end])
        out.append(SPLIT_MARK + "\n")
        out.extend(theirs)
        out.append(end_marker(paths))
        done = end
    out.extend(ours[done:])
    return "".join(out)


def _lines(result: MergeResult, theirs: set[int]) -> list[str]:
    data = result.data(lambda conflict: "theirs" if id(conflict) in theirs else "ours")
    return dumps_data(data).splitlines(keepends=True)


def _hunk(
    result: MergeResult, ours: list[str], group: list[Conflict]
) -> tuple[int, int, list[str]]:
    """Where the group's conflicts change our text: (start, end, their lines there)."""
    other = _lines(result, {id(conflict) for conflict in group})
    limit = min(len(ours), len(other))
    start = 0
    while start < limit and ours[start] == other[start]:
        start += 1
    tail = 0
    while tail < limit - start and ours[-1 - tail] == other[-1 - tail]:
        tail += 1
    return start, len(ours) - tail, other[start : len(other) - tail]


def merge_texts(
    base: Plan | None,
    ours: Plan,
    theirs: Plan,
    ours_text: str | None = None,
    source: str = "<plan>",
) -> tuple[str, MergeResult]:
    """Merge three plans into the text to write and the merge itself."""
    result = merge(base, ours, theirs)
    return merged_text(result, ours_text, ours.to_data(), source), result
