"""The QA findings on the check-in (2026-12-04): KPIs going the wrong way, the version
named for people, titles, translated field names, contact reasons and links moved."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from support import base_data, base_plan

from kxplan import i18n
from kxplan.model import Kpi, Plan
from kxplan.model.followup import progress
from kxplan.reports.checkin import format_text
from kxplan.reports.checkin_facts import checkin_facts, kpis_off_track
from kxplan.reports.checkin_moved import Place, moved_lines
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
    assert off.progress.share is not None
    assert off.progress.share < 0


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


# --- (7) the version, titles, a done initiative; (6) field labels ------------------------


def _changed(change: Any) -> Plan:
    data = copy.deepcopy(base_data())
    change(data)
    return Plan.model_validate(data)


def test_the_version_is_named_by_label_or_date_and_subject_never_by_revision() -> None:
    plan, old = base_plan(), base_plan()
    when = dt.datetime(2026, 11, 3, 14, 5, tzinfo=dt.UTC)
    commit = checkin_facts(plan, TODAY, old, "HEAD~1", "After the workshop", when)
    assert commit.shown_since == "the version of 3 November 2026, “After the workshop”"
    snapshot = checkin_facts(plan, TODAY, old, "Workshop 2", "Workshop 2", when)
    assert snapshot.shown_since == "the snapshot “Workshop 2”"
    unlabelled = checkin_facts(plan, TODAY, old, "2026-11-03 14:05", "", when)
    assert unlabelled.shown_since == "the version of 3 November 2026"
    with i18n.language("sv"):
        text = format_text(checkin_facts(plan, TODAY, old, "a1e0894", "Nya mål", when))
    assert text.startswith("Uppföljning 4 december 2026, jämförd med versionen från 3 november")
    assert "a1e0894" not in text


def test_initiatives_by_title_and_a_done_one_leaves_the_ranking_as_such() -> None:
    def done(data: dict[str, Any]) -> None:
        data["initiatives"][0].update(status="done", finished=dt.date(2026, 11, 20))
        data["initiatives"].append({"id": "bot", "title": "Chatbot"})

    texts = [line.text for line in moved_lines(base_plan(), _changed(done))]
    assert "Web chat: done – leaves the ranking" in texts
    assert "+ Chatbot" in texts
    assert not any("(web-chat)" in text or "(bot)" in text for text in texts)
    assert not any("unranked" in text for text in texts)
    with i18n.language("sv"):
        texts = [line.text for line in moved_lines(base_plan(), _changed(done))]
    assert "Web chat: klar – lämnar rangordningen" in texts


def test_the_moved_fields_are_named_in_the_plans_language() -> None:
    def rescored(data: dict[str, Any]) -> None:
        data["initiatives"][1].update(effort=3, customer_value=5)

    with i18n.language("sv"):
        texts = [line.text for line in moved_lines(base_plan(), _changed(rescored))]
    assert "FAQ: insats 1 → 3" in texts
    assert "FAQ: kundvärde 2 → 5" in texts
    assert not any("effort" in text or "customer value" in text for text in texts)


# --- (14) contact reasons and links -----------------------------------------------------


def test_contact_reasons_and_new_links_are_in_what_moved() -> None:
    def follow(data: dict[str, Any]) -> None:
        demand = data["areas"]["unnecessary_demand"]
        demand["contact_reasons"][0]["monthly_volume"] = 750
        demand["contact_reasons"].append(
            {"reason": "Change my address", "channel": "E-mail", "monthly_volume": 120}
        )
        data["initiatives"][1]["addresses"] = [
            {"table": "contact_reasons", "key": ["Where is my order?", "Phone"]}
        ]

    lines = list(moved_lines(base_plan(), _changed(follow)))
    texts = [line.text for line in lines]
    assert "Contact reason “Where is my order? / Phone”: 900 → 750 contacts a month" in texts
    assert "+ contact reason “Change my address / E-mail” (120 contacts a month)" in texts
    assert "FAQ now addresses contact reason “Where is my order? / Phone”" in texts
    assert lines[
        texts.index("+ contact reason “Change my address / E-mail” (120 contacts a month)")
    ].place == Place("contact_reasons", 1)
    unchanged = [line.text for line in moved_lines(base_plan(), base_plan())]
    assert unchanged == []


# --- links follow the rows they name ------------------------------------------------------


def test_deleting_or_renaming_a_linked_row_keeps_the_plan_valid() -> None:
    """The templates link their initiatives now: deleting a linked row in the app must
    not leave a link naming no row (the plan would not open again)."""
    from kxplan import storage, templates
    from kxplan.model.tables import TABLES_BY_ATTRIBUTE
    from kxplan.session import Session

    now = dt.datetime(2026, 12, 4, tzinfo=dt.UTC)
    session = Session(templates.new_plan("contact-centre", now=now), None, clock=lambda: now)
    touchpoints = TABLES_BY_ATTRIBUTE["touchpoints"]
    reasons = TABLES_BY_ATTRIBUTE["contact_reasons"]
    session.delete_row(touchpoints, 1)  # "Order confirmation e-mail", linked
    row = reasons.rows(session.plan)[0]
    session.replace_row(reasons, 0, row.model_copy(update={"reason": "Where is my parcel?"}))
    plan = storage.loads(storage.dumps(session.plan), "plan.toml")
    links = [tuple(link.key) for item in plan.initiatives for link in item.addresses]
    assert ("Order confirmation e-mail", "during") not in links
    assert ("Where is my parcel?", "phone") in links
    assert ("Where is my order?", "e-mail") in links
