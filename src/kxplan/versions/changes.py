"""What a comparison of two plans holds: a flat, canonical tuple of typed changes.

A :class:`Change` has a section, a kind, a path and the old and new values; a
:class:`Comparison` holds them with the ranking method used and the two tops, and
answers the grouped questions (added, removed, re-scored, moved) and the one-line
summary. :func:`kxplan.versions.comparison.compare` builds it; the renderers in
:mod:`kxplan.reports.comparison` phrase it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Final, Literal

from kxplan.i18n import _, ngettext
from kxplan.model import SCORE_FIELDS
from kxplan.text.numbers import whole

Section = Literal[
    "metadata", "strategy", "scales", "scoring", "areas", "initiatives", "ranks", "extra"
]
"""Where in the plan a change is."""

SECTIONS: Final[tuple[Section, ...]] = (
    "metadata",
    "strategy",
    "scales",
    "scoring",
    "areas",
    "initiatives",
    "ranks",
    "extra",
)

Kind = Literal["added", "removed", "changed", "moved", "shifted"]
"""added / removed (an item or row), changed (a value), moved (a rank), shifted.

A rank change is ``moved`` when the initiative changed place relative to the other
initiatives in both versions, and ``shifted`` when only its rank number changed,
because others were added, dropped, closed or moved (see
:func:`kxplan.versions.moves.real_moves`).
"""

Trend = Literal["improved", "worsened"]
"""For a KPI whose baseline moved: towards the better end of its measure, or away."""

Value = str | int | float | bool | datetime | tuple[str, ...] | None
"""An old or new value: plain, hashable data."""

TIMESTAMP_FIELDS: Final = frozenset({"created", "updated"})
"""Metadata shown in a comparison but never counted as a difference."""

TOP_N: Final = 5
"""Size of the "top" whose membership the summary reports."""

SCORE_CHANGE_FIELDS: Final = frozenset(
    {*SCORE_FIELDS, "time_criticality", "risk_reduction", "criteria", "estimates"}
)
"""Initiative fields whose change counts as "re-scored" in the summary."""

_MIRROR_KIND: Final[dict[Kind, Kind]] = {
    "added": "removed",
    "removed": "added",
    "changed": "changed",
    "moved": "moved",
    "shifted": "shifted",
}
_MIRROR_TREND: Final[dict[Trend, Trend]] = {"improved": "worsened", "worsened": "improved"}


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two plans.

    ``path`` locates it: for initiatives ``(id, field)``, ``(id, "criteria", key)``,
    ``(id, "estimates", participant[, field])``; for areas ``(area, field)`` or
    ``(area, table, row key[, field])``; for ranks ``(id, "rank" | "quadrant")``.
    For added and removed items ``old``/``new`` hold a short description of the
    item (its title, or its key), the other side is None.
    """

    section: Section
    kind: Kind
    path: tuple[str, ...]
    old: Value = None
    new: Value = None
    trend: Trend | None = None
    """Set on a KPI baseline change: did the figure move the right way?"""
    no_effect: bool = False
    """Set on a score change that participants' estimates override on both sides."""
    shown_key: str = ""
    """For a table row's change: the row's key as people read it (a stage by its label,
    a KPI by its measure's name in the current language); ``path`` keeps the file's."""

    @property
    def is_timestamp(self) -> bool:
        """True for a change of ``created`` or ``updated``, which is not a difference."""
        return self.section == "metadata" and self.path[0] in TIMESTAMP_FIELDS

    @property
    def dotted(self) -> str:
        """The path joined with dots, e.g. ``web-chat.estimates.Anna.effort``."""
        return ".".join(self.path)

    def mirrored(self) -> Change:
        """The same change seen from the other side: added↔removed, old↔new."""
        return replace(
            self,
            kind=_MIRROR_KIND[self.kind],
            old=self.new,
            new=self.old,
            trend=None if self.trend is None else _MIRROR_TREND[self.trend],
        )

    def line_diff(self) -> list[str]:
        """For a changed text: the changed lines, ``- old`` and ``+ new`` (difflib)."""
        if not isinstance(self.old, str) or not isinstance(self.new, str):
            return []
        return text_diff(self.old, self.new)


def text_diff(old: str, new: str) -> list[str]:
    """The lines that differ between two texts, prefixed ``- `` and ``+ ``."""
    return [
        line
        for line in difflib.ndiff(old.splitlines(), new.splitlines())
        if line.startswith(("- ", "+ "))
    ]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything that differs between an old and a new plan, in canonical order."""

    changes: tuple[Change, ...]
    method: str | None
    """The ranking method used for both sides, or None when ranks were skipped."""
    ranks_skipped: str = ""
    """Why ranks were not compared (the scoring error), or empty."""
    top_old: tuple[str, ...] = ()
    """Ids of the old plan's top :data:`TOP_N` under :attr:`method`."""
    top_new: tuple[str, ...] = ()
    """Ids of the new plan's top :data:`TOP_N` under :attr:`method`."""

    def __bool__(self) -> bool:
        """A comparison is true when the plans differ (see :attr:`differs`)."""
        return self.differs

    @property
    def differs(self) -> bool:
        """True when anything but the ``created``/``updated`` timestamps differs."""
        return any(not change.is_timestamp for change in self.changes)

    def mirrored(self) -> Comparison:
        """The comparison the other way round (new → old)."""
        return replace(
            self,
            changes=tuple(change.mirrored() for change in self.changes),
            top_old=self.top_new,
            top_new=self.top_old,
        )

    def in_section(self, section: Section) -> list[Change]:
        """The changes of one section, in order."""
        return [change for change in self.changes if change.section == section]

    @property
    def initiatives_added(self) -> list[str]:
        """Ids of initiatives only in the new plan."""
        return [
            c.path[0]
            for c in self.changes
            if c.section == "initiatives" and c.kind == "added" and len(c.path) == 1
        ]

    @property
    def initiatives_removed(self) -> list[str]:
        """Ids of initiatives only in the old plan."""
        return [
            c.path[0]
            for c in self.changes
            if c.section == "initiatives" and c.kind == "removed" and len(c.path) == 1
        ]

    @property
    def initiatives_changed(self) -> dict[str, dict[str, tuple[Value, Value]]]:
        """Initiative id → field (dotted below the id) → (old, new), for kept initiatives."""
        result: dict[str, dict[str, tuple[Value, Value]]] = {}
        for change in self.changes:
            if change.section == "initiatives" and len(change.path) > 1:
                field_path = ".".join(change.path[1:])
                result.setdefault(change.path[0], {})[field_path] = (change.old, change.new)
        return result

    @property
    def rank_moves(self) -> dict[str, tuple[int | None, int | None]]:
        """Real moves: id → (old rank, new rank); None where it is not ranked (closed)."""
        return self._ranks({"moved"})

    @property
    def rank_shifts(self) -> dict[str, tuple[int | None, int | None]]:
        """Rank number changes that are only knock-on effects: id → (old rank, new rank)."""
        return self._ranks({"shifted"})

    def _ranks(self, kinds: set[str]) -> dict[str, tuple[int | None, int | None]]:
        result: dict[str, tuple[int | None, int | None]] = {}
        for change in self.changes:
            if change.section == "ranks" and change.kind in kinds:
                old, new = change.old, change.new
                assert old is None or isinstance(old, int)
                assert new is None or isinstance(new, int)
                result[change.path[0]] = (old, new)
        return result

    @property
    def rescored(self) -> list[str]:
        """Ids of kept initiatives whose scores, criteria or estimates changed."""
        ids: dict[str, None] = {}
        for change in self.changes:
            if (
                change.section == "initiatives"
                and len(change.path) > 1
                and change.path[1] in SCORE_CHANGE_FIELDS
            ):
                ids[change.path[0]] = None
        return list(ids)

    @property
    def edited(self) -> list[str]:
        """Ids of kept initiatives with changes other than scores (title, texts, status…)."""
        ids: dict[str, None] = {}
        for change in self.changes:
            if (
                change.section == "initiatives"
                and len(change.path) > 1
                and change.path[1] not in SCORE_CHANGE_FIELDS
            ):
                ids[change.path[0]] = None
        return list(ids)

    def summary(self) -> str:
        """One line, e.g. "4 initiatives added, 1 removed, 6 re-scored; top 5 changed: …".

        Counts read as every number for people does (:func:`kxplan.text.numbers.whole`).
        """
        parts: list[str] = []
        counts = [
            (len(self.initiatives_added), "added"),
            (len(self.initiatives_removed), "removed"),
            (len(self.rescored), "re-scored"),
            (len(self.edited), "edited"),
        ]
        shown = [(number, kind) for number, kind in counts if number]
        if shown:
            parts.append(
                ", ".join(
                    _counted(kind, number, lead=at == 0).format(count=whole(number))
                    for at, (number, kind) in enumerate(shown)
                )
            )
        moves = self.rank_moves
        if moves:
            parts.append(_("{count} moved in rank").format(count=whole(len(moves))))
        came_in = [i for i in self.top_new if i not in self.top_old]
        went_out = [i for i in self.top_old if i not in self.top_new]
        if came_in or went_out:
            parts.append(
                _("top {top} changed: {came_in} in, {went_out} out").format(
                    top=TOP_N, came_in=whole(len(came_in)), went_out=whole(len(went_out))
                )
            )
        area_changes = len(self.in_section("areas"))
        if area_changes:
            parts.append(
                ngettext("{count} area change", "{count} area changes", area_changes).format(
                    count=whole(area_changes)
                )
            )
        rest = [
            c
            for c in self.changes
            if c.section not in {"initiatives", "ranks", "areas"} and not c.is_timestamp
        ]
        if rest:
            sections = sorted({c.section for c in rest}, key=SECTIONS.index)
            parts.append(
                ngettext(
                    "{count} other change ({sections})",
                    "{count} other changes ({sections})",
                    len(rest),
                ).format(count=whole(len(rest)), sections=", ".join(sections))
            )
        if not parts:
            if self.changes:
                return _("no differences (only timestamps changed)")
            return _("no differences")
        return "; ".join(parts)


def _counted(kind: str, count: int, *, lead: bool) -> str:
    """ "{count} initiatives added" first, then "{count} removed" (one message each, so
    each language words the count its own way)."""
    if kind == "added":
        if lead:
            return ngettext("{count} initiative added", "{count} initiatives added", count)
        return ngettext("{count} added", "{count} added", count)
    if kind == "removed":
        if lead:
            return ngettext("{count} initiative removed", "{count} initiatives removed", count)
        return ngettext("{count} removed", "{count} removed", count)
    if kind == "re-scored":
        if lead:
            return ngettext("{count} initiative re-scored", "{count} initiatives re-scored", count)
        return ngettext("{count} re-scored", "{count} re-scored", count)
    if lead:
        return ngettext("{count} initiative edited", "{count} initiatives edited", count)
    return ngettext("{count} edited", "{count} edited", count)
