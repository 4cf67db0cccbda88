"""The matrix picture's point placement: the grid-based rule gives exactly the positions
of the plain rule it replaced, and stays fast on a crowded plot."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan.reports import placement
from kxplan.reports.placement import LEADER_SPACING, place_points

Spot = tuple[float, float]


def reference_place_points(
    positions: Sequence[Spot], radius: float, bounds: tuple[float, float, float, float] | None
) -> list[Spot]:
    """The placement as it was written first: every candidate against every placed point."""
    placed: list[Spot] = []
    gap = 2 * radius + 1
    step = gap * LEADER_SPACING

    def inside(spot: Spot) -> bool:
        if bounds is None:
            return True
        left, top, right, bottom = bounds
        return (
            left + radius <= spot[0] <= right - radius
            and top + radius <= spot[1] <= bottom - radius
        )

    for x, y in positions:
        spot = (x, y)
        ring = 0
        while any(math.dist(spot, other) < gap for other in placed):
            ring += 1
            candidates = [
                (
                    x + ring * step * math.cos(2 * math.pi * k / (6 * ring)),
                    y - ring * step * math.sin(2 * math.pi * k / (6 * ring)),
                )
                for k in range(6 * ring)
            ]
            free = [c for c in candidates if all(math.dist(c, o) >= gap for o in placed)]
            if free:
                spot = next((c for c in free if inside(c)), free[0])
        placed.append(spot)
    return placed


# Positions on a coarse grid, so many points share a spot or nearly do (as scores do).
coarse = st.tuples(
    st.integers(0, 12).map(lambda v: 64 + v * 45.0), st.integers(0, 9).map(lambda v: 16 + v * 40.0)
)
anywhere = st.tuples(st.floats(-50, 700), st.floats(-50, 500))
bounds = st.sampled_from([None, (64.0, 16.0, 624.0, 404.0), (100.0, 100.0, 200.0, 200.0)])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(coarse, anywhere), max_size=60), st.sampled_from([11, 4.5]), bounds)
def test_placement_is_exactly_the_plain_rules(
    positions: list[Spot], radius: float, box: tuple[float, float, float, float] | None
) -> None:
    assert place_points(positions, radius, box) == reference_place_points(positions, radius, box)


def test_placement_matches_on_a_crowded_plot() -> None:
    positions = [(64 + (i % 5) * 140.0, 16 + (i * 7 % 5) * 97.0) for i in range(300)]
    box = (64.0, 16.0, 624.0, 404.0)
    assert place_points(positions, 11, box) == reference_place_points(positions, 11, box)


def test_placed_points_keep_a_diameter_apart() -> None:
    positions = [(100.0, 100.0)] * 40 + [(110.0, 95.0)] * 20
    spots = place_points(positions, 11)
    for i, a in enumerate(spots):
        for b in spots[i + 1 :]:
            assert math.dist(a, b) >= 23 - 1e-9


class CountingMath:
    """``math`` with a counter on ``dist``: how many distances a placement works out."""

    def __init__(self) -> None:
        self.calls = 0

    def __getattr__(self, name: str) -> object:
        return getattr(math, name)

    def dist(self, a: Spot, b: Spot) -> float:
        self.calls += 1
        return math.dist(a, b)


def _distances(count: int, monkeypatch: pytest.MonkeyPatch) -> int:
    counting = CountingMath()
    monkeypatch.setattr(placement, "math", counting)
    positions = [(64 + (i % 5) * 140.0, 16 + (i * 3 % 5) * 97.0) for i in range(count)]
    placement.place_points(positions, 11, (64.0, 16.0, 624.0, 404.0))
    return counting.calls


def test_placement_work_grows_far_less_than_quadratically(monkeypatch: pytest.MonkeyPatch) -> None:
    # Ten times the points, each spot ten times as crowded: the plain rule worked out
    # about a thousand times as many distances (cubic); the grid and the searches that
    # resume where they found room keep it near linear (about 18 times here).
    small, large = _distances(400, monkeypatch), _distances(4000, monkeypatch)
    assert large < 25 * small
