"""The check-in's facts: what moved, KPIs off track, initiatives late, evidence nobody
addresses and the decisions; the [[checkins]] record; the version compared with."""

from __future__ import annotations

import copy
import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import base_data, base_plan

from kxplan import i18n, storage
from kxplan.model import Plan
from kxplan.model.checkin import CheckIn
from kxplan.reports.checkin import CheckinAsked, checkin_data, format_markdown, format_text
from kxplan.reports.checkin_facts import (
    Place,
    checkin_facts,
    kpis_off_track,
    late_initiatives,
    moved_lines,
    unaddressed_rows,
    when_due,
)
from kxplan.reports.markdown import to_markdown
from kxplan.session import EditRefused, Session
from kxplan.storage import PlanError
from kxplan.text.dates import future_date
from kxplan.versions import save_version
from kxplan.versions.since import SinceError, earlier_versions, previous_version, resolve

TODAY = dt.date(2026, 12, 4)


def follow_up(data: dict[str, Any]) -> None:
    """CSAT read twice and falling (off track for 85 by mid 2027); a chatbot planned for
    Q2 2026 (late); the contact reason and the friction left to nobody."""
    kpi = data["areas"]["insight"]["kpis"][0]
    kpi["target_date"] = dt.date(2027, 6, 30)
    kpi["readings"] = [
        {"date": dt.date(2026, 9, 30), "value": 72},
        {"date": dt.date(2026, 11, 30), "value": 70},
    ]
    data["initiatives"].append(
        {"id": "bot", "title": "Chatbot", "when": "Q2 2026", "status": "planned"}
    )


def plan_with(change: Any = None) -> Plan:
    data = copy.deepcopy(base_data())
    follow_up(data)
    if change:
        change(data)
    return Plan.model_validate(data)


# --- when an initiative is due --------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "due"),
    [
        ("Q2 2026", dt.date(2026, 6, 30)),
        ("2026-Q4", dt.date(2026, 12, 31)),
        ("2027-H1", dt.date(2027, 6, 30)),
        ("2026-05", dt.date(2026, 5, 31)),
        ("2026-02-14", dt.date(2026, 2, 14)),
        ("2026", dt.date(2026, 12, 31)),
        ("after the summer", None),
        ("", None),
    ],
)
def test_when_is_read_by_the_roadmaps_parser(when: str, due: dt.date | None) -> None:
    assert when_due(when) == due


def test_a_late_initiative_is_open_and_past_its_when() -> None:
    plan = plan_with()
    assert [late.initiative.id for late in late_initiatives(plan, TODAY)] == ["bot"]
    assert list(late_initiatives(plan, dt.date(2026, 6, 30))) == []  # due that very day


def test_an_unparseable_when_is_never_late() -> None:
    plan = plan_with(lambda d: d["initiatives"][-1].update(when="when the budget allows"))
    assert list(late_initiatives(plan, dt.date(2100, 1, 1))) == []


STATUSES = st.sampled_from(["idea", "planned", "in_progress", "done", "dropped"])
WHENS = st.one_of(
    st.builds("Q{} {}".format, st.integers(1, 4), st.integers(2020, 2030)),
    st.builds("{}-{:02d}".format, st.integers(2020, 2030), st.integers(1, 12)),
    st.text(max_size=12),
)
DAYS = st.dates(dt.date(2019, 1, 1), dt.date(2032, 12, 31))
MEASURED_DAYS = st.dates(dt.date(2019, 1, 1), dt.date.today())
"""A reading is of what was measured: never after the computer's date."""


def plan_of(items: list[tuple[str, str]]) -> Plan:
    return Plan.model_validate(
        {
            "title": "P",
            "initiatives": [
                {"id": f"i{n}", "title": f"I{n}", "status": status, "when": when}
                for n, (status, when) in enumerate(items)
            ],
        }
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(STATUSES, WHENS), max_size=8), DAYS)
def test_a_done_or_dropped_initiative_is_never_late(
    items: list[tuple[str, str]], today: dt.date
) -> None:
    late = list(late_initiatives(plan_of(items), today))
    assert all(item.initiative.status not in ("done", "dropped") for item in late)
    assert all(item.due < today for item in late)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(STATUSES, WHENS), max_size=8), DAYS, st.integers(0, 2000))
def test_moving_today_forward_never_makes_fewer_initiatives_late(
    items: list[tuple[str, str]], today: dt.date, days: int
) -> None:
    plan = plan_of(items)
    before = {item.initiative.id for item in late_initiatives(plan, today)}
    after = {item.initiative.id for item in late_initiatives(plan, today + dt.timedelta(days))}
    assert before <= after


def test_in_progress_for_months_with_no_date_is_stale_and_asks_for_a_date() -> None:
    def started(data: dict[str, Any]) -> None:
        data["initiatives"][0].update(status="in_progress", started=dt.date(2026, 3, 3))
        data["initiatives"][1].update(status="in_progress", started=dt.date(2026, 11, 1))

    facts = checkin_facts(plan_with(started), TODAY)
    assert [item.initiative.id for item in facts.stale] == ["web-chat"]  # faq: only weeks
    assert "Set a date for “Web chat” (in progress since 3 March 2026)" in [
        line.text for line in facts.decisions
    ]
    assert "  Web chat: in progress since 3 March 2026, no date due" in format_text(facts)
    dated = plan_with(lambda d: (started(d), d["initiatives"][0].update(when="2027-Q1")))
    assert checkin_facts(dated, TODAY).stale == ()  # a date due: late or not, never stale


# --- KPIs off track -------------------------------------------------------------------


def test_a_falling_kpi_is_off_track_with_its_latest_value_and_target() -> None:
    (off,) = kpis_off_track(plan_with(), TODAY)
    assert off.kpi.measure == "csat"
    assert not off.overdue
    assert off.progress.latest is not None
    assert off.progress.latest.value == 70


def test_a_kpi_past_its_date_without_a_reading_is_off_track() -> None:
    def no_readings(data: dict[str, Any]) -> None:
        data["areas"]["insight"]["kpis"][0].update(readings=[], target_date=dt.date(2026, 6, 30))

    (off,) = kpis_off_track(plan_with(no_readings), TODAY)
    assert off.overdue
    assert off.progress.latest is None


READINGS = st.lists(
    st.tuples(MEASURED_DAYS, st.integers(0, 100)), max_size=6, unique_by=lambda pair: pair[0]
)


@settings(max_examples=80, deadline=None)
@given(READINGS, st.integers(0, 100), st.integers(0, 100), st.one_of(st.none(), DAYS), DAYS)
def test_a_kpi_on_track_never_appears(
    readings: list[tuple[dt.date, int]],
    baseline: int,
    target: int,
    target_date: dt.date | None,
    today: dt.date,
) -> None:
    kpi: dict[str, Any] = {
        "measure": "csat",
        "baseline": baseline,
        "target": target,
        "target_date": target_date,
        "readings": [{"date": day, "value": value} for day, value in readings],
    }
    plan = Plan.model_validate({"title": "P", "areas": {"insight": {"kpis": [kpi]}}})
    from kxplan.model.followup import progress

    found = progress(plan.areas.insight.kpis[0])
    off = list(kpis_off_track(plan, today))
    if found.on_track is True and not (target_date and target_date < today and not found.reached):
        assert off == []
    if found.reached:
        assert off == []


# --- evidence nobody addresses, what moved ------------------------------------------------


def test_rows_nobody_addresses_and_not_those_an_initiative_links() -> None:
    def link(data: dict[str, Any]) -> None:
        data["initiatives"][0]["addresses"] = [{"table": "frictions", "key": ["Login loop"]}]

    tables = [item.table.attribute for item in unaddressed_rows(plan_with(link))]
    assert "frictions" not in tables
    assert {"contact_reasons", "kpis", "touchpoints", "channels"} <= set(tables)
    assert "checks" not in tables
    assert "stakeholders" not in tables


def test_what_moved_uses_the_comparisons_phrasing_and_new_readings() -> None:
    old = base_plan()
    new = plan_with(lambda d: d["initiatives"][1].update(effort=4, status="in_progress"))
    lines = list(moved_lines(old, new))
    texts = [line.text for line in lines]
    assert "FAQ: effort 1 → 4" in texts
    assert "FAQ: status Idea → In progress" in texts
    assert "+ Chatbot" in texts
    assert "CSAT / phone: new reading 70\u00a0% (30 November 2026)" in texts
    assert lines[texts.index("FAQ: effort 1 → 4")].place == Place("initiatives", "faq")
    assert not any("estimates" in text for text in texts)


def test_a_dropped_initiative_leads_nowhere() -> None:
    old = base_plan()
    new = base_plan(lambda d: d["initiatives"].pop())
    (line,) = [line for line in moved_lines(old, new) if line.text.startswith("- ")]
    assert line.place is None


# --- the decisions ------------------------------------------------------------------------


def test_the_decisions_are_phrased_as_decisions() -> None:
    facts = checkin_facts(plan_with(), TODAY, base_plan(), "HEAD~1")
    assert [line.text for line in facts.decisions] == [
        "Move the date or drop “Chatbot” (planned Q2 2026)",
        "Change course or the target for CSAT / phone — 70\u00a0% against the target 85\u00a0% "
        "by 30 June 2027",
        "Who takes on “Where is my order?” (900 contacts a month, no initiative)",
        "Who takes on friction point “Login loop” (no initiative)",
    ]
    assert facts.decisions[0].place == Place("initiatives", "bot")
    assert facts.decisions[1].place == Place("kpis", 0)
    assert facts.decisions[2].place == Place("contact_reasons", 0)


def test_a_reason_asked_on_two_channels_is_named_with_its_channel() -> None:
    def second_channel(data: dict[str, Any]) -> None:
        reasons = data["areas"]["unnecessary_demand"]["contact_reasons"]
        reasons.append({"reason": "Where is my order?", "channel": "Chat", "monthly_volume": 300})

    texts = [line.text for line in checkin_facts(plan_with(second_channel), TODAY).decisions]
    assert (
        "Who takes on “Where is my order? / Phone” (900 contacts a month, no initiative)" in texts
    )
    assert "Who takes on “Where is my order? / Chat” (300 contacts a month, no initiative)" in texts


def test_the_decisions_in_swedish() -> None:
    with i18n.language("sv"):
        facts = checkin_facts(plan_with(), TODAY)
        texts = [line.text for line in facts.decisions]
    assert texts[0] == "Byt datum eller stryk ”Chatbot” (planerad Q2 2026)"
    assert (
        texts[1]
        == "Ändra kurs eller mål för CSAT / phone — 70\u00a0% mot målet 85\u00a0% till 30 juni 2027"
    )
    assert (
        texts[2]
        == "Vem tar hand om ”Where is my order?” (900 kontakter i månaden, inget initiativ)"
    )


def test_nothing_to_decide_in_a_plan_in_order() -> None:
    plan = Plan.model_validate({"title": "P"})
    facts = checkin_facts(plan, TODAY)
    assert facts.decisions == ()
    text = format_text(facts)
    assert "No earlier version to compare with" in text
    assert "Nothing to decide." in text


def test_text_markdown_and_data_say_the_same() -> None:
    facts = checkin_facts(plan_with(), TODAY, base_plan(), "HEAD~1")
    text, markdown, data = format_text(facts), format_markdown(facts), checkin_data(facts)
    assert text.startswith("Check-in of 4 December 2026, compared with HEAD~1.\n")
    assert "\nWhat moved since HEAD~1\n  + Chatbot\n" in text
    assert "## What to decide\n\n- Move the date or drop “Chatbot” (planned Q2 2026)" in markdown
    assert data["since"] == "HEAD~1"
    assert data["late"] == [
        {
            "id": "bot",
            "title": "Chatbot",
            "when": "Q2 2026",
            "due": "2026-06-30",
            "status": "planned",
        }
    ]
    assert data["off_track"][0]["latest"] == 70
    assert data["off_track"][0]["target"] == 85
    assert len(data["decide"]) == 4


# --- the record in the plan ---------------------------------------------------------------


def test_checkins_are_written_only_when_set_and_read_back() -> None:
    plan = base_plan()
    assert "checkins" not in storage.dumps(plan)
    plan.checkins = [CheckIn(date=TODAY, since="HEAD~1", decisions="Bo moves the bot\nto Q3")]
    text = storage.dumps(plan)
    assert '[[checkins]]\ndate = 2026-12-04\nsince = "HEAD~1"\n' in text
    assert storage.loads(text).checkins == plan.checkins


def test_the_session_records_a_checkin_and_a_second_one_that_day_replaces_it() -> None:
    session = Session(base_plan(), clock=lambda: dt.datetime(2026, 12, 11, tzinfo=dt.UTC))
    assert session.record_checkin(CheckIn(date=TODAY, decisions="one"))
    assert session.dirty
    assert session.record_checkin(CheckIn(date=TODAY, decisions="two"))
    assert not session.record_checkin(CheckIn(date=TODAY, decisions="two"))
    assert session.record_checkin(CheckIn(date=TODAY + dt.timedelta(7), decisions="three"))
    assert [c.decisions for c in session.plan.checkins] == ["two", "three"]
    with pytest.raises(EditRefused):
        session.record_checkin(CheckIn(date=TODAY, decisions="back in time"))
    with pytest.raises(EditRefused, match="expected a date today or earlier, got 2026-12-12"):
        session.record_checkin(CheckIn(date=TODAY + dt.timedelta(8), decisions="ahead"))
    assert len(session.plan.checkins) == 2


# --- the document ---------------------------------------------------------------------


def test_the_document_has_a_checkin_after_the_summary_when_asked_or_recorded() -> None:
    plan = plan_with()
    assert "## Check-in" not in to_markdown(plan)
    asked = to_markdown(plan, checkin=CheckinAsked(TODAY, base_plan(), "workshop"))
    summary, strategy = asked.index("\n## Summary\n"), asked.index("\n## The strategy\n")
    assert summary < asked.index("\n## Check-in\n") < strategy
    assert "### What moved since workshop" in asked
    assert "- Move the date or drop “Chatbot” (planned Q2 2026)" in asked
    plan.checkins = [CheckIn(date=TODAY, since="workshop", decisions="Bo moves the bot to Q3")]
    recorded = to_markdown(plan)
    assert "Check-in of 4 December 2026, compared with workshop." in recorded
    assert "What moved" not in recorded  # no version to compare with in the file alone
    assert "**Decided:** Bo moves the bot to Q3" in recorded


def test_the_html_document_has_the_checkin_too() -> None:
    from kxplan.reports.html import to_html

    page = to_html(plan_with(), checkin=CheckinAsked(TODAY, base_plan(), "workshop"))
    assert '<h2 id="checkin">Check-in</h2>' in page
    assert "<li>Move the date or drop “Chatbot” (planned Q2 2026)</li>" in page


def test_the_document_checkin_is_in_the_plans_language() -> None:
    plan = plan_with(lambda d: d.update(language="sv"))
    plan.checkins = [CheckIn(date=TODAY, decisions="Bo flyttar boten")]
    text = to_markdown(plan)
    assert "## Uppföljning" in text
    assert "- Byt datum eller stryk ”Chatbot” (planerad Q2 2026)" in text


# --- the version compared with --------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key, value in {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }.items():
        monkeypatch.setenv(key, value)
    storage.save(base_plan(), tmp_path / "plan.toml")
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "workshop"]):
        subprocess.run(["git", *command], check=True, capture_output=True, cwd=tmp_path)
    return tmp_path


def test_the_previous_version_is_the_last_commit_that_differs(repo: Path) -> None:
    path = repo / "plan.toml"
    current = plan_with()
    storage.save(current, path)
    found = previous_version(path, current)
    assert found is not None
    assert found.plan == base_plan()
    subprocess.run(["git", "commit", "-qam", "follow-up"], check=True, cwd=repo)
    found = previous_version(path, current)  # the commit of the plan itself is passed over
    assert found is not None
    assert found.plan == base_plan()
    assert [item.title for item in earlier_versions(path)] == ["follow-up", "workshop"]


def test_a_recorded_checkin_is_not_a_new_version(repo: Path) -> None:
    path = repo / "plan.toml"
    plan = base_plan()
    plan.checkins = [CheckIn(date=TODAY)]
    assert previous_version(path, plan) is None


def test_since_names_a_snapshot_a_revision_or_a_file(repo: Path) -> None:
    path = repo / "plan.toml"
    storage.save(plan_with(), path)
    save_version(plan_with(lambda d: d.update(title="Snapshot")), path, "After workshop 2")
    assert resolve(path, "after workshop 2").plan.title == "Snapshot"
    assert resolve(path, "HEAD").plan == base_plan()
    assert resolve(path, str(path)).plan == plan_with()
    assert previous_version(path, plan_with()) is not None


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("nope", "no snapshot, plan file or git revision of that name (git has no commit nope)"),
        ("-x", "a version cannot start with '-'"),
        ("  ", "--since needs a version"),
    ],
)
def test_a_bad_since_says_why_in_one_line(repo: Path, name: str, said: str) -> None:
    with pytest.raises(SinceError) as raised:
        resolve(repo / "plan.toml", name)
    assert str(raised.value).startswith(said)
    assert "\n" not in str(raised.value)


def test_a_broken_plan_at_a_revision_is_a_located_plan_error(repo: Path) -> None:
    (repo / "plan.toml").write_text('schema = 3\ntitle = ""\n', encoding="utf-8")
    subprocess.run(["git", "commit", "-qam", "broken"], check=True, cwd=repo)
    with pytest.raises(PlanError) as raised:
        resolve(repo / "plan.toml", "HEAD")
    assert str(raised.value.problems[0]).startswith("HEAD:plan.toml:")


def test_outside_a_repository_there_are_no_commits(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    storage.save(base_plan(), path)
    assert earlier_versions(path) == []
    assert previous_version(path, base_plan()) is None


def test_a_checkin_after_today_is_refused_with_the_one_future_date_message() -> None:
    text = storage.dumps(base_plan()) + "\n[[checkins]]\ndate = 2999-01-02\n"
    with pytest.raises(PlanError) as raised:
        storage.loads(text, "plan.toml")
    (problem,) = raised.value.problems
    assert problem.place == "checkins[1].date"
    assert problem.line == text.splitlines().index("date = 2999-01-02") + 1
    assert problem.message == future_date(dt.date(2999, 1, 2))
