"""Properties of the CSV import: kxplan's own export reads back unchanged, the order of
the columns does not matter, and every row either goes in or gives exactly one
refusal line with its line number."""

from __future__ import annotations

import csv as std_csv
import io
import random
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from support import base_data

from kxplan import importing
from kxplan.framework import AREA_IDS
from kxplan.i18n import language
from kxplan.model import Initiative, Plan
from kxplan.reports.csv import to_csv
from kxplan.session import Session
from kxplan.text import csv

EXAMPLES = settings(max_examples=40, deadline=None)

# what a spreadsheet cell keeps as written: no control characters or line separators
# (kxplan's export spells those out), no leading apostrophe (its formula guard)
plain = st.text(st.characters(exclude_categories=["Cc", "Cs", "Zl", "Zp"]), max_size=20).filter(
    lambda text: not text.startswith("'")
)
names = plain.filter(lambda text: text.strip() != "").map(str.strip)
slugs = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
scores = st.none() | st.integers(1, 5) | st.integers(100, 500).map(lambda n: n / 100)
LINKS = (
    {"table": "contact_reasons", "key": ["Where is my order?", "Phone"]},
    {"table": "frictions", "key": ["Login loop"]},
    {"table": "channels", "key": ["Phone"]},
)
"""Rows of :func:`base_data` an initiative may address."""


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    ids = draw(st.lists(slugs, max_size=5, unique=True))
    titles = draw(st.lists(names, min_size=len(ids), max_size=len(ids)))
    rows = []
    for index, (ident, title) in enumerate(zip(ids, titles, strict=True)):
        row: dict[str, Any] = {
            "id": ident,
            "title": title,
            "areas": draw(st.lists(st.sampled_from(AREA_IDS), max_size=3, unique=True)),
            "why": draw(plain),
            "what": draw(plain),
            "who": draw(plain),
            "status": draw(st.sampled_from(["idea", "planned", "in_progress", "done"])),
            "effort": draw(scores),
            "customer_value": draw(scores),
            "efficiency": draw(scores),
            "confidence": draw(st.none() | st.integers(0, 100)),
            "reach": draw(st.none() | st.integers(0, 10**6)),
            "depends_on": draw(st.lists(st.sampled_from(ids[:index]), unique=True))
            if index
            else [],
            "notes": draw(plain),
            "reach_period": draw(st.none() | st.sampled_from(["day", "week", "month", "year"])),
            "addresses": [
                LINKS[i] for i in draw(st.lists(st.integers(0, 2), max_size=2, unique=True))
            ],
            "started": draw(st.none() | st.dates(date(2025, 1, 1), date(2026, 6, 30))),
            "finished": draw(st.none() | st.dates(date(2026, 7, 1), date(2027, 6, 30))),
            "actual_effort": draw(scores),
            "outcome": draw(plain),
        }
        rows.append({key: value for key, value in row.items() if value is not None})
    data = base_data()
    data["initiatives"] = rows
    data["language"] = draw(st.sampled_from(["en", "sv"]))
    return Plan.model_validate(data)


def exported(plan: Plan) -> bytes:
    with language(plan.document_language):
        return csv.encode(to_csv(plan))


@EXAMPLES
@given(plans())
def test_exporting_and_importing_back_changes_nothing(plan: Plan) -> None:
    result = importing.preview(plan, importing.read(exported(plan), "x.csv"))
    assert result.refusals == ()
    assert [o.action for o in result.outcomes] == ["unchanged"] * len(plan.initiatives)


FOLLOW_THROUGH = ("reach_period", "addresses", "started", "finished", "actual_effort", "outcome")


@EXAMPLES
@given(plans())
def test_an_export_read_back_restores_every_field_the_plan_had(plan: Plan) -> None:
    cleared = plan.model_copy(
        update={
            "initiatives": [
                Initiative.model_validate(
                    item.model_dump(exclude={*FOLLOW_THROUGH, "effort", "notes"})
                )
                for item in plan.initiatives
            ]
        },
        deep=True,
    )
    session = Session(cleared)
    result = importing.apply(session, importing.read(exported(plan), "x.csv"))
    assert result.refusals == ()
    back = {item.id: item for item in session.plan.initiatives}
    for item in plan.initiatives:
        assert back[item.id] == item


def _shuffled(data: bytes, seed: int) -> bytes:
    table = importing.read(data, "x.csv").table
    order = list(range(len(table.header)))
    random.Random(seed).shuffle(order)
    buffer = io.StringIO()
    writer = std_csv.writer(buffer, delimiter=table.delimiter)
    writer.writerow([table.header[i] for i in order])
    writer.writerows(
        [row.cells[i] if i < len(row.cells) else "" for i in order] for row in table.rows
    )
    return buffer.getvalue().encode("utf-8")


@EXAMPLES
@given(plans(), plans(), st.integers(0, 2**32))
def test_the_order_of_the_columns_does_not_change_the_result(
    plan: Plan, other: Plan, seed: int
) -> None:
    data = exported(other)
    straight = importing.preview(plan, importing.read(data, "x.csv"))
    shuffled = importing.preview(plan, importing.read(_shuffled(data, seed), "x.csv"))
    assert [(o.line, o.action, o.subject) for o in shuffled.outcomes] == [
        (o.line, o.action, o.subject) for o in straight.outcomes
    ]
    assert {(p.line, p.message) for p in shuffled.refusals} == {
        (p.line, p.message) for p in straight.refusals
    }
    changes = {o.line: {str(c) for c in o.changes} for o in straight.outcomes}
    assert {o.line: {str(c) for c in o.changes} for o in shuffled.outcomes} == changes


cells = st.sampled_from(
    ["", "1", "2,5", "1,000", "x", "2027-01-31", "31/1", "-3", "70 %", "done", "Idé", "phone"]
) | st.text(max_size=6)
headers = st.lists(
    st.sampled_from(
        ["Title", "id", "Effort", "Status", "Confidence", "Areas", "depends_on", "Notes", "X"]
    ),
    min_size=1,
    max_size=5,
    unique=True,
).filter(lambda header: "Title" in header or "id" in header)


@EXAMPLES
@given(headers, st.data())
def test_every_row_goes_in_or_gives_exactly_one_line_with_its_number(
    header: list[str], data: st.DataObject
) -> None:
    body = data.draw(st.lists(st.lists(cells, min_size=len(header), max_size=len(header))))
    text = csv.rows(header, body, csv.Style(";", ","))
    source = importing.read(text.encode("utf-8"), "x.csv", "initiatives")
    plan = Plan.model_validate(base_data())
    result = importing.preview(plan, source)
    lines = [row.line for row in source.table.rows]
    taken = [o.line for o in result.outcomes] + [p.line for p in result.refusals]
    assert sorted(taken) == lines  # each row once: in, or one refusal
    for problem in result.refusals:
        assert str(problem).startswith(f"x.csv:{problem.line}: ")
        assert "\n" not in problem.message
