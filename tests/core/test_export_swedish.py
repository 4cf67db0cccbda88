"""A Swedish plan's documents: Swedish headings, quadrants, dates and numbers in every
format, whatever kxplan's own language, and a CSV a Swedish spreadsheet opens in one step."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from support import invoke
from test_export import RICH_PLAN

from kxplan import i18n, storage
from kxplan.model import Plan
from kxplan.reports import formats
from kxplan.reports.dates import date_text
from kxplan.reports.html import css_string, page_style
from kxplan.text import csv as text_csv
from kxplan.text.markdown import Slugs

GROUP, NBSP = "\u202f", "\u00a0"


def swedish_plan() -> Plan:
    return storage.loads('language = "sv"\n' + RICH_PLAN, "rik.toml")


def english_plan() -> Plan:
    return storage.loads(RICH_PLAN, "rich.toml")


def test_the_swedish_markdown_reads_swedish_even_from_an_english_kxplan() -> None:
    assert i18n.current() == "en"
    text = formats.render(swedish_plan(), "markdown")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:4] == ["## Innehåll", "## Sammanfattning", "## Strategin", "## 1. Insikt"]
    assert headings[-3:] == ["## Initiativen i prioritetsordning", "## Färdplan", "## Öppna frågor"]
    for heading in ("### Strategin i tre meningar", "### Gapet per område"):
        assert heading in text
    assert "- **Datum:** 20 november 2026" in text
    assert "- **Processledare:** Anna Lindqvist" in text
    # quadrants, numbers with decimal commas, money grouped with a no-break space
    assert "| 1 | Spårningslänk i orderbekräftelsen | Snabb vinst | 2 | 4,5 | 2,25 | Hög |" in text
    assert "| 4 | My pages on a phone | Stort projekt | 5 | 3 | 0,6 | – |" in text
    assert f"62,5{NBSP}kr" in text
    assert f"1{GROUP}750 kontakter i månaden går att undvika: 100{GROUP}000{NBSP}kr" in text
    assert "1 av 2 ännu inte förankrade: Logistik (skeptisk)." in text
    assert "_Exporterat med kxplan " in text
    assert "Nothing recorded" not in text
    assert "Summary" not in text
    assert i18n.current() == "en"  # the plan's language was a block, not kxplan's own


def test_an_english_plan_stays_english_in_a_swedish_kxplan() -> None:
    with i18n.language("sv"):
        text = formats.render(english_plan(), "markdown")
    assert "## Summary" in text
    assert "- **Date:** 20 November 2026" in text
    assert "| 1 | Spårningslänk i orderbekräftelsen | Quick win | 2 | 4.5 | 2.25 | High |" in text
    assert f"100{GROUP}000{NBSP}SEK a month" in text


def test_the_contents_link_to_the_anchors_a_renderer_gives_the_headings() -> None:
    for plan in (swedish_plan(), english_plan()):
        text = formats.render(plan, "markdown")
        links = re.findall(r"^- \[[^\]]+\]\(#([^)]+)\)$", text, re.M)
        assert len(links) == 12  # the summary, the strategy, 7 areas, 3 more sections
        page = MarkdownIt("commonmark").enable("table").use(anchors_plugin, max_level=6)
        ids = set(re.findall(r' id="([^"]+)"', page.render(text)))
        assert set(links) <= ids


def test_slugs_follow_github() -> None:
    slugs = Slugs()
    assert slugs.slug("5. Onödig efterfrågan") == "5-onödig-efterfrågan"
    assert slugs.slug("Initiatives, ranked") == "initiatives-ranked"
    assert [slugs.slug("Notes"), slugs.slug("Notes")] == ["notes", "notes-1"]


def test_the_swedish_html_says_its_language_and_prints_in_swedish() -> None:
    page = formats.render(swedish_plan(), "html")
    assert '<html lang="sv">' in page
    assert "<title>Kundservice 2027: färre onödiga kontakter – strategi för kundupplevelsen" in page
    assert '<h2 id="summary">Sammanfattning</h2>' in page
    assert ">Snabba vinster</text>" in page
    assert ">Stora projekt</text>" in page
    assert ">Insats (låg → hög)</text>" in page
    assert '@bottom-right { content: "Sida " counter(page) " av " counter(pages); }' in page
    assert "<dt>Datum</dt><dd>20 november 2026</dd>" in page
    assert '<html lang="en">' in formats.render(english_plan(), "html")


def test_the_running_title_cannot_break_out_of_the_style() -> None:
    assert css_string('a "b" \\ </style><script>') == (
        '"a \\22 b\\22  \\5c  \\3c /style\\3e \\3c script\\3e "'
    )
    style = page_style("Plan </style>\n<b>")
    assert "</style>" not in style
    assert "<b>" not in style
    assert "\n" not in style


def test_dates_are_written_the_languages_way() -> None:
    import datetime as dt

    day = dt.date(2026, 12, 4)
    assert date_text(day) == "4 December 2026"
    with i18n.language("sv"):
        assert date_text(day) == "4 december 2026"
        assert [date_text(dt.date(2027, m, 1)).split()[1] for m in (1, 5, 10)] == [
            "januari",
            "maj",
            "oktober",
        ]


def parse(text: str, delimiter: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_the_swedish_csv_has_semicolons_and_decimal_commas() -> None:
    text = formats.render(swedish_plan(), "csv")
    rows = {row["id"]: row for row in parse(text, ";")}
    assert list(rows) == ["tracking-link", "chat-all-day", "survey", "my-pages", "bankid", "fax"]
    first = rows["tracking-link"]
    assert (first["rank"], first["score"], first["impact"], first["effort"]) == (
        "1",
        "2,25",
        "4,5",
        "2",
    )
    assert rows["my-pages"]["score"] == "0,6"
    assert rows["tracking-link"]["areas"] == "unnecessary_demand;service_friendliness"
    numbers = ("score", "effort", "impact", "customer_value", "efficiency")
    for row in rows.values():
        for name in numbers:
            value = row[name]
            assert "." not in value
            if value:
                float(value.replace(",", "."))  # a Swedish decimal, nothing else
    assert text.endswith("\r\n")
    assert text.count("\r\n") == 7


def test_the_csv_separator_and_decimal_mark_can_be_chosen() -> None:
    plan = swedish_plan()
    text = formats.render(plan, "csv", delimiter=",", decimal=".")
    assert parse(text, ",")[0]["score"] == "2.25"
    assert parse(formats.render(plan, "csv", delimiter=","), ",")[0]["score"] == "2.25"
    tabbed = formats.render(plan, "csv", delimiter="\t")
    assert parse(tabbed, "\t")[0]["score"] == "2,25"
    english = formats.render(english_plan(), "csv")
    assert parse(english, ",")[0]["score"] == "2.25"
    assert parse(formats.render(english_plan(), "csv", decimal=","), ";")[0]["score"] == "2,25"
    with pytest.raises(ValueError, match="comma"):
        formats.render(plan, "csv", delimiter=",", decimal=",")
    assert text_csv.style_for("sv") == text_csv.Style(";", ",")
    assert text_csv.style_for("en") == text_csv.Style(",", ".")


def test_the_swedish_csv_file_has_a_bom_and_keeps_the_formula_guard(tmp_path: Path) -> None:
    plan = storage.loads(
        'language = "sv"\nschema = 1\ntitle = "T"\n[[initiatives]]\nid = "a"\n'
        'title = "=HYPERLINK(\\"x\\")"\neffort = 2\ncustomer_value = 3\nefficiency = 4\n',
        "f.toml",
    )
    path = formats.write(plan, "csv", tmp_path / "f.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    (row,) = parse(data.decode("utf-8-sig"), ";")
    assert row["title"] == '\'=HYPERLINK("x")'
    assert row["impact"] == "3,5"
    assert row["score"] == "1,75"


def test_the_json_keeps_data_numbers_in_a_swedish_plan() -> None:
    data = json.loads(formats.render(swedish_plan(), "json"))
    assert data["plan"]["language"] == "sv"
    first = data["results"]["ranking"][0]
    assert (first["score"], first["impact"]) == (2.25, 4.5)
    assert "snabb vinst" in first["explanation"]  # the engine's words, in the plan's language


def test_export_chooses_the_csv_separator_and_decimal_mark(tmp_path: Path) -> None:
    plan_file = tmp_path / "rik.toml"
    plan_file.write_text('language = "sv"\n' + RICH_PLAN, encoding="utf-8")
    swedish = invoke("export", plan_file, "-f", "csv")
    assert swedish.exit_code == 0
    assert parse(swedish.stdout, ";")[0]["score"] == "2,25"
    chosen = invoke("export", plan_file, "-f", "csv", "--delimiter", "comma", "--decimal", "point")
    assert chosen.exit_code == 0
    assert parse(chosen.stdout, ",")[0]["score"] == "2.25"
    out = tmp_path / "out.csv"
    written = invoke("export", plan_file, "-f", "csv", "--delimiter", "tab", "-o", out)
    assert written.exit_code == 0
    assert parse(out.read_bytes().decode("utf-8-sig"), "\t")[0]["score"] == "2,25"
    both = invoke("export", plan_file, "-f", "csv", "--delimiter", "comma", "--decimal", "comma")
    assert both.exit_code == 2
    assert "cannot go together" in both.stderr
    other = invoke("export", plan_file, "-f", "markdown", "--decimal", "point")
    assert other.exit_code == 2
    assert "CSV only" in other.stderr
