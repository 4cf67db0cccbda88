"""Ranking a plan: the suggested order of its initiatives under one method."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from kxplan.framework import METHODS, Agreement, AreaId, Method, Quadrant
from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.scoring.estimates import Spread, agreement_of, estimated, spreads
from kxplan.scoring.explanations import explain, plain_text
from kxplan.scoring.methods import Scored, columns, evaluate, lacking_label, scored, select
from kxplan.scoring.order import dependency_indices, sort_keys, suggested_order
from kxplan.scoring.parts import Part
from kxplan.scoring.rules import Aggregate, Rules, ScoringError, rules_of


@dataclass(frozen=True)
class RankedInitiative:
    """One initiative's place in the ranking and the numbers behind it.

    ``spreads``, ``agreement`` and the explanation are worked out the first time
    they are read, so ranking a large plan stays cheap.
    """

    id: str
    title: str
    rank: int
    """1-based position in the suggested order."""
    score: float
    """The method's score (for ``quadrant``: the ratio used within the quadrant)."""
    effort: float
    impact: float
    customer_value: float
    efficiency: float
    """On the plan's efficiency scale (impact uses it mapped onto the value scale)."""
    confidence: float | None
    reach: float | None
    quadrant: Quadrant
    participants: int
    """Number of participant estimates."""
    moved_by_dependency: str | None
    """Id of the dependency that pushed it down the order, if any."""
    _detail: Scored = dataclasses.field(repr=False, compare=False)
    """What the lazily worked-out attributes are made from."""

    @functools.cached_property
    def spreads(self) -> dict[str, Spread]:
        """Spread of each score that has at least one estimate."""
        detail = self._detail
        return spreads(estimated(detail.item), detail.rules.spans)

    @functools.cached_property
    def agreement(self) -> Agreement | None:
        """Lowest agreement over effort, value and efficiency; None with fewer than 2 estimates."""
        if self.participants < 2:  # no spreads to work out
            return None
        return agreement_of(self._detail.item, self._detail.rules.spans)

    @functools.cached_property
    def explanation_parts(self) -> tuple[Part, ...]:
        """Why this rank, as parts each view phrases: the arithmetic, the quadrant, what
        moved it."""
        detail = self._detail
        return explain(
            detail.rules,
            detail,
            self.impact,
            self.score,
            self.quadrant,
            self.moved_by_dependency,
        )

    @property
    def explanation(self) -> str:
        """The explanation in plain words, as ``kxplan rank`` and the exports write it, in
        the current language (worked out at each read, so a language block is heeded)."""
        return plain_text(self.explanation_parts)


@dataclass(frozen=True, slots=True)
class Ranking:
    """The suggested order of a plan's initiatives under one method."""

    method: Method
    results: list[RankedInitiative]
    """Ranked initiatives, in the suggested order."""
    unscored: list[str]
    """Ids of open initiatives lacking effort or impact: listed, not ranked."""
    excluded: list[str]
    """Ids left out: done or dropped, or not serving the chosen area."""
    impact_threshold: float
    effort_threshold: float
    lacking: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    """Open initiatives with effort and impact that the method still cannot rank
    (``rank(..., partial=True)``), by id: what each lacks, in the method's order —
    ``"reach"``, ``"time_criticality"``, ``"risk_reduction"``, ``"criterion 'cost'"``
    (see :func:`lacking_label`)."""

    def by_id(self) -> dict[str, RankedInitiative]:
        """Results keyed by initiative id."""
        return {item.id: item for item in self.results}


def prepare(
    plan: Plan,
    method: Method | None,
    include_closed: bool,
    area: AreaId | None,
    aggregate: Aggregate,
) -> tuple[Rules, list[Scored], list[str], list[str]]:
    """The rules, the scored initiatives (in id order), and the unscored and excluded ids."""
    rules, found, unscored, excluded, _lacking = _prepare(
        plan, method, include_closed, area, aggregate, partial=False
    )
    return rules, found, unscored, excluded


def _prepare(
    plan: Plan,
    method: Method | None,
    include_closed: bool,
    area: AreaId | None,
    aggregate: Aggregate,
    *,
    partial: bool,
) -> tuple[Rules, list[Scored], list[str], list[str], dict[str, tuple[str, ...]]]:
    rules = rules_of(plan, method, aggregate)
    chosen, excluded = select(plan, include_closed, area)
    found, unscored, lacking = scored(rules, chosen, partial=partial, plan=plan)
    return rules, found, unscored, excluded, lacking


def _result(**fields: object) -> RankedInitiative:
    """A RankedInitiative built without the frozen dataclass's per-field ``__setattr__``.

    Same attributes as ``RankedInitiative(**fields)``, several times faster, which
    matters when a plan has thousands of initiatives.
    """
    result = object.__new__(RankedInitiative)
    result.__dict__.update(fields)
    return result


def rank(
    plan: Plan,
    method: Method | None = None,
    *,
    include_closed: bool = False,
    area: AreaId | None = None,
    aggregate: Aggregate = "median",
    partial: bool = False,
) -> Ranking:
    """Rank the plan's initiatives by ``method`` (default: the plan's own).

    Done and dropped initiatives are left out unless ``include_closed``; with
    ``area`` only initiatives serving that area are ranked. Raises
    :class:`ScoringError` when the method needs scores some initiatives lack —
    unless ``partial``: then it ranks the others and lists those in
    :attr:`Ranking.lacking` with what each lacks. (A method the plan cannot use at
    all, weighted without criteria, raises either way.)
    """
    rules, found, unscored, excluded, lacking = _prepare(
        plan, method, include_closed, area, aggregate, partial=partial
    )
    cols = columns(rules, found)
    impacts, scores, groups = evaluate(rules, cols, rules.value_weight, rules.efficiency_weight)
    keys = sort_keys(impacts, scores, groups, cols.effort)
    order, moved = suggested_order(keys, *dependency_indices(found))

    results: list[RankedInitiative] = []
    for position, index in enumerate(order, 1):
        s = found[index]
        impact, score = impacts[index], scores[index]
        blocker = found[moved[index]].item.id if moved[index] >= 0 else None
        results.append(
            _result(
                id=s.item.id,
                title=s.item.title,
                rank=position,
                score=score,
                effort=s.effort,
                impact=impact,
                customer_value=s.value,
                efficiency=s.efficiency,
                confidence=s.confidence,
                reach=s.reach,
                quadrant=rules.quadrant(impact, s.effort),
                participants=len(s.item.estimates),
                moved_by_dependency=blocker,
                _detail=s,
            )
        )
    return Ranking(
        method=rules.method,
        results=results,
        unscored=unscored,
        excluded=excluded,
        impact_threshold=rules.impact_threshold,
        effort_threshold=rules.effort_threshold,
        lacking=lacking,
    )


def lacking_sentence(ranking: Ranking, titles: dict[str, str] | None = None) -> list[str]:
    """One line per initiative the method could not rank for want of its inputs:
    ``Web chat (web-chat): lacks reach`` (``titles`` by id; without, the id alone)."""
    lines = []
    for item_id, needs in ranking.lacking.items():
        title = (titles or {}).get(item_id)
        name = f"{title} ({item_id})" if title else item_id
        lines.append(
            _("{name}: lacks {needs}").format(
                name=name, needs=", ".join(lacking_label(n) for n in needs)
            )
        )
    return lines


def applicable_methods(plan: Plan, *, partial: bool = False) -> list[Method]:
    """The methods that can rank the plan's open initiatives, in the vocabulary's order;
    with ``partial``, also those that can rank only some (every one but a weighted
    method without criteria)."""
    usable: list[Method] = []
    for method in METHODS.keys:
        try:
            rank(plan, method, partial=partial)
        except ScoringError:
            continue
        usable.append(method)
    return usable
