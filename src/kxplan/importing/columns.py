"""Which column of a file gives which field: the header names kxplan knows, in
English and Swedish and their usual synonyms, compared without case, spaces,
underscores or hyphens. kxplan's own CSV export (:mod:`kxplan.reports.csv`) reads
back: its ``own_*`` columns are the initiative's scores, the ranking's results
beside them are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, Literal, NamedTuple, get_args

from kxplan.i18n import _
from kxplan.importing.reading import ImportFailed

Kind = Literal["initiatives", "contact-reasons", "readings"]
"""What a file holds."""
KINDS: Final[tuple[Kind, ...]] = get_args(Kind)

_OWN: Final = "own "

ALIASES: Final[dict[Kind, dict[str, tuple[str, ...]]]] = {
    "initiatives": {
        "id": ("id", "initiative id", "initiativ id", "ref"),
        "title": ("title", "titel", "name", "namn", "initiative", "initiativ", "åtgärd"),
        "areas": ("areas", "area", "områden", "område"),
        "why": ("why", "varför"),
        "what": ("what", "vad", "description", "beskrivning"),
        "who": ("who", "vem", "owner", "ägare", "ansvarig"),
        "when": ("when", "när"),
        "how": ("how", "hur"),
        "status": ("status", "state", "läge"),
        "effort": ("own effort", "effort", "insats", "arbetsinsats"),
        "customer_value": ("own customer value", "customer value", "kundvärde"),
        "efficiency": ("own efficiency", "efficiency", "effektivitet"),
        "confidence": ("own confidence", "confidence", "säkerhet", "tilltro"),
        "reach": ("own reach", "reach", "räckvidd"),
        "time_criticality": ("time criticality", "tidskritikalitet", "brådska"),
        "risk_reduction": ("risk reduction", "riskreducering", "riskminskning"),
        "criteria": ("criteria", "kriterier"),
        "depends_on": ("depends on", "dependencies", "beroenden", "beror på"),
        "notes": ("notes", "note", "anteckningar", "anteckning", "kommentar", "comment"),
        "reach_period": ("reach period", "räckviddsperiod", "period för räckvidd"),
        "addresses": ("addresses", "evidence", "underlag", "adresserar", "hanterar", "besvarar"),
        "started": (
            "started",
            "start date",
            "påbörjad",
            "påbörjat",
            "startad",
            "startat",
            "startdatum",
        ),
        "finished": (
            "finished",
            "end date",
            "avslutad",
            "avslutat",
            "slutförd",
            "slutfört",
            "slutdatum",
        ),
        "actual_effort": (
            "actual effort",
            "faktisk insats",
            "verklig insats",
            "faktisk arbetsinsats",
        ),
        "outcome": ("outcome", "result", "resultat", "utfall", "effekt i efterhand"),
    },
    "contact-reasons": {
        "reason": (
            "reason",
            "contact reason",
            "kontaktorsak",
            "kontaktanledning",
            "anledning",
            "orsak",
            "name",
            "namn",
            "title",
            "titel",
        ),
        "channel": ("channel", "kanal"),
        "monthly_volume": (
            "monthly volume",
            "volume",
            "volume/month",
            "volume per month",
            "contacts",
            "contacts/month",
            "count",
            "volym",
            "volym/månad",
            "volym per månad",
            "antal",
            "antal/månad",
            "antal per månad",
            "kontakter",
            "kontakter/månad",
        ),
        "demand": ("demand", "demand type", "type", "efterfrågan", "typ"),
        "root_cause": ("root cause", "cause", "grundorsak", "rotorsak"),
        "avoidable": (
            "avoidable",
            "avoidable share",
            "undvikbar",
            "undvikbart",
            "undvikbar andel",
            "andel undvikbar",
            "andel undvikbara",
        ),
        "notes": ("notes", "note", "anteckningar", "anteckning", "kommentar", "comment"),
    },
    "readings": {
        "kpi": ("kpi", "kpi name", "indicator", "nyckeltal", "name", "namn"),
        "measure": ("measure", "metric", "mått", "mätetal"),
        "channel": ("channel", "kanal"),
        "date": ("date", "datum", "read on", "measured", "mätdatum"),
        "value": ("value", "värde", "result", "resultat", "utfall", "reading", "mätvärde"),
        "source": ("source", "källa"),
        "note": ("note", "notes", "anteckning", "anteckningar", "kommentar", "comment"),
    },
}
"""Per kind, each field and the header names that give it (normal form, :func:`normal`)."""

REQUIRED: Final[dict[Kind, tuple[tuple[str, ...], ...]]] = {
    "initiatives": (("id", "title"),),
    "contact-reasons": (("reason",),),
    "readings": (("kpi", "measure"), ("date",), ("value",)),
}
"""Per kind, the fields a file must give: at least one of each group."""

_SPACES: Final = re.compile(r"[\s_\-.:()\[\]]+")


def normal(header: str) -> str:
    """A header as it is compared: casefolded, underscores, hyphens, dots and brackets
    as spaces, spaces single (``Volym / Månad`` and ``volym/månad`` are one)."""
    text = _SPACES.sub(" ", header.casefold()).strip()
    return re.sub(r"\s*([/%])\s*", r"\1", text).strip()


class Columns(NamedTuple):
    """Which column gives which field, for one kind of file."""

    kind: Kind
    fields: dict[str, int]
    """Field → the column's index."""
    ignored: tuple[str, ...]
    """The headers that give nothing, as written in the file."""


def _lookup(kind: Kind) -> dict[str, str]:
    return {alias: field for field, aliases in ALIASES[kind].items() for alias in aliases}


def _field_of(header: str, lookup: dict[str, str]) -> str | None:
    name = normal(header)
    found = lookup.get(name) or lookup.get(name.rstrip("%").strip())
    return found


def map_columns(source: str, header: Sequence[str], kind: Kind) -> Columns:
    """The columns of ``header`` for ``kind``; ImportFailed when two columns give one
    field or a required one is missing."""
    lookup = _lookup(kind)
    fields: dict[str, int] = {}
    own: set[str] = set()
    ignored: list[str] = []
    for index, name in enumerate(header):
        field = _field_of(name, lookup)
        if field is None or not name.strip():
            if name.strip():
                ignored.append(name)
            continue
        is_own = normal(name).startswith(_OWN)
        if field not in fields:
            fields[field] = index
            if is_own:
                own.add(field)
        elif is_own and field not in own:  # an own_ column beats the bare one before it
            ignored.append(header[fields[field]])
            fields[field] = index
            own.add(field)
        elif field in own:  # kxplan's export: the bare column is the ranking's number
            ignored.append(name)
        else:
            raise ImportFailed(
                source,
                _("columns {first} and {second} both give {field}; keep one").format(
                    first=repr(header[fields[field]]), second=repr(name), field=field
                ),
            )
    for group in REQUIRED[kind]:
        if not any(field in fields for field in group):
            names = " / ".join(repr(ALIASES[kind][field][0]) for field in group)
            raise ImportFailed(
                source,
                _("no column for {field}; expected a header such as {names}").format(
                    field=group[0], names=names
                ),
            )
    return Columns(kind, fields, tuple(ignored))


def guess_kind(header: Sequence[str]) -> Kind | None:
    """What a file with ``header`` holds: readings when it has a date and a value,
    contact reasons when it has a column only they have (volume, demand, avoidable
    share, reason), initiatives when it has a title or id; None otherwise."""
    names = {normal(name) for name in header}
    names |= {name.rstrip("%").strip() for name in names}

    def has(kind: Kind, *fields: str) -> bool:
        return any(alias in names for field in fields for alias in ALIASES[kind][field])

    if has("readings", "date") and has("readings", "value"):
        return "readings"
    own = {"reason", "monthly_volume", "demand", "avoidable", "root_cause"}
    shared = set(ALIASES["initiatives"]["title"])
    reason_only = {alias for field in own for alias in ALIASES["contact-reasons"][field]} - shared
    if names & reason_only:
        return "contact-reasons"
    if has("initiatives", "id", "title"):
        return "initiatives"
    return None
