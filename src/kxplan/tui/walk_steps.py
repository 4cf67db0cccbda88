"""The steps of the guided walk, in order: the overview, the seven areas, the summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from kxplan.framework import AREAS, AreaId


@dataclass(frozen=True, slots=True)
class StepInfo:
    """A step of the walk: its name, a short name for the step bar, and its area if any."""

    name: str
    short: str
    area_id: AreaId | None = None
    name_sv: str = ""
    """The area's Swedish name, which its header shows too ("" for a step without an area)."""


STEPS: Final[tuple[StepInfo, ...]] = (
    StepInfo("Strategy overview", "Overview"),
    *(StepInfo(info.name, info.short, info.id, info.name_sv) for info in AREAS),
    StepInfo("Summary", "Summary"),
)
"""The steps in the order of the walk; the index is the step's number key."""
