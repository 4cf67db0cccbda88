"""A change to an area's row reads as the comparison phrases other fields: the row by
its name, the field by its label, a KPI's readings by their dates — not key paths and
JSON (``kxplan diff``, the app's file-changed dialog)."""

from __future__ import annotations

import datetime

from support import TEMPLATES, invoke

from kxplan import storage
from kxplan.i18n import language
from kxplan.model import Plan
from kxplan.model.followup import Reading
from kxplan.reports.comparison import describe
from kxplan.reports.comparison_readings import readings_text
from kxplan.versions.comparison import compare


def plans() -> tuple[Plan, Plan]:
    old = storage.load(TEMPLATES / "contact-centre.toml")
    new = old.model_copy(deep=True)
    kpi = new.areas.insight.kpis[0]
    kpi.readings = [Reading(date=datetime.date(2026, 11, 1), value=62)]
    new.areas.unnecessary_demand.contact_reasons[0].monthly_volume = 2450
    return old, new


def lines(old: Plan, new: Plan) -> list[str]:
    return [describe(change) for change in compare(old, new).changes if change.section == "areas"]


def test_a_reading_and_a_contact_reasons_volume_read_as_sentences() -> None:
    old, new = plans()
    shown = lines(old, new)
    kpi = new.areas.insight.kpis[0]
    reason = new.areas.unnecessary_demand.contact_reasons[0]
    volume = f"{reason.reason} / {reason.channel}"
    assert f"KPI {kpi.label} / {kpi.channel}: reading 1 November 2026 (62) added" in shown
    assert f"Contact reason {volume}: monthly volume 2\u202f600 → 2\u202f450" in shown
    for line in shown:
        assert "readings" not in line
        assert "monthly_volume" not in line
        assert '{"' not in line


def test_readings_changed_removed_and_added_oldest_first() -> None:
    old = ('{"date": "2026-10-01", "value": 60}', '{"date": "2026-11-01", "value": 61}')
    new = ('{"date": "2026-11-01", "value": 62}', '{"date": "2026-12-01", "value": 63.5}')
    assert readings_text(old, new) == (
        "reading 1 October 2026 removed; reading 1 November 2026: 61 → 62; "
        "reading 1 December 2026 (63.5) added"
    )


def test_in_swedish_the_labels_are_swedish() -> None:
    old, new = plans()
    with language("sv"):
        shown = lines(old, new)
    assert any(
        line.startswith("Nyckeltal ") and "ny avläsning 1 november 2026" in line for line in shown
    )
    assert any(line.startswith("Kontaktorsak ") and "volym per månad" in line for line in shown)


def test_kxplan_diff_says_it_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    old, new = plans()
    storage.save(old, tmp_path / "a.toml")
    storage.save(new, tmp_path / "b.toml")
    result = invoke("diff", tmp_path / "a.toml", tmp_path / "b.toml")
    assert "reading 1 November 2026 (62) added" in result.stdout
    assert "monthly_volume" not in result.stdout
    assert '"date"' not in result.stdout
