"""A comparison of two plans for people: where each change is, how it reads, and the
text and Markdown renderings of the whole (the JSON one is in
:mod:`kxplan.reports.comparison_json`).

Labels come from the vocabulary (areas, quadrants, score fields), numbers from
:func:`kxplan.text.numbers.number`, and user text is made literal
(:func:`kxplan.text.literal.printable`). The app's comparison screen reads the same
functions (:func:`where_parts`, :func:`value_texts`, :func:`rank_text`,
:func:`quadrant_text`, :func:`groups`), so the CLI and the app phrase a change alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any, Final

from kxplan.framework import (
    AREAS,
    AREAS_BY_ID,
    BUY_IN,
    CHECK_STATUSES,
    DECISIONS,
    DEMANDS,
    FREQUENCIES,
    METHODS,
    QUADRANTS,
    SCORES,
    STAGES,
    STATUSES,
    Vocabulary,
)
from kxplan.i18n import N_, _, ngettext
from kxplan.model import Plan
from kxplan.model.ids import slugify
from kxplan.model.tables import TABLES_BY_ATTRIBUTE
from kxplan.reports.comparison_json import format_json, to_json_data
from kxplan.reports.comparison_readings import row_field_text
from kxplan.text.literal import printable
from kxplan.text.numbers import number, whole
from kxplan.versions.changes import SECTIONS, TOP_N, Change, Comparison, Section, Value

Titles = Mapping[str, str]
"""Initiative titles by id, from both plans (:func:`titles_of`): changes then name each
initiative by its title, for minutes."""


SECTION_TITLES: Final[dict[Section, str]] = {
    "metadata": N_("Metadata"),
    "strategy": N_("Strategy"),
    "scales": N_("Scales"),
    "scoring": N_("Scoring settings"),
    "areas": N_("Areas"),
    "initiatives": N_("Initiatives"),
    "ranks": N_("Ranking"),
    "extra": N_("Extra"),
}
"""Each section's heading, in English (translated where shown: :func:`heading`)."""

NO_EFFECT: Final = N_("(estimates decide its rank; no effect)")
"""Said of a score change that participants' estimates override."""
NO_EFFECT_SHORT: Final = N_("(no effect)")
"""The same, in a narrow column."""
NONE: Final = N_("(none)")

_MAX_PLACES: Final = 15


def field_label(name: str, *, short: bool = False) -> str:
    """A field's name in a sentence: a score's label (``customer value``), else the key."""
    if name not in SCORES:
        return name
    term = SCORES[name]
    return (term.short if short else term.label).lower()


def titles_of(old: Plan, new: Plan) -> dict[str, str]:
    """Every initiative's title by id: the new plan's, or the old one's for one removed."""
    titles = {item.id: item.title for item in old.initiatives}
    titles.update((item.id, item.title) for item in new.initiatives)
    return titles


def initiative_name(initiative_id: str, titles: Titles | None) -> str:
    """An initiative as minutes name it: its title, with the id in brackets where the id
    says something the title does not (``Chat on the web (web-chat)``; ``Web chat``
    alone for ``web-chat``); the id alone without titles. Made literal."""
    title = (titles or {}).get(initiative_id)
    if not title:
        return printable(initiative_id)
    if slugify(title) == initiative_id:
        return printable(title)
    return printable(f"{title} ({initiative_id})")


def value_text(value: Value, places: int = 2) -> str:
    """A value for people, safe to print: ``(none)``, ``true``, ``[a, b]``, numbers as
    :func:`kxplan.text.numbers.number` writes them (``1 200``, ``2.5``), text made
    literal (:func:`kxplan.text.literal.printable`)."""
    if value is None:
        return _(NONE)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(value, places)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return printable("[" + ", ".join(value) + "]")
    return printable(value)


def value_texts(old: Value, new: Value) -> tuple[str, str]:
    """Both sides of a change, numbers with as many decimals as it takes to tell them
    apart (``2.001 → 2.002``, not ``2 → 2``)."""
    places = 2
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (old, new))
    while numbers and places < _MAX_PLACES and value_text(old, places) == value_text(new, places):
        places += 1
    return value_text(old, places), value_text(new, places)


def rank_text(value: Value, *, word: bool = False) -> str:
    """A rank: ``4`` (``rank 4`` with ``word``), or ``unranked`` (closed, or not scored)."""
    if value is None:
        return _("unranked")
    shown = whole(value) if isinstance(value, int | float) else printable(str(value))
    return _("rank {rank}").format(rank=shown) if word else shown


def quadrant_text(value: Value) -> str:
    """A quadrant in a sentence, one initiative's: ``quick win``; ``(none)``."""
    return _(NONE) if value is None else QUADRANTS.label(str(value)).lower()


def trend_note(change: Change, *, short: bool = False) -> str:
    """`` (improved)``, `` (estimates decide its rank; no effect)``… or empty."""
    trend = f" ({change.trend})" if change.trend else ""
    note = f" {_(NO_EFFECT_SHORT if short else NO_EFFECT)}" if change.no_effect else ""
    return trend + note


def _is_table(path: tuple[str, ...]) -> bool:
    return len(path) >= 3 and path[1] in TABLES_BY_ATTRIBUTE


def where(change: Change) -> str:
    """Where a change is, for people, without its section (and area) heading.

    ``kpis[CSAT / all].baseline``, ``web-chat.estimates.Anna.customer value``, ``title``.
    """
    path = change.path
    if change.section == "areas":
        if _is_table(path):
            rest = "." + ".".join(path[3:]) if len(path) > 3 else ""
            return f"{path[1]}[{change.shown_key or path[2]}]{rest}"
        return ".".join(path[1:])
    if change.section == "initiatives" and _names_a_score(path):
        return ".".join((*path[:-1], field_label(path[-1])))
    return ".".join(path)


def _names_a_score(path: tuple[str, ...]) -> bool:
    """``(id, field)`` or ``(id, "estimates", participant, field)``: a field, not a key."""
    return len(path) == 2 or (len(path) == 4 and path[1] == "estimates")


def where_parts(change: Change, titles: Titles | None = None) -> tuple[str, str]:
    """Where a change is, in two parts: the item (an initiative id — its title with
    ``titles`` —, a table row; may be empty) and what of it changed, e.g.
    ``("web-chat", "Anna's effort")``; for a rank, ``"rank"``."""
    path = change.path
    if change.section in ("initiatives", "ranks"):
        item, rest = path[0], path[1:]
        if titles is not None:
            item = titles.get(item) or item
        if not rest:
            return item, ""
        if rest[:1] == ("estimates",) and len(rest) >= 2:
            if len(rest) > 2:
                return item, _("{participant}'s {field}").format(
                    participant=rest[1], field=field_label(rest[2], short=True)
                )
            return item, _("{participant}'s estimate").format(participant=rest[1])
        if rest[:1] == ("criteria",) and len(rest) >= 2:
            return item, _("criterion {id}").format(id=rest[1])
        return item, field_label(rest[0]) if len(rest) == 1 else ".".join(rest)
    if change.section == "areas" and _is_table(path):
        return f"{path[1]}[{change.shown_key or path[2]}]", ".".join(path[3:])
    return "", where(change)


def is_long_text(change: Change) -> bool:
    """True for a text change too long for one line: it reads "text changed" and a diff."""
    return any(
        isinstance(value, str) and ("\n" in value or len(value) > 60)
        for value in (change.old, change.new)
    )


def _quote(value: Value, text: str) -> str:
    return f'"{text}"' if isinstance(value, str) else text


ROW_CHOICES: Final[dict[str, Vocabulary[Any, Any]]] = {
    "stage": STAGES,
    "demand": DEMANDS,
    "decision": DECISIONS,
    "frequency": FREQUENCIES,
    "status": CHECK_STATUSES,
    "buy_in": BUY_IN,
}
"""The area rows' fields whose values are keys of a vocabulary, by field name."""


def choices_of(change: Change) -> Vocabulary[Any, Any] | None:
    """The vocabulary a changed value is a key of (to show its label), if any."""
    field = change.path[-1] if change.path else ""
    if change.section == "initiatives" and field == "status":
        return STATUSES
    if change.section == "scoring" and field == "method":
        return METHODS
    if change.section == "areas" and len(change.path) == 4:
        return ROW_CHOICES.get(field)
    return None


def labels_of(change: Change) -> tuple[str, str] | None:
    """Old and new as their labels, when both are keys of the field's vocabulary; a
    touchpoint's critical mark as yes or no."""
    if change.section == "areas" and change.path[-1:] == ("critical",):
        return _yes_no(change.old), _yes_no(change.new)
    choices = choices_of(change)
    values = (change.old, change.new)
    if choices is None or not all(isinstance(v, str) and v in choices for v in values):
        return None
    return choices.label(str(change.old)), choices.label(str(change.new))


def _yes_no(value: Value) -> str:
    return _("yes") if value else _("no")


def describe(change: Change, titles: Titles | None = None) -> str:
    """A change in one line: ``+ kpis[NPS / web]``, ``effort: 3 → 2``, ``faq: rank 4 → 1``.

    With ``titles`` an initiative is named by title (:func:`initiative_name`) and what
    changed follows it: ``FAQ page: effort 1 → 4``, ``+ Chat bot (bot)``. User text in
    it is made literal (:func:`kxplan.text.literal.printable`); numbers keep their no-break
    spaces.
    """
    if titles is not None and change.section in ("initiatives", "ranks"):
        return _describe_initiative(change, titles)
    if change.section == "areas" and len(change.path) == 4 and _is_table(change.path):
        return row_field_text(change, _from_to(change))
    place = printable(where(change))
    item = printable(change.path[0])
    if change.kind in {"added", "removed"}:
        sign, value = ("+", change.new) if change.kind == "added" else ("-", change.old)
        return f"{sign} {place}" + ("" if value == change.path[-1] else f": {value_text(value)}")
    if change.kind in {"moved", "shifted"}:
        return _moved(item, change)
    if change.section == "ranks":
        return f"{item}: {quadrant_text(change.old)} → {quadrant_text(change.new)}"
    return f"{place}: {_from_to(change)}"


def _moved(name: str, change: Change) -> str:
    return _("{name}: rank {old} → {new}").format(
        name=name, old=rank_text(change.old), new=rank_text(change.new)
    )


def _from_to(change: Change) -> str:
    """``1 → 4``, ``"Web chat" → "Chat"``, ``Idea → Done``, ``text changed``."""
    if is_long_text(change):
        return _("text changed")
    labelled = labels_of(change)
    if labelled is not None:
        return f"{labelled[0]} → {labelled[1]}"
    old, new = value_texts(change.old, change.new)
    return f"{_quote(change.old, old)} → {_quote(change.new, new)}{trend_note(change)}"


def _describe_initiative(change: Change, titles: Titles) -> str:
    name = initiative_name(change.path[0], titles)
    if len(change.path) == 1 and change.kind in {"added", "removed"}:
        return f"{'+' if change.kind == 'added' else '-'} {name}"
    if change.kind in {"moved", "shifted"}:
        return _moved(name, change)
    if change.section == "ranks":
        return f"{name}: {quadrant_text(change.old)} → {quadrant_text(change.new)}"
    _item, what = where_parts(change)
    what = printable(what)
    if change.kind in {"added", "removed"}:
        value = change.new if change.kind == "added" else change.old
        shown = "" if value == change.path[-1] else f" {value_text(value)}"
        if change.kind == "added":
            text = _("{name}: {what} added{value}")
        else:
            text = _("{name}: {what} removed{value}")
        return text.format(name=name, what=what, value=shown).rstrip()
    return f"{name}: {what} {_from_to(change)}"


def shifted_note(comparison: Comparison) -> str:
    """One line for the initiatives whose rank number changed only as a knock-on effect."""
    count = len(comparison.rank_shifts)
    if not count:
        return ""
    return ngettext(
        "1 other shifted by one or more places because of the changes above",
        "{count} others shifted by one or more places because of the changes above",
        count,
    ).format(count=number(count))


def groups(comparison: Comparison) -> Iterator[tuple[Section, str | None, list[Change]]]:
    """(section, area id or None, changes) in order; areas are grouped per area."""
    for section in SECTIONS:
        changes = comparison.in_section(section)
        if section == "areas":
            for area in AREAS:
                in_area = [c for c in changes if c.path[0] == area.id]
                if in_area:
                    yield section, area.id, in_area
        elif changes:
            yield section, None, changes


def heading(section: Section, area_id: str | None, method: str | None) -> str:
    """A group's heading: ``Areas: Insight``, ``Ranking (ratio)`` (the method as
    ``--method`` takes it), ``Initiatives``."""
    title = _(SECTION_TITLES[section])
    if area_id is not None:
        return f"{title}: {_(AREAS_BY_ID[area_id].name)}"
    if section == "ranks" and method:
        return f"{title} ({method})"
    return title


def top_line(comparison: Comparison, titles: Titles | None = None) -> str:
    """``top 5: in a, b; out c``, or empty when the top kept its members (initiatives
    by title with ``titles``)."""
    came_in = [
        initiative_name(i, titles) for i in comparison.top_new if i not in comparison.top_old
    ]
    went_out = [
        initiative_name(i, titles) for i in comparison.top_old if i not in comparison.top_new
    ]
    if not came_in and not went_out:
        return ""
    return _("top {n}: in {came_in}; out {went_out}").format(
        n=TOP_N, came_in=", ".join(came_in) or _(NONE), went_out=", ".join(went_out) or _(NONE)
    )


# The text and Markdown renderers live in comparison_text (this module would be too long);
# imported last, as they read the phrasing above.
from kxplan.reports.comparison_text import Styler, format_markdown, format_text  # noqa: E402

__all__ = [
    "NO_EFFECT",
    "NO_EFFECT_SHORT",
    "SECTION_TITLES",
    "Styler",
    "Titles",
    "describe",
    "field_label",
    "format_json",
    "format_markdown",
    "format_text",
    "groups",
    "heading",
    "initiative_name",
    "is_long_text",
    "quadrant_text",
    "rank_text",
    "shifted_note",
    "titles_of",
    "to_json_data",
    "top_line",
    "trend_note",
    "value_text",
    "value_texts",
    "where",
    "where_parts",
]
