"""The comparison engine: every kind of change, on hand-made pairs of plans."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from support import base_data, base_plan

from kxplan.model import Plan
from kxplan.reports.comparison import format_markdown, format_text
from kxplan.reports.comparison_json import format_json
from kxplan.versions.changes import Change, Comparison, text_diff
from kxplan.versions.comparison import compare
from kxplan.versions.textconv import plan_as_lines


def plan_of(data: dict[str, Any]) -> Plan:
    return Plan.model_validate(data)


def edited(change: Any) -> Plan:
    """The base plan after ``change(data)``."""
    return base_plan(change)


BASE = plan_of(base_data())


def non_rank(comparison: Comparison) -> list[Change]:
    return [c for c in comparison.changes if c.section != "ranks"]


# --- identity, mirror, exit-status semantics ------------------------------------------


def test_a_plan_compared_with_itself_is_empty() -> None:
    comparison = compare(BASE, plan_of(base_data()))
    assert comparison.changes == ()
    assert not comparison.differs
    assert comparison.summary() == "no differences"
    assert comparison.method == "ratio"


def test_only_timestamps_changed_is_shown_but_not_a_difference() -> None:
    later = edited(lambda d: d.update(updated=datetime(2026, 11, 24, 10, 0, tzinfo=UTC)))
    comparison = compare(BASE, later)
    assert [c.path for c in comparison.changes] == [("updated",)]
    assert comparison.changes[0].is_timestamp
    assert not comparison.differs
    assert comparison.summary() == "no differences (only timestamps changed)"


def test_mirror_swaps_added_and_removed_and_old_and_new() -> None:
    def change(d: dict[str, Any]) -> None:
        d["initiatives"].pop()  # crm removed
        d["initiatives"].append({"id": "bot", "title": "Bot", "effort": 1, "customer_value": 5})
        d["initiatives"][0]["effort"] = 3
        d["areas"]["insight"]["kpis"][0]["baseline"] = 75

    new = edited(change)
    forward, backward = compare(BASE, new), compare(new, BASE)
    assert backward == forward.mirrored()
    assert forward.mirrored().mirrored() == forward
    assert backward.initiatives_added == forward.initiatives_removed == ["crm"]
    assert backward.initiatives_removed == forward.initiatives_added == ["bot"]
    kpi = next(c for c in backward.changes if c.path[-1] == "baseline")
    assert (kpi.old, kpi.new, kpi.trend) == (75, 70, "worsened")


# --- metadata, strategy, scales, scoring ----------------------------------------------


def test_metadata_and_participants() -> None:
    def change(d: dict[str, Any]) -> None:
        d["title"] = "Kundservice 2028"
        d["participants"] = ["Anna", "Cem"]
        d["currency"] = "EUR"

    comparison = compare(BASE, edited(change))
    assert [(c.kind, c.path, c.old, c.new) for c in comparison.changes] == [
        ("changed", ("title",), "Kundservice 2027", "Kundservice 2028"),
        ("changed", ("currency",), "SEK", "EUR"),
        ("removed", ("participants", "Bo"), "Bo", None),
        ("added", ("participants", "Cem"), None, "Cem"),
    ]
    assert comparison.differs
    assert comparison.summary() == "4 other changes (metadata)"


def test_strategy_text_change_has_a_line_diff() -> None:
    new = edited(lambda d: d["strategy"].update(how="Measure\nFix it now\nFollow up"))
    (change,) = compare(BASE, new).changes
    assert (change.section, change.path) == ("strategy", ("how",))
    assert change.line_diff() == ["- Fix", "+ Fix it now"]
    assert text_diff("a\nb", "a\nb") == []


def test_scales_and_scoring_settings() -> None:
    def change(d: dict[str, Any]) -> None:
        d["scales"] = {"effort": {"min": 1, "max": 7, "anchors": {"1": "A day", "7": "Years"}}}
        d["scoring"] = {"method": "ratio", "value_weight": 2.0, "criteria": [{"id": "risk"}]}

    comparison = compare(BASE, edited(change))
    scales = [(c.kind, c.path, c.old, c.new) for c in comparison.in_section("scales")]
    assert scales[0] == ("changed", ("effort", "max"), 5, 7)
    assert ("changed", ("effort", "anchors", "1"), "A few days in one team", "A day") in scales
    assert ("removed", ("effort", "anchors", "2"), "A few weeks in one team", None) in scales
    assert ("added", ("effort", "anchors", "7"), None, "Years") in scales
    scoring = [(c.kind, c.path, c.old, c.new) for c in comparison.in_section("scoring")]
    assert scoring == [
        ("changed", ("value_weight",), 1.0, 2.0),
        ("added", ("criteria", "risk"), None, "risk"),
    ]


# --- areas ----------------------------------------------------------------------------


def test_maturity_gap_and_notes() -> None:
    def change(d: dict[str, Any]) -> None:
        d["areas"]["insight"]["maturity_today"] = 3
        d["areas"]["mobility"]["target"] = "Everything works on a phone."

    changes = compare(BASE, edited(change)).in_section("areas")
    assert [(c.path, c.old, c.new) for c in changes] == [
        (("insight", "maturity_today"), 2, 3),
        (("insight", "gap"), 2, 1),
        (("mobility", "target"), "", "Everything works on a phone."),
    ]


@pytest.mark.parametrize(
    ("area", "table", "row", "key"),
    [
        ("insight", "touchpoints", {"name": "Invoice", "stage": "after"}, "Invoice / after"),
        ("insight", "kpis", {"measure": "nps", "channel": "web"}, "NPS / web"),
        ("accessibility", "channels", {"name": "Chat"}, "Chat"),
        ("service_friendliness", "frictions", {"title": "Captcha"}, "Captcha"),
        (
            "mobility",
            "checks",
            {"channel": "App", "check": "mobile_payment"},
            "App / mobile_payment",
        ),
        ("unnecessary_demand", "contact_reasons", {"reason": "Invoice?"}, "Invoice? / "),
        ("anchoring", "stakeholders", {"name": "Finance"}, "Finance"),
    ],
)
def test_rows_added_and_removed_in_every_table(
    area: str, table: str, row: dict[str, Any], key: str
) -> None:
    new = edited(lambda d: d["areas"].setdefault(area, {}).setdefault(table, []).append(row))
    forward = compare(BASE, new)
    assert [(c.section, c.kind, c.path, c.new) for c in forward.changes] == [
        ("areas", "added", (area, table, key), key)
    ]
    assert [(c.kind, c.path) for c in compare(new, BASE).changes] == [
        ("removed", (area, table, key))
    ]


def test_row_changes_by_natural_key() -> None:
    def change(d: dict[str, Any]) -> None:
        areas = d["areas"]
        areas["accessibility"]["channels"][0]["cost_per_contact"] = 55
        areas["service_friendliness"]["frictions"][0]["fix"] = "Remember the device"
        areas["mobility"]["checks"][0]["status"] = "partly"
        areas["unnecessary_demand"]["contact_reasons"][0]["monthly_volume"] = 700
        areas["anchoring"]["stakeholders"][0]["stages"] = ["after"]
        areas["insight"]["touchpoints"][0]["channel"] = "e-mail"

    changes = compare(BASE, edited(change)).in_section("areas")
    assert [(c.kind, c.path, c.old, c.new) for c in changes] == [
        ("changed", ("insight", "touchpoints", "Order e-mail / during", "channel"), "", "e-mail"),
        ("changed", ("accessibility", "channels", "Phone", "cost_per_contact"), 60, 55),
        (
            "changed",
            ("service_friendliness", "frictions", "Login loop", "fix"),
            "",
            "Remember the device",
        ),
        ("changed", ("mobility", "checks", "Web / self_service", "status"), "no", "partly"),
        (
            "changed",
            (
                "unnecessary_demand",
                "contact_reasons",
                "Where is my order? / Phone",
                "monthly_volume",
            ),
            900,
            700,
        ),
        ("changed", ("anchoring", "stakeholders", "Logistics", "stages"), (), ("after",)),
    ]


def test_touchpoint_moved_to_another_stage_is_a_different_row() -> None:
    new = edited(lambda d: d["areas"]["insight"]["touchpoints"][0].update(stage="after"))
    changes = compare(BASE, new).changes
    assert [(c.kind, c.path[-1]) for c in changes] == [
        ("added", "Order e-mail / after"),
        ("removed", "Order e-mail / during"),
    ]


def test_kpi_trend_follows_the_measure_direction() -> None:
    def change(d: dict[str, Any]) -> None:
        kpis = d["areas"]["insight"]["kpis"]
        kpis[0]["baseline"] = 78  # CSAT up: better
        kpis[1]["baseline"] = 11  # handling time up: worse
        kpis[1]["target"] = 5  # a target change carries no trend

    changes = compare(BASE, edited(change)).in_section("areas")
    assert [(c.path[2:], c.old, c.new, c.trend) for c in changes] == [
        (("CSAT / phone", "baseline"), 70, 78, "improved"),
        (("Handling time / all", "baseline"), 9, 11, "worsened"),
        (("Handling time / all", "target"), 6, 5, None),
    ]


# --- initiatives and ranks ------------------------------------------------------------


def test_renamed_initiative_is_a_title_change() -> None:
    new = edited(lambda d: d["initiatives"][0].update(title="Chat on the web"))
    comparison = compare(BASE, new)
    assert comparison.initiatives_added == comparison.initiatives_removed == []
    assert comparison.initiatives_changed == {
        "web-chat": {"title": ("Web chat", "Chat on the web")}
    }
    assert comparison.summary() == "1 initiative edited"


def test_initiative_fields_estimates_and_criteria() -> None:
    def change(d: dict[str, Any]) -> None:
        chat = d["initiatives"][0]
        chat["status"] = "planned"
        chat["areas"] = ["accessibility"]
        chat["depends_on"] = ["faq"]
        chat["estimates"] = [
            {"participant": "Anna", "effort": 3, "customer_value": 4},
            {"participant": "Bo", "effort": 2},
        ]
        d["scoring"] = {"criteria": [{"id": "risk"}]}
        d["initiatives"][1]["criteria"] = {"risk": 2}

    changes = compare(BASE, edited(change)).in_section("initiatives")
    assert [(c.kind, c.path, c.old, c.new) for c in changes] == [
        ("added", ("faq", "criteria", "risk"), None, 2),
        ("changed", ("web-chat", "areas"), (), ("accessibility",)),
        ("changed", ("web-chat", "status"), "idea", "planned"),
        ("changed", ("web-chat", "depends_on"), (), ("faq",)),
        ("changed", ("web-chat", "estimates", "Anna", "effort"), 2, 3),
        ("added", ("web-chat", "estimates", "Bo"), None, "effort 2"),
    ]


def test_added_removed_rescored_and_rank_moves() -> None:
    # ratio = mean(value, efficiency) / effort. Before: web-chat 4/2 = 2, faq 2/1 = 2,
    # crm 3.5/5 = 0.7. After: bot 5/1 = 5, web-chat 2, crm 0.7, faq 2/4 = 0.5.
    def change(d: dict[str, Any]) -> None:
        d["initiatives"][1]["effort"] = 4
        d["initiatives"].append(
            {"id": "bot", "title": "Bot", "effort": 1, "customer_value": 5, "efficiency": 5}
        )

    comparison = compare(BASE, edited(change))
    assert comparison.initiatives_added == ["bot"]
    assert comparison.rescored == ["faq"]
    # web-chat's rank number changed only because bot came in above it
    assert comparison.rank_moves == {"faq": (2, 4)}
    assert comparison.rank_shifts == {"web-chat": (1, 2)}
    assert comparison.top_old == ("web-chat", "faq", "crm")
    assert comparison.top_new == ("bot", "web-chat", "crm", "faq")
    # effort 4 is above the mid-scale threshold 3 and impact 2 below it
    quadrant = comparison.in_section("ranks")[1]
    assert "  1 other shifted by one or more places because of the changes above" in format_text(
        comparison, "a", "b"
    )
    assert "web-chat: rank" not in format_text(comparison, "a", "b")
    assert (quadrant.path, quadrant.old, quadrant.new) == (
        ("faq", "quadrant"),
        "fill_in",
        "thankless",
    )
    assert comparison.summary() == (
        "1 initiative added, 1 re-scored; 1 moved in rank; top 5 changed: 1 in, 0 out"
    )


def test_quadrant_change_and_closed_initiative_leaves_the_ranking() -> None:
    def change(d: dict[str, Any]) -> None:
        d["initiatives"][1]["effort"] = 5  # faq (impact 2): a fill-in turns thankless
        d["initiatives"][2]["status"] = "done"  # crm leaves the ranking

    comparison = compare(BASE, edited(change))
    assert [(c.kind, c.path, c.old, c.new) for c in comparison.in_section("ranks")] == [
        ("moved", ("crm", "rank"), 3, None),
        ("changed", ("crm", "quadrant"), "major_project", None),
        ("changed", ("faq", "quadrant"), "fill_in", "thankless"),
    ]


def test_ranks_use_the_new_plans_method_or_the_one_given() -> None:
    # quadrant ranks quick wins, then major projects, then fill-ins: crm before faq.
    # One method for both sides, so switching method alone moves nothing.
    new = edited(lambda d: d.update(scoring={"method": "quadrant"}))
    by_new_method = compare(BASE, new)
    assert by_new_method.method == "quadrant"
    assert by_new_method.top_old == by_new_method.top_new == ("web-chat", "crm", "faq")
    assert by_new_method.rank_moves == {}
    by_ratio = compare(BASE, new, "ratio")
    assert by_ratio.method == "ratio"
    assert by_ratio.top_old == ("web-chat", "faq", "crm")


def test_ranks_are_skipped_when_the_method_cannot_apply() -> None:
    new = edited(lambda d: d.update(scoring={"method": "weighted"}))
    comparison = compare(BASE, new)
    assert comparison.method is None
    assert "criteria" in comparison.ranks_skipped
    assert comparison.in_section("ranks") == []
    assert [c.path for c in comparison.changes] == [("method",)]


def test_summary_line() -> None:
    def change(d: dict[str, Any]) -> None:
        d["initiatives"].pop()  # crm removed
        for item_id, effort in (("bot", 1), ("sms", 1)):
            d["initiatives"].append(
                {
                    "id": item_id,
                    "title": item_id,
                    "effort": effort,
                    "customer_value": 5,
                    "efficiency": 5,
                }
            )
        d["initiatives"][1]["effort"] = 2
        d["areas"]["insight"]["maturity_today"] = 3

    comparison = compare(BASE, edited(change))
    assert comparison.summary() == (
        "2 initiatives added, 1 removed, 1 re-scored; top 5 changed: 2 in, 1 out; 2 area changes"
    )


# --- renderings -----------------------------------------------------------------------


def test_text_and_markdown_renderings() -> None:
    def change(d: dict[str, Any]) -> None:
        d["initiatives"][0]["title"] = "*Chat* <b>"
        d["strategy"]["how"] = "Measure\nFix\nFollow up weekly"

    comparison = compare(BASE, edited(change))
    text = format_text(comparison, "old.toml", "new.toml")
    assert text.splitlines()[:3] == [
        "--- old.toml",
        "+++ new.toml",
        "1 initiative edited; 1 other change (strategy)",
    ]
    assert '  web-chat.title: "Web chat" → "*Chat* <b>"' in text
    assert "    - Follow up\n    + Follow up weekly" in text
    assert "\x1b[" not in text
    markdown = format_markdown(comparison, "old.toml", "new.toml")
    # one "<" escaped is enough: "b>" alone is no tag
    assert '- web-chat.title: "Web chat" → "\\*Chat\\* \\<b>"' in markdown
    assert "## Initiatives" in markdown


def test_json_rendering() -> None:
    def change(d: dict[str, Any]) -> None:
        d["initiatives"].pop()
        d["initiatives"][1]["effort"] = 4
        d["areas"]["insight"]["kpis"][0]["baseline"] = 75

    data = json.loads(format_json(compare(BASE, edited(change))))
    assert data["initiatives"]["added"] == []
    assert data["initiatives"]["removed"] == ["crm"]
    assert data["initiatives"]["changed"] == {"faq": {"effort": [1, 4]}}
    # without crm (0.7), faq at 2/4 = 0.5 is still second behind web-chat: no moves
    assert data["initiatives"]["moved"] == {}
    assert data["initiatives"]["quadrant"] == {"faq": ["fill_in", "thankless"]}
    assert data["areas"]["insight"]["kpis"]["changed"] == {
        "CSAT / phone": {"baseline": [70, 75], "trend": "improved"}
    }
    assert data["differs"] is True
    assert data["changes"][0]["section"] == "areas"


def test_plan_as_lines_one_fact_per_line() -> None:
    lines = plan_as_lines(BASE)
    assert "title = Kundservice 2027" in lines
    assert "areas.insight.maturity_today = 2" in lines
    assert "areas.insight.gap = 2" in lines
    assert "areas.insight.kpis[CSAT / phone].baseline = 70" in lines
    assert "initiative web-chat: effort = 2" in lines
    assert "initiative web-chat: estimate Anna: effort 2, customer_value 4" in lines
    assert "strategy.how | Fix" in lines
    assert lines[-3].startswith("rank 1 (ratio): ")
    assert plan_as_lines(plan_of(base_data())) == lines  # stable


def test_extra_table_and_criterion_settings() -> None:
    def change(d: dict[str, Any]) -> None:
        d["extra"] = {"workshop": {"room": "B"}, "note": "new"}
        d["scoring"] = {"criteria": [{"id": "risk", "weight": -1.0}]}

    old = edited(
        lambda d: d.update(
            extra={"workshop": {"room": "A"}}, scoring={"criteria": [{"id": "risk"}]}
        )
    )
    comparison = compare(old, edited(change))
    assert [(c.section, c.kind, c.path, c.old, c.new) for c in comparison.changes] == [
        ("scoring", "changed", ("criteria", "risk", "weight"), 1.0, -1.0),
        ("extra", "added", ("note",), None, "new"),
        ("extra", "changed", ("workshop",), '{"room": "A"}', '{"room": "B"}'),
    ]


def test_extra_values_of_any_toml_type() -> None:
    from datetime import date

    old = edited(lambda d: d.update(extra={"rows": [{"a": 1}], "day": date(2026, 1, 2)}))
    new = edited(lambda d: d.update(extra={"rows": [{"a": 2}], "day": date(2026, 1, 3)}))
    changes = compare(old, new).in_section("extra")
    assert [(c.path, c.old, c.new) for c in changes] == [
        (("day",), '"2026-01-02"', '"2026-01-03"'),
        (("rows",), '[{"a": 1}]', '[{"a": 2}]'),
    ]
    assert 'extra.rows = [{"a": 2}]' in plan_as_lines(new)


def test_custom_kpi_improves_towards_its_target() -> None:
    def with_complaints(baseline: float, target: float) -> Plan:
        kpi = {"measure": "custom", "name": "Complaints", "baseline": baseline, "target": target}
        return edited(lambda d: d["areas"]["insight"]["kpis"].append(kpi))

    def trend(old: Plan, new: Plan) -> object:
        return next(c.trend for c in compare(old, new).changes if c.path[-1] == "baseline")

    assert trend(with_complaints(40, 10), with_complaints(30, 10)) == "improved"
    assert trend(with_complaints(30, 10), with_complaints(40, 10)) == "worsened"
    assert trend(with_complaints(12, 10), with_complaints(8, 10)) is None  # as far off
    assert trend(with_complaints(40, 10), with_complaints(30, 20)) is None  # target moved too
