"""Compare two versions of a plan: a pure, typed list of what changed.

:func:`compare` matches initiatives by their stable id (a new title is a change
of title, not a removal and an addition) and the rows of each area's tables by
their natural key (:data:`kxplan.model.tables.TABLES_BY_AREA`), and returns a
:class:`~kxplan.versions.changes.Comparison`. Nothing here prints: the renderers
are in :mod:`kxplan.reports.comparison`.

Ranks are worked out with :func:`kxplan.scoring.rank` under one method for
both sides: the new plan's method unless one is given, so a rank move means the
initiative moved, not that the yardstick changed. When the method cannot apply
to one of the plans the rank part is skipped and ``Comparison.ranks_skipped``
says why.

The comparison of a plan with itself is empty, and ``compare(b, a)`` equals
``compare(a, b).mirrored()`` when both use the same method. Changes are in a
canonical order (sections in order, items by key, fields in model order) so that
holds exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from pydantic import BaseModel

from kxplan import scoring
from kxplan.framework import MEASURES_BY_ID, Method
from kxplan.i18n import _
from kxplan.model import SCORE_FIELDS, AreaBase, Initiative, Kpi, Plan, Scale
from kxplan.model.tables import TABLES_BY_AREA, AreaTable
from kxplan.versions.changes import TOP_N, Change, Comparison, Kind, Section, Trend, Value
from kxplan.versions.moves import real_moves
from kxplan.versions.values import (
    ESTIMATE_FIELDS,
    INITIATIVE_FIELDS,
    META_FIELDS,
    estimate_text,
    extra_value,
    plain_value,
    rows_by_key,
    shown_row_key,
)


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
                section,
                (*prefix, name),
                plain_value(getattr(old, name)),
                plain_value(getattr(new, name)),
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
        extra_value,
        lambda path, a, b: out.value("extra", path, extra_value(a), extra_value(b)),
    )
    return Comparison(
        changes=tuple(out.changes),
        method=ranks[0],
        ranks_skipped=ranks[1],
        top_old=ranks[2],
        top_new=ranks[3],
    )


def _compare_metadata(old: Plan, new: Plan, out: _Collector) -> None:
    for name in META_FIELDS:
        out.value(
            "metadata", (name,), plain_value(getattr(old, name)), plain_value(getattr(new, name))
        )
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
        for table in TABLES_BY_AREA.get(area_id, ()):
            _compare_table(table, (old, a), (new, b), out)


def _compare_table(
    table: AreaTable,
    old: tuple[Plan, AreaBase],
    new: tuple[Plan, AreaBase],
    out: _Collector,
) -> None:
    old_rows: list[BaseModel] = getattr(old[1], table.attribute)
    new_rows: list[BaseModel] = getattr(new[1], table.attribute)
    if old_rows == new_rows:
        return
    first = len(out.changes)

    def inner(path: tuple[str, ...], x: BaseModel, y: BaseModel) -> None:
        for name in type(x).model_fields:
            old_value, new_value = plain_value(getattr(x, name)), plain_value(getattr(y, name))
            trend: Trend | None = None
            if name == "baseline" and isinstance(x, Kpi) and isinstance(y, Kpi):
                trend = kpi_trend(x, y)
            out.value("areas", (*path, name), old_value, new_value, trend)

    old_by_key, new_by_key = rows_by_key(table, old_rows), rows_by_key(table, new_rows)
    out.keyed("areas", (table.area, table.attribute), old_by_key, new_by_key, table.key_text, inner)
    shown = {key: shown_row_key(table, key, row, old[0]) for key, row in old_by_key.items()}
    shown |= {key: shown_row_key(table, key, row, new[0]) for key, row in new_by_key.items()}
    out.changes[first:] = [
        replace(change, shown_key=shown[change.path[2]]) for change in out.changes[first:]
    ]


# --- initiatives ----------------------------------------------------------------------


def _estimated(item: Initiative, score: str) -> bool:
    """True when some participant estimated ``score``, so the item's own value is not used."""
    return any(getattr(estimate, score) is not None for estimate in item.estimates)


def _compare_initiatives(old: Plan, new: Plan, out: _Collector) -> None:
    def inner(path: tuple[str, ...], a: Initiative, b: Initiative) -> None:
        for name in INITIATIVE_FIELDS:
            old_value, new_value = plain_value(getattr(a, name)), plain_value(getattr(b, name))
            no_effect = name in SCORE_FIELDS and _estimated(a, name) and _estimated(b, name)
            out.value("initiatives", (*path, name), old_value, new_value, None, no_effect)
        out.keyed(
            "initiatives",
            (*path, "criteria"),
            a.criteria,
            b.criteria,
            plain_value,
            lambda p, x, y: out.value("initiatives", p, x, y),
        )
        out.keyed(
            "initiatives",
            (*path, "estimates"),
            {e.participant: e for e in a.estimates},
            {e.participant: e for e in b.estimates},
            estimate_text,
            lambda p, x, y: out.fields("initiatives", p, x, y, ESTIMATE_FIELDS),
        )

    out.keyed(
        "initiatives",
        (),
        {item.id: item for item in old.initiatives},
        {item.id: item for item in new.initiatives},
        lambda item: item.title,
        inner,
    )


def _compare_ranks(
    old: Plan, new: Plan, method: Method, out: _Collector
) -> tuple[str | None, str, tuple[str, ...], tuple[str, ...]]:
    """Add rank moves; returns (method, why skipped, old top, new top)."""
    try:
        old_ranking = scoring.rank(old, method)
        new_ranking = scoring.rank(new, method)
    except scoring.ScoringError as error:
        why = str(error) or _("the {method} method cannot rank these plans").format(method=method)
        return None, why, (), ()
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
