"""The customer-experience measures a KPI can track (CSAT, NPS, CES, FCR, …)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal


@dataclass(frozen=True, slots=True)
class Measure:
    """A customer-experience measure a KPI can track."""

    id: str
    label: str
    unit: str
    low: float | None
    high: float | None
    higher_is_better: bool
    description: str


MEASURES: Final[tuple[Measure, ...]] = (
    Measure(
        "csat",
        "CSAT",
        "%",
        0,
        100,
        True,
        "Customer satisfaction: share of respondents who are satisfied (say 4 or 5 of 5).",
    ),
    Measure(
        "nps",
        "NPS",
        "points",
        -100,
        100,
        True,
        "Net Promoter Score: % promoters (9–10 on 'would you recommend us?') minus % "
        "detractors (0–6). A measure of loyalty.",
    ),
    Measure(
        "ces",
        "CES",
        "score",
        None,
        None,
        False,
        "Customer effort score: how easy it was to get help. Lower effort is better on "
        "most scales; state the scale in the unit.",
    ),
    Measure(
        "fcr",
        "FCR",
        "%",
        0,
        100,
        True,
        "First-contact resolution: share of matters solved at the first contact.",
    ),
    Measure(
        "handling_time",
        "Handling time",
        "min",
        0,
        None,
        False,
        "Average time to handle one contact, talk and wrap-up included.",
    ),
    Measure(
        "response_rate",
        "Response rate",
        "%",
        0,
        100,
        True,
        "Share of contacts answered (or answered within the promised time: service level).",
    ),
    Measure(
        "contact_volume",
        "Contact volume",
        "contacts/month",
        0,
        None,
        False,
        "How many contacts arrive. Falling volume is good when it is failure demand that falls.",
    ),
    Measure(
        "contacts_per_matter",
        "Contacts per matter",
        "contacts",
        0,
        None,
        False,
        "How many contacts a customer needs before the matter is solved.",
    ),
    Measure(
        "upsell",
        "Upsell",
        "%",
        0,
        100,
        True,
        "Share of service contacts that also lead to a sale.",
    ),
    Measure("custom", "Custom", "", None, None, True, "A measure of your own; name it."),
)
"""The measures a KPI can track; `custom` lets a plan name its own."""

MEASURES_BY_ID: Final[dict[str, Measure]] = {m.id: m for m in MEASURES}

MEASURE_IDS: Final[tuple[str, ...]] = tuple(MEASURES_BY_ID)
"""The measure keys a plan file may use, in the order they are offered."""

if TYPE_CHECKING:
    MeasureId = str
else:
    MeasureId = Literal[MEASURE_IDS]
"""A measure's key; the ``Literal`` is built from :data:`MEASURES`, so the ids are written once."""
