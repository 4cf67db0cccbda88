"""The QA findings on the check-in (2026-12-04): KPIs going the wrong way, the version
named for people, titles, translated field names, contact reasons and links moved."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from support import base_data

from kxplan import i18n
from kxplan.model import Kpi, Plan
from kxplan.model.followup import progress
from kxplan.reports.checkin import format_text
from kxplan.reports.checkin_facts import checkin_facts, kpis_off_track
from kxplan.reports.kpi_progress import kpi_line

TODAY = dt.date(2026, 12, 4)


def away_kpi(**fields: Any) -> dict[str, Any]:
    """FCR 68 → 62 against 75, no target date: moving away from its target."""
    return {
        "measure": "fcr",
        "baseline": 68,
        "target": 75,
        "readings": [
            {"date": dt.date(2026, 9, 30), "value": 65},
            {"date": dt.date(2026, 11, 30), "value": 62},
        ],
        **fields,
    }


def plan_of(*kpis: dict[str, Any]) -> Plan:
    return Plan.model_validate({"title": "P", "areas": {"insight": {"kpis": list(kpis)}}})


# --- (1) a KPI going the wrong way ------------------------------------------------------


def test_a_kpi_moving_away_from_its_target_is_off_track_without_a_date() -> None:
    plan = plan_of(away_kpi())
    (off,) = kpis_off_track(plan, TODAY)
    assert off.progress.wrong_way
    assert not off.overdue
    text = format_text(checkin_facts(plan, TODAY))
    assert "No KPI is off track." not in text
    assert "further from the target 75\u00a0% than the baseline 68\u00a0%" in text


def test_a_falling_time_moving_away_is_off_track_too() -> None:
    kpi = away_kpi(measure="handling_time", baseline=7.5, target=6)
    kpi["readings"] = [{"date": dt.date(2026, 11, 30), "value": 9.2}]
    (off,) = kpis_off_track(plan_of(kpi), TODAY)
    assert off.progress.share is not None and off.progress.share < 0


def test_a_kpi_moving_toward_its_target_without_a_date_is_not_off_track() -> None:
    kpi = away_kpi()
    kpi["readings"] = [{"date": dt.date(2026, 11, 30), "value": 70}]
    assert list(kpis_off_track(plan_of(kpi), TODAY)) == []


def test_the_words_say_wrong_way_not_unknown_and_the_minus_is_a_minus() -> None:
    line = kpi_line(Kpi.model_validate(away_kpi()))
    assert "off track: going the wrong way" in line
    assert "not known yet" not in line
    assert "\u221286\u00a0% of the way" in line
    with i18n.language("sv"):
        line = kpi_line(Kpi.model_validate(away_kpi()))
    assert "går inte att säga än" not in line
    assert "ur fas: går åt fel håll" in line
    assert "-" not in line.split("→")[-1].split("%")[0]


def test_wrong_way_is_progress_below_zero() -> None:
    assert progress(Kpi.model_validate(away_kpi())).wrong_way
    assert not progress(Kpi.model_validate(away_kpi(readings=[]))).wrong_way


def _unused() -> None:  # keeps copy/base_data imported for the tests below
    copy.deepcopy(base_data())
