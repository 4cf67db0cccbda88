"""Prioritisation engine: from a plan to a suggested order of its initiatives.

Pure functions over :class:`~kxplan.model.Plan`; nothing here knows about the
terminal. The modules: :mod:`.rules` (the plan's weights, scales and thresholds),
:mod:`.estimates` (combining participants' estimates, agreement), :mod:`.methods`
(each method's needs and formula), :mod:`.order` (the suggested order with
dependencies), :mod:`.ranking`, :mod:`.explanations` (why a rank, as typed parts)
and :mod:`.robustness`. :func:`rank` orders the initiatives by the plan's method (or the one
asked for), :func:`robustness` tells how firmly each keeps its place when the
participants' estimates are resampled and the impact weights nudged, and
:func:`applicable_methods` lists the methods the plan has the scores for.

Rules, in short (docs/ranking.md has the long version):

* impact = weighted mean of customer value and efficiency potential (weights
  ``scoring.value_weight`` and ``scoring.efficiency_weight``), on the
  customer-value scale; efficiency is mapped onto that scale first when the
  two scales differ;
* a score with participant estimates is their median (or mean) and falls back
  to the initiative's own value when no estimate gives it;
* high impact means impact **at or above** the impact threshold, high effort
  means effort **above** the effort threshold (both default to mid-scale), so
  a value exactly on a threshold counts as the favourable side;
* ties go to higher impact, then lower effort, then the id;
* an initiative never comes before one it depends on (priority-queue
  topological order); dependencies on closed, unscored or filtered-out
  initiatives do not hold anything back;
* divisions by effort use at least 0.5, so an effort of 0 (possible on a scale
  starting at 0) gives a large but finite score;
* RICE and ICE count a missing confidence as 100 %; RICE needs reach and WSJF
  needs time criticality and risk reduction on every ranked initiative, and
  raise :class:`ScoringError` naming the ones that lack them — or, with
  ``rank(..., partial=True)``, rank the others and list those in
  :attr:`Ranking.lacking` with what each lacks.
"""

from collections.abc import Iterator, Mapping
from typing import Final

from kxplan.framework import METHODS as _METHOD_TERMS
from kxplan.framework import Agreement, Method
from kxplan.scoring.estimates import (
    AGREEMENT_FIELDS,
    AGREEMENT_HIGH,
    AGREEMENT_MEDIUM,
    ESTIMATED_FIELDS,
    Spread,
)
from kxplan.scoring.explanations import number, phrase, plain_text
from kxplan.scoring.methods import lacking_label
from kxplan.scoring.parts import Part
from kxplan.scoring.ranking import (
    RankedInitiative,
    Ranking,
    applicable_methods,
    lacking_sentence,
    rank,
)
from kxplan.scoring.robustness import (
    DEFAULT_TOP_K,
    ROBUST_PERCENTILES,
    UNSTABLE_SHARE,
    Robustness,
    _multisets,
    _Resampler,
    default_samples,
    is_unstable,
    robustness,
    unstable_rule,
)
from kxplan.scoring.rules import DEFAULT_CONFIDENCE, MIN_EFFORT_DIVISOR, Aggregate, ScoringError

METHODS: Final[tuple[Method, ...]] = _METHOD_TERMS.keys
"""Every ranking method's key, in the order they are offered (from the vocabulary)."""


class _MethodLabels(Mapping[str, str]):
    """Method key → label in the current language, read from the vocabulary."""

    def __getitem__(self, key: str) -> str:
        if key not in _METHOD_TERMS:
            raise KeyError(key)
        return _METHOD_TERMS.label(key)

    def __iter__(self) -> Iterator[str]:
        return iter(_METHOD_TERMS.keys)

    def __len__(self) -> int:
        return len(_METHOD_TERMS)


METHOD_LABELS: Final[Mapping[str, str]] = _MethodLabels()
"""Method key → label, read from the vocabulary in the current language (for callers of
the old name)."""

__all__ = [
    "AGREEMENT_FIELDS",
    "AGREEMENT_HIGH",
    "AGREEMENT_MEDIUM",
    "DEFAULT_CONFIDENCE",
    "DEFAULT_TOP_K",
    "ESTIMATED_FIELDS",
    "METHODS",
    "METHOD_LABELS",
    "MIN_EFFORT_DIVISOR",
    "ROBUST_PERCENTILES",
    "UNSTABLE_SHARE",
    "Aggregate",
    "Agreement",
    "Part",
    "RankedInitiative",
    "Ranking",
    "Robustness",
    "ScoringError",
    "Spread",
    "_Resampler",
    "_multisets",
    "applicable_methods",
    "default_samples",
    "is_unstable",
    "lacking_label",
    "lacking_sentence",
    "number",
    "phrase",
    "plain_text",
    "rank",
    "robustness",
    "unstable_rule",
]
