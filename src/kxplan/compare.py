"""Compare two versions of a plan: a pure, typed list of what changed.

:func:`compare` matches initiatives by their stable id (a new title is a change
of title, not a removal and an addition) and the rows of each area's tables by
their natural key, and returns a :class:`Comparison`: a flat tuple of
:class:`Change` records, each with a section, a kind, a path and the old and
new values. Renderers (the CLI, the TUI) walk that tuple; nothing here prints.

Ranks are worked out with :func:`kxplan.scoring.rank` under one method for
both sides: the new plan's method unless one is given, so a rank move means the
initiative moved, not that the yardstick changed. When the method cannot apply
to one of the plans the rank part is skipped and :attr:`Comparison.ranks_skipped`
says why.

The comparison of a plan with itself is empty, and ``compare(b, a)`` equals
``compare(a, b).mirrored()`` when both use the same method. Changes are in a
canonical order (sections in order, items by key, fields in model order) so that
holds exactly.

:func:`plan_as_lines` renders one plan as stable one-fact-per-line text, for
``git diff`` through a textconv driver.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Final, Literal

from pydantic import BaseModel

from kxplan import scoring
from kxplan.framework import AREAS, MEASURES_BY_ID, QUADRANTS, Method
from kxplan.literal import json_escaped, printable
from kxplan.model import (
    SCORE_FIELDS,
    AreaBase,
    Estimate,
    Initiative,
    Kpi,
    Plan,
    Scale,
    Touchpoint,
)

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
because others were added, dropped, closed or moved (see :func:`real_moves`).
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
        """One line, e.g. "4 initiatives added, 1 removed, 6 re-scored; top 5 changed: …"."""
        parts: list[str] = []
        counts = [
            (len(self.initiatives_added), "added"),
            (len(self.initiatives_removed), "removed"),
            (len(self.rescored), "re-scored"),
            (len(self.edited), "edited"),
        ]
        shown = [f"{number} {what}" for number, what in counts if number]
        if shown:
            first = next(number for number, _ in counts if number)
            noun = "initiative" if first == 1 else "initiatives"
            shown[0] = shown[0].replace(" ", f" {noun} ", 1)
            parts.append(", ".join(shown))
        moves = self.rank_moves
        if moves:
            parts.append(f"{len(moves)} moved in rank")
        came_in = [i for i in self.top_new if i not in self.top_old]
        went_out = [i for i in self.top_old if i not in self.top_new]
        if came_in or went_out:
            parts.append(f"top {TOP_N} changed: {len(came_in)} in, {len(went_out)} out")
        area_changes = len(self.in_section("areas"))
        if area_changes:
            parts.append(_count(area_changes, "area change"))
        rest = [
            c
            for c in self.changes
            if c.section not in {"initiatives", "ranks", "areas"} and not c.is_timestamp
        ]
        if rest:
            sections = sorted({c.section for c in rest}, key=SECTIONS.index)
            parts.append(f"{_count(len(rest), 'other change')} ({', '.join(sections)})")
        if not parts:
            if self.changes:
                return "no differences (only timestamps changed)"
            return "no differences"
        return "; ".join(parts)


def shifted_note(comparison: Comparison) -> str:
    """One line for the initiatives whose rank number changed only as a knock-on effect."""
    count = len(comparison.rank_shifts)
    if not count:
        return ""
    others = "1 other" if count == 1 else f"{count} others"
    return f"{others} shifted by one or more places because of the changes above"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# --- the comparison -------------------------------------------------------------------


class _Collector:
    """Gathers the changes found, in the order they are found."""

    def __init__(self) -> None:
        self.changes: list[Change] = []

    def value(
        self,
        section: Section,
        path: tuple[str, ...],
        old: Value,
        new: Value,
        trend: Trend | None = None,
        no_effect: bool = False,
    ) -> None:
        if old != new:
            self.changes.append(Change(section, "changed", path, old, new, trend, no_effect))

    def fields(
        self,
        section: Section,
        prefix: tuple[str, ...],
        old: BaseModel,
        new: BaseModel,
        names: Iterable[str],
    ) -> None:
        for name in names:
            self.value(
                section, (*prefix, name), _plain(getattr(old, name)), _plain(getattr(new, name))
            )

    def keyed(
        self,
        section: Section,
        prefix: tuple[str, ...],
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        describe: Callable[[Any], Value],
        inner: Callable[[tuple[str, ...], Any, Any], None],
    ) -> None:
        """Match two keyed collections: added, removed, and ``inner`` for the kept ones."""
        for key in sorted(old.keys() | new.keys()):
            if key not in new:
                self.changes.append(
                    Change(section, "removed", (*prefix, key), describe(old[key]), None)
                )
            elif key not in old:
                self.changes.append(
                    Change(section, "added", (*prefix, key), None, describe(new[key]))
                )
            elif old[key] != new[key]:
                inner((*prefix, key), old[key], new[key])


def _plain(value: object) -> Value:
    """A field value as hashable plain data."""
    if value is None or isinstance(value, str | bool | int | float | datetime):
        return value
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return json.dumps(_jsonable(value), sort_keys=True, ensure_ascii=False, default=str)


def _extra_value(value: object) -> Value:
    """A value of the free-form ``[extra]`` table: scalars as they are, the rest as JSON."""
    if value is None or isinstance(value, str | bool | int | float | datetime):
        return value
    return json.dumps(_jsonable(value), sort_keys=True, ensure_ascii=False, default=str)


def _jsonable(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def compare(old: Plan, new: Plan, method: Method | None = None) -> Comparison:
    """Everything that changed from ``old`` to ``new``; ranks under ``method``.

    ``method`` defaults to the new plan's scoring method, used for both plans.
    """
    out = _Collector()
    _compare_metadata(old, new, out)
    out.fields("strategy", (), old.strategy, new.strategy, ("today", "target", "how"))
    _compare_scales(old, new, out)
    _compare_scoring(old, new, out)
    _compare_areas(old, new, out)
    _compare_initiatives(old, new, out)
    ranks = _compare_ranks(old, new, method or new.scoring.method, out)
    out.keyed(
        "extra",
        (),
        old.extra,
        new.extra,
        _extra_value,
        lambda path, a, b: out.value("extra", path, _extra_value(a), _extra_value(b)),
    )
    return Comparison(
        changes=tuple(out.changes),
        method=ranks[0],
        ranks_skipped=ranks[1],
        top_old=ranks[2],
        top_new=ranks[3],
    )


_META_FIELDS: Final = (
    "title",
    "organisation",
    "version",
    "facilitator",
    "currency",
    "schema_version",
    "created",
    "updated",
)


def _compare_metadata(old: Plan, new: Plan, out: _Collector) -> None:
    for name in _META_FIELDS:
        out.value("metadata", (name,), _plain(getattr(old, name)), _plain(getattr(new, name)))
    out.keyed(
        "metadata",
        ("participants",),
        {p: p for p in old.participants},
        {p: p for p in new.participants},
        lambda p: str(p),
        lambda *_: None,
    )


def _compare_scales(old: Plan, new: Plan, out: _Collector) -> None:
    for name in ("effort", "customer_value", "efficiency"):
        a: Scale = getattr(old.scales, name)
        b: Scale = getattr(new.scales, name)
        if a == b:
            continue
        out.fields("scales", (name,), a, b, ("min", "max"))
        out.keyed(
            "scales",
            (name, "anchors"),
            a.anchors,
            b.anchors,
            str,
            lambda path, x, y: out.value("scales", path, x, y),
        )


def _compare_scoring(old: Plan, new: Plan, out: _Collector) -> None:
    a, b = old.scoring, new.scoring
    out.fields(
        "scoring",
        (),
        a,
        b,
        ("method", "value_weight", "efficiency_weight", "impact_threshold", "effort_threshold"),
    )
    out.keyed(
        "scoring",
        ("criteria",),
        {c.id: c for c in a.criteria},
        {c.id: c for c in b.criteria},
        lambda c: c.label or c.id,
        lambda path, x, y: out.fields("scoring", path, x, y, ("label", "weight", "min", "max")),
    )


# --- areas ----------------------------------------------------------------------------

AREA_TABLES: Final[dict[str, tuple[str, ...]]] = {
    "insight": ("touchpoints", "kpis"),
    "accessibility": ("channels",),
    "service_friendliness": ("frictions",),
    "mobility": ("checks",),
    "unnecessary_demand": ("contact_reasons",),
    "anchoring": ("stakeholders",),
}
"""The structured tables of each area, by attribute name."""


def row_key(row: BaseModel) -> str:
    """A row's natural key as text: ``CSAT / all``; touchpoints by name and stage."""
    key: object = (row.name, row.stage) if isinstance(row, Touchpoint) else getattr(row, "key")  # noqa: B009
    if isinstance(key, tuple):
        return " / ".join(str(part) for part in key)
    return str(key)


def _rows_by_key(rows: Sequence[BaseModel]) -> dict[str, BaseModel]:
    result: dict[str, BaseModel] = {}
    for row in rows:
        key = row_key(row)
        if key in result:  # touchpoints may repeat; number the later ones
            number = 2
            while f"{key} #{number}" in result:
                number += 1
            key = f"{key} #{number}"
        result[key] = row
    return result


def kpi_trend(old: Kpi, new: Kpi) -> Trend | None:
    """Whether a KPI's baseline moved the right way; None when that cannot be said.

    Built-in measures know their direction (CSAT up is better, handling time down
    is). A custom measure has none, so its baseline improved when it came closer
    to the target both versions share.
    """
    a, b = old.baseline, new.baseline
    if a is None or b is None or a == b or old.measure != new.measure:
        return None
    if old.measure == "custom":
        target = old.target
        if target is None or target != new.target or abs(b - target) == abs(a - target):
            return None
        return "improved" if abs(b - target) < abs(a - target) else "worsened"
    higher_is_better = MEASURES_BY_ID[old.measure].higher_is_better
    return "improved" if (b > a) == higher_is_better else "worsened"


def _compare_areas(old: Plan, new: Plan, out: _Collector) -> None:
    for area_id, a in old.areas.items():
        b = new.areas.get(area_id)
        if a == b:
            continue
        out.fields("areas", (area_id,), a, b, ("maturity_today", "maturity_target"))
        out.value("areas", (area_id, "gap"), a.gap, b.gap)
        out.fields("areas", (area_id,), a, b, ("today", "target", "how"))
        for table in AREA_TABLES.get(area_id, ()):
            _compare_table(area_id, table, a, b, out)


def _compare_table(area_id: str, table: str, a: AreaBase, b: AreaBase, out: _Collector) -> None:
    old_rows: list[BaseModel] = getattr(a, table)
    new_rows: list[BaseModel] = getattr(b, table)
    if old_rows == new_rows:
        return

    def inner(path: tuple[str, ...], x: BaseModel, y: BaseModel) -> None:
        for name in type(x).model_fields:
            old_value, new_value = _plain(getattr(x, name)), _plain(getattr(y, name))
            trend: Trend | None = None
            if name == "baseline" and isinstance(x, Kpi) and isinstance(y, Kpi):
                trend = kpi_trend(x, y)
            out.value("areas", (*path, name), old_value, new_value, trend)

    out.keyed(
        "areas",
        (area_id, table),
        _rows_by_key(old_rows),
        _rows_by_key(new_rows),
        row_key,
        inner,
    )


# --- initiatives ----------------------------------------------------------------------

_INITIATIVE_FIELDS: Final = tuple(
    name for name in Initiative.model_fields if name not in {"id", "criteria", "estimates"}
)
_ESTIMATE_FIELDS: Final = tuple(name for name in Estimate.model_fields if name != "participant")


def _estimate_text(estimate: Estimate) -> str:
    values = [
        f"{name} {_number(getattr(estimate, name))}"
        for name in _ESTIMATE_FIELDS
        if getattr(estimate, name) is not None
    ]
    return ", ".join(values) or "no scores"


def _estimated(item: Initiative, score: str) -> bool:
    """True when some participant estimated ``score``, so the item's own value is not used."""
    return any(getattr(estimate, score) is not None for estimate in item.estimates)


def _compare_initiatives(old: Plan, new: Plan, out: _Collector) -> None:
    def inner(path: tuple[str, ...], a: Initiative, b: Initiative) -> None:
        for name in _INITIATIVE_FIELDS:
            old_value, new_value = _plain(getattr(a, name)), _plain(getattr(b, name))
            no_effect = name in SCORE_FIELDS and _estimated(a, name) and _estimated(b, name)
            out.value("initiatives", (*path, name), old_value, new_value, None, no_effect)
        out.keyed(
            "initiatives",
            (*path, "criteria"),
            a.criteria,
            b.criteria,
            _plain,
            lambda p, x, y: out.value("initiatives", p, x, y),
        )
        out.keyed(
            "initiatives",
            (*path, "estimates"),
            {e.participant: e for e in a.estimates},
            {e.participant: e for e in b.estimates},
            _estimate_text,
            lambda p, x, y: out.fields("initiatives", p, x, y, _ESTIMATE_FIELDS),
        )

    out.keyed(
        "initiatives",
        (),
        {item.id: item for item in old.initiatives},
        {item.id: item for item in new.initiatives},
        lambda item: item.title,
        inner,
    )


def real_moves(ranks: Mapping[str, tuple[int, int]], changed: Iterable[str] = ()) -> set[str]:
    """The initiatives that changed place relative to the others, given id → (old, new rank).

    The rest keep their order among themselves: the largest set whose ranks rise
    together on both sides (a longest increasing subsequence); only the
    initiatives outside it moved. Among equally large sets the one that keeps
    initiatives not in ``changed`` (edited or re-scored ones are the likelier
    movers), then the one with the smaller rank changes, then a fixed order by
    id, is kept. Every choice is symmetric, so swapping old and new ranks gives
    the same answer.
    """
    changed_ids = set(changed)
    ids = sorted(ranks, key=lambda i: ranks[i][0])
    by_id = {item_id: index for index, item_id in enumerate(sorted(ranks))}

    def weight(item_id: str) -> tuple[int, ...]:
        old, new = ranks[item_id]
        return (1, int(item_id not in changed_ids), -abs(new - old), 1 << by_id[item_id])

    # best[i]: the heaviest chain ending at ids[i] whose new ranks rise too. A Fenwick
    # tree over new ranks gives the heaviest chain below a rank in O(log n), so ten
    # thousand initiatives take milliseconds, not the minutes of comparing all pairs.
    slot = {new: n for n, new in enumerate(sorted(new for _old, new in ranks.values()), 1)}
    tree: list[tuple[tuple[int, ...], int] | None] = [None] * (len(ids) + 1)
    best: list[tuple[int, ...]] = []
    before: list[int | None] = []
    for index, item_id in enumerate(ids):
        own = weight(item_id)
        position = slot[ranks[item_id][1]]
        prior: tuple[tuple[int, ...], int] | None = None
        at_or_below = position - 1
        while at_or_below > 0:
            entry = tree[at_or_below]
            if entry is not None and (prior is None or entry[0] > prior[0]):
                prior = entry
            at_or_below -= at_or_below & -at_or_below
        if prior is None:
            total, link = own, None
        else:
            total = tuple(x + y for x, y in zip(prior[0], own, strict=True))
            link = prior[1]
        best.append(total)
        before.append(link)
        upward = position
        while upward < len(tree):
            entry = tree[upward]
            if entry is None or total > entry[0]:
                tree[upward] = (total, index)
            upward += upward & -upward
    kept: set[str] = set()
    at = max(range(len(ids)), key=best.__getitem__, default=None)
    while at is not None:
        kept.add(ids[at])
        at = before[at]
    return set(ranks) - kept


def _compare_ranks(
    old: Plan, new: Plan, method: Method, out: _Collector
) -> tuple[str | None, str, tuple[str, ...], tuple[str, ...]]:
    """Add rank moves; returns (method, why skipped, old top, new top)."""
    try:
        old_ranking = scoring.rank(old, method)
        new_ranking = scoring.rank(new, method)
    except scoring.ScoringError as error:
        return None, str(error) or f"the {method} method cannot rank these plans", (), ()
    old_ranked = {r.id: r for r in old_ranking.results}
    new_ranked = {r.id: r for r in new_ranking.results}
    kept = {item.id for item in old.initiatives} & {item.id for item in new.initiatives}
    both = {
        i: (old_ranked[i].rank, new_ranked[i].rank)
        for i in kept & set(old_ranked) & set(new_ranked)
    }
    changed_ids = {c.path[0] for c in out.changes if c.section == "initiatives"}
    moved = real_moves(both, changed_ids)
    for item_id in sorted(kept):
        a, b = old_ranked.get(item_id), new_ranked.get(item_id)
        old_rank = a.rank if a else None
        new_rank = b.rank if b else None
        if old_rank != new_rank:
            kind: Kind = "shifted" if item_id in both and item_id not in moved else "moved"
            out.changes.append(Change("ranks", kind, (item_id, "rank"), old_rank, new_rank))
        old_quadrant = a.quadrant if a else None
        new_quadrant = b.quadrant if b else None
        if old_quadrant != new_quadrant:
            out.changes.append(
                Change("ranks", "changed", (item_id, "quadrant"), old_quadrant, new_quadrant)
            )
    return (
        str(new_ranking.method),
        "",
        tuple(r.id for r in old_ranking.results[:TOP_N]),
        tuple(r.id for r in new_ranking.results[:TOP_N]),
    )


# --- one plan as lines, for git's textconv --------------------------------------------


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def show_value(value: object) -> str:
    """A value as text for people: numbers without a needless ``.0``, lists joined."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return _number(value)


def _fact(prefix: str, value: object) -> Iterator[str]:
    """``prefix = value``; multi-line text gets one ``prefix | line`` per line."""
    if value is None or value == "" or value == [] or value == {}:
        return
    if isinstance(value, str) and "\n" in value:
        for line in value.splitlines():
            yield f"{prefix} | {line}".rstrip()
        return
    yield f"{prefix} = {show_value(value)}"


def plan_as_lines(plan: Plan, method: Method | None = None) -> list[str]:
    """The plan as stable plain-text facts, one per line, for ``git diff`` (textconv).

    Lines read like ``initiative web-chat: effort = 2`` and
    ``areas.insight.maturity_today = 2``; the ranking under ``method`` (default:
    the plan's) closes the text. Empty values are left out.
    """
    lines: list[str] = []
    for name in _META_FIELDS:
        if name == "schema_version":
            continue
        lines.extend(_fact(name, getattr(plan, name)))
    for participant in plan.participants:
        lines.append(f"participant = {participant}")
    for name in ("today", "target", "how"):
        lines.extend(_fact(f"strategy.{name}", getattr(plan.strategy, name)))
    for name in ("effort", "customer_value", "efficiency"):
        scale: Scale = getattr(plan.scales, name)
        lines.append(f"scales.{name} = {scale.min}..{scale.max}")
        for key, anchor in scale.anchors.items():
            lines.extend(_fact(f"scales.{name}.{key}", anchor))
    scoring_settings = plan.scoring
    for name in ("method", "value_weight", "efficiency_weight"):
        lines.extend(_fact(f"scoring.{name}", getattr(scoring_settings, name)))
    for name in ("impact_threshold", "effort_threshold"):
        lines.extend(_fact(f"scoring.{name}", getattr(scoring_settings, name)))
    for criterion in scoring_settings.criteria:
        lines.append(
            f"scoring.criterion {criterion.id} = weight {_number(criterion.weight)}, "
            f"{criterion.min}..{criterion.max}"
            + (f", {criterion.label}" if criterion.label else "")
        )
    for area in AREAS:
        data = plan.areas.get(area.id)
        prefix = f"areas.{area.id}"
        lines.extend(_fact(f"{prefix}.maturity_today", data.maturity_today))
        lines.extend(_fact(f"{prefix}.maturity_target", data.maturity_target))
        lines.extend(_fact(f"{prefix}.gap", data.gap))
        for name in ("today", "target", "how"):
            lines.extend(_fact(f"{prefix}.{name}", getattr(data, name)))
        for table in AREA_TABLES.get(area.id, ()):
            for key, row in _rows_by_key(getattr(data, table)).items():
                row_prefix = f"{prefix}.{table}[{key}]"
                lines.append(row_prefix)
                for name in type(row).model_fields:
                    lines.extend(_fact(f"{row_prefix}.{name}", getattr(row, name)))
    for item in plan.initiatives:
        prefix = f"initiative {item.id}:"
        for name in _INITIATIVE_FIELDS:
            lines.extend(_fact(f"{prefix} {name}", getattr(item, name)))
        for key, score in item.criteria.items():
            lines.append(f"{prefix} criteria.{key} = {_number(score)}")
        for estimate in item.estimates:
            lines.append(f"{prefix} estimate {estimate.participant}: {_estimate_text(estimate)}")
    for key, value in plan.extra.items():
        lines.append(f"extra.{key} = {show_value(_extra_value(value))}")
    lines.extend(_ranking_lines(plan, method or plan.scoring.method))
    return lines


def _ranking_lines(plan: Plan, method: Method) -> list[str]:
    try:
        ranking = scoring.rank(plan, method)
    except scoring.ScoringError as error:
        return [f"ranking ({method}) not possible: {error}"]
    return [
        f"rank {result.rank} ({ranking.method}): {result.id}, score {_score(result.score)}, "
        f"{QUADRANTS.label(str(result.quadrant)).lower()}"
        for result in ranking.results
    ]


def _score(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return show_value(value)


# --- rendering a comparison -----------------------------------------------------------

Styler = Callable[[str, Kind | Literal["heading", "plain"]], str]
"""Colours a piece of text by what it shows; the CLI passes click.style, tests pass none."""

SECTION_TITLES: Final[dict[Section, str]] = {
    "metadata": "Metadata",
    "strategy": "Strategy",
    "scales": "Scales",
    "scoring": "Scoring settings",
    "areas": "Areas",
    "initiatives": "Initiatives",
    "ranks": "Ranking",
    "extra": "Extra",
}
_AREA_NAMES: Final[dict[str, str]] = {area.id: area.name for area in AREAS}


def _no_style(text: str, _kind: str) -> str:
    return text


def _quote(value: Value) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if value is None:
        return "(none)"
    return show_value(value)


def _is_long_text(change: Change) -> bool:
    return any(
        isinstance(value, str) and ("\n" in value or len(value) > 60)
        for value in (change.old, change.new)
    )


def where(change: Change) -> str:
    """Where a change is, for people, without its section (and area) heading.

    ``kpis[CSAT / all].baseline``, ``web-chat.estimates.Anna.effort``, ``title``.
    """
    path = change.path
    if change.section == "areas":
        path = path[1:]
        if len(path) >= 2 and path[0] in _TABLE_NAMES:
            rest = "." + ".".join(path[2:]) if len(path) > 2 else ""
            return f"{path[0]}[{path[1]}]{rest}"
        return ".".join(path)
    return ".".join(path)


_TABLE_NAMES: Final = frozenset(name for tables in AREA_TABLES.values() for name in tables)


NO_EFFECT: Final = "(estimates decide its rank; no effect)"
"""Said of a score change that participants' estimates override."""


def describe(change: Change) -> str:
    """A change in one line: ``+ kpis[NPS / web]``, ``effort: 3 → 2``, ``faq: rank 4 → 1``.

    User text in it is made literal (:func:`kxplan.literal.printable`).
    """
    return printable(_describe(change))


def _describe(change: Change) -> str:
    if change.kind in {"added", "removed"}:
        sign, value = ("+", change.new) if change.kind == "added" else ("-", change.old)
        shown = show_value(value)
        return f"{sign} {where(change)}" + ("" if shown == change.path[-1] else f": {shown}")
    if change.kind in {"moved", "shifted"}:
        return f"{change.path[0]}: rank {_rank(change.old)} → {_rank(change.new)}"
    if change.section == "ranks":
        return f"{change.path[0]}: {_quadrant(change.old)} → {_quadrant(change.new)}"
    if _is_long_text(change):
        return f"{where(change)}: text changed"
    trend = f" ({change.trend})" if change.trend else ""
    note = f" {NO_EFFECT}" if change.no_effect else ""
    return f"{where(change)}: {_quote(change.old)} → {_quote(change.new)}{trend}{note}"


def _rank(value: Value) -> str:
    return "unranked" if value is None else str(value)


def _quadrant(value: Value) -> str:
    return "(none)" if value is None else QUADRANTS.label(str(value)).lower()


def _groups(comparison: Comparison) -> Iterator[tuple[Section, str | None, list[Change]]]:
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


def _top_line(comparison: Comparison) -> str:
    came_in = [i for i in comparison.top_new if i not in comparison.top_old]
    went_out = [i for i in comparison.top_old if i not in comparison.top_new]
    if not came_in and not went_out:
        return ""
    return (
        f"top {TOP_N}: in {', '.join(came_in) or '(none)'}; out {', '.join(went_out) or '(none)'}"
    )


def format_text(
    comparison: Comparison, old_name: str, new_name: str, style: Styler = _no_style
) -> str:
    """The comparison as plain text (coloured through ``style``)."""
    lines = [
        style(f"--- {printable(old_name)}", "removed"),
        style(f"+++ {printable(new_name)}", "added"),
        printable(comparison.summary()),
    ]
    if comparison.ranks_skipped:
        lines.append(f"ranks not compared: {printable(comparison.ranks_skipped)}")
    for section, area_id, changes in _groups(comparison):
        indent = "  "
        if area_id is not None:
            lines.append("")
            lines.append(style(f"{SECTION_TITLES[section]}: {_AREA_NAMES[area_id]}", "heading"))
        else:
            title = SECTION_TITLES[section]
            if section == "ranks":
                title += f" ({comparison.method})"
            lines.append("")
            lines.append(style(title, "heading"))
        for change in changes:
            if change.kind == "shifted":
                continue
            lines.append(indent + style(describe(change), change.kind))
            if change.kind == "changed" and _is_long_text(change):
                for diff_line in change.line_diff():
                    kind: Kind = "removed" if diff_line.startswith("-") else "added"
                    lines.append(indent * 2 + style(printable(diff_line), kind))
        if section == "ranks" and shifted_note(comparison):
            lines.append(indent + shifted_note(comparison))
        if section == "ranks" and _top_line(comparison):
            lines.append(indent + _top_line(comparison))
    return "\n".join(lines) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _md(text: str) -> str:
    """User text made literal in Markdown: controls spelled out, then Markdown's specials and
    a leading list or heading mark escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", printable(text))
    return "\\" + escaped if escaped[:1] in {"-", "+", "#"} else escaped


def format_markdown(comparison: Comparison, old_name: str, new_name: str) -> str:
    """The comparison as Markdown: a heading per section, a bullet per change."""
    lines = [
        f"# Changes from {_md(old_name)} to {_md(new_name)}",
        "",
        f"**Summary:** {_md(comparison.summary())}",
    ]
    if comparison.ranks_skipped:
        lines += ["", f"Ranks not compared: {_md(comparison.ranks_skipped)}"]
    for section, area_id, changes in _groups(comparison):
        title = SECTION_TITLES[section]
        if area_id is not None:
            title += f": {_AREA_NAMES[area_id]}"
        elif section == "ranks":
            title += f" ({comparison.method})"
        lines += ["", f"## {title}", ""]
        for change in changes:
            if change.kind == "shifted":
                continue
            lines.append(f"- {_md(describe(change))}")
            if change.kind == "changed" and _is_long_text(change):
                diff = ("  " + printable(d) for d in change.line_diff())
                lines += ["", "  ````diff", *diff, "  ````"]
        if section == "ranks" and shifted_note(comparison):
            lines.append(f"- {_md(shifted_note(comparison))}")
        if section == "ranks" and _top_line(comparison):
            lines.append(f"- {_md(_top_line(comparison))}")
    return "\n".join(lines) + "\n"


def _json_value(value: Value) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def to_json_data(comparison: Comparison) -> dict[str, Any]:
    """The comparison as JSON-ready data: grouped views plus the flat list of changes."""
    initiatives: dict[str, Any] = {
        "added": comparison.initiatives_added,
        "removed": comparison.initiatives_removed,
        "changed": {
            item_id: {name: [_json_value(a), _json_value(b)] for name, (a, b) in fields.items()}
            for item_id, fields in comparison.initiatives_changed.items()
        },
        "moved": {
            c.path[0]: [c.old, c.new]
            for c in comparison.changes
            if c.section == "ranks" and c.kind in {"moved", "shifted"}
        },
        "really_moved": list(comparison.rank_moves),
        "shifted": list(comparison.rank_shifts),
        "quadrant": {
            c.path[0]: [c.old, c.new]
            for c in comparison.changes
            if c.section == "ranks" and c.kind == "changed"
        },
        "no_effect": [c.dotted for c in comparison.changes if c.no_effect],
    }
    areas: dict[str, Any] = {}
    for change in comparison.in_section("areas"):
        area = areas.setdefault(change.path[0], {})
        rest = change.path[1:]
        if rest[0] in _TABLE_NAMES:
            table = area.setdefault(rest[0], {"added": [], "removed": [], "changed": {}})
            if change.kind == "added":
                table["added"].append(rest[1])
            elif change.kind == "removed":
                table["removed"].append(rest[1])
            else:
                row = table["changed"].setdefault(rest[1], {})
                row[".".join(rest[2:])] = [_json_value(change.old), _json_value(change.new)]
                if change.trend:
                    row["trend"] = change.trend
        else:
            area[".".join(rest)] = [_json_value(change.old), _json_value(change.new)]

    def flat(section: Section) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for change in comparison.in_section(section):
            result[change.dotted] = [_json_value(change.old), _json_value(change.new)]
        return result

    return {
        "differs": comparison.differs,
        "summary": comparison.summary(),
        "method": comparison.method,
        "ranks_skipped": comparison.ranks_skipped or None,
        "metadata": flat("metadata"),
        "strategy": flat("strategy"),
        "scales": flat("scales"),
        "scoring": flat("scoring"),
        "areas": areas,
        "initiatives": initiatives,
        "top": {"old": list(comparison.top_old), "new": list(comparison.top_new)},
        "extra": flat("extra"),
        "changes": [
            {
                "section": c.section,
                "kind": c.kind,
                "path": list(c.path),
                "old": _json_value(c.old),
                "new": _json_value(c.new),
                **({"trend": c.trend} if c.trend else {}),
                **({"no_effect": True} if c.no_effect else {}),
            }
            for c in comparison.changes
        ],
    }


def format_json(comparison: Comparison) -> str:
    """The comparison as indented JSON text."""
    return json_escaped(json.dumps(to_json_data(comparison), indent=2, ensure_ascii=False)) + "\n"
