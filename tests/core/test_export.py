"""The strategy document: Markdown, HTML, CSV and JSON exports and `kxplan export`."""

from __future__ import annotations

import csv
import difflib
import html
import io
import json
import os
import re
import string
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pydantic import BaseModel
from support import DATA, TEMPLATES, invoke

from kxplan import __version__, scoring, storage
from kxplan.framework import AREAS, QUADRANTS
from kxplan.model import SCHEMA_VERSION, Plan
from kxplan.reports import csv as csv_report
from kxplan.reports import formats, svg
from kxplan.reports.roadmap import when_sort_key
from kxplan.text.literal import spreadsheet_text
from kxplan.text.markdown import cell as md_cell
from kxplan.text.markdown import inline as md_inline
from kxplan.text.numbers import number

ALL_TEMPLATE_FILES = sorted(TEMPLATES.glob("*.toml"))
TEMPLATE_FILES = [p for p in ALL_TEMPLATE_FILES if 'language = "sv"' not in p.read_text("utf-8")]
"""The English starter plans: these tests read the English document; the Swedish
ones are read in test_export_swedish.py and, below, checked to export in every format."""
GOLDEN = DATA / "golden"
FORMATS = formats.FORMATS

HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)> ]]> &amp; a|b'
"""Text that must come out literally in every format, never as markup."""

# A plan with a bit of everything the document shows: Swedish letters, a pipe and
# a line break in table cells, low agreement, dependencies, an unscored and a
# closed initiative, several ways of writing "when", two initiatives on one spot.
RICH_PLAN = """
schema = 1
title = "Kundservice 2027: färre onödiga kontakter"
organisation = "Åkesson & Öberg AB"
version = "v1 – after workshop 1"
created = 2026-11-02T09:00:00Z
updated = 2026-11-20T16:30:00Z
facilitator = "Anna Lindqvist"
participants = ["Anna", "Björn", "Çelik"]
currency = "SEK"

[strategy]
today = "Queues on Mondays.\\n\\n# Not a heading\\n- not a list"
target = "Answer within 2 minutes | always."
how = ""

[areas.insight]
maturity_today = 2
maturity_target = 4
today = "We ask after calls only."

[[areas.insight.touchpoints]]
name = "Orderbekräftelse"
stage = "during"
channel = "e-post"
notes = "Sent at once | no tracking\\nsecond line"

[[areas.insight.touchpoints]]
name = "Produktsök"
stage = "before"
channel = "web"

[[areas.insight.kpis]]
measure = "nps"
channel = "all"
baseline = 12
target = 30
promoters = 40
detractors = 25

[[areas.insight.kpis]]
measure = "handling_time"
channel = "phone"
baseline = 7.5
target = 6

[areas.accessibility]
maturity_today = 3
maturity_target = 3

[[areas.accessibility.channels]]
name = "phone"
preference = 60
customer_value = 4
cost_per_contact = 62.5
hours = "Mon–Fri 8–17"
decision = "shrink"

[[areas.accessibility.channels]]
name = "chat"
preference = 15
cost_per_contact = 28
decision = "grow"

[[areas.service_friendliness.frictions]]
title = "Customer number needed"
stage = "after"
severity = 3
frequency = "daily"
fix = "Identify by e-mail"

[[areas.mobility.checks]]
channel = "web"
check = "readable_on_phone"
status = "yes"

[[areas.mobility.checks]]
channel = "web"
check = "Returns on a phone"
status = "no"

[[areas.unnecessary_demand.contact_reasons]]
reason = "Var är min order?"
channel = "phone"
monthly_volume = 2000
demand = "failure"
root_cause = "No tracking link"
avoidable = 80

[[areas.unnecessary_demand.contact_reasons]]
reason = "Invoice questions"
channel = "letter"
monthly_volume = 300
demand = "failure"
avoidable = 50

[[areas.unnecessary_demand.contact_reasons]]
reason = "Product advice"
channel = "chat"
monthly_volume = 500
demand = "value"

[[areas.anchoring.stakeholders]]
name = "Logistik"
role = "Deliveries"
stages = ["during", "after"]
buy_in = "sceptical"
next_step = "Show the volumes"

[[areas.anchoring.stakeholders]]
name = "IT"
buy_in = "supportive"

[[initiatives]]
id = "tracking-link"
title = "Spårningslänk i orderbekräftelsen"
areas = ["unnecessary_demand", "service_friendliness"]
why = "A third of all contacts ask where the order is."
what = "Tracking link in every confirmation."
who = "Logistik"
when = "2027-Q1"
how = "Carrier API.\\nMeasure before and after."
status = "planned"
effort = 2
customer_value = 4
efficiency = 5
estimates = [
    { participant = "Anna", effort = 2, customer_value = 4, efficiency = 5 },
    { participant = "Björn", effort = 2, customer_value = 4, efficiency = 5 },
]

[[initiatives]]
id = "chat-all-day"
title = "Chat open all day"
areas = ["accessibility"]
who = "Service centre"
when = "Q2 2027"
effort = 2
customer_value = 3
efficiency = 3
estimates = [
    { participant = "Anna", effort = 1, customer_value = 5, efficiency = 3 },
    { participant = "Björn", effort = 5, customer_value = 1, efficiency = 3 },
    { participant = "Çelik", effort = 2, customer_value = 3, efficiency = 3, confidence = 50 },
]

[[initiatives]]
id = "survey"
title = "Survey after every contact"
areas = ["insight"]
who = "Quality lead"
when = "2027-Q1"
effort = 2
customer_value = 3
efficiency = 3

[[initiatives]]
id = "my-pages"
title = "My pages on a phone"
areas = ["mobility"]
who = "IT"
when = "2027-H2"
effort = 5
customer_value = 4
efficiency = 2
depends_on = ["tracking-link"]

[[initiatives]]
id = "bankid"
title = "BankID login"
areas = ["mobility"]

[[initiatives]]
id = "fax"
title = "Close the fax line"
status = "done"
effort = 1
customer_value = 1
efficiency = 2
"""


def rich_plan() -> Plan:
    return storage.loads(RICH_PLAN, "rich.toml")


def sample_plans() -> list[tuple[str, Plan]]:
    """The rich fixture plan and every shipped template."""
    plans = [("rich", rich_plan())]
    plans += [(path.stem, storage.load(path)) for path in TEMPLATE_FILES]
    return plans


PLANS = sample_plans()
PLAN_IDS = [name for name, _ in PLANS]


@pytest.mark.parametrize(
    "path", [p for p in ALL_TEMPLATE_FILES if p not in TEMPLATE_FILES], ids=lambda p: p.stem
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_swedish_template_exports_a_swedish_document(path: Path, fmt: str) -> None:
    plan = storage.load(path)
    text = formats.render(plan, fmt)
    assert plan.language == "sv"
    if fmt == "html":
        assert text.startswith('<!DOCTYPE html>\n<html lang="sv">')
    if fmt == "markdown":
        assert "## Innehåll" in text
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
        assert len(rows) == len(plan.initiatives) + 1


def judged(plan: Plan) -> bool:
    """Whether any area has a maturity judgement (else there is no maturity picture)."""
    return any(a.maturity_today or a.maturity_target for _id, a in plan.areas.items())


def test_the_templates_are_there() -> None:
    assert {path.stem for path in TEMPLATE_FILES} >= {
        "blank",
        "contact-centre",
        "e-commerce",
        "public-service",
    }


# --- hostile text everywhere ------------------------------------------------------------


def _is_free_text(info: Any) -> bool:
    if info.annotation is not str and info.annotation != list[str]:
        return False
    return not any(getattr(m, "pattern", None) for m in info.metadata)


def poison(model: BaseModel, counter: list[int]) -> BaseModel:
    """A copy of ``model`` with HOSTILE (and a unique number) in every free-text field."""
    update: dict[str, Any] = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if _is_free_text(info):
            if isinstance(value, list):
                update[name] = [f"{HOSTILE} {_next(counter)}" for _ in value]
            else:
                update[name] = f"{HOSTILE} {_next(counter)}\nsecond line"
        elif isinstance(value, BaseModel):
            update[name] = poison(value, counter)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [poison(item, counter) for item in value]
    return model.model_copy(update=update)


def _next(counter: list[int]) -> int:
    counter[0] += 1
    return counter[0]


def hostile_plan() -> Plan:
    """The rich plan with hostile text in every free-text field, validated again."""
    plan = poison(rich_plan(), [0])
    return Plan.model_validate(plan.model_dump(by_alias=True))


def test_the_hostile_plan_really_is_hostile_everywhere() -> None:
    plan = hostile_plan()
    assert HOSTILE in plan.title
    assert HOSTILE in plan.participants[0]
    assert HOSTILE in plan.areas.insight.touchpoints[0].notes
    assert HOSTILE in plan.areas.anchoring.stakeholders[0].next_step
    assert HOSTILE in plan.initiatives[0].why
    assert HOSTILE in plan.initiatives[1].estimates[0].participant
    assert plan.initiatives[0].id == "tracking-link"  # ids are not free text


# --- HTML -------------------------------------------------------------------------------


class Collector(HTMLParser):
    """Collects tags, attributes and text; fails on any parse surprise."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value) for name, value in attrs]
        if tag not in {"meta", "br", "wbr", "col", "line", "rect", "circle"}:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value) for name, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> Collector:
    parser = Collector()
    parser.feed(text)
    parser.close()
    assert parser.stack == [], f"unclosed tags: {parser.stack}"
    return parser


def assert_self_contained(parsed: Collector) -> None:
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(parsed.tags)
    for tag, name, value in parsed.attrs:
        assert not name.startswith("on"), f"event handler {name} on <{tag}>"
        if name in {"src", "href", "xlink:href", "action"}:
            assert value is not None
            assert value.startswith("#"), f"external reference {name}={value!r} on <{tag}>"
        assert "url(" not in (value or "")


@pytest.mark.parametrize(("name", "plan"), PLANS, ids=PLAN_IDS)
def test_html_parses_and_is_self_contained(name: str, plan: Plan) -> None:
    page = formats.render(plan, "html")
    parsed = parse_html(page)
    assert_self_contained(parsed)
    assert "http://" not in page
    assert "https://" not in page
    assert "@import" not in page
    assert "url(" not in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert parsed.tags.count("title") >= 1
    assert parsed.tags.count("style") == 1
    assert all(value == "col" for tag, attr, value in parsed.attrs if attr == "scope")
    assert parsed.tags.count("th") >= (5 if judged(plan) else 0)
    text = "".join(parsed.text)
    assert plan.title in text
    for area in AREAS:
        assert f"{area.number}. {area.name} ({area.name_sv})" in text


@pytest.mark.parametrize(("name", "plan"), PLANS, ids=PLAN_IDS)
def test_html_shows_the_matrix_with_every_ranked_initiative(name: str, plan: Plan) -> None:
    ranking = scoring.rank(plan)
    page = formats.render(plan, "html")
    assert page.count('<figure class="maturity">') == (1 if judged(plan) else 0)
    if not ranking.results:
        assert '<figure class="matrix">' not in page
        return
    matrix = page[
        page.index('<figure class="matrix">') : page.index(
            "</figure>", page.index('<figure class="matrix">')
        )
    ]
    for label in ("Quick wins", "Major projects", "Fill-ins", "Thankless tasks"):
        assert f">{label}</text>" in matrix
    assert "Effort (low → high)" in matrix
    assert "Impact (low → high)" in matrix
    assert matrix.count('stroke-dasharray="6 4"') == 2  # the two threshold lines
    numbers = re.findall(r'font-weight="700" fill="#[0-9a-f]{6}">(\d+)</text>', matrix)
    assert numbers == [str(r.rank) for r in ranking.results]
    legend = re.findall(r'<li value="(\d+)">([^<]*)</li>', matrix)
    assert legend == [(str(r.rank), svg.esc(r.title)) for r in ranking.results]


def test_hostile_text_is_escaped_in_html() -> None:
    plan = hostile_plan()
    page = formats.render(plan, "html")
    parsed = parse_html(page)
    assert_self_contained(parsed)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&amp;amp;" in page  # the user's "&amp;" survives as text
    text = "".join(parsed.text)
    assert "<script>alert(1)</script>" in text  # shown, literally
    assert '"><img src=x onerror=alert(1)>' in text
    # Inside the SVG too: the tooltip of each point, and the legend under it.
    first = scoring.rank(plan).results[0]
    assert f"<g><title>#1 {svg.esc(first.title)}: effort" in page
    assert f'<li value="1">{svg.esc(first.title)}</li>' in page
    assert svg.esc(first.title).startswith("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;")


# --- Markdown ---------------------------------------------------------------------------


def md_tables(text: str) -> list[list[list[str]]]:
    """Tables in Markdown text, as rows of cells (split on unescaped pipes)."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)
            assert (cells[0], cells[-1]) == ("", ""), line
            current.append([c.strip() for c in cells[1:-1]])
        elif current:
            tables.append(current)
            current = []
    return tables


def rendered_markdown(text: str) -> str:
    rendered: str = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    return rendered


@pytest.mark.parametrize(("name", "plan"), PLANS, ids=PLAN_IDS)
def test_markdown_has_every_section_and_initiative_in_rank_order(name: str, plan: Plan) -> None:
    text = formats.render(plan, "markdown")
    ranking = scoring.rank(plan)
    assert text.startswith(f"# {md_inline(plan.title)}\n")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    expected = [
        "## Contents",
        "## Summary",
        "## The strategy",
        *(f"## {a.number}. {a.name} ({a.name_sv})" for a in AREAS),
    ]
    expected += ["## Initiatives, ranked", "## Roadmap", "## Open questions"]
    assert headings == expected
    initiative_headings = re.findall(r"^### (\d+)\. (.*)$", text, re.M)
    assert initiative_headings == [(str(r.rank), md_inline(r.title)) for r in ranking.results]
    for result in ranking.results:
        row = (
            f"| {result.rank} | {md_cell(result.title)} | "
            f"{QUADRANTS.labels()[result.quadrant]} | {number(result.effort)} | "
            f"{number(result.impact)} | {number(result.score)} |"
        )
        assert row in text
    for item_id in ranking.unscored:
        assert f"({item_id})" in text.split("### Not yet scored")[1]


@pytest.mark.parametrize(("name", "plan"), PLANS, ids=PLAN_IDS)
def test_markdown_tables_are_whole_and_never_empty(name: str, plan: Plan) -> None:
    text = formats.render(plan, "markdown")
    for table in md_tables(text):
        width = len(table[0])
        assert all(len(row) == width for row in table), table
        assert len(table) >= 3, f"a table without rows: {table[0]}"
        assert set("".join(table[1])) <= set("-:")


BLANK_PLANS = [
    pytest.param(storage.loads('schema = 1\ntitle = "Blank"\n'), id="minimal"),
    *(pytest.param(storage.load(p), id=p.stem) for p in TEMPLATE_FILES if p.stem == "blank"),
]


@pytest.mark.parametrize("plan", BLANK_PLANS)
def test_blank_plan_exports_cleanly_with_nothing_recorded_lines(plan: Plan) -> None:
    text = formats.render(plan, "markdown")
    assert text.count("_Nothing recorded yet._") == 3 + 7  # the strategy's answers + area tables
    assert text.count("_None of the three questions is answered yet._") == 7  # one per area
    assert "_No area's maturity is judged yet._" in text
    assert "_No initiative is scored yet, so there is no ranking._" in text
    assert "_No open initiatives yet._" in text
    assert md_tables(text) == []
    page = formats.render(plan, "html")
    parse_html(page)
    assert "<table>" not in page
    assert "<svg" not in page
    assert formats.render(plan, "csv") == ",".join(csv_report.CSV_COLUMNS) + "\r\n"
    assert json.loads(formats.render(plan, "json"))["results"]["ranking"] == []


def test_hostile_text_is_literal_in_markdown() -> None:
    plan = hostile_plan()
    text = formats.render(plan, "markdown")
    for table in md_tables(text):
        assert all(len(row) == len(table[0]) for row in table)
    html = rendered_markdown(text)
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text
    assert "&amp;amp;" in html  # the user's "&amp;" stays "&amp;"


def test_markdown_keeps_user_lines_literal() -> None:
    plan = rich_plan()
    plan.initiatives[0].title = "Support for C# ##"
    text = formats.render(plan, "markdown")
    assert "### 1. Support for C# #\\#" in text
    assert "<h3>1. Support for C# ##</h3>" in rendered_markdown(text)
    assert "Queues on Mondays.\n\n\\# Not a heading\\\n\\- not a list" in text
    assert "Sent at once \\| no tracking<br>second line" in text
    html = rendered_markdown(text)
    assert "<h1>Not a heading" not in html
    assert "<li>not a list" not in html
    assert "<td>Sent at once | no tracking<br>second line</td>" in html


CELL_ALPHABET = st.sampled_from(
    [
        *string.printable.replace("\r", "").replace("\x0b", "").replace("\x0c", ""),
        "å",
        "ä",
        "Ö",
        "→",
        "&amp;",
        "&#65;",
    ]
)


@settings(max_examples=80, deadline=None)
@given(st.lists(CELL_ALPHABET, max_size=30).map("".join))
def test_md_cell_never_breaks_a_table_and_reads_back(value: str) -> None:
    table = f"| x | y | z |\n| --- | --- | --- |\n| a | {md_cell(value)} | b |\n"
    rendered = rendered_markdown(table)
    cells = re.findall(r"<td>(.*?)</td>", rendered, re.S)
    assert len(cells) == 3
    assert (cells[0], cells[2]) == ("a", "b")
    shown = html.unescape(cells[1].replace("<br>", "\n"))
    lines = [" ".join(line.split()) for line in value.split("\n")]  # spaces collapse
    assert shown == "\n".join(line for line in lines if line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a|b", "a\\|b"),
        ("<b>", "\\<b>"),
        ("*x* _y_", "\\*x\\* \\_y\\_"),
        ("one\ntwo", "one<br>two"),
        ("&amp; & ok", "\\&amp; & ok"),
        ("", " "),
    ],
)
def test_md_cell_escapes(text: str, expected: str) -> None:
    assert md_cell(text) == expected


# --- numbers in the document match the engine -----------------------------------------


def test_rich_plan_figures_are_worked_out_by_hand() -> None:
    plan = rich_plan()
    text = formats.render(plan, "markdown")
    # NPS from shares: 40 % promoters − 25 % detractors = 15.
    assert "| 15 (40\u00a0% promoters − 25\u00a0% detractors) |" in text
    # Avoidable: 2000 × 80 % = 1600 by phone at 62.5 → 100 000 SEK; 300 × 50 % = 150 by
    # letter (no cost known); advice 0. Totals: 2800 contacts, 1750 avoidable, 100 000 SEK.
    # Thousands are grouped with a narrow no-break space, "%" follows a no-break space.
    assert (
        "| Var är min order? | phone | 2\u202f000 | Failure demand | No tracking link "
        "| 80\u00a0% | 1\u202f600 | 100\u202f000\xa0SEK |" in text
    )
    assert (
        "| **Total** |   | **2\u202f800** |   |   |   | **1\u202f750** | **100\u202f000\xa0SEK** |"
        in text
    )
    assert "No cost per contact is known for: letter." in text
    assert "Failure demand: 2\u202f300 of 2\u202f800 contacts a month (82\u00a0%)." in text
    # Maturity: insight 2 → 4, accessibility 3 → 3.
    assert "| 1 | Insight (Insikt) | 2 | 4 | +2 |" in text
    assert "| 2 | Accessibility (Tillgänglighet) | 3 | 3 | +0 |" in text
    # Chat: effort estimates 1, 5, 2 → median 2; spread 1–5 is low agreement.
    assert "#### #" in text
    assert "Chat open all day" in text.split("### Open disagreements")[1]
    assert "Low agreement on: effort 1–5; customer value 1–5." in text
    assert "| Anna | 1 | 5 | 3 |" in text
    assert "| Çelik | 2 | 3 | 3 | 50 |" in text
    # Unscored and closed.
    assert "- BankID login (bankid)" in text
    assert "- Close the fax line (Done)" in text


def test_roadmap_is_chronological_with_unscheduled_last() -> None:
    text = formats.render(rich_plan(), "markdown")
    roadmap = text.split("## Roadmap")[1].split("## Open questions")[0]
    assert re.findall(r"^### (.*)$", roadmap, re.M) == [
        "2027-Q1",
        "2027-Q2",
        "2027-H2",
        "Unscheduled",
    ]
    q1 = roadmap.split("### 2027-Q1")[1].split("###")[0]
    assert q1.index("Logistik") < q1.index("Quality lead")  # owners alphabetically
    assert "fax" not in roadmap.lower()  # done initiatives are not on the roadmap


def test_when_sort_key_orders_dates_then_words_then_nothing() -> None:
    labels = ["", "later", "2028", "2027-Q3", "Q1 2027", "2027-05", "2027-H2", "2026-Q4", "asap"]
    assert sorted(labels, key=when_sort_key) == [
        "2026-Q4",
        "Q1 2027",
        "2027-05",
        "2027-Q3",
        "2027-H2",
        "2028",
        "asap",
        "later",
        "",
    ]


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0.5, 5.5, [1, 2, 3, 4, 5]),
        (-1.25, 11.25, [0, 2, 4, 6, 8, 10]),
        (-12.5, 112.5, [0, 20, 40, 60, 80, 100]),
    ],
)
def test_axis_ticks_stay_few_and_round(low: float, high: float, expected: list[int]) -> None:
    assert svg.axis_ticks(low, high) == expected


def test_matrix_follows_the_plans_scales() -> None:
    plan = rich_plan()
    plan.scales.effort.min, plan.scales.effort.max = 0, 10
    page = formats.render(plan, "html")
    matrix = page[page.index('<figure class="matrix">') :]
    x_ticks = re.findall(r'text-anchor="middle" font-size="12" fill="#5a6573">(\d+)</text>', matrix)
    assert x_ticks == ["0", "2", "4", "6", "8", "10"]


def test_place_points_keeps_shared_positions_apart() -> None:
    spots = svg.place_points([(100, 100)] * 7 + [(105, 100), (300, 300)], 11)
    assert spots[0] == (100, 100)
    assert spots[-1] == (300, 300)
    for i, a in enumerate(spots):
        for b in spots[i + 1 :]:
            assert ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 >= 23 - 1e-9


def test_matrix_moves_points_that_share_a_spot() -> None:
    plan = rich_plan()  # chat-all-day and survey both sit at effort 2, impact 3
    ranking = scoring.rank(plan)
    same = [r for r in ranking.results if (r.effort, r.impact) == (2, 3)]
    assert len(same) == 2
    page = formats.render(plan, "html")
    circles = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="11"', page)
    assert len(circles) == len(ranking.results)
    assert len(set(circles)) == len(circles)
    assert page.count('r="2.5"') == 1  # one leader dot back to the true position


# --- CSV --------------------------------------------------------------------------------


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@pytest.mark.parametrize(
    ("name", "plan"), [*PLANS, ("hostile", hostile_plan())], ids=[*PLAN_IDS, "hostile"]
)
def test_csv_round_trips_every_initiative(name: str, plan: Plan) -> None:
    text = formats.render(plan, "csv")
    rows = read_csv(formats.encode(text, "csv"))
    assert text.splitlines()[0].split(",") == list(csv_report.CSV_COLUMNS)
    ranking = scoring.rank(plan)
    closed = [i.id for i in plan.initiatives if i.status in {"done", "dropped"}]
    expected_order = [r.id for r in ranking.results] + ranking.unscored + closed
    assert [row["id"] for row in rows] == expected_order
    assert sorted(expected_order) == sorted(i.id for i in plan.initiatives)
    results = ranking.by_id()
    for row in rows:
        item = plan.initiative(row["id"])
        for field in ("title", "why", "what", "who", "when", "how", "status", "notes"):
            assert row[field] == spreadsheet_text(getattr(item, field)), field
        assert row["areas"] == ";".join(item.areas)
        assert row["depends_on"] == ";".join(item.depends_on)
        for field in (
            "effort",
            "customer_value",
            "efficiency",
            "confidence",
            "reach",
            "time_criticality",
            "risk_reduction",
        ):
            value = getattr(item, field)
            column = f"own_{field}" if field in scoring.ESTIMATED_FIELDS else field
            assert (float(row[column]) if row[column] else None) == value, field
        result = results.get(item.id)
        if result is None:
            assert row["rank"] == row["score"] == row["quadrant"] == row["effort"] == ""
        else:
            for field in scoring.ESTIMATED_FIELDS:
                used = getattr(result, field)
                assert (float(row[field]) if row[field] else None) == used, field
            assert int(row["rank"]) == result.rank
            assert float(row["score"]) == pytest.approx(result.score, abs=1e-6)
            assert float(row["impact"]) == pytest.approx(result.impact, abs=1e-6)
            assert row["quadrant"] == result.quadrant
            assert row["agreement"] == (result.agreement or "")


def test_csv_keeps_swedish_letters_and_line_breaks() -> None:
    rows = read_csv(formats.encode(formats.render(rich_plan(), "csv"), "csv"))
    first = rows[0]
    assert first["title"] == "Spårningslänk i orderbekräftelsen"
    assert first["how"] == "Carrier API.\nMeasure before and after."
    assert [r["id"] for r in rows][-2:] == ["bankid", "fax"]


# --- JSON -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "plan"), PLANS, ids=PLAN_IDS)
def test_json_holds_the_plan_and_the_engines_results(name: str, plan: Plan) -> None:
    data = json.loads(formats.render(plan, "json"))
    assert list(data) == ["kxplan", "schema", "plan", "results"]
    assert data["kxplan"] == __version__
    assert data["schema"] == SCHEMA_VERSION
    assert data["plan"] == plan.model_dump(mode="json", by_alias=True)
    assert Plan.model_validate_json(json.dumps(data["plan"])) == plan
    ranking = scoring.rank(plan)
    results = data["results"]
    assert results["method"] == ranking.method
    assert [r["id"] for r in results["ranking"]] == [r.id for r in ranking.results]
    for got, want in zip(results["ranking"], ranking.results, strict=True):
        assert got["rank"] == want.rank
        assert got["score"] == pytest.approx(want.score, abs=1e-6)
        assert got["quadrant"] == want.quadrant
        assert got["explanation"] == want.explanation
    assert results["unscored"] == ranking.unscored
    for area_id, area in plan.areas.items():
        assert results["areas"][area_id]["gap"] == area.gap
    reasons = plan.areas.unnecessary_demand.contact_reasons
    assert [r["avoidable_per_month"] for r in results["contact_reasons"]] == [
        pytest.approx(r.avoidable_per_month) for r in reasons
    ]


def test_json_derived_figures_by_hand() -> None:
    results = json.loads(formats.render(rich_plan(), "json"))["results"]
    assert results["kpis"][0]["nps_from_shares"] == 15
    assert results["demand_totals"] == {
        "contacts_per_month": 2800,
        "failure_per_month": 2300,
        "avoidable_per_month": 1750,
        "avoidable_cost_per_month": 100000,
        "unpriced_channels": ["letter"],
    }
    assert results["closed"] == ["fax"]
    assert results["unscored"] == ["bankid"]
    assert results["areas"]["insight"] == {"maturity_today": 2, "maturity_target": 4, "gap": 2}


# --- determinism and the golden file ----------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_rendering_is_deterministic(fmt: formats.Format) -> None:
    assert formats.render(rich_plan(), fmt) == formats.render(rich_plan(), fmt)


def test_markdown_matches_the_golden_file() -> None:
    """Update on purpose with KXPLAN_UPDATE_GOLDEN=1, then read the diff before committing."""
    golden = GOLDEN / "rich-plan.md"
    text = formats.render(rich_plan(), "markdown")
    if os.environ.get("KXPLAN_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                "golden/rich-plan.md",
                "export",
            )
        )
        pytest.fail(f"the Markdown export differs from {golden}:\n{diff}")


# --- file names and the command ---------------------------------------------------------


def test_default_filename_is_next_to_the_plan() -> None:
    plan = Path("work") / "acme.toml"
    assert formats.default_filename(plan, "markdown") == Path("work") / "acme.md"
    assert formats.default_filename(plan, "html") == Path("work") / "acme.html"
    assert formats.default_filename(plan, "json") == Path("work") / "acme.json"
    assert formats.default_filename(plan, "csv") == Path("work") / "acme-initiatives.csv"


def test_write_saves_the_export_next_to_the_plan(tmp_path: Path) -> None:
    plan = rich_plan()
    target = formats.default_filename(tmp_path / "rich.toml", "csv")
    assert formats.write(plan, "csv", target) == target
    assert target.read_bytes() == b"\xef\xbb\xbf" + formats.render(plan, "csv").encode()


def test_render_rejects_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        formats.render(rich_plan(), "pdf")  # type: ignore[arg-type]


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "rich.toml"
    path.write_text(RICH_PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_prints_the_export(plan_file: Path, fmt: formats.Format) -> None:
    result = invoke("export", str(plan_file), "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == formats.render(storage.load(plan_file), fmt).encode("utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_writes_the_export_to_a_file(plan_file: Path, fmt: formats.Format) -> None:
    target = plan_file.with_name("out" + formats.EXTENSIONS[fmt])
    result = invoke("export", str(plan_file), "-f", fmt, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    expected = formats.encode(formats.render(storage.load(plan_file), fmt), fmt)
    assert target.read_bytes() == expected
    assert target.read_bytes().startswith(b"\xef\xbb\xbf") == (fmt == "csv")
    assert [p.name for p in plan_file.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_cli_refuses_to_overwrite_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.kx"
    plan.write_text(RICH_PLAN, encoding="utf-8")
    before = plan.read_bytes()
    result = invoke("export", str(plan), "-o", str(tmp_path / "." / "plan.kx"))
    assert result.exit_code == 2
    assert "is the plan itself" in result.stderr
    assert plan.read_bytes() == before


def test_cli_refuses_to_write_over_a_toml_file(plan_file: Path) -> None:
    other = plan_file.with_name("other.toml")
    other.write_text("keep me", encoding="utf-8")
    result = invoke("export", str(plan_file), "-o", str(other))
    assert result.exit_code == 2
    assert other.read_text(encoding="utf-8") == "keep me"


def test_cli_reports_a_bad_plan_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\ntitle = "x"\n[[initiatives]]\nid = "a"\ntitle = "A"\neffort = 9\n')
    result = invoke("export", str(bad))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert str(bad) in result.stderr
    assert "effort" in result.stderr


def test_cli_reports_a_method_that_cannot_rank(tmp_path: Path) -> None:
    plan = tmp_path / "weighted.toml"
    plan.write_text(
        RICH_PLAN.replace('currency = "SEK"', 'currency = "SEK"\n[scoring]\nmethod = "weighted"')
    )
    result = invoke("export", str(plan))
    assert result.exit_code == 2
    assert "cannot rank the initiatives" in result.stderr
    assert "Traceback" not in result.output


def test_importing_export_does_not_import_the_ui() -> None:
    import subprocess
    import sys

    code = "import sys, kxplan.reports.formats; assert not {'textual', 'rich'} & set(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_each_initiative_in_the_document_says_what_its_quadrant_advises(language: str) -> None:
    from kxplan import i18n
    from kxplan.framework import QUADRANTS

    plan = storage.load(TEMPLATES / "contact-centre.toml").model_copy(update={"language": language})
    text = formats.render(plan, "markdown")
    quadrants = {result.quadrant for result in scoring.rank(plan).results}
    assert quadrants
    with i18n.language(language):
        for quadrant in quadrants:
            advice = QUADRANTS.say(QUADRANTS[quadrant].advice)
            assert f"{QUADRANTS.label(quadrant)} – {advice}" in text or (
                f"{QUADRANTS.label(quadrant)} — {advice}" in text
            )
