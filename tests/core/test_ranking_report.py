"""Rankings as text and data (kxplan.reports.ranking): JSON numbers as the export writes them."""

from __future__ import annotations

import importlib
import json

import pytest

from kxplan.model import Plan
from kxplan.reports import ranking as report
from kxplan.scoring import rank


def _plan() -> Plan:
    return Plan.model_validate(
        {
            "title": "Numbers",
            "scoring": {"method": "rice"},
            "initiatives": [
                # 11.2 × 3 × 100 % ÷ 1 is 33.599999999999994 in floating point
                {"id": "a", "title": "A", "effort": 1, "customer_value": 3, "efficiency": 3,
                 "reach": 11.2},
                {"id": "b", "title": "B", "effort": 2, "customer_value": 3, "efficiency": 3,
                 "reach": 2, "confidence": 50},
            ],
        }
    )  # fmt: skip


def test_json_writes_whole_numbers_as_integers_and_no_float_noise() -> None:
    ranking = rank(_plan())
    assert ranking.results[0].score == 33.599999999999994  # the engine's own float
    text = report.render(ranking, "json")
    assert '"score": 33.6,' in text
    assert '"score": 1.5,' in text
    assert '"effort": 1,' in text  # not 1.0
    assert '"impact": 3,' in text
    assert "33.599999999999994" not in text
    assert ".0," not in text
    records = json.loads(text)
    assert [r["score"] for r in records] == [33.6, 1.5]
    assert isinstance(records[0]["effort"], int)


def test_json_robustness_numbers_are_data_numbers_too() -> None:
    from kxplan.scoring import robustness

    plan = _plan()
    text = report.render(rank(plan), "json", robust=robustness(plan, samples=20))
    records = json.loads(text)
    assert records[0]["p_top_k"] == 1  # an int: 1.0 would print as 1.0
    assert '"p_top_k": 1,' in text


def test_the_old_module_name_is_gone() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("kxplan.rank_output")


def test_the_table_names_the_method_and_quadrants_from_the_vocabulary() -> None:
    text = report.render(rank(_plan()), "table")
    assert text.startswith("Ranked by rice: RICE (reach × impact × confidence ÷ effort)")
    assert "quick win" in text
