"""A row field's name as a form, a column or a comparison says it: one place for the
names the app's tables, its forms and the comparisons of plans (``kxplan diff``, the
file-changed dialog) show."""

from __future__ import annotations

from typing import Final

from kxplan.i18n import N_, _

FIELD_NAMES: Final[dict[str, str]] = {
    "name": N_("Name"),
    "stage": N_("Stage"),
    "channel": N_("Channel"),
    "notes": N_("Notes"),
    "measure": N_("Measure"),
    "baseline": N_("Baseline"),
    "target": N_("Target"),
    "unit": N_("Unit"),
    "scale": N_("Scale"),
    "cadence": N_("Cadence"),
    "promoters": N_("Promoters"),
    "detractors": N_("Detractors"),
    "target_date": N_("Target date"),
    "readings": N_("Readings"),
    "preference": N_("Preference"),
    "customer_value": N_("Customer value"),
    "cost_per_contact": N_("Cost per contact"),
    "hours": N_("Hours"),
    "staffing": N_("Staffing"),
    "decision": N_("Decision"),
    "title": N_("Title"),
    "description": N_("Description"),
    "severity": N_("Severity"),
    "frequency": N_("Frequency"),
    "evidence": N_("Evidence"),
    "fix": N_("Fix"),
    "check": N_("Check"),
    "status": N_("Status"),
    "reason": N_("Reason"),
    "monthly_volume": N_("Monthly volume"),
    "demand": N_("Demand"),
    "root_cause": N_("Root cause"),
    "avoidable": N_("Avoidable"),
    "role": N_("Role"),
    "stages": N_("Stages"),
    "buy_in": N_("Buy in"),
    "contact": N_("Contact"),
    "next_step": N_("Next step"),
    "date": N_("Date"),
    "kind": N_("Success or failure"),
    "learned": N_("What we learned"),
    "initiative": N_("Initiative"),
    "kpi": N_("KPI"),
}
"""A row field's name as a form or a column says it (before a label of its own)."""


def field_name(name: str) -> str:
    """A row field's name in the current language ("Cost per contact")."""
    return _(FIELD_NAMES.get(name, name.replace("_", " ").capitalize()))
