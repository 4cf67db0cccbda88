"""Points of the matrix picture moved apart: each to the nearest free spot around it.

The rule (see :func:`place_points`) compares every candidate spot with the points
placed before it. Done naively that is quadratic in the points and, on a crowded
plot, cubic: a spot shared by many initiatives tries ring after ring of candidates.
Two things keep it near linear without changing a single position:

* placed points are kept in a grid of cells one diameter wide, so a spot is
  compared only with the points in its own and the eight neighbouring cells (no
  other point can be closer than a diameter);
* placed points are never removed, so a candidate spot once crowded stays
  crowded: the search around each true position resumes where the last point
  placed from there found room, and never looks at a crowded candidate twice.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

LEADER_SPACING: Final = 1.4
"""Moved points sit this many diameters from their true spot, so a bit of the leader shows."""

Spot = tuple[float, float]


class _Grid:
    """Placed points, bucketed in square cells a little wider than the least distance
    (so rounding can never put two points that close more than one cell apart)."""

    __slots__ = ("_cell_size", "_cells", "_least")

    def __init__(self, least: float) -> None:
        self._least = least
        self._cell_size = least * (1 + 1e-6)
        self._cells: dict[tuple[int, int], list[Spot]] = {}

    def _cell(self, spot: Spot) -> tuple[int, int]:
        size = self._cell_size
        return math.floor(spot[0] / size), math.floor(spot[1] / size)

    def add(self, spot: Spot) -> None:
        self._cells.setdefault(self._cell(spot), []).append(spot)

    def crowded(self, spot: Spot) -> bool:
        """Whether a placed point is nearer to ``spot`` than the least distance."""
        least, cells, dist = self._least, self._cells, math.dist
        col, row = self._cell(spot)
        for c in (col - 1, col, col + 1):
            for r in (row - 1, row, row + 1):
                for other in cells.get((c, r), ()):
                    if dist(spot, other) < least:
                        return True
        return False


def _ring(ring: int, step: float) -> list[Spot]:
    """The offsets of ring ``ring``'s candidates: 6 × ring of them, starting to the right
    and going round anticlockwise (on screen, where y grows downwards)."""
    return [
        (
            ring * step * math.cos(2 * math.pi * k / (6 * ring)),
            ring * step * math.sin(2 * math.pi * k / (6 * ring)),
        )
        for k in range(6 * ring)
    ]


class _Search:
    """The ring search around one true position, kept between the points placed from it.

    Holds the current ring's candidates that may still be free, those inside the
    bounds and those outside apart, each in ring order; a candidate found crowded is
    dropped for good (placed points are never removed).
    """

    __slots__ = ("inside", "outside", "ring")

    def __init__(self) -> None:
        self.ring = 0
        self.inside: list[Spot] = []
        self.outside: list[Spot] = []


def place_points(
    positions: Sequence[Spot],
    radius: float,
    bounds: tuple[float, float, float, float] | None = None,
) -> list[Spot]:
    """Move points that would overlap to the nearest free spot around their position.

    Points are placed in order (the first keeps its spot); each later one tries
    rings of candidate spots around its true position, starting to the right and
    going round, until it is at least one diameter from every point placed
    before it. Spots outside ``bounds`` (left, top, right, bottom) are used only
    when a ring has no other free spot.
    """
    gap = 2 * radius + 1
    step = gap * LEADER_SPACING
    grid = _Grid(gap)
    rings: list[list[Spot]] = [[]]
    searches: dict[Spot, _Search] = {}
    placed: list[Spot] = []

    def inside(spot: Spot) -> bool:
        if bounds is None:
            return True
        left, top, right, bottom = bounds
        return (
            left + radius <= spot[0] <= right - radius
            and top + radius <= spot[1] <= bottom - radius
        )

    def first_free(candidates: list[Spot]) -> Spot | None:
        """The first candidate not crowded; the crowded ones before it are dropped."""
        for index, candidate in enumerate(candidates):
            if not grid.crowded(candidate):
                del candidates[:index]
                return candidate
        candidates.clear()
        return None

    for x, y in positions:
        spot = (x, y)
        if grid.crowded(spot):
            search = searches.get(spot)
            if search is None:
                search = searches[spot] = _Search()
            while True:
                found = first_free(search.inside) or first_free(search.outside)
                if found is not None:
                    spot = found
                    break
                search.ring += 1
                while len(rings) <= search.ring:
                    rings.append(_ring(len(rings), step))
                candidates = [(x + dx, y - dy) for dx, dy in rings[search.ring]]
                search.inside = [c for c in candidates if inside(c)]
                search.outside = [c for c in candidates if not inside(c)]
        grid.add(spot)
        placed.append(spot)
    return placed
