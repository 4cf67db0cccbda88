"""The journey as the organisation's own: stages defined in the plan (the built-in three
by default), stage references checked against them, the expectation gap computed once,
and the views (document, summary, show, comparison) reading it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kxplan import storage, templates
from kxplan.i18n import language as use
from kxplan.model import Plan, RuleViolations, Touchpoint
from kxplan.model.journey import (
    by_stage,
    expectation_gap,
    largest_gaps,
    stage_choices,
    stage_ids,
    stage_label,
)
from kxplan.model.rows import JourneyStage
from kxplan.model.rules import row_problems
from kxplan.model.tables import TABLES_BY_ATTRIBUTE, naming_stage
from kxplan.reports import formats
from kxplan.reports.comparison import format_text
from kxplan.reports.journey import journey_lines
from kxplan.reports.overview import overview, overview_data
from kxplan.versions.comparison import compare

JOURNEY = TABLES_BY_ATTRIBUTE["journey"]
TOUCHPOINTS = TABLES_BY_ATTRIBUTE["touchpoints"]

SCHEMA_2 = """\
schema = 2
title = "Old plan"

[[areas.insight.touchpoints]]
name = "Checkout"
stage = "during"
channel = "web"
notes = ""

[[areas.anchoring.stakeholders]]
name = "IT"
role = ""
stages = [
    "before",
    "after",
]
buy_in = "supportive"
contact = ""
next_step = ""
notes = ""
"""


def bus_plan() -> Plan:
    return templates.load_template("public-transport")


# --- stages --------------------------------------------------------------------------


def test_a_plan_without_stages_of_its_own_has_the_built_in_three() -> None:
    plan = Plan(title="t")
    assert stage_ids(plan) == ("before", "during", "after")
    assert stage_choices(plan) == (
        ("before", "Before purchase"),
        ("during", "During purchase"),
        ("after", "After purchase"),
    )
    with use("sv"):
        assert stage_label(plan, "during") == "Under köpet"


def test_a_schema_2_plan_with_during_opens_and_saves_unchanged_but_the_schema() -> None:
    plan = storage.loads(SCHEMA_2)
    assert plan.areas.insight.touchpoints[0].stage == "during"
    assert stage_label(plan, "during") == "During purchase"
    assert plan.areas.insight.journey == []
    assert plan == storage.loads(SCHEMA_2.replace("schema = 2", "schema = 3"))
    text = storage.dumps(plan)
    assert text.startswith("schema = 3\n")
    assert 'stage = "during"' in text
    for new in ("journey", "critical", "expectation", "experience", "touchpoint_scale"):
        assert new not in text  # the new fields are written only when set


def test_a_plans_own_stages_name_the_stages_in_its_order() -> None:
    plan = bus_plan()
    assert stage_ids(plan) == ("plan", "buy", "travel", "disruption", "follow-up")
    assert stage_label(plan, "disruption") == "Disruption"
    assert [view.label for view, _rows in by_stage(plan)] == [
        "Plan the trip",
        "Buy a ticket",
        "Travel",
        "Disruption",
        "Follow-up",
    ]


def test_a_built_in_id_unnamed_keeps_its_translated_label() -> None:
    plan = Plan(
        title="t",
        areas={"insight": {"journey": [{"id": "before"}, {"id": "travel", "name": "Travel"}]}},
    )
    assert stage_choices(plan) == (("before", "Before purchase"), ("travel", "Travel"))
    with use("sv"):
        assert stage_label(plan, "before") == "Före köpet"


def test_touchpoints_are_grouped_by_stage_in_the_plans_order_not_the_files() -> None:
    plan = Plan(
        title="t",
        areas={
            "insight": {
                "journey": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
                "touchpoints": [
                    {"name": "late", "stage": "b"},
                    {"name": "early", "stage": "a"},
                    {"name": "later", "stage": "b"},
                ],
            }
        },
    )
    groups = [(view.id, [t.name for t in rows]) for view, rows in by_stage(plan)]
    assert groups == [("a", ["early"]), ("b", ["late", "later"])]


def test_unknown_stage_references_are_refused_where_they_are() -> None:
    with pytest.raises(RuleViolations) as caught:
        Plan(
            title="t",
            areas={
                "insight": {
                    "journey": [{"id": "plan", "name": "Plan"}],
                    "touchpoints": [{"name": "x", "stage": "during"}],
                },
                "anchoring": {"stakeholders": [{"name": "IT", "stages": ["plan", "gone"]}]},
            },
        )
    assert caught.value.problems == [
        (
            ("areas", "insight", "touchpoints", 0, "stage"),
            "unknown stage 'during'; expected one of: plan",
        ),
        (
            ("areas", "anchoring", "stakeholders", 0, "stages", 1),
            "unknown stage 'gone'; expected one of: plan",
        ),
    ]


def test_a_stage_still_named_cannot_change_its_id_in_a_row_form() -> None:
    plan = bus_plan()
    stages = plan.areas.insight.journey
    renamed = JourneyStage(id="trip", name="Travel")
    problems = row_problems(JOURNEY, stages, renamed, 2, plan)
    assert problems[0][0] == ("id",)
    assert problems[0][1].startswith("the stage 'travel' is still named by touchpoint ")
    named = stages[2].model_copy(update={"name": "Ride"})  # a new name, the same id: fine
    assert row_problems(JOURNEY, stages, named, 2, plan) == []
    assert naming_stage(plan, "travel")[0] == "touchpoint 'Waiting at the stop / travel'"


def test_a_row_form_checks_a_touchpoints_scores_on_the_plans_scale() -> None:
    plan = Plan(title="t", areas={"insight": {"touchpoint_scale": {"min": 0, "max": 10}}})
    row = Touchpoint(name="x", expectation_score=10, experience_score=11)
    assert row_problems(TOUCHPOINTS, [], row, None, plan) == [
        (("experience_score",), "expected a score from 0 to 10, got 11")
    ]
    assert row_problems(TOUCHPOINTS, [], row) == []  # without the plan: its rules alone


# --- the gap -------------------------------------------------------------------------

SCORE = st.none() | st.integers(1, 5) | st.floats(1, 5, allow_nan=False)


@given(expected=SCORE, experienced=SCORE)
def test_the_gap_is_expected_minus_experienced_when_both_are_scored(
    expected: float | None, experienced: float | None
) -> None:
    touchpoint = Touchpoint(name="x", expectation_score=expected, experience_score=experienced)
    gap = expectation_gap(touchpoint)
    if expected is None or experienced is None:
        assert gap is None
    else:
        assert gap == expected - experienced
        assert (gap > 0) == (experienced < expected)


@given(
    rows=st.lists(st.tuples(st.booleans(), SCORE, SCORE), max_size=8),
    limit=st.integers(1, 4),
)
def test_the_largest_gaps_are_critical_positive_largest_first_and_few(
    rows: list[tuple[bool, float | None, float | None]], limit: int
) -> None:
    plan = Plan(
        title="t",
        areas={
            "insight": {
                "touchpoints": [
                    {
                        "name": f"t{i}",
                        "critical": critical,
                        "expectation_score": expected,
                        "experience_score": experienced,
                    }
                    for i, (critical, expected, experienced) in enumerate(rows)
                ]
            }
        },
    )
    gaps = largest_gaps(plan, limit)
    assert len(gaps) <= limit
    assert all(item.touchpoint.critical and item.gap > 0 for item in gaps)
    assert [item.gap for item in gaps] == sorted((item.gap for item in gaps), reverse=True)
    left_out = [
        gap
        for t in plan.areas.insight.touchpoints
        if t.critical and (gap := expectation_gap(t)) is not None and gap > 0
    ]
    assert len(gaps) == min(limit, len(left_out))
    if gaps:
        assert gaps[0].gap == max(left_out)


# --- the views -----------------------------------------------------------------------


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def test_the_document_shows_the_stages_in_order_and_touchpoints_grouped_by_them() -> None:
    markdown = formats.render(bus_plan(), "markdown")
    stages = _section(markdown, "### Journey stages", "### Touchpoints")
    order = ["Plan the trip", "Buy a ticket", "| Travel", "Disruption", "Follow-up"]
    positions = [stages.index(name) for name in order]
    assert positions == sorted(positions)
    assert "| Stage | What happens | Touchpoints |" in stages
    touchpoints = _section(markdown, "### Touchpoints", "### KPIs")
    assert "| Critical | Expectation | Experience | Expected → experienced | Gap |" in touchpoints
    late = next(line for line in touchpoints.splitlines() if "when a bus is late" in line)
    assert late.startswith("| Disruption | Information when a bus is late | app | yes |")
    assert "| 5 → 2 | +3 |" in late
    rows = [line.split(" | ")[0] for line in touchpoints.splitlines() if line.startswith("| ")]
    assert rows[2:] == [  # after the header and the rule
        "| Plan the trip",
        "| Buy a ticket",
        "| Buy a ticket",
        "| Travel",
        "| Disruption",
        "| Disruption",
        "| Follow-up",
    ]


def test_the_summary_lists_the_largest_gaps_at_critical_touchpoints() -> None:
    markdown = formats.render(bus_plan(), "markdown")
    block = _section(markdown, "### The largest gaps at critical touchpoints", "### The top")
    assert block.splitlines()[2:5] == [
        "- Information when a bus is late (Disruption): expected 5, experienced 2, gap +3",
        "- Buying a ticket in the app (Buy a ticket): expected 5, experienced 3, gap +2",
        "- Replacement bus for a cancelled service (Disruption): expected 4, experienced 2, gap +2",
    ]
    html = formats.render(bus_plan(), "html")
    assert "The largest gaps at critical touchpoints" in html
    assert "Information when a bus is late (Disruption): expected 5, experienced 2, gap +3" in html


def test_a_plan_without_critical_touchpoints_has_no_gap_block_nor_stage_table() -> None:
    plan = storage.loads(SCHEMA_2)
    markdown = formats.render(plan, "markdown")
    assert "critical touchpoints" not in markdown
    assert "### Journey stages" not in markdown
    assert "| Critical" not in markdown  # a column empty in every row goes


def test_the_swedish_document_says_the_journey_in_swedish() -> None:
    plan = templates.load_template("kollektivtrafik")
    markdown = formats.render(plan, "markdown")
    assert "### De största gapen vid kritiska kontaktpunkter" in markdown
    assert "- Information vid försening (Störning): förväntan 5, upplevelse 2, gap +3" in markdown
    assert "| Kritisk | Förväntan | Upplevelse |" in markdown


def test_show_lists_the_journey_and_its_largest_gaps() -> None:
    plan = bus_plan()
    text = overview(plan)
    journey = _section(text, "\nJourney\n", "KPIs")
    assert "  Disruption     2 touchpoints, 2 critical" in journey
    assert (
        "  Information when a bus is late (Disruption): expected 5, experienced 2, gap +3"
        in journey
    )
    data = overview_data(plan)["journey"]
    assert [s["id"] for s in data["stages"]] == list(stage_ids(plan))
    assert data["gaps"][4] == {
        "touchpoint": "Information when a bus is late",
        "stage": "disruption",
        "critical": True,
        "gap": 3,
    }


def test_the_comparison_says_a_critical_mark_as_yes_or_no() -> None:
    old = bus_plan()
    new = old.model_copy(deep=True)
    new.areas.insight.touchpoints[0].critical = True
    new.areas.insight.touchpoints[0].experience_score = 3
    comparison = compare(old, new)
    text = format_text(comparison, "old", "new")
    # the row by its stage's name in the plan, not the stage's id ("plan")
    assert "Touchpoint Journey search in the app / Plan the trip: critical no → yes" in text
    assert "Touchpoint Journey search in the app / Plan the trip: experience score 4 → 3" in text
    assert comparison.changes[0].path[2] == "Journey search in the app / plan"  # the data's


def test_the_comparison_names_a_row_by_its_stage_label_in_the_language_shown() -> None:
    old = Plan(title="Shop")
    old.areas.insight.touchpoints.append(Touchpoint(name="Checkout", stage="before"))
    new = old.model_copy(deep=True)
    new.areas.insight.touchpoints[0].stage = "during"
    with use("sv"):
        text = format_text(compare(old, new), "old", "new")
    assert "- touchpoints[Checkout / Före köpet]" in text
    assert "+ touchpoints[Checkout / Under köpet]" in text
    assert "before" not in text


def test_every_word_of_the_journey_in_a_document_and_in_show_is_marked() -> None:
    from pseudo import pseudo_language, unmarked
    from test_export_pseudo import foreign_words, markdown_words, plan_words

    plan = bus_plan()
    with pseudo_language():
        text = formats.render(plan, "markdown") + "\n".join(journey_lines(plan))
        allowed = plan_words(plan) | foreign_words(plan)
    assert "⟦" in text
    assert unmarked(markdown_words(text), allowed) == []


def test_a_first_stage_of_its_own_keeps_the_built_in_stages_rows_name() -> None:
    from kxplan.session import Session

    plan = storage.loads(SCHEMA_2)  # a touchpoint "during", a stakeholder "before", "after"
    session = Session(plan)
    index = session.add_row(JOURNEY, JourneyStage(id="travel", name="Travel"))
    assert [s.id for s in plan.areas.insight.journey] == ["before", "during", "after", "travel"]
    assert index == 3
    assert Plan.model_validate(plan.to_data()) == plan  # still a valid plan
    assert stage_label(plan, "during") == "During purchase"
    session.add_row(JOURNEY, JourneyStage(id="follow-up", name="Follow-up"))
    assert len(plan.areas.insight.journey) == 5  # only the first one brings them
