"""The row forms' own words: each field's label where its name does not say the unit or
the scale, the placeholder of a text field, and what a blank choice means. Marked where
written, translated when a form shows them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from pydantic import BaseModel

from kxplan.framework import KPI_SCALES, MEASURES_BY_ID
from kxplan.framework.fields import field_name
from kxplan.i18n import N_, _

FIELD_HINTS: Final[dict[str, str]] = {
    "channel": N_("e.g. phone, e-mail, chat, web, app"),
    "Kpi.channel": N_("blank: all channels"),
    "check": N_("a standard check or your own words"),
    "hours": N_("e.g. Mon–Fri 8–17"),
    "staffing": N_("e.g. 6 FTE"),
    "cadence": N_("e.g. monthly"),
    "unit": N_("blank: the measure's own unit"),
    "name": "",
    "LogEntry.name": N_("e.g. chat answered within a minute"),
    "LogEntry.date": N_("YYYY-MM-DD, today at the latest"),
    "LogEntry.initiative": N_("the id of the initiative it is about, if one"),
    "LogEntry.kpi": N_("the KPI it shows in, if one"),
    "JourneyStage.id": N_("e.g. travel: lower-case letters, digits and hyphens"),
    "JourneyStage.name": N_("leave blank for before, during and after: they have a label already"),
    "expectation": N_("what customers expect here"),
    "experience": N_("what customers experience here today"),
}
"""Placeholders for text fields of the row forms, by field name (or ``Model.field`` where
one model's field means something else)."""


def _usual_scale(texts: Mapping[str, str]) -> str:
    measure = MEASURES_BY_ID.get(texts.get("measure", ""))
    if measure is None:
        return _("(the measure's usual scale)")
    scale = KPI_SCALES.label(measure.scale_term.key)
    return _("usual for {measure}: {scale}").format(measure=_(measure.label), scale=scale)


CHOICE_PROMPTS: Final[dict[str, Callable[[Mapping[str, str]], str]]] = {
    "Kpi.scale": _usual_scale,
}
"""What a blank choice means, worked out from the form's other fields (``Model.field``):
a KPI left without a scale is on its measure's usual one."""


def choice_prompt(model: type[BaseModel], name: str, texts: Mapping[str, str]) -> str | None:
    """The blank choice's words for this field of ``model`` given the form's texts; None
    when the field has no such words."""
    prompt = CHOICE_PROMPTS.get(f"{model.__name__}.{name}")
    return prompt(texts) if prompt is not None else None


def field_hint(model: type[BaseModel], name: str) -> str:
    """The placeholder of a text field in ``model``'s row form."""
    hint = FIELD_HINTS.get(f"{model.__name__}.{name}", FIELD_HINTS.get(name, ""))
    return _(hint) if hint else ""


FIELD_LABELS: Final[dict[str, str]] = {
    "preference": N_("Preference %"),
    "avoidable": N_("Avoidable %"),
    "promoters": N_("Promoters %"),
    "detractors": N_("Detractors %"),
    "customer_value": N_("Value to customers 1–5"),
    "severity": N_("Severity 1–5"),
    "monthly_volume": N_("Contacts a month"),
    "buy_in": N_("Buy-in"),
    "role": N_("Who does what"),
    "root_cause": N_("Root cause"),
    "next_step": N_("Next step"),
    "LogEntry.name": N_("What happened"),
}
"""Labels for row-form fields whose name alone does not say the unit or the scale
(marked: ``_()`` where shown)."""


def form_label(name: str, model: type[BaseModel] | None = None) -> str:
    """A row form's label for field ``name`` (of ``model``), in the current language."""
    found = FIELD_LABELS.get(f"{model.__name__}.{name}" if model else "") or FIELD_LABELS.get(name)
    return _(found) if found else field_name(name)
