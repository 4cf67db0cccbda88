"""The suggested order: best score first, never before a ranked prerequisite.

Written once for the ranking and the robustness loop (which calls it thousands
of times, so it works on plain tuples and indices).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from kxplan.scoring.methods import Scored

SortKey = tuple[int, float, float, float, int]
"""(quadrant group, −score, −impact, effort, position in id order): smaller goes first."""


def sort_keys(
    impacts: list[float], scores: list[float], groups: list[int], efforts: Sequence[float]
) -> list[SortKey]:
    """Each initiative's key: ties go to higher impact, then lower effort, then the id."""
    return list(
        zip(
            groups,
            [-s for s in scores],
            [-i for i in impacts],
            efforts,
            range(len(scores)),
            strict=True,
        )
    )


def dependency_indices(found: Sequence[Scored]) -> tuple[list[int], list[Sequence[int]]]:
    """For each scored initiative: how many ranked ones it depends on, and which depend on it.

    Dependencies on initiatives not ranked (closed, unscored, filtered out) hold nothing back.
    """
    position = {s.item.id: i for i, s in enumerate(found)}
    needs = [0] * len(found)
    nobody: Sequence[int] = ()
    dependents: list[Sequence[int]] = [nobody] * len(found)
    for index, s in enumerate(found):
        for dependency in s.item.depends_on:
            need = position.get(dependency)
            if need is None:
                continue
            needs[index] += 1
            known = dependents[need]
            if isinstance(known, list):
                known.append(index)
            else:
                dependents[need] = [index]
    return needs, dependents


def suggested_order(
    keys: Sequence[SortKey], needs: Sequence[int], dependents: Sequence[Sequence[int]]
) -> tuple[list[int], list[int]]:
    """Indices in suggested order, and for each the dependency that held it back (or -1).

    The result is the priority-queue topological order: of the initiatives whose
    dependencies are all placed, the one with the smallest key goes next. It is
    computed as a walk down the plain sorted order that skips blocked items and
    merges them back from a heap once their last dependency is placed. An
    initiative was held back when, by then, something with a larger key than
    its own had already been placed.
    """
    count = len(keys)
    moved = [-1] * count
    ordered = sorted(keys)
    if not any(needs):
        return [key[4] for key in ordered], moved
    waiting = list(needs)
    passed = [False] * count
    heap: list[SortKey] = []
    order: list[int] = []
    append = order.append
    push, pop = heapq.heappush, heapq.heappop

    def release(index: int, worst: SortKey) -> None:
        """Count ``index`` as placed (``worst`` the largest key placed so far); queue the
        skipped initiatives it was the last need of."""
        for other in dependents[index]:
            waiting[other] -= 1
            if not waiting[other] and passed[other]:
                if worst > keys[other]:
                    moved[other] = index
                push(heap, keys[other])

    worst = ordered[0]
    for key in ordered:
        index = key[4]
        if waiting[index]:
            passed[index] = True
            continue
        while heap and heap[0] < key:
            held = pop(heap)
            append(held[4])
            if held > worst:
                worst = held
            if dependents[held[4]]:
                release(held[4], worst)
        append(index)
        worst = key  # the walk is in key order and everything from the heap was smaller
        if dependents[index]:
            release(index, worst)
    while heap:
        held = pop(heap)
        append(held[4])
        if held > worst:
            worst = held
        if dependents[held[4]]:
            release(held[4], worst)
    if len(order) < count:  # a cycle; the model rejects these, so only as a safeguard
        placed = set(order)
        order.extend(key[4] for key in ordered if key[4] not in placed)
    return order, moved
