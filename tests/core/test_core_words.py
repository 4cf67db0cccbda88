"""The core's words go through the catalogue: the framework's questions and help, the
rule messages, the ranking's explanations, the comparison's summary and the phone's
strings read in the pseudo-language with nothing left unmarked but the plan's own
content; in Swedish they read as Swedish, with decimal commas."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pseudo import pseudo_language, unmarked
from support import base_data, base_plan

from kxplan import i18n, scoring
from kxplan.framework import AREAS, MATURITY_LEVELS, MEASURES, STRATEGY_QUESTIONS
from kxplan.model import Plan, RuleViolations
from kxplan.model.tables import AREA_TABLES
from kxplan.room.activities import IDEA_KINDS
from kxplan.room.phone import PAGE_KEYS, page_html, phone_language, phone_strings
from kxplan.room.state import Refused, Room
from kxplan.room.views import participant_view
from kxplan.scoring import plain_text, unstable_rule
from kxplan.versions.comparison import compare

PLAN_WORDS = {"Web", "chat", "FAQ", "New", "CRM", "Anna", "Bo", "Kundservice", "crm", "faq"}
"""Titles, ids and names from the plan (content, never translated)."""


def _values(data: Any) -> list[str]:
    """Every text in a JSON value, keys left out."""
    if isinstance(data, dict):
        return [text for value in data.values() for text in _values(value)]
    if isinstance(data, list):
        return [text for value in data for text in _values(value)]
    return [data] if isinstance(data, str) else []


# --- the framework ----------------------------------------------------------------------


def test_the_framework_questions_help_and_measures_are_all_marked() -> None:
    with pseudo_language():
        texts = [text for _key, question, hint in STRATEGY_QUESTIONS for text in (question, hint)]
        for area in AREAS:
            texts += [area.name, area.short, area.purpose, *area.questions]
        texts += list(MATURITY_LEVELS.values())
        for measure in MEASURES:
            texts += [measure.label, measure.description, measure.shown_unit]
        for table in AREA_TABLES:  # N_ constants: the views translate them with _()
            texts += [i18n._(table.title), i18n._(table.row_name), i18n._(table.plural)]
    assert unmarked(" ".join(texts)) == []
    assert len(STRATEGY_QUESTIONS) == 3
    assert STRATEGY_QUESTIONS[0][0] == "today"


def test_the_framework_reads_swedish_and_keeps_its_english_keys() -> None:
    with i18n.language("sv"):
        assert [q for _k, q, _h in STRATEGY_QUESTIONS] == [
            "Var står vi i dag?",
            "Vart vill vi nå?",
            "Hur tar vi oss dit?",
        ]
        demand = next(a for a in AREAS if a.id == "unnecessary_demand")
        assert demand.name == "Onödig efterfrågan"
        assert demand.other_name == ""  # no "Onödig efterfrågan · Onödig efterfrågan"
        assert "onödig efterfrågan" in demand.purpose
        assert MATURITY_LEVELS[4].startswith("Styrd:")
        handling = next(m for m in MEASURES if m.id == "handling_time")
        assert (handling.label, handling.source_label) == ("Handläggningstid", "Handling time")
        assert IDEA_KINDS.labels()["friction"] == "Friktionspunkt"
    assert AREAS[0].other_name == "Insikt"  # in English the Swedish name stands beside


def test_a_kpi_keeps_its_key_in_english_and_shows_its_name_in_swedish() -> None:
    kpi = base_plan().areas.insight.kpis[1]
    with i18n.language("sv"):
        assert kpi.key == ("Handling time", "all")
        assert kpi.shown_label == "Handläggningstid"


# --- the model's rules ----------------------------------------------------------------


def _bad_plan() -> dict[str, Any]:
    data = base_data()
    data["participants"] = ["Anna", "anna"]
    data["areas"]["insight"]["kpis"].append({"measure": "nps", "baseline": 150})
    data["areas"]["insight"]["kpis"].append({"measure": "custom"})
    data["areas"]["accessibility"]["channels"].append({"name": " "})
    data["initiatives"][1]["depends_on"] = ["faq", "nowhere"]
    data["initiatives"][2]["effort"] = 9
    data["initiatives"][2]["criteria"] = {"cost": 2}
    data["initiatives"].append({"id": "faq", "title": " "})
    return data


def _problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(RuleViolations) as raised:
        Plan.model_validate(data)
    return [message for _loc, message in raised.value.problems]


def test_the_rule_messages_of_a_bad_plan_are_all_marked() -> None:
    with pseudo_language():
        messages = _problems(_bad_plan())
    assert len(messages) >= 8
    assert unmarked(" ".join(messages), allowed={*PLAN_WORDS, "anna", "nowhere", "cost"}) == []


def test_the_rule_messages_read_swedish_with_decimal_commas() -> None:
    data = base_data()
    data["initiatives"][2]["effort"] = 7.5
    with i18n.language("sv"):
        messages = _problems(data)
    assert messages == ["förväntade ett värde från 1 till 5, fick 7,5"]


# --- the ranking's explanations ---------------------------------------------------------


@pytest.mark.parametrize("method", ["ratio", "quadrant", "rice", "ice", "wsjf"])
def test_the_explanation_of_a_ranking_is_all_marked(method: str) -> None:
    def change(data: dict[str, Any]) -> None:
        for item in data["initiatives"]:
            item.update(reach=1200, reach_period="month", time_criticality=3, risk_reduction=2)
        data["initiatives"][1]["depends_on"] = ["crm"]

    plan = base_plan(change)
    with pseudo_language():
        ranking = scoring.rank(plan, method)  # type: ignore[arg-type]
        text = " ".join(r.explanation for r in ranking.results) + " " + unstable_rule()
    assert unmarked(text, allowed=PLAN_WORDS) == []


def test_a_swedish_explanation_reads_with_decimal_commas() -> None:
    plan = base_plan()
    ranking = scoring.rank(plan, "ratio")
    chat = next(r for r in ranking.results if r.id == "web-chat")
    english = chat.explanation
    with i18n.language("sv"):
        swedish = chat.explanation  # the same result, read again in Swedish
        words = plain_text(chat.explanation_parts)
    assert swedish == words
    assert "impact" in english
    assert "effekt" not in english
    assert swedish.startswith("effekt 4 = (kundvärde 4 × ")
    assert "insats 2 = 2" in swedish
    assert re.search(r"\d,\d", swedish) or "," not in english  # decimals, if any, with commas
    with i18n.language("sv"):
        plan_half = base_plan(lambda d: d["initiatives"][2].update(effort=1.5))
        crm = next(r for r in scoring.rank(plan_half, "ratio").results if r.id == "crm")
        assert crm.explanation.startswith(
            "effekt 3,5 = (kundvärde 3 × 1 + effektivitet 4 × 1) ÷ 2; 3,5 ÷ insats 1,5 = 2,33"
        )
        assert "snabb vinst" in crm.explanation


def test_lacking_inputs_are_said_in_the_language() -> None:
    plan = base_plan()
    ranking = scoring.rank(plan, "rice", partial=True)
    with i18n.language("sv"):
        lines = scoring.lacking_sentence(ranking, {"web-chat": "Web chat"})
    assert lines[0] == "Web chat (web-chat): saknar räckvidd"
    with pseudo_language():
        lines = scoring.lacking_sentence(ranking)
    assert unmarked(" ".join(lines), allowed=PLAN_WORDS | {"web"}) == []


# --- the comparison --------------------------------------------------------------------


def _changed() -> Plan:
    def change(data: dict[str, Any]) -> None:
        data["initiatives"][0]["effort"] = 3
        data["initiatives"][1]["title"] = "FAQ pages"
        data["initiatives"].append({"id": "sms", "title": "SMS", "effort": 1})
        data["areas"]["insight"]["maturity_today"] = 3
        data["participants"].append("Cia")

    return base_plan(change)


def test_a_comparisons_summary_is_all_marked() -> None:
    with pseudo_language():
        summary = compare(base_plan(), _changed()).summary()
        same = compare(base_plan(), base_plan()).summary()
    assert unmarked(f"{summary} {same}", allowed={"participants"}) == []


def test_a_comparisons_summary_reads_swedish() -> None:
    with i18n.language("sv"):
        summary = compare(base_plan(), _changed()).summary()
    assert summary.startswith("1 initiativ tillagt, 1 ombedömt, 1 redigerat")
    assert "2 ändringar i områdena" in summary


# --- the room ---------------------------------------------------------------------------


def test_the_phones_strings_are_all_marked_and_complete() -> None:
    with pseudo_language():
        sent = phone_strings()
        page = page_html("<html lang={lang}><title>{title}</title>{connecting}{needs_script}")
    assert sent["lang"] == "sv"
    assert sent["decimal"] == ","
    texts = _values({k: v for k, v in sent.items() if k not in ("lang", "decimal", "group")})
    assert all(text.startswith("⟦") for text in texts), texts
    assert unmarked(" ".join(texts)) == []
    assert set(PAGE_KEYS) <= set(sent["texts"])
    assert "lang=sv" in page
    assert unmarked(re.sub(r"<[^>]*>|lang=sv", " ", page)) == []


def test_the_page_script_holds_no_words_of_its_own() -> None:
    from importlib import resources

    script = resources.files("kxplan.room").joinpath("page", "room.js").read_text("utf-8")
    code = re.sub(r"//[^\n]*", "", script)
    literals = re.findall(r'"((?:[^"\\]|\\.)*)"', code)
    code_words = {"use strict", "row card"}  # the script's mode and a class name
    texts = [t for t in literals if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", t)]
    texts = [t for t in texts if t not in code_words]
    assert texts == []  # every sentence comes from api/strings
    for key in set(re.findall(r'\bt\("(\w+)"', code)):
        assert key in phone_strings()["texts"], key


def test_a_phones_view_and_refusals_are_all_marked() -> None:
    room = Room(base_plan())
    with pseudo_language():
        token = room.join("Anna")
        room.start_round(["web-chat"], ["effort", "reach"])
        view = participant_view(room, "Anna")
        refusals = []
        for attempt in (
            lambda: room.answer(token, 1, "web-chat", "effort", 9),
            lambda: room.answer(token, 1, "web-chat", "reach", -1),
            lambda: room.send_idea(token, "initiative", "x" * 500),
            lambda: room.join("Nobody"),
        ):
            with pytest.raises(Refused) as refused:
                attempt()
            refusals.append(str(refused.value))
    labels = [q["label"] for q in view["round"]["items"][0]["questions"]]
    kinds = [label for _key, label in view["ideas"]["kinds"]]
    assert unmarked(" ".join([*labels, *kinds, *refusals]), allowed=PLAN_WORDS) == []


@pytest.mark.parametrize(
    ("accept", "plan", "expected"),
    [
        ("sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7", "en", "sv"),
        ("en-US,en;q=0.9,sv;q=0.8", "sv", "en"),
        ("fi-FI,fi;q=0.9,en;q=0.8", "sv", "sv"),  # the browser's first is not spoken
        ("en;q=0.5, sv;q=0.8", "en", "sv"),
        ("", "sv", "sv"),
        (None, "en", "en"),
        ("*", "sv", "sv"),
    ],
)
def test_a_phone_reads_its_browsers_language_else_the_plans(
    accept: str | None, plan: i18n.Language, expected: str
) -> None:
    assert phone_language(accept, plan) == expected
