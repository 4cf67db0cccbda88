"""A KPI of every channel (its channel blank or "all") reads "all" in the language
spoken ("alla"), wherever it is shown: the comparison, the check-in, the document (the
app's table: tests/tui/test_table_specs.py)."""

from __future__ import annotations

from kxplan.i18n import language
from kxplan.model import Kpi, Plan
from kxplan.model.tables import TABLES_BY_ATTRIBUTE
from kxplan.reports import formats
from kxplan.reports.checkin_moved import kpi_name


def plan_with(*kpis: Kpi) -> Plan:
    plan = Plan(title="KPIs")
    plan.areas.insight.kpis = list(kpis)
    return plan


def test_every_channel_is_said_in_words_and_a_named_channel_as_written() -> None:
    every, blank, phone = (
        Kpi(measure="nps"),
        Kpi(measure="csat", channel=" "),
        Kpi(measure="csat", channel="Phone"),
    )
    assert every.channel == "all"  # the file keeps its word
    assert every.every_channel
    assert blank.every_channel
    assert Kpi(measure="nps", channel=" ALL ").every_channel
    assert not phone.every_channel
    assert (every.shown_channel, phone.shown_channel) == ("all", "Phone")
    table = TABLES_BY_ATTRIBUTE["kpis"]
    with language("sv"):
        assert every.shown_channel == "alla"
        assert table.shown_key(every) == "NPS / alla"
        assert table.shown_key(phone) == "CSAT / Phone"
    assert kpi_name(every) == "NPS"  # a check-in names a KPI of every channel alone
    assert kpi_name(phone) == "CSAT / Phone"


def test_the_document_says_all_in_its_language() -> None:
    plan = plan_with(Kpi(measure="nps", baseline=12, target=30))
    plan.language = "sv"
    document = formats.render(plan, "markdown")
    assert "| NPS | alla |" in document
    assert "| all |" not in document
    plan.language = "en"
    assert "| NPS | all |" in formats.render(plan, "markdown")
