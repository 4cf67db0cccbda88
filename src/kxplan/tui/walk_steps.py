"""The steps of the guided walk, in order: the overview, the seven areas, the summary, and
the check-in for the follow-up meeting weeks later."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from kxplan import i18n
from kxplan.framework import AREAS, AreaId
from kxplan.i18n import pgettext


@dataclass(frozen=True, slots=True)
class StepInfo:
    """A step of the walk: its name, a short name for the step bar, and its area if any."""

    name: str
    short: str
    area_id: AreaId | None = None
    name_sv: str = ""
    """The area's Swedish name ("" for a step without an area)."""


STEPS: Final[tuple[StepInfo, ...]] = (
    StepInfo("Strategy overview", "Overview"),
    *(StepInfo(info.name, info.short, info.id, info.name_sv) for info in AREAS),
    StepInfo("Summary", "Summary"),
    StepInfo("Check-in", "Check-in"),
)
"""The steps in the order of the walk; the index is the step's number key."""

SUMMARY_STEP: Final = next(index for index, info in enumerate(STEPS) if info.name == "Summary")
CHECKIN_STEP: Final = next(index for index, info in enumerate(STEPS) if info.name == "Check-in")


def _names() -> dict[str, tuple[str, str]]:
    """Each step's (name, short name) in the current language, by its English name."""
    return {
        "Strategy overview": (
            pgettext("step", "Strategy overview"),
            pgettext("step bar", "Overview"),
        ),
        "Insight": (pgettext("step", "Insight"), pgettext("step bar", "Insight")),
        "Accessibility": (pgettext("step", "Accessibility"), pgettext("step bar", "Access")),
        "Service friendliness": (
            pgettext("step", "Service friendliness"),
            pgettext("step bar", "Service"),
        ),
        "Mobility": (pgettext("step", "Mobility"), pgettext("step bar", "Mobile")),
        "Unnecessary demand": (
            pgettext("step", "Unnecessary demand"),
            pgettext("step bar", "Demand"),
        ),
        "Prioritisation": (
            pgettext("step", "Prioritisation"),
            pgettext("step bar", "Priority"),
        ),
        "Anchoring": (pgettext("step", "Anchoring"), pgettext("step bar", "Anchor")),
        "Summary": (pgettext("step", "Summary"), pgettext("step bar", "Summary")),
        "Check-in": (pgettext("step", "Check-in"), pgettext("step bar", "Check-in")),
    }


def step_name(info: StepInfo) -> str:
    """The step's name in the current language ("Förankring")."""
    return _names().get(info.name, (info.name, info.short))[0]


def step_short(info: StepInfo) -> str:
    """The step's short name in the current language, for the step bar."""
    return _names().get(info.name, (info.name, info.short))[1]


def step_names(info: StepInfo) -> tuple[str, ...]:
    """The step's name in every language kxplan speaks (for finding it by name)."""
    found: list[str] = []
    for code in i18n.LANGUAGES:
        with i18n.language(code):
            name = step_name(info)
        if name not in found:
            found.append(name)
    if info.name_sv and info.name_sv not in found:
        found.append(info.name_sv)
    return tuple(found)


def area_name(area_id: str) -> str:
    """An area's name in the current language, by its id."""
    for info in STEPS:
        if info.area_id == area_id:
            return step_name(info)
    return area_id


def area_header(area_id: str, number: int) -> str:
    """An area step's title: its number and name, with the Swedish name beside the name in
    another language ("7 Anchoring · Förankring"; "7 Förankring" in Swedish)."""
    name = area_name(area_id)
    swedish = next((info.name_sv for info in STEPS if info.area_id == area_id), "")
    if swedish and swedish != name and i18n.current() != "sv":
        return f"{number} {name} · {swedish}"
    return f"{number} {name}"
