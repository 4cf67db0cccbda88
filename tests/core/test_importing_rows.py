"""Rows the import reads with care: control characters refused, a title's line break
read as a space (a text keeps its own, shown as ⏎ in the preview), rows whose
dependencies wait for each other refused as the cycle they form."""

from __future__ import annotations

import pytest
from support import base_plan

from kxplan import importing
from kxplan.i18n import language
from kxplan.model import Plan
from kxplan.session import Session


def run(plan: Plan, text: str) -> importing.Preview:
    return importing.preview(plan, importing.read(text.encode("utf-8"), "in.csv"))


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x1f"])
def test_a_cell_with_a_control_character_is_refused_naming_line_and_column(
    control: str,
) -> None:
    result = run(base_plan(), f"id;title;effort\nok;Fine;2\nbad;Nul{control}here;2\n")
    assert [o.subject for o in result.outcomes] == ["Fine"]
    assert [str(p) for p in result.refusals] == [
        'in.csv:3: column "title": expected a cell without control characters (tabs and '
        f"line breaks are fine), got U+{ord(control):04X} at character 4"
    ]


def test_a_control_character_in_a_number_column_is_refused_there_too() -> None:
    result = run(base_plan(), "title;effort\nA;2\x01\n")
    assert [str(p) for p in result.refusals] == [
        'in.csv:2: column "effort": expected a cell without control characters (tabs and '
        "line breaks are fine), got U+0001 at character 2"
    ]


def test_tabs_and_line_breaks_in_a_text_are_kept_and_a_column_not_imported_is_not_read() -> None:
    plan = base_plan()
    result = run(plan, 'title;why;junk\nA;"one\ttwo\r\nthree";x\x00y\n')
    assert not result.refusals
    session = Session(plan)
    importing.apply(session, importing.read(b'title;why\nA;"one\ttwo\r\nthree"\n', "f"))
    assert session.plan.initiatives[-1].why == "one\ttwo\r\nthree"


def test_the_refusal_is_said_in_swedish() -> None:
    with language("sv"):
        result = run(base_plan(), "title\nA\x00\n")
    assert str(result.refusals[0]) == (
        "in.csv:2: kolumnen ”title”: förväntade en cell utan styrtecken (tabbar och "
        "radbrytningar går bra), fick U+0000 vid tecken 2"
    )


def test_a_line_break_in_a_title_reads_as_one_space() -> None:
    plan = base_plan()
    result = run(plan, 'id;title\nnew-one;"Chat  \r\n on the web"\n')
    assert [o.subject for o in result.outcomes] == ["Chat on the web"]
    assert importing.lines(result)[1] == "+ line 2: Chat on the web"
    session = Session(plan)
    importing.apply(session, importing.read(b'title\n"Chat\non the web"\n', "f"))
    assert session.plan.initiatives[-1].title == "Chat on the web"


def test_a_wrapped_title_finds_the_initiative_it_names() -> None:
    plan = base_plan()
    first = plan.initiatives[0]
    words = first.title.split(" ", 1)
    assert len(words) == 2
    result = run(plan, f'title;effort\n"{words[0]}\n{words[1]}";1\n')
    assert [o.action for o in result.outcomes] in (["updated"], ["unchanged"])


def test_a_line_break_in_a_text_is_kept_and_the_preview_shows_it_on_one_line() -> None:
    plan = base_plan()
    first = plan.initiatives[0]
    result = run(plan, f'id;why\n{first.id};"First\nsecond"\n')
    (line,) = [text for text in importing.lines(result) if text.startswith("~")]
    assert "\n" not in line
    assert line.endswith("→ First ⏎ second)")
    session = Session(plan)
    importing.apply(session, importing.read(f'id;why\n{first.id};"First\nsecond"\n'.encode(), "f"))
    assert session.plan.initiative(first.id).why == "First\nsecond"


def test_rows_that_depend_on_each_other_are_refused_as_the_cycle_they_form() -> None:
    text = (
        "id;title;depends on\n"
        "c1;See one;c2\n"
        "c2;See two;c3\n"
        "c3;See three;c1\n"
        "d1;Waits for the cycle;c1\n"
        "m1;Mutual one;m2\n"
        "m2;Mutual two;m1\n"
        "ok;Fine;\n"
    )
    result = run(base_plan(), text)
    assert [o.subject for o in result.outcomes] == ["Fine"]
    three = 'column "depends on": dependencies form a cycle: c1 → c2 → c3 → c1'
    two = 'column "depends on": dependencies form a cycle: m1 → m2 → m1'
    assert [str(p) for p in result.refusals] == [
        f"in.csv:2: {three}",
        f"in.csv:3: {three}",
        f"in.csv:4: {three}",
        "in.csv:5: column \"depends on\": no initiative has the id 'c1'",
        f"in.csv:6: {two}",
        f"in.csv:7: {two}",
    ]


def test_a_cycle_through_the_plans_own_initiative_is_said_as_a_cycle() -> None:
    plan = base_plan()
    first = plan.initiatives[0]
    result = run(plan, f"id;title;depends on\nnew;New;{first.id}\n{first.id};{first.title};new\n")
    assert [o.subject for o in result.outcomes] == ["New"]
    (refusal,) = result.refusals
    assert refusal.line == 3
    assert refusal.message == f"dependencies form a cycle: {first.id} → new → {first.id}"


def test_titles_without_ids_in_a_cycle_are_named_by_the_ids_they_would_get() -> None:
    result = run(base_plan(), "title;depends on\nAlpha;beta\nBeta;alpha\n")
    assert [p.message for p in result.refusals] == [
        "dependencies form a cycle: alpha → beta → alpha"
    ] * 2


def test_a_cycle_is_said_in_swedish() -> None:
    with language("sv"):
        result = run(base_plan(), "id;title;depends on\na;A;b\nb;B;a\n")
    assert result.refusals[0].message == "beroendena bildar en cirkel: a → b → a"


def test_a_chain_written_backwards_goes_in_trying_only_the_rows_it_unblocks() -> None:
    rows = "".join(f"r{n};Row {n};{f'r{n + 1}' if n < 300 else ''}\n" for n in range(1, 301))
    session = Session(base_plan())
    calls = 0
    put = session.put_initiative

    def counted(*args: object, **kwargs: object) -> None:
        nonlocal calls
        calls += 1
        put(*args, **kwargs)  # type: ignore[arg-type]

    session.put_initiative = counted  # type: ignore[method-assign]
    done = importing.apply(session, importing.read(f"id;title;depends on\n{rows}".encode(), "f"))
    assert [o.action for o in done.outcomes] == ["added"] * 300
    assert calls < 2 * 300  # each row tried about twice, not once a pass (45,000 times)


def test_a_row_waiting_for_a_dependency_that_never_comes_hears_of_its_twin() -> None:
    result = run(base_plan(), "id;title;depends on\nn1;New;missing\nn1;Again;\n")
    assert [o.line for o in result.outcomes] == [3]
    assert [str(p) for p in result.refusals] == [
        "in.csv:2: is the same row as line 3; a row is imported once"
    ]
