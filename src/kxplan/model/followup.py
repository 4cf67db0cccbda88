"""Following the strategy over time: a KPI's dated readings and how it is moving.

A KPI holds readings (date, value, where it came from). From them and the KPI's
baseline and target come its progress, its trend and whether it is on track for
its target date; every view reads these functions rather than working them out.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from pydantic import Field

from kxplan.framework import KPI_SCALES
from kxplan.i18n import _
from kxplan.model.types import Loc, Number, StrictModel, unset
from kxplan.text import numbers
from kxplan.text.dates import future_date

if TYPE_CHECKING:
    from kxplan.model.initiative import Initiative
    from kxplan.model.plan import Plan
    from kxplan.model.rows import Kpi
    from kxplan.model.scales import Scale

DAYS_A_MONTH: Final = 365.25 / 12


class Reading(StrictModel):
    """One measurement of a KPI."""

    date: datetime.date
    """When it was measured (the end of the period it covers)."""
    value: Number
    source: str = Field(default="", exclude_if=unset)
    """Where the figure comes from: "survey Q3", "ACD report"."""
    note: str = Field(default="", exclude_if=unset)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a KPI stands between its baseline and its target."""

    latest: Reading | None
    """The newest reading; None without readings."""
    share: float | None
    """How far from baseline to target the latest value has come, 0–1 (below 0: it
    went the wrong way; above 1: past the target); None without a baseline, a target
    that differs from it, or a reading."""
    trend_per_month: float | None
    """The change a month, fitted over the readings (least squares); None below two
    readings on different dates."""
    on_track: bool | None
    """Whether the trend reaches the target by the target date; None when any of
    those is unknown or the target is reached already (then it is on track)."""

    @property
    def reached(self) -> bool:
        return self.share is not None and self.share >= 1

    @property
    def wrong_way(self) -> bool:
        """True when the latest reading is further from the target than the baseline
        (progress below 0): off track whether or not the target has a date."""
        return self.share is not None and self.share < 0


def ordered(readings: Sequence[Reading]) -> list[Reading]:
    """The readings oldest first (a file may list them in any order)."""
    return sorted(readings, key=lambda reading: reading.date)


def trend_per_month(readings: Sequence[Reading]) -> float | None:
    """The least-squares slope of value over time, a month; None below two dates."""
    if len({reading.date for reading in readings}) < 2:
        return None
    origin = min(reading.date for reading in readings)
    xs = [(reading.date - origin).days / DAYS_A_MONTH for reading in readings]
    ys = [reading.value for reading in readings]
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def progress(kpi: Kpi) -> Progress:
    """The KPI's progress toward its target from its readings; on track is judged from
    the latest reading's date to the target date."""
    readings = ordered(kpi.readings)
    latest = readings[-1] if readings else None
    baseline, target = kpi.baseline, kpi.target
    share: float | None = None
    if latest is not None and baseline is not None and target is not None and target != baseline:
        share = (latest.value - baseline) / (target - baseline)
    trend = trend_per_month(readings)
    return Progress(latest, share, trend, _on_track(kpi, latest, share, trend))


def _on_track(
    kpi: Kpi,
    latest: Reading | None,
    share: float | None,
    trend: float | None,
) -> bool | None:
    if share is not None and share >= 1:
        return True
    if latest is None or kpi.target is None or kpi.target_date is None:
        return None
    months_left = (kpi.target_date - latest.date).days / DAYS_A_MONTH
    if months_left <= 0:
        return False  # read on or after its date, and the target is not reached
    if trend is None:  # one reading: no trend to project yet
        return None
    projected = latest.value + trend * months_left
    rising = kpi.target > (kpi.baseline if kpi.baseline is not None else latest.value)
    return projected >= kpi.target if rising else projected <= kpi.target


def followup_problems(plan: Plan) -> Iterator[tuple[Loc, str]]:
    """Broken rules of the follow-up fields: dates in order, actual effort on the scale,
    one reading a date per KPI, none dated after today."""
    scale = plan.scales.effort
    for index, item in enumerate(plan.initiatives):
        yield from initiative_followup_problems(item, ("initiatives", index), scale)
    yield from readings_problems(plan)


def initiative_followup_problems(
    item: Initiative, loc: Loc, scale: Scale
) -> Iterator[tuple[Loc, str]]:
    """One initiative's (located at ``loc``): finished not before started, actual effort
    on the effort ``scale``."""
    if item.started and item.finished and item.finished < item.started:
        yield (
            (*loc, "finished"),
            _("expected a date on or after started ({started}), got {finished}").format(
                started=item.started.isoformat(), finished=item.finished.isoformat()
            ),
        )
    actual = item.actual_effort
    if actual is not None and not scale.min <= actual <= scale.max:
        yield (
            (*loc, "actual_effort"),
            _("expected a score from {low} to {high}, got {value}").format(
                low=scale.min, high=scale.max, value=numbers.number(actual, 6)
            ),
        )


def readings_problems(plan: Plan) -> Iterator[tuple[Loc, str]]:
    """The readings of the plan's KPIs that break a rule (:func:`reading_problems`)."""
    for position, kpi in enumerate(plan.areas.insight.kpis):
        for number, field, message in reading_problems(kpi, kpi.readings):
            yield ("areas", "insight", "kpis", position, "readings", number, field), message


def reading_problems(
    kpi: Kpi, readings: Sequence[Reading], today: datetime.date | None = None
) -> Iterator[tuple[int, str, str]]:
    """(index, field, message) for each reading that breaks a rule: a date after
    ``today`` (default: the computer's date; a reading is of what was measured), a date
    listed twice, a value off the KPI's scale."""
    seen: set[datetime.date] = set()
    term = kpi.scale_term
    last = today or datetime.date.today()
    for number, reading in enumerate(readings):
        if reading.date > last:
            yield number, "date", future_date(reading.date)
        elif reading.date in seen:
            yield (
                number,
                "date",
                _("a reading for {date} is listed twice").format(date=reading.date.isoformat()),
            )
        seen.add(reading.date)
        value = reading.value
        low, high = term.low, term.high
        if (low is not None and value < low) or (high is not None and value > high):
            yield (
                number,
                "value",
                _("expected a value on {kpi}'s {span} scale, got {value}").format(
                    kpi=kpi.shown_label,
                    span=KPI_SCALES.say(term.span),
                    value=numbers.number(value, 6),
                ),
            )
