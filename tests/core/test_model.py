"""The plan model: field rules, cross-field rules and derived figures."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from kxplan.model import (
    AreaBase,
    ContactReason,
    Initiative,
    Kpi,
    Plan,
    RuleViolations,
    dependency_cycle,
    dependents,
    plan_rule_problems,
    slugify,
    unique_slug,
    without_initiative,
)


def _plan(**fields: Any) -> dict[str, Any]:
    return {"schema": 1, "title": "Plan", **fields}


def _rule_messages(data: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(RuleViolations) as caught:
        Plan.model_validate(data)
    return caught.value.problems


def _initiative(ident: str, **fields: Any) -> dict[str, Any]:
    return {"id": ident, "title": ident.upper(), **fields}


# --- derived figures --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "target", "gap"),
    [(2, 4, 2), (4, 4, 0), (5, 3, -2), (None, 4, None), (2, None, None), (None, None, None)],
)
def test_gap_is_target_minus_today(today: int | None, target: int | None, gap: int | None) -> None:
    assert AreaBase(maturity_today=today, maturity_target=target).gap == gap


@pytest.mark.parametrize(
    ("volume", "avoidable", "expected"),
    [(1200, 75, 900.0), (0, 50, 0.0), (333, 0, 0.0), (10, 12.5, 1.25), (400, 100, 400.0)],
)
def test_avoidable_per_month(volume: int, avoidable: float, expected: float) -> None:
    reason = ContactReason(reason="Where is my order?", monthly_volume=volume, avoidable=avoidable)
    assert reason.avoidable_per_month == expected


def test_avoidable_cost_uses_the_channels_cost_case_insensitively() -> None:
    plan = Plan.model_validate(
        _plan(
            areas={
                "accessibility": {
                    "channels": [
                        {"name": "Phone", "cost_per_contact": 80},
                        {"name": "Chat"},
                        {"name": "Återvändo", "cost_per_contact": 10},
                    ]
                }
            }
        )
    )
    phone = ContactReason(reason="r", channel="PHONE", monthly_volume=1000, avoidable=50)
    chat = ContactReason(reason="r", channel="chat", monthly_volume=1000, avoidable=50)
    letter = ContactReason(reason="r", channel="Letter", monthly_volume=1000, avoidable=50)
    accented = ContactReason(reason="r", channel="ÅTERVÄNDO", monthly_volume=10, avoidable=10)

    assert plan.avoidable_cost_per_month(phone) == 500 * 80
    assert plan.avoidable_cost_per_month(chat) is None  # the channel has no cost
    assert plan.avoidable_cost_per_month(letter) is None  # no such channel
    assert plan.avoidable_cost_per_month(accented) == 1 * 10
    assert plan.channel_cost("phone") == 80
    assert plan.channel_cost("  Phone ") == 80  # typed with a stray space: still the channel


@pytest.mark.parametrize(
    ("promoters", "detractors", "nps"),
    [
        (60, 10, 50),
        (10, 60, -50),
        (0, 100, -100),
        (100, 0, 100),
        (40.5, 28, 12.5),
        (50, None, None),
    ],
)
def test_nps_from_shares(promoters: float, detractors: float | None, nps: float | None) -> None:
    kpi = Kpi(measure="nps", promoters=promoters, detractors=detractors)
    assert kpi.nps_from_shares == nps


def test_kpi_label_and_unit_default_to_the_measure() -> None:
    assert Kpi(measure="fcr").label == "FCR"
    assert Kpi(measure="fcr").shown_unit == "%"
    assert Kpi(measure="custom", name="Callbacks kept", unit="%").label == "Callbacks kept"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Webbchatt på sajten!", "webbchatt-pa-sajten"),
        ("Åäö ÅÄÖ", "aao-aao"),
        ("Kundtjänst 😀 dygnet runt", "kundtjanst-dygnet-runt"),
        ("😀🎉", "initiative"),
        ("", "initiative"),
        ("  --Already-a-slug--  ", "already-a-slug"),
        ("Ünïcödé & Çø.", "unicode-co"),
        ("Grønn kundeservice", "gronn-kundeservice"),
        ("Straße", "strasse"),
        ("Łódź, Ærø og Þórshöfn", "lodz-aero-og-thorshofn"),
        ("x" * 60, "x" * 48),
        ("word " * 20, "-".join(["word"] * 9)),  # cut at a whole word
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_unique_slug_numbers_taken_ids() -> None:
    assert unique_slug("Web chat", []) == "web-chat"
    assert unique_slug("Web chat", ["web-chat"]) == "web-chat-2"
    assert unique_slug("Web chat", ["web-chat", "web-chat-2", "web-chat-3"]) == "web-chat-4"
    assert unique_slug("😀", ["initiative"]) == "initiative-2"


def test_unique_slug_of_a_long_title_stays_a_valid_id() -> None:
    title = "a" * 100
    taken = [slugify(title)]
    slug = unique_slug(title, taken)
    assert slug == "a" * 48 + "-2"
    Initiative(id=slug, title="ok")


def test_initiative_lookup() -> None:
    plan = Plan.model_validate(_plan(initiatives=[_initiative("a"), _initiative("b")]))
    assert plan.initiative("b").title == "B"
    with pytest.raises(KeyError):
        plan.initiative("c")


# --- field rules (pydantic) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "loc"),
    [
        (_plan(title=5), ("title",)),
        (_plan(title=""), ("title",)),
        (_plan(color="red"), ("color",)),
        (_plan(participants="Ann"), ("participants",)),
        (_plan(initiatives=[_initiative("Bad Id")]), ("initiatives", 0, "id")),
        (_plan(initiatives=[_initiative("a", effort="3")]), ("initiatives", 0, "effort")),
        (_plan(initiatives=[_initiative("a", effort=float("inf"))]), ("initiatives", 0, "effort")),
        (_plan(initiatives=[_initiative("a", confidence=-1)]), ("initiatives", 0, "confidence")),
        (_plan(initiatives=[_initiative("a", reach=-1)]), ("initiatives", 0, "reach")),
        (_plan(initiatives=[_initiative("a", status="doing")]), ("initiatives", 0, "status")),
        (_plan(initiatives=[_initiative("a", areas=["sales"])]), ("initiatives", 0, "areas", 0)),
        (_plan(areas={"insight": {"maturity_today": 0}}), ("areas", "insight", "maturity_today")),
        (_plan(areas={"insight": {"maturity_today": 3.0}}), ("areas", "insight", "maturity_today")),
        (
            _plan(areas={"accessibility": {"channels": [{"name": "P", "preference": 101}]}}),
            ("areas", "accessibility", "channels", 0, "preference"),
        ),
        (
            _plan(areas={"accessibility": {"channels": [{"name": "P", "customer_value": 6}]}}),
            ("areas", "accessibility", "channels", 0, "customer_value"),
        ),
        (
            _plan(
                areas={
                    "unnecessary_demand": {"contact_reasons": [{"reason": "r", "avoidable": 100.1}]}
                }
            ),
            ("areas", "unnecessary_demand", "contact_reasons", 0, "avoidable"),
        ),
        (
            _plan(
                areas={
                    "unnecessary_demand": {
                        "contact_reasons": [{"reason": "r", "monthly_volume": -1}]
                    }
                }
            ),
            ("areas", "unnecessary_demand", "contact_reasons", 0, "monthly_volume"),
        ),
        (
            _plan(
                areas={
                    "service_friendliness": {"frictions": [{"title": "t", "frequency": "hourly"}]}
                }
            ),
            ("areas", "service_friendliness", "frictions", 0, "frequency"),
        ),
        (
            _plan(
                areas={
                    "mobility": {"checks": [{"channel": "web", "check": "c", "status": "maybe"}]}
                }
            ),
            ("areas", "mobility", "checks", 0, "status"),
        ),
        (
            _plan(areas={"anchoring": {"stakeholders": [{"name": "IT", "buy_in": "keen"}]}}),
            ("areas", "anchoring", "stakeholders", 0, "buy_in"),
        ),
        (
            _plan(areas={"insight": {"kpis": [{"measure": "roi"}]}}),
            ("areas", "insight", "kpis", 0, "measure"),
        ),
        (_plan(scoring={"method": "magic"}), ("scoring", "method")),
        (_plan(scoring={"value_weight": -1}), ("scoring", "value_weight")),
        (_plan(created="2026-11-24T09:00:00Z"), ("created",)),
    ],
)
def test_field_rule(data: dict[str, Any], loc: tuple[str | int, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        Plan.model_validate(data)
    assert [tuple(e["loc"]) for e in caught.value.errors()] == [loc]


# --- cross-field rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_plan(title="  "), [(("title",), "expected a title, got an empty one")]),
        (
            _plan(participants=["Ann", "Bo", " ANN"]),
            [(("participants", 2), "participant 'ann' is listed twice")],
        ),
        (
            _plan(scales={"efficiency": {"min": 3, "max": 3}}),
            [(("scales", "efficiency", "max"), "expected max greater than min (3)")],
        ),
        (
            _plan(scales={"effort": {"anchors": {"0": "none", "x": "?"}}}),
            [
                (
                    ("scales", "effort", "anchors", "0"),
                    "expected a whole score from 1 to 5 as the key",
                ),
                (
                    ("scales", "effort", "anchors", "x"),
                    "expected a whole score from 1 to 5 as the key",
                ),
            ],
        ),
        (
            _plan(scoring={"criteria": [{"id": "risk"}, {"id": "risk", "min": 2, "max": 1}]}),
            [
                (("scoring", "criteria", 1, "id"), "criterion id 'risk' is used twice"),
                (("scoring", "criteria", 1, "max"), "expected max greater than min (2)"),
            ],
        ),
        (
            _plan(scoring={"value_weight": 0, "efficiency_weight": 0}),
            [
                (
                    ("scoring", "value_weight"),
                    "customer value and efficiency weights cannot both be 0",
                )
            ],
        ),
        (
            _plan(areas={"accessibility": {"channels": [{"name": "Chat"}, {"name": "chat "}]}}),
            [(("areas", "accessibility", "channels", 1), "'chat ' appears twice in channels")],
        ),
        (
            _plan(areas={"insight": {"touchpoints": [{"name": " "}]}}),
            [(("areas", "insight", "touchpoints", 0, "name"), "expected a name, got blank")],
        ),
        (
            _plan(areas={"insight": {"kpis": [{"measure": "csat", "target": 120}]}}),
            [
                (
                    ("areas", "insight", "kpis", 0, "target"),
                    "expected a value on CSAT's 0–100 % scale, got 120",
                )
            ],
        ),
        (
            _plan(areas={"insight": {"kpis": [{"measure": "fcr", "promoters": 10}]}}),
            [
                (
                    ("areas", "insight", "kpis", 0, "promoters"),
                    "promoter and detractor shares belong to NPS KPIs only",
                )
            ],
        ),
        (
            _plan(
                areas={
                    "insight": {
                        "kpis": [
                            {"measure": "nps", "unit": "pts", "promoters": 60, "detractors": 50}
                        ]
                    }
                }
            ),
            [
                (
                    ("areas", "insight", "kpis", 0, "detractors"),
                    "promoters and detractors add up to more than 100 %",
                )
            ],
        ),
        (
            _plan(initiatives=[_initiative("a"), _initiative("a")]),
            [(("initiatives", 1, "id"), "id 'a' is used by an earlier initiative")],
        ),
        (
            _plan(initiatives=[_initiative("a", areas=["insight", "insight"])]),
            [(("initiatives", 0, "areas", 1), "area 'insight' is listed twice")],
        ),
        (
            _plan(initiatives=[_initiative("a", effort=0, time_criticality=6)]),
            [
                (("initiatives", 0, "effort"), "expected a score from 1 to 5, got 0"),
                (("initiatives", 0, "time_criticality"), "expected a score from 1 to 5, got 6"),
            ],
        ),
        (
            _plan(
                scales={"effort": {"min": 0, "max": 10}},
                initiatives=[_initiative("a", effort=10, customer_value=5.5)],
            ),
            [(("initiatives", 0, "customer_value"), "expected a score from 1 to 5, got 5.5")],
        ),
        (
            _plan(
                scoring={"criteria": [{"id": "risk", "min": 0, "max": 3}]},
                initiatives=[_initiative("a", criteria={"risk": 4, "cost": 1})],
            ),
            [
                (("initiatives", 0, "criteria", "risk"), "expected a score from 0 to 3, got 4"),
                (("initiatives", 0, "criteria", "cost"), "unknown criterion 'cost' (known: risk)"),
            ],
        ),
        (
            _plan(initiatives=[_initiative("a", depends_on=["b", "a"])]),
            [
                (("initiatives", 0, "depends_on", 0), "no initiative has the id 'b'"),
                (("initiatives", 0, "depends_on", 1), "an initiative cannot depend on itself"),
            ],
        ),
        (
            _plan(initiatives=[_initiative("a"), _initiative("b", depends_on=["a", "a"])]),
            [(("initiatives", 1, "depends_on", 1), "'a' is listed twice")],
        ),
        (
            _plan(
                initiatives=[
                    _initiative(
                        "a",
                        estimates=[
                            {"participant": "Ann", "efficiency": 9},
                            {"participant": "ann"},
                            {"participant": " "},
                        ],
                    )
                ]
            ),
            [
                (
                    ("initiatives", 0, "estimates", 1, "participant"),
                    "participant 'ann' has two estimates",
                ),
                (
                    ("initiatives", 0, "estimates", 0, "efficiency"),
                    "expected a score from 1 to 5, got 9",
                ),
                (("initiatives", 0, "estimates", 2, "participant"), "expected a name, got blank"),
            ],
        ),
        (
            _plan(
                initiatives=[
                    _initiative("a", depends_on=["b"]),
                    _initiative("b", depends_on=["c"]),
                    _initiative("c", depends_on=["a"]),
                ]
            ),
            [(("initiatives", 0, "depends_on"), "dependencies form a cycle: a → b → c → a")],
        ),
    ],
)
def test_cross_field_rule(data: dict[str, Any], expected: list[tuple[Any, str]]) -> None:
    assert _rule_messages(data) == expected


def test_a_valid_plan_breaks_no_rule() -> None:
    plan = Plan.model_validate(
        _plan(
            scales={"effort": {"min": 0, "max": 10, "anchors": {"0": "none", "10": "all"}}},
            initiatives=[
                _initiative("a", effort=10, customer_value=1),
                _initiative("b", depends_on=["a"], estimates=[{"participant": "Ann", "effort": 0}]),
            ],
        )
    )
    assert plan_rule_problems(plan) == []


def test_dependency_cycle_finds_one_cycle_or_none() -> None:
    def items(deps: dict[str, list[str]]) -> list[Initiative]:
        return [Initiative(id=k, title=k, depends_on=v) for k, v in deps.items()]

    assert dependency_cycle(items({"a": [], "b": ["a"], "c": ["a", "b"]})) == []
    assert dependency_cycle(items({"a": ["b"], "b": ["a"]})) == ["a", "b"]
    assert dependency_cycle(items({"x": [], "a": ["b"], "b": ["c"], "c": ["b"]})) == ["b", "c"]
    assert dependency_cycle(items({"a": ["a"]})) == []  # self-dependency is its own rule
    assert dependency_cycle(items({"a": ["missing"]})) == []


def test_dependency_cycle_handles_long_chains() -> None:
    chain = [Initiative(id=f"i{n}", title="t", depends_on=[f"i{n + 1}"]) for n in range(5000)]
    assert dependency_cycle(chain) == []
    chain.append(Initiative(id="i5000", title="t", depends_on=["i0"]))
    assert len(dependency_cycle(chain)) == 5001


def test_whole_floats_serialise_as_ints() -> None:
    plan = Plan.model_validate(_plan(initiatives=[_initiative("a", effort=2.0, reach=2.5)]))
    data = plan.to_data()["initiatives"][0]
    assert data["effort"] == 2
    assert isinstance(data["effort"], int)
    assert data["reach"] == 2.5


# --- removing an initiative -------------------------------------------------------------


def test_without_initiative_drops_it_and_every_dependency_on_it() -> None:
    plan = Plan.model_validate(
        _plan(
            initiatives=[
                _initiative("faq"),
                _initiative("bot", depends_on=["faq"]),
                _initiative("crm", depends_on=["bot", "faq"]),
            ]
        )
    )

    after = without_initiative(plan, "faq")

    assert [(i.id, i.depends_on) for i in after.initiatives] == [("bot", []), ("crm", ["bot"])]
    assert plan_rule_problems(after) == []
    assert len(plan.initiatives) == 3  # the given plan is left as it was
    assert [i.id for i in dependents(plan, "faq")] == ["bot", "crm"]


def test_without_an_unknown_initiative_is_a_key_error() -> None:
    plan = Plan.model_validate(_plan(initiatives=[_initiative("faq")]))
    with pytest.raises(KeyError):
        without_initiative(plan, "nope")


@given(st.lists(st.sets(st.integers(0, 5)), min_size=1, max_size=6), st.data())
def test_removing_any_initiative_keeps_a_valid_plan_valid(
    wanted: list[set[int]], data: st.DataObject
) -> None:
    """Each initiative depends only on earlier ones (no cycles); remove any one of them."""
    items = [
        _initiative(f"i{n}", depends_on=sorted(f"i{d}" for d in deps if d < n))
        for n, deps in enumerate(wanted)
    ]
    plan = Plan.model_validate(_plan(initiatives=items))
    gone = data.draw(st.sampled_from([i.id for i in plan.initiatives]))

    after = without_initiative(plan, gone)

    assert plan_rule_problems(after) == []
    assert [i.id for i in after.initiatives] == [i.id for i in plan.initiatives if i.id != gone]
    assert all(gone not in i.depends_on for i in after.initiatives)
