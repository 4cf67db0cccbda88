"""No unmarked text in the documents: rendered in the pseudo-language, every word of the
Markdown and the HTML is either inside a ⟦translated⟧ message, the plan's own text, or
text another layer writes (the scoring engine's explanations, the KPIs' names and
units), which that layer marks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from evidence_plans import with_evidence
from pseudo import pseudo_language, unmarked
from test_export import rich_plan

from kxplan.model import Plan
from kxplan.model.evidence import RowIndex
from kxplan.model.linked_figures import kpi_moves, linked_demand, reach_per_month
from kxplan.reports.html import to_html
from kxplan.reports.markdown import to_markdown
from kxplan.reports.results import compute

WORD = re.compile(r"[^\W\d_]{2,}")


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def plan_words(plan: Plan) -> set[str]:
    """Every word the plan's own texts hold (titles, notes, names, ids, keys)."""
    return {word for text in _strings(plan.model_dump(mode="json")) for word in WORD.findall(text)}


def foreign_words(plan: Plan) -> set[str]:
    """Words other layers write into the documents (svcore marks them): the ranks'
    explanations and the KPIs' names and units. Work them out in the pseudo-language."""
    results = compute(plan)
    texts = [r.explanation for r in results.ranking.results]
    for kpi in plan.areas.insight.kpis:
        texts += [kpi.label, kpi.shown(kpi.baseline), kpi.shown(kpi.target)]
    return {word for text in texts for word in WORD.findall(text)}


def markdown_words(text: str) -> str:
    """The Markdown less its markup: the contents' anchors (made from the headings) and
    the line breaks in table cells."""
    return re.sub(r"\]\(#[^)]*\)", "]", text).replace("<br>", " ")


class _Text(HTMLParser):
    """The words a reader sees: text (not the style sheet) and labels in attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        self.parts += [value or "" for name, value in attrs if name in ("aria-label", "title")]

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.parts.append(data)


def test_every_word_of_the_markdown_is_marked_or_the_plans() -> None:
    plan = rich_plan()
    with pseudo_language():
        text = to_markdown(plan)
        allowed = plan_words(plan) | foreign_words(plan)
    assert "⟦" in text
    assert unmarked(markdown_words(text), allowed) == []


def test_every_word_of_the_html_is_marked_or_the_plans() -> None:
    plan = rich_plan()
    with pseudo_language():
        page = to_html(plan)
        allowed = plan_words(plan) | foreign_words(plan)
    reader = _Text()
    reader.feed(page)
    text = "\n".join(reader.parts)
    assert "⟦" in text
    assert unmarked(text, allowed) == []
    style = page[page.index("@page {") :]
    assert '"⟦Page "' in style  # the page numbers are the catalogue's too


def test_the_check_sees_a_word_left_unmarked() -> None:
    plan = rich_plan()
    with pseudo_language():
        text = to_markdown(plan) + "\nUnmarked sentence"
        allowed = plan_words(plan) | foreign_words(plan)
    assert unmarked(markdown_words(text), allowed) == ["Unmarked", "sentence"]


def evidence_words(plan: Plan) -> set[str]:
    """Words the model's own figures write (marked there): the links' row names, the
    derived figures' explanations, the KPIs' readings with their units."""
    texts: list[str] = []
    index = RowIndex(plan)
    for item in plan.initiatives:
        texts += [link.text() for link in item.addresses]
        reach = reach_per_month(plan, item, index)
        if reach is not None:
            texts.append(reach.explanation)
        demand = linked_demand(plan, item, index)
        if demand.parts:
            texts.append(demand.explain(plan.currency))
        texts += [move.explain() for move in kpi_moves(plan, item, index)]
    for kpi in plan.areas.insight.kpis:
        texts += [kpi.shown(r.value) for r in kpi.readings]
    return {word for text in texts for word in WORD.findall(text)}


def test_every_word_of_the_evidence_in_the_documents_is_marked_or_the_plans() -> None:
    plan = with_evidence()
    with pseudo_language():
        text = to_markdown(plan)
        page = to_html(plan)
        allowed = plan_words(plan) | foreign_words(plan) | evidence_words(plan)
    assert "⟦" in text
    assert unmarked(markdown_words(text), allowed) == []
    reader = _Text()
    reader.feed(page)
    assert unmarked("\n".join(reader.parts), allowed) == []
