"""Small pieces the document's sections share: the currency as the language writes it,
a maturity gap, an area's heading."""

from __future__ import annotations

from kxplan.framework.areas import Area
from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.text.numbers import DASH, currency_word


def currency(plan: Plan) -> str:
    """The plan's currency as the document's language writes it (:func:`currency_word`)."""
    return currency_word(plan.currency)


def gap_text(gap: int | None) -> str:
    """A maturity gap with its sign (``+2``), a dash when unknown."""
    return DASH if gap is None else f"{gap:+d}"


def area_title(area: Area) -> str:
    """An area by both its names: "Insight (Insikt)"; in Swedish simply "Insikt"."""
    # TRANSLATORS: {name} is the area's English name, {name_sv} its Swedish one; a
    # Swedish document needs only {name_sv}.
    return _("{name} ({name_sv})").format(name=_(area.name), name_sv=area.name_sv)


def area_heading(area: Area) -> str:
    """An area's heading, numbered in the order of the walk: "1. Insight (Insikt)"."""
    return f"{area.number}. {area_title(area)}"
