"""The customer-experience measures a KPI can track (CSAT, NPS, CES, FCR, …).

The names, units and descriptions are written in English and marked for translation;
:attr:`Measure.label`, :attr:`Measure.description` and :attr:`Measure.shown_unit` read
them in the current language. :attr:`Measure.source_label` and :attr:`Measure.unit`
stay as written: a KPI's key and a plan file's unit are compared with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from kxplan.framework.vocabulary import KPI_SCALES, KpiScale, ScaleTerm
from kxplan.i18n import N_, _


class Measure(NamedTuple):
    """A customer-experience measure a KPI can track."""

    id: str
    source_label: str
    """The measure's name as written (English): what a KPI's key holds."""
    unit: str
    """The unit a KPI of this measure is in unless it names its own (or its scale has
    one), as a plan file writes it (English)."""
    scale: KpiScale
    """The measure's usual scale: a KPI's default (see :data:`KPI_SCALES`)."""
    higher_is_better: bool
    source_description: str

    @property
    def label(self) -> str:
        """The measure's name in the current language: "Handling time"."""
        return _(self.source_label)

    @property
    def description(self) -> str:
        """What the measure measures, in the current language."""
        return _(self.source_description)

    @property
    def shown_unit(self) -> str:
        """:attr:`unit` as people read it, in the current language ("points", "poäng")."""
        return _(self.unit) if self.unit else ""

    @property
    def scale_term(self) -> ScaleTerm:
        """The usual scale's term: its range, unit and label."""
        return KPI_SCALES[self.scale]

    @property
    def low(self) -> float | None:
        """The lowest value on the usual scale (None: no limit)."""
        return self.scale_term.low

    @property
    def high(self) -> float | None:
        """The highest value on the usual scale (None: no limit)."""
        return self.scale_term.high


MEASURES: Final[tuple[Measure, ...]] = (
    Measure(
        "csat",
        "CSAT",
        "%",
        "percent",
        True,
        N_("Customer satisfaction: share of respondents who are satisfied (say 4 or 5 of 5)."),
    ),
    Measure(
        "nps",
        "NPS",
        N_("points"),
        "nps",
        True,
        N_(
            "Net Promoter Score: the share of promoters (9–10 on 'would you recommend us?') "
            "minus the share of detractors (0–6). A measure of loyalty."
        ),
    ),
    Measure(
        "ces",
        "CES",
        N_("score"),
        "other",
        False,
        N_(
            "Customer effort score: how easy it was to get help. It has no one usual scale: "
            "choose 1–5, 1–7 or 1–10 (and say which way is better in the unit)."
        ),
    ),
    Measure(
        "fcr",
        "FCR",
        "%",
        "percent",
        True,
        N_("First-contact resolution: share of matters solved at the first contact."),
    ),
    Measure(
        "handling_time",
        N_("Handling time"),
        "min",
        "minutes",
        False,
        N_("Average time to handle one contact, talk and wrap-up included."),
    ),
    Measure(
        "response_rate",
        N_("Response rate"),
        "%",
        "percent",
        True,
        N_("Share of contacts answered (or answered within the promised time: service level)."),
    ),
    Measure(
        "contact_volume",
        N_("Contact volume"),
        N_("contacts/month"),
        "count",
        False,
        N_(
            "How many contacts arrive. Falling volume is good when it is failure demand that falls."
        ),
    ),
    Measure(
        "contacts_per_matter",
        N_("Contacts per matter"),
        N_("contacts"),
        "count",
        False,
        N_("How many contacts a customer needs before the matter is solved."),
    ),
    Measure(
        "upsell",
        N_("Upsell"),
        "%",
        "percent",
        True,
        N_("Share of service contacts that also lead to a sale."),
    ),
    Measure("custom", N_("Custom"), "", "other", True, N_("A measure of your own; name it.")),
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
