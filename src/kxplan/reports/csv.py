"""The initiatives as CSV: every field and its ranking result, one row per initiative.

Written the one way kxplan writes CSV (:mod:`kxplan.text.csv`).
"""

from __future__ import annotations

from typing import Final

from kxplan.i18n import language
from kxplan.model import Initiative, Plan
from kxplan.reports.results import Results, compute
from kxplan.scoring import RankedInitiative
from kxplan.text import csv

USED_NUMBERS: Final = (
    "score",
    "effort",
    "impact",
    "customer_value",
    "efficiency",
    "confidence",
    "reach",
)
"""The ranking's numbers in the CSV and JSON: what the rank was worked out from."""

CSV_COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "title",
    "areas",
    "why",
    "what",
    "who",
    "when",
    "how",
    "status",
    "own_effort",
    "own_customer_value",
    "own_efficiency",
    "own_confidence",
    "own_reach",
    "reach_period",
    "time_criticality",
    "risk_reduction",
    "criteria",
    "depends_on",
    "notes",
    "addresses",
    "started",
    "finished",
    "actual_effort",
    "outcome",
    "rank",
    *USED_NUMBERS,
    "quadrant",
    "agreement",
)
"""CSV header: every initiative field, then the ranking results.

``own_*`` are the initiative's own scores as written in the plan (``reach_period`` the
period of its reach); ``addresses`` the rows it addresses, ``table: key / key``
separated by ``; `` (:func:`addresses_cell`); dates as ISO dates; ``effort`` to
``reach`` after ``score`` are the numbers the rank used (the median of the
participants' estimates where there are any), empty when the initiative is not ranked.
"""


def csv_order(plan: Plan, results: Results) -> list[Initiative]:
    """Every initiative once: ranked in rank order, then unscored, then closed, then the rest."""
    by_id = {i.id: i for i in plan.initiatives}
    ordered = [by_id[r.id] for r in results.ranking.results if r.id in by_id]
    ordered += list(results.unscored) + list(results.closed)
    seen = {i.id for i in ordered}
    ordered += [i for i in plan.initiatives if i.id not in seen]
    unique: dict[str, Initiative] = {}
    for item in ordered:
        unique.setdefault(item.id, item)
    return list(unique.values())


def to_csv(
    plan: Plan,
    results: Results | None = None,
    *,
    delimiter: str | None = None,
    decimal: str | None = None,
) -> str:
    """One row per initiative with every field and its ranking result (CRLF, quotes
    where needed). Separated and with decimals as a spreadsheet in the plan's language
    expects (``;`` and ``2,5`` in Swedish, ``,`` and ``2.5`` in English), unless
    ``delimiter`` or ``decimal`` (characters) say otherwise; ValueError if both are ``,``.
    """
    style = csv.style_for(plan.document_language, delimiter, decimal)
    if results is None:
        with language(plan.document_language):
            results = compute(plan, with_robustness=False)
    by_result = {r.id: r for r in results.ranking.results}
    records = (_record(item, by_result.get(item.id), style) for item in csv_order(plan, results))
    return csv.records(CSV_COLUMNS, records, style)


def addresses_cell(item: Initiative) -> str:
    """The rows an initiative addresses in one cell, in the file's words:
    ``contact_reasons: Where is my order? / phone; kpis: CSAT / phone``."""
    return "; ".join(f"{link.table}: {' / '.join(link.key)}" for link in item.addresses)


def _record(
    item: Initiative, result: RankedInitiative | None, style: csv.Style
) -> dict[str, object]:
    row: dict[str, object] = {
        "id": item.id,
        "title": item.title,
        "areas": ";".join(item.areas),
        "why": item.why,
        "what": item.what,
        "who": item.who,
        "when": item.when,
        "how": item.how,
        "status": item.status,
        "own_effort": item.effort,
        "own_customer_value": item.customer_value,
        "own_efficiency": item.efficiency,
        "own_confidence": item.confidence,
        "own_reach": item.reach,
        "reach_period": item.reach_period,
        "time_criticality": item.time_criticality,
        "risk_reduction": item.risk_reduction,
        "criteria": ";".join(f"{k}={csv.cell(float(v), style)}" for k, v in item.criteria.items()),
        "depends_on": ";".join(item.depends_on),
        "notes": item.notes,
        "addresses": addresses_cell(item),
        "started": item.started.isoformat() if item.started else None,
        "finished": item.finished.isoformat() if item.finished else None,
        "actual_effort": item.actual_effort,
        "outcome": item.outcome,
        "rank": result.rank if result else None,
        "quadrant": result.quadrant if result else None,
        "agreement": result.agreement if result else None,
    }
    for name in USED_NUMBERS:
        used = getattr(result, name) if result else None
        row[name] = None if used is None else float(used)
    return row
