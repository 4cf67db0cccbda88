"""Each area's log of successes and failures: the entries, their rules and their order."""

from __future__ import annotations

import datetime
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kxplan import storage
from kxplan.framework import AREA_IDS
from kxplan.framework.vocabulary import LOG_KINDS
from kxplan.i18n import language
from kxplan.model import Initiative
from kxplan.model.log import LogEntry, entry_rules, log_problems, logged, newest_first
from kxplan.model.tables import TABLES_BY_AREA, log_table
from kxplan.session import EditRefused, Session
from kxplan.storage import PlanError

LOGGED = """\
schema = 3
title = "Log"

[[initiatives]]
id = "chat"
title = "Chat bot"

[[areas.accessibility.log]]
date = 2026-11-20
kind = "success"
name = "Chat answered in a minute"
learned = "Fast beats perfect"
initiative = "chat"
kpi = "CSAT"

[[areas.accessibility.log]]
date = 2026-10-02
kind = "failure"
name = "Phone queue on Mondays"
"""


def test_a_log_reads_and_saves_as_it_was_written() -> None:
    plan = storage.loads(LOGGED)
    first, second = plan.areas.accessibility.log
    assert (first.kind, first.initiative, first.kpi) == ("success", "chat", "CSAT")
    assert (second.kind, second.learned, second.initiative) == ("failure", "", None)
    text = storage.dumps(plan)
    assert text.count("[[areas.accessibility.log]]") == 2
    assert storage.loads(text) == plan
    # what is not set stays out of the file
    assert 'initiative = "chat"' in text
    assert text.count("initiative =") == 1


def test_an_area_without_a_log_writes_none() -> None:
    text = storage.dumps(storage.loads('schema = 3\ntitle = "Empty"\n'))
    assert ".log]]" not in text
    assert "log =" not in text


def test_every_area_has_its_own_log_in_the_registry() -> None:
    for area_id in AREA_IDS:
        table = log_table(area_id)
        assert table.area == area_id
        assert table is TABLES_BY_AREA[area_id][-1]  # after the area's own tables
        assert table.loc(0, "date") == ("areas", area_id, "log", 0, "date")


def test_an_unknown_initiative_is_refused_where_it_is_written() -> None:
    bad = LOGGED.replace('initiative = "chat"', 'initiative = "bot"')
    with pytest.raises(PlanError) as caught:
        storage.loads(bad, "p.toml")
    assert str(caught.value) == (
        'p.toml:13: areas.accessibility.log[1] (name "Chat answered in a minute").initiative: '
        "no initiative has the id 'bot'"
    )


def test_a_date_after_today_is_refused_where_it_is_written() -> None:
    bad = LOGGED.replace("date = 2026-10-02", "date = 2999-10-02")
    with pytest.raises(PlanError) as caught:
        storage.loads(bad, "p.toml")
    assert str(caught.value) == (
        'p.toml:17: areas.accessibility.log[2] (name "Phone queue on Mondays").date: '
        "expected a date today or earlier, got 2999-10-02"
    )


def test_the_date_rule_reads_today_from_its_clock() -> None:
    entry = LogEntry(date=datetime.date(2026, 11, 25), name="x")
    assert list(entry_rules(entry, lambda: datetime.date(2026, 11, 25))) == []
    assert [field for field, _ in entry_rules(entry, lambda: datetime.date(2026, 11, 24))] == [
        "date"
    ]


def test_the_rule_is_said_in_swedish() -> None:
    entry = LogEntry(date=datetime.date(2999, 1, 1), name="x")
    with language("sv"):
        ((_field, message),) = entry_rules(entry)
    assert message == "förväntade ett datum senast i dag, fick 2999-01-01"


def test_the_kinds_are_words_in_both_languages() -> None:
    assert LOG_KINDS.labels() == {"success": "Success", "failure": "Failure"}
    with language("sv"):
        assert LOG_KINDS.labels() == {"success": "Framgång", "failure": "Misslyckande"}


def test_log_problems_finds_each_unknown_initiative() -> None:
    plan = storage.loads(LOGGED)
    plan.areas.mobility.log.append(
        LogEntry(date=datetime.date(2026, 1, 1), name="y", initiative="gone")
    )
    assert [loc for loc, _ in log_problems(plan)] == [("areas", "mobility", "log", 0, "initiative")]


def test_the_session_refuses_an_entry_about_an_unknown_initiative(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.toml"
    path.write_text(LOGGED, encoding="utf-8")
    session = Session.open(path)
    table = log_table("mobility")
    entry = LogEntry(date=datetime.date(2026, 1, 1), name="y", initiative="gone")
    assert session.row_problems(table, entry) == [
        (("initiative",), "no initiative has the id 'gone'")
    ]
    with pytest.raises(EditRefused):
        session.add_row(table, entry)
    assert session.add_row(table, entry.model_copy(update={"initiative": "chat"})) == 0
    assert session.plan.areas.mobility.log[0].initiative == "chat"


def test_a_done_initiative_becomes_an_entry() -> None:
    item = Initiative(id="chat", title="Chat bot", outcome="Calls down a fifth")
    entry = logged(item, "failure", datetime.date(2026, 11, 20))
    assert (entry.name, entry.learned, entry.initiative, entry.kind) == (
        "Chat bot",
        "Calls down a fifth",
        "chat",
        "failure",
    )


DATES = st.dates(datetime.date(2020, 1, 1), datetime.date(2026, 12, 31))


@given(st.lists(DATES, max_size=12))
def test_newest_first_orders_by_date_and_keeps_the_written_order_within_a_day(
    dates: list[datetime.date],
) -> None:
    entries = [LogEntry(date=day, name=f"e{index}") for index, day in enumerate(dates)]
    ordered = newest_first(entries)
    assert sorted(ordered, key=id) == sorted(entries, key=id)  # the same entries
    assert [e.date for e in ordered] == sorted(dates, reverse=True)
    for earlier, later in itertools.pairwise(ordered):
        if earlier.date == later.date:
            assert int(earlier.name[1:]) < int(later.name[1:])
