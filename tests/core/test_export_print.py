"""The HTML document printed for real: headless Chromium prints it to PDF (A4, page
numbers, the running title) and, in print media at the page's width, no table or cell
is wider than the page. Skipped, saying why, where Chromium is not installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from evidence_plans import with_evidence
from pdf_text import pages
from test_export import RICH_PLAN

from kxplan import storage
from kxplan.model import Plan
from kxplan.reports import formats

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
A4 = (595.28, 841.89)
"""An A4 page in points (210 × 297 mm)."""
CONTENT_WIDTH_MM = 210 - 2 * 16
"""The page's width inside its left and right margins (style.css: ``@page { margin }``)."""
CONTENT_WIDTH_PX = CONTENT_WIDTH_MM / 25.4 * 96

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)"
)

WIDE = """
[[areas.unnecessary_demand.contact_reasons]]
reason = "Varför har jag fått en påminnelse fast jag redan har betalat fakturan i tid?"
channel = "telefon (kundtjänst, växel och återuppringning)"
monthly_volume = 1234567
demand = "failure"
root_cause = "https://intranet.example.se/rapporter/kontaktorsaker/2026/november/faktura-paminnelser-utan-avprickning.pdf"
avoidable = 87.5
"""


def wide_plan() -> Plan:
    """The rich plan in Swedish with a contact reason that would stretch any table."""
    return storage.loads('language = "sv"\n' + RICH_PLAN + WIDE, "bred.toml")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    return print_pdf(wide_plan(), tmp_path_factory.mktemp("print"))


@pytest.fixture(scope="module")
def printed_evidence(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The Swedish starter plan with KPI readings, links and a done initiative."""
    return print_pdf(with_evidence("kundservice"), tmp_path_factory.mktemp("evidence"))


def print_pdf(plan: Plan, folder: Path) -> tuple[Path, bytes]:
    page = folder / "strategi.html"
    pdf = folder / "strategi.pdf"
    formats.write(plan, "html", page)
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return page, pdf.read_bytes()


def test_the_document_prints_on_a4_with_page_numbers_and_a_running_title(
    printed: tuple[Path, bytes],
) -> None:
    _page, data = printed
    found = pages(data)
    assert 4 <= len(found) <= 14
    for number, page in enumerate(found, start=1):
        assert (round(page.width), round(page.height)) == (round(A4[0]), round(A4[1]))
        text = " ".join(page.text.split())
        assert f"Sida {number} av {len(found)}" in text
        running = "Kundservice 2027: färre onödiga kontakter"
        if number > 1:  # the first page has the title itself, big
            assert text.startswith(running) or f"{running} Sida" in text
    first = " ".join(found[0].text.split())
    assert "Sammanfattning" in first
    assert "Innehåll" in first
    # page breaks before the big sections only: each starts a page
    starts = [" ".join(p.text.split()) for p in found]
    for section in ("Strategin", "Initiativen i prioritetsordning", "Färdplan"):
        assert any(re.search(rf"Sida \d+ av \d+ {section}\b", s) for s in starts), section


def test_no_table_is_wider_than_the_printed_page(printed: tuple[Path, bytes]) -> None:
    tables, _figures = printed_widths(printed[0])
    assert len(tables) >= 10
    for table in tables:
        assert table["right"] <= CONTENT_WIDTH_PX + 1, table["text"]
        assert table["scroll"] <= CONTENT_WIDTH_PX + 1, table["text"]
        assert table["cells"] == 0, table["text"]
    assert any("Kontaktorsak" in t["text"] for t in tables)


def test_the_evidence_prints_on_a4_within_the_page(printed_evidence: tuple[Path, bytes]) -> None:
    page_file, data = printed_evidence
    found = pages(data)
    for page in found:
        assert (round(page.width), round(page.height)) == (round(A4[0]), round(A4[1]))
    text = " ".join(" ".join(p.text.split()) for p in found)
    assert "30 juni 2027" in text  # the CSAT chart's target date, printed
    tables, figures = printed_widths(page_file)
    assert len(figures) == 3  # a chart per KPI with readings
    for figure in figures:
        assert 0 < figure["right"] <= CONTENT_WIDTH_PX + 1
    for table in tables:
        assert table["right"] <= CONTENT_WIDTH_PX + 1, table["text"]
        assert table["scroll"] <= CONTENT_WIDTH_PX + 1, table["text"]
        assert table["cells"] == 0, table["text"]
    assert "Åtgärdas av" in text  # the area tables' column of who addresses each row


def printed_widths(page_file: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each table's and KPI chart's right edge in print media at the page's width (and
    the tables' scroll widths and overflowing cells)."""
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": int(CONTENT_WIDTH_PX), "height": 1000})
            page.goto(page_file.as_uri())
            page.emulate_media(media="print")
            tables = page.evaluate(
                """() => [...document.querySelectorAll('table')].map(t => ({
                    right: t.getBoundingClientRect().right,
                    scroll: t.scrollWidth,
                    text: t.innerText.slice(0, 40),
                    cells: [...t.querySelectorAll('th, td')]
                        .filter(c => c.scrollWidth > c.clientWidth + 1).length,
                }))"""
            )
            figures = page.evaluate(
                """() => [...document.querySelectorAll('figure.kpi svg')].map(s => ({
                    right: s.getBoundingClientRect().right,
                }))"""
            )
            body = page.evaluate("() => document.documentElement.scrollWidth")
        finally:
            browser.close()
    assert body <= CONTENT_WIDTH_PX + 1
    return tables, figures


@pytest.mark.parametrize("template", ["kundservice", "contact-centre"])
def test_on_screen_the_page_never_scrolls_sideways(tmp_path: Path, template: str) -> None:
    """At a laptop's, a tablet's and a phone's width the document fits the window: a
    table wider than the window scrolls inside its own box, the page does not."""
    playwright = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "strategy.html"
    formats.write(with_evidence(template), "html", page_file)
    widths = {}
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            for width in (1100, 800, 390):
                page = browser.new_page(viewport={"width": width, "height": 800})
                page.goto(page_file.as_uri())
                widths[width] = page.evaluate(
                    "() => [document.documentElement.scrollWidth,"
                    " document.documentElement.clientWidth]"
                )
        finally:
            browser.close()
    for width, (scroll, client) in widths.items():
        assert scroll <= client, (template, width, scroll, client)
