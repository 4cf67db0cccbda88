"""Small pieces the document's sections share: the currency as the language writes it,
a maturity gap, an area's heading."""

from __future__ import annotations

from kxplan.framework.areas import Area
from kxplan.i18n import _, pgettext
from kxplan.model import Plan
from kxplan.text.numbers import DASH


def currency(plan: Plan) -> str:
    """The plan's currency as the document's language writes it: SEK reads "kr" in
    Swedish; any other currency as the plan names it."""
    code = plan.currency.strip()
    if code.upper() == "SEK":
        # TRANSLATORS: Swedish kronor after an amount ("213 400 kr").
        return pgettext("currency", "SEK")
    return code


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
