"""Which initiatives really moved in the ranking, and which only shifted.

When one initiative is added above the others, every rank below it changes by
one, but none of them moved relative to the rest. :func:`real_moves` tells the
two apart with a longest increasing subsequence, found with a Fenwick tree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def real_moves(ranks: Mapping[str, tuple[int, int]], changed: Iterable[str] = ()) -> set[str]:
    """The initiatives that changed place relative to the others, given id → (old, new rank).

    The rest keep their order among themselves: the largest set whose ranks rise
    together on both sides (a longest increasing subsequence); only the
    initiatives outside it moved. Among equally large sets the one that keeps
    initiatives not in ``changed`` (edited or re-scored ones are the likelier
    movers), then the one with the smaller rank changes, then a fixed order by
    id, is kept. Every choice is symmetric, so swapping old and new ranks gives
    the same answer.
    """
    changed_ids = set(changed)
    ids = sorted(ranks, key=lambda i: ranks[i][0])
    by_id = {item_id: index for index, item_id in enumerate(sorted(ranks))}

    def weight(item_id: str) -> tuple[int, ...]:
        old, new = ranks[item_id]
        return (1, int(item_id not in changed_ids), -abs(new - old), 1 << by_id[item_id])

    # best[i]: the heaviest chain ending at ids[i] whose new ranks rise too. A Fenwick
    # tree over new ranks gives the heaviest chain below a rank in O(log n), so ten
    # thousand initiatives take milliseconds, not the minutes of comparing all pairs.
    slot = {new: n for n, new in enumerate(sorted(new for _old, new in ranks.values()), 1)}
    tree: list[tuple[tuple[int, ...], int] | None] = [None] * (len(ids) + 1)
    best: list[tuple[int, ...]] = []
    before: list[int | None] = []
    for index, item_id in enumerate(ids):
        own = weight(item_id)
        position = slot[ranks[item_id][1]]
        prior: tuple[tuple[int, ...], int] | None = None
        at_or_below = position - 1
        while at_or_below > 0:
            entry = tree[at_or_below]
            if entry is not None and (prior is None or entry[0] > prior[0]):
                prior = entry
            at_or_below -= at_or_below & -at_or_below
        if prior is None:
            total, link = own, None
        else:
            total = tuple(x + y for x, y in zip(prior[0], own, strict=True))
            link = prior[1]
        best.append(total)
        before.append(link)
        upward = position
        while upward < len(tree):
            entry = tree[upward]
            if entry is None or total > entry[0]:
                tree[upward] = (total, index)
            upward += upward & -upward
    kept: set[str] = set()
    at = max(range(len(ids)), key=best.__getitem__, default=None)
    while at is not None:
        kept.add(ids[at])
        at = before[at]
    return set(ranks) - kept
