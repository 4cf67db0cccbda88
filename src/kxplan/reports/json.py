"""The whole plan and every computed figure as JSON, for other tools.

Every computed number goes through :func:`~kxplan.text.numbers.data_number`: whole
numbers as integers, no float noise, null where not finite (JSON has no infinity).
"""

from __future__ import annotations

import json
import math
from typing import Any, Final

from kxplan import __version__, scoring
from kxplan.i18n import language
from kxplan.model import SCHEMA_VERSION, Plan
from kxplan.model.evidence import RowIndex
from kxplan.model.figures import demand_totals
from kxplan.model.linked_figures import kpi_moves, linked_demand, reach_per_month
from kxplan.reports.kpi_progress import kpi_data
from kxplan.reports.results import Results, compute
from kxplan.reports.words import currency
from kxplan.text.literal import json_escaped
from kxplan.text.numbers import data_number


def to_json(plan: Plan, results: Results | None = None) -> str:
    """The whole plan and every computed figure, for other tools (UTF-8, 2-space indent).
    Numbers are data (``2.5``) in any language; the texts kxplan writes (the ranks'
    explanations) are in the plan's language."""
    with language(plan.document_language):
        data = _finite(json_data(plan, results or compute(plan)))
    return json_escaped(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"


def _finite(data: Any) -> Any:
    """``data`` with every infinite or NaN float as None (JSON has no such numbers)."""
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_finite(value) for value in data]
    if isinstance(data, float) and not math.isfinite(data):
        return None
    return data


def json_data(plan: Plan, results: Results) -> dict[str, Any]:
    """The JSON export as plain data: plan, ranking and derived figures."""
    ranking = results.ranking
    totals = demand_totals(plan)
    return {
        "kxplan": __version__,
        "schema": SCHEMA_VERSION,
        "plan": plan.model_dump(mode="json", by_alias=True),
        "results": {
            "method": ranking.method,
            "impact_threshold": data_number(ranking.impact_threshold),
            "effort_threshold": data_number(ranking.effort_threshold),
            "ranking": [_result(r, results) for r in ranking.results],
            "unscored": [i.id for i in results.unscored],
            "closed": [i.id for i in results.closed],
            "areas": {
                area_id: {
                    "maturity_today": data_number(item.maturity_today),
                    "maturity_target": data_number(item.maturity_target),
                    "gap": item.gap,
                }
                for area_id, item in plan.areas.items()
            },
            "kpis": [
                {
                    "label": k.label,
                    "channel": k.channel,
                    "unit": k.shown_unit,
                    "scale": k.scale_key,
                    "nps_from_shares": data_number(k.nps_from_shares),
                    **{key: value for key, value in kpi_data(k).items() if key in KPI_PROGRESS},
                }
                for k in plan.areas.insight.kpis
            ],
            "evidence": evidence_data(plan),
            "contact_reasons": [
                {
                    "reason": r.reason,
                    "channel": r.channel,
                    "avoidable_per_month": data_number(r.avoidable_per_month),
                    "avoidable_cost_per_month": data_number(plan.avoidable_cost_per_month(r)),
                }
                for r in plan.areas.unnecessary_demand.contact_reasons
            ],
            "demand_totals": totals.data(),
        },
    }


KPI_PROGRESS: Final = ("target_date", "latest", "progress", "trend_per_month", "on_track")
"""What each KPI's results add from its readings (as ``kxplan show --format json``)."""


def evidence_data(plan: Plan) -> list[dict[str, Any]]:
    """Each initiative that addresses rows or counts its reach over a period: its reach
    a month and where it comes from, the avoidable contacts and money its linked contact
    reasons would save a month, and the explanation of each (in the plan's language)."""
    index = RowIndex(plan)
    found = []
    for item in plan.initiatives:
        if not item.addresses and not item.reach_period:
            continue
        reach = reach_per_month(plan, item, index)
        demand = linked_demand(plan, item, index)
        found.append(
            {
                "id": item.id,
                "reach_per_month": None if reach is None else data_number(reach.per_month),
                "reach_source": None if reach is None else reach.source,
                "reach_explanation": None if reach is None else reach.explanation,
                "avoidable_contacts_per_month": data_number(demand.contacts)
                if demand.parts
                else None,
                "money_saved_per_month": data_number(demand.cost),
                "savings_explanation": demand.explain(currency(plan)) if demand.parts else None,
                "kpis": [
                    {"label": move.kpi.label, "channel": move.kpi.channel}
                    for move in kpi_moves(plan, item, index)
                ],
            }
        )
    return found


def _result(result: scoring.RankedInitiative, results: Results) -> dict[str, Any]:
    robust = results.robustness.get(result.id)
    return {
        "id": result.id,
        "title": result.title,
        "rank": result.rank,
        "score": data_number(result.score),
        "effort": data_number(result.effort),
        "impact": data_number(result.impact),
        "customer_value": data_number(result.customer_value),
        "efficiency": data_number(result.efficiency),
        "confidence": data_number(result.confidence),
        "reach": data_number(result.reach),
        "from_estimates": [name for name in scoring.ESTIMATED_FIELDS if name in result.spreads],
        "quadrant": result.quadrant,
        "agreement": result.agreement,
        "participants": _plain(result.participants),
        "moved_by_dependency": result.moved_by_dependency,
        "explanation": result.explanation,
        "spreads": {
            name: {
                "low": data_number(spread.low),
                "high": data_number(spread.high),
                "agreement": spread.agreement,
                "values": _plain(spread.values),
            }
            for name, spread in result.spreads.items()
        },
        "robustness": None
        if robust is None
        else {
            "rank_low": robust.rank_low,
            "rank_high": robust.rank_high,
            "top_k": robust.top_k,
            "p_top_k": data_number(robust.p_top_k),
            "unstable": robust.unstable,
        },
    }


def _plain(value: object) -> Any:
    """Tuples, mappings and numbers from the engine as JSON-ready data."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, float):
        return data_number(value)
    return value
