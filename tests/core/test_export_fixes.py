"""Export fixes from QA: CSV formulas, control characters, the numbers the rank used,
one roadmap heading per quarter, line breaks in Markdown, thousands, non-finite scores."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
from typing import Any

import pytest
from markdown_it import MarkdownIt

from kxplan import scoring, storage
from kxplan.model import Plan
from kxplan.reports import csv as csv_report
from kxplan.reports import formats
from kxplan.reports.roadmap import when_period
from kxplan.text.literal import FORMULA_START, spreadsheet_text
from kxplan.text.numbers import DASH, money, number

HEADER = 'schema = 1\ntitle = "QA"\n'

CSV_TEXT_COLUMNS = frozenset(
    {
        "id",
        "title",
        "areas",
        "why",
        "what",
        "who",
        "when",
        "how",
        "status",
        "criteria",
        "depends_on",
        "notes",
        "quadrant",
        "agreement",
    }
)
"""The CSV columns holding text (moved here from the old ``kxplan.export`` shim; nothing in
kxplan reads it: every cell goes through :func:`kxplan.text.literal.spreadsheet_cell`)."""


def load(body: str) -> Plan:
    return storage.loads(HEADER + body, "qa.toml")


def csv_rows(plan: Plan) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(formats.render(plan, "csv"), newline="")))


def rendered(markdown: str) -> str:
    html: str = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    return html


def controls(text: str) -> set[str]:
    """The control characters in ``text`` other than newline and tab."""
    return {c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"}


# --- 1. CSV formula injection -----------------------------------------------------------

FORMULAS = """
[[initiatives]]
id = "evil"
title = '=HYPERLINK("http://evil","click")'
why = "@SUM(1+1)"
what = "+1"
who = "-2+3"
how = "\\tindented"
notes = "\\r=1+1"
when = "fine = text"
effort = 2
customer_value = 4
efficiency = 4
"""


def test_csv_text_cells_that_look_like_formulas_get_an_apostrophe() -> None:
    (row,) = csv_rows(load(FORMULAS))
    assert row["title"] == '\'=HYPERLINK("http://evil","click")'
    assert row["why"] == "'@SUM(1+1)"
    assert row["what"] == "'+1"
    assert row["who"] == "'-2+3"
    assert row["how"] == "'\tindented"
    assert row["notes"] == "\n=1+1"  # a CR is a line break: no longer at the start
    assert row["when"] == "fine = text"  # only the first character counts


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@a", "\tx", "\rx"])
def test_csv_text_guards_every_formula_start(text: str) -> None:
    assert spreadsheet_text(text).startswith("'") != text.startswith("\r")
    assert not spreadsheet_text(text).startswith(FORMULA_START)


def test_csv_number_columns_stay_numbers() -> None:
    plan = load(
        """
[scoring]
method = "weighted"
criteria = [{ id = "cost", label = "Cost", weight = 1, min = -5, max = 5 }]

[[initiatives]]
id = "a"
title = "A"
effort = 2
customer_value = 4
efficiency = 4
criteria = { cost = -3 }
"""
    )
    (row,) = csv_rows(plan)
    numeric = [c for c in csv_report.CSV_COLUMNS if c not in CSV_TEXT_COLUMNS]
    assert all(not row[c].startswith("'") for c in numeric)
    assert float(row["score"]) < 0  # a negative number, written as a number
    assert row["criteria"] == "cost=-3"


# --- 2. control characters --------------------------------------------------------------

CONTROLS = """
[[initiatives]]
id = "ctl"
title = "Bell\\u0007 title"
why = "NUL\\u0000 here\\nand ESC\\u001b[31m there"
notes = "one\\u001btwo"
who = "Ops\\u0000"
when = "2027-Q1"
effort = 2
customer_value = 4
efficiency = 4

[[areas.insight.touchpoints]]
name = "Web\\u0000"
stage = "before"
notes = "x\\u001by\\nz"
"""


@pytest.mark.parametrize("fmt", ["markdown", "html", "csv"])
def test_control_characters_are_spelled_out(fmt: formats.Format) -> None:
    text = formats.render(load(CONTROLS), fmt)
    assert controls(text.replace("\r\n", "\n")) == set()  # CSV rows end in CRLF
    assert "x1b" in text
    assert "x00" in text
    assert "x07" in text


def test_control_characters_are_literal_when_rendered() -> None:
    page = rendered(formats.render(load(CONTROLS), "markdown"))
    assert "NUL\\x00 here" in page
    assert "ESC\\x1b[31m there" in page
    html = formats.render(load(CONTROLS), "html")
    assert "NUL\\x00 here<br>" in html
    assert "<td>x\\x1by<br>z</td>" in html


def test_csv_spells_out_controls_but_keeps_line_breaks() -> None:
    (row,) = csv_rows(load(CONTROLS))
    assert row["why"] == "NUL\\x00 here\nand ESC\\x1b[31m there"
    assert row["notes"] == "one\\x1btwo"


def test_json_escapes_controls_itself() -> None:
    text = formats.render(load(CONTROLS), "json")
    assert controls(text) == set()
    assert json.loads(text)["plan"]["initiatives"][0]["why"].startswith("NUL\x00 here")


# --- 3. the numbers the rank used -------------------------------------------------------

ESTIMATED = """
[[initiatives]]
id = "est"
title = "Estimated"
effort = 4
customer_value = 4
efficiency = 5
estimates = [
    { participant = "Ann", effort = 2 },
    { participant = "Bo", effort = 2 },
    { participant = "Cy", effort = 3 },
]

[[initiatives]]
id = "open"
title = "Not scored"
effort = 3
"""


def test_csv_effort_is_the_one_the_rank_used() -> None:
    rows = {row["id"]: row for row in csv_rows(load(ESTIMATED))}
    row = rows["est"]
    assert (row["effort"], row["impact"], row["score"]) == ("2", "4.5", "2.25")
    assert float(row["score"]) == float(row["impact"]) / float(row["effort"])
    assert (row["own_effort"], row["own_customer_value"], row["own_efficiency"]) == (
        "4",
        "4",
        "5",
    )
    assert (row["customer_value"], row["efficiency"]) == ("4", "5")
    unranked = rows["open"]
    assert unranked["own_effort"] == "3"
    assert unranked["effort"] == unranked["score"] == unranked["rank"] == ""


def test_markdown_and_csv_show_the_same_effort() -> None:
    plan = load(ESTIMATED)
    assert "| 1 | Estimated | Quick win | 2 | 4.5 | 2.25 |" in formats.render(plan, "markdown")


def test_json_says_which_numbers_came_from_estimates() -> None:
    data = json.loads(formats.render(load(ESTIMATED), "json"))
    (entry,) = data["results"]["ranking"]
    assert (entry["effort"], entry["impact"], entry["score"]) == (2, 4.5, 2.25)
    assert entry["from_estimates"] == ["effort"]
    assert data["plan"]["initiatives"][0]["effort"] == 4  # the initiative's own score


# --- 4. one roadmap heading per quarter -------------------------------------------------


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("2027-Q3", "2027-Q3"),
        ("Q3 2027", "2027-Q3"),
        ("q3 2027", "2027-Q3"),
        ("2027 Q3", "2027-Q3"),
        ("2027Q3", "2027-Q3"),
        ("Q3-2027", "2027-Q3"),
        (" 2027-q3 ", "2027-Q3"),
        ("H1 2027", "2027-H1"),
        ("2027-h2", "2027-H2"),
        ("2027-05", "2027-05"),
        ("2027", "2027"),
        ("Q3 2027 if budget allows", "Q3 2027 if budget allows"),
        ("asap", "asap"),
        ("", ""),
    ],
)
def test_when_period_spells_each_period_one_way(when: str, expected: str) -> None:
    assert when_period(when) == expected


def test_roadmap_groups_one_quarter_written_two_ways() -> None:
    plan = load(
        """
[[initiatives]]
id = "a"
title = "Alpha"
when = "Q3 2027"
effort = 2
customer_value = 3
efficiency = 3

[[initiatives]]
id = "b"
title = "Beta"
when = "2027-Q3"

[[initiatives]]
id = "c"
title = "Gamma"
when = "H1 2027"
"""
    )
    text = formats.render(plan, "markdown")
    roadmap = text.split("## Roadmap")[1].split("## Open questions")[0]
    assert re.findall(r"^### (.*)$", roadmap, re.M) == ["2027-H1", "2027-Q3"]
    q3 = roadmap.split("### 2027-Q3")[1]
    assert "Alpha" in q3
    assert "Beta" in q3
    assert "**When:** Q3 2027" in text  # each initiative keeps its own text
    assert "<h3>2027-Q3</h3>" in formats.render(plan, "html")


# --- 5. line breaks in Markdown ---------------------------------------------------------


def test_markdown_keeps_line_breaks_and_stays_literal() -> None:
    plan = load(
        """
[[initiatives]]
id = "a"
title = "A"
why = "# Not a heading\\n- not a list\\n> not quote\\n\\nSecond paragraph\\nends here\\\\"
effort = 2
customer_value = 3
efficiency = 3
"""
    )
    page = rendered(formats.render(plan, "markdown"))
    assert "<p># Not a heading<br />\n- not a list<br />\n&gt; not quote</p>" in page
    assert "<p>Second paragraph<br />\nends here\\</p>" in page
    assert not re.search(r"<h1>Not|<li>not|<blockquote>", page)


# --- 6. thousands in counts -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (2600, 2, "2\u202f600"),
        (1234567.891, 2, "1\u202f234\u202f567.89"),
        (999.999, 2, "1\u202f000"),
        (-2500.5, 2, "-2\u202f500.5"),
        (-0.001, 2, "0"),
        (2.25, 2, "2.25"),
        (765, 0, "765"),
        (None, 2, DASH),
    ],
)
def test_number_separates_thousands(value: float | None, places: int, expected: str) -> None:
    assert number(value, places) == expected


def test_volumes_are_written_like_money() -> None:
    plan = load(
        """
currency = "SEK"

[[areas.accessibility.channels]]
name = "phone"
cost_per_contact = 62

[[areas.unnecessary_demand.contact_reasons]]
reason = "Where is my order?"
channel = "phone"
monthly_volume = 2600
demand = "failure"
avoidable = 80
"""
    )
    text = formats.render(plan, "markdown")
    assert (
        "| Where is my order? | phone | 2\u202f600 | Failure demand | 80\u00a0% | 2\u202f080 "
        "| 128\u202f960\xa0SEK |" in text
    )


# --- 8. scores too large for a float ----------------------------------------------------

HUGE = """
[scoring]
method = "rice"

[[initiatives]]
id = "huge"
title = "Huge"
effort = 2
customer_value = 4
efficiency = 5
confidence = 80
reach = 10

[[initiatives]]
id = "small"
title = "Small"
effort = 2
customer_value = 4
efficiency = 5
confidence = 80
reach = 10
"""


def huge_plan() -> Plan:
    """Reach 1e308 (the model refuses it in a file): the RICE score overflows to inf."""
    plan = load(HUGE)
    plan.initiatives[0] = plan.initiatives[0].model_copy(update={"reach": 1e308})
    assert math.isinf(scoring.rank(plan).results[0].score)
    return plan


@pytest.mark.parametrize(
    ("value", "expected"),
    [(math.inf, "∞"), (-math.inf, "−∞"), (math.nan, "not a number"), (1e308, "1e+308")],
)
def test_number_copes_with_any_float(value: float, expected: str) -> None:
    assert number(value) == expected
    assert money(value, "SEK") == f"{expected}\xa0SEK"


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_documents_show_an_infinite_score(fmt: formats.Format) -> None:
    text = formats.render(huge_plan(), fmt)
    assert "score ∞" in text


def _no_constants(name: str) -> Any:
    raise AssertionError(f"invalid JSON constant {name}")


def test_json_stays_valid_with_an_infinite_score() -> None:
    text = formats.render(huge_plan(), "json")
    data = json.loads(text, parse_constant=_no_constants)
    first = data["results"]["ranking"][0]
    assert (first["id"], first["score"]) == ("huge", None)


def test_json_maps_any_non_finite_number_to_null() -> None:
    plan = huge_plan()
    plan.initiatives[1] = plan.initiatives[1].model_copy(update={"reach": math.inf})
    data = json.loads(formats.render(plan, "json"), parse_constant=_no_constants)
    assert data["plan"]["initiatives"][1]["reach"] is None


def test_csv_leaves_an_infinite_score_empty() -> None:
    rows = csv_rows(huge_plan())
    assert (rows[0]["id"], rows[0]["rank"], rows[0]["score"]) == ("huge", "1", "")
    assert rows[0]["own_reach"] == "1e+308"
