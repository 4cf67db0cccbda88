"""Initiatives tied to evidence: links to area-table rows, their rules and figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kxplan import storage
from kxplan.model.evidence import addressed_by, linked_rows
from kxplan.model.linked_figures import kpi_moves, linked_demand, reach_per_month
from kxplan.model.tables import AREA_TABLES
from kxplan.storage import PlanError

PLAN = """\
schema = 3
title = "Evidence"
currency = "SEK"

[[areas.insight.kpis]]
measure = "csat"
baseline = 3.6
target = 4.2

[[areas.accessibility.channels]]
name = "Phone"
cost_per_contact = 55

[[areas.unnecessary_demand.contact_reasons]]
reason = "Where is my order?"
channel = "Phone"
monthly_volume = 4000
avoidable = 70

[[areas.unnecessary_demand.contact_reasons]]
reason = "Change my address"
channel = "Email"
monthly_volume = 1000
avoidable = 50

[[initiatives]]
id = "tracking"
title = "Tracking by text message"
addresses = [
    { table = "contact_reasons", key = ["where is my order?", "Phone"] },
    { table = "kpis", key = ["CSAT", "all"] },
]

[[initiatives]]
id = "quarterly"
title = "Quarterly newsletter"
reach = 3000
reach_period = "quarter"
"""


def test_links_round_trip_one_per_line_and_old_fields_stay_out() -> None:
    plan = storage.loads(PLAN, "plan.toml")
    text = storage.dumps(plan)

    assert storage.loads(text) == plan
    assert '    { table = "kpis", key = ["CSAT", "all"] },\n' in text
    quarterly = text[text.index('id = "quarterly"') :]
    assert "addresses" not in quarterly  # new fields are written only when set
    assert "outcome" not in text


def test_a_link_to_a_row_that_does_not_exist_is_one_located_line() -> None:
    broken = PLAN.replace('["CSAT", "all"]', '["CSAT", "web"]')
    with pytest.raises(PlanError) as caught:
        storage.loads(broken, "plan.toml")

    assert str(caught.value) == (
        'plan.toml:31: initiatives[1] (id "tracking").addresses[2].key: '
        "no KPI “CSAT / web” in the plan"
    )


def test_a_link_with_the_wrong_number_of_key_parts_names_the_fields() -> None:
    broken = PLAN.replace('["CSAT", "all"]', '["CSAT"]')
    with pytest.raises(PlanError, match=r"expected 2 key part\(s\) for a KPI \(label, channel\)"):
        storage.loads(broken, "plan.toml")


def test_an_unknown_table_is_refused_with_the_tables_there_are() -> None:
    broken = PLAN.replace('table = "kpis"', 'table = "kpi"')
    with pytest.raises(PlanError) as caught:
        storage.loads(broken, "plan.toml")
    assert "addresses[2].table" in str(caught.value)
    assert "'kpis'" in str(caught.value)


def test_links_resolve_to_rows_and_rows_know_who_addresses_them() -> None:
    plan = storage.loads(PLAN)
    tracking, quarterly = plan.initiatives
    reasons, kpis = (
        plan.areas.unnecessary_demand.contact_reasons,
        plan.areas.insight.kpis,
    )

    assert list(linked_rows(plan, tracking)) == [reasons[0], kpis[0]]
    table = next(t for t in AREA_TABLES if t.attribute == "contact_reasons")
    assert addressed_by(plan, table, reasons[0]) == [tracking]
    assert addressed_by(plan, table, reasons[1]) == []
    assert list(linked_rows(plan, quarterly)) == []


def test_linked_demand_explains_its_contacts_and_money() -> None:
    plan = storage.loads(PLAN)
    demand = linked_demand(plan, plan.initiatives[0])

    assert demand.contacts == 2800
    assert demand.cost == 2800 * 55
    assert demand.explain("SEK") == (
        "avoidable contacts 2\u202f800 a month = 4\u202f000 × 70\u00a0% from “Where is my order?”; "
        "154\u202f000\u00a0SEK a month"
    )


def test_reach_comes_from_the_links_or_from_the_entered_period() -> None:
    plan = storage.loads(PLAN)
    tracking, quarterly = plan.initiatives

    linked = reach_per_month(plan, tracking)
    entered = reach_per_month(plan, quarterly)
    assert linked is not None
    assert entered is not None
    assert (linked.per_month, linked.source) == (2800, "linked")
    assert (
        linked.explanation
        == "reach 2\u202f800 a month = 4\u202f000 × 70\u00a0% from “Where is my order?”"
    )
    assert (entered.per_month, entered.source) == (1000, "entered")
    assert entered.explanation == "reach 1\u202f000 a month = 3\u202f000 a quarter"


def test_a_reach_without_a_period_cannot_be_put_in_months() -> None:
    plan = storage.loads(PLAN.replace('reach_period = "quarter"\n', ""))
    assert reach_per_month(plan, plan.initiatives[1]) is None


def test_kpi_moves_read_from_baseline_to_target() -> None:
    plan = storage.loads(PLAN)
    moves = kpi_moves(plan, plan.initiatives[0])
    assert [move.kpi.measure for move in moves] == ["csat"]
    assert moves[0].explain().startswith("CSAT (all): 3.6 → 4.2")


@given(
    st.lists(
        st.tuples(st.integers(0, 100_000), st.integers(0, 100)),
        min_size=1,
        max_size=6,
    ),
    st.data(),
)
def test_linked_contacts_are_the_sum_over_the_linked_reasons(
    reasons: list[tuple[int, int]], data: st.DataObject
) -> None:
    chosen = data.draw(st.sets(st.integers(0, len(reasons) - 1)))
    rows = "".join(
        f'[[areas.unnecessary_demand.contact_reasons]]\nreason = "r{i}"\n'
        f"monthly_volume = {volume}\navoidable = {share}\n\n"
        for i, (volume, share) in enumerate(reasons)
    )
    links = ", ".join(
        f'{{ table = "contact_reasons", key = ["r{i}", ""] }}' for i in sorted(chosen)
    )
    plan = storage.loads(
        f'schema = 3\ntitle = "T"\n\n{rows}[[initiatives]]\nid = "a"\ntitle = "A"\n'
        f"addresses = [{links}]\n"
    )

    demand = linked_demand(plan, plan.initiatives[0])
    expected = sum(reasons[i][0] * reasons[i][1] / 100 for i in chosen)
    assert demand.contacts == pytest.approx(expected)
    assert demand.cost is None  # no channel has a cost
    assert len(demand.unpriced) == len(chosen)


def test_a_row_is_named_in_the_current_language_and_keyed_in_the_files_words() -> None:
    from support import TEMPLATES

    from kxplan import i18n, storage
    from kxplan.model.evidence import TABLES_BY_NAME

    plan = storage.load(TEMPLATES / "contact-centre.toml")
    touchpoints = TABLES_BY_NAME["touchpoints"]
    row = touchpoints.rows(plan)[0]
    with i18n.language("sv"):
        shown = touchpoints.shown_key(row)
    assert row.stage in touchpoints.key_text(row)  # the file's key, for links and merges
    assert shown.endswith(("Före köpet", "Under köpet", "Efter köpet"))


def test_a_row_linked_twice_is_refused_where_it_stands() -> None:
    """Counted twice, it would double the initiative's reach and savings."""
    import pytest
    from support import TEMPLATES

    from kxplan import storage

    text = (TEMPLATES / "contact-centre.toml").read_text(encoding="utf-8")
    plan = storage.loads(text)
    reason = plan.areas.unnecessary_demand.contact_reasons[0]
    from kxplan.model.evidence import Link

    link = Link(table="contact_reasons", key=[reason.reason, reason.channel])
    twice = Link(table="contact_reasons", key=[reason.reason.upper(), f" {reason.channel} "])
    first = plan.initiatives[0].model_copy(update={"addresses": [link, twice]})
    data = plan.model_copy(update={"initiatives": [first, *plan.initiatives[1:]]}).to_data()
    with pytest.raises(storage.PlanError) as caught:
        storage.validate(data, "plan.toml")
    assert f'(id "{first.id}").addresses[2].key' in str(caught.value)  # the second link
    assert "linked twice" in str(caught.value)
