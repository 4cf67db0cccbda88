"""Import from CSV: reading and sniffing, column names, each kind of row, the preview."""

from __future__ import annotations

import codecs

import pytest
from support import base_plan, template_plan

from kxplan import importing
from kxplan.framework import STATUSES
from kxplan.i18n import language
from kxplan.importing.columns import guess_kind, map_columns, normal
from kxplan.importing.reading import decode, read_table, sniff
from kxplan.model import Plan
from kxplan.reports import formats
from kxplan.reports.csv import to_csv
from kxplan.session import Session
from kxplan.text import csv


def run(plan: Plan, text: str, kind: importing.Kind | None = None) -> importing.Preview:
    return importing.preview(plan, importing.read(text.encode("utf-8"), "in.csv", kind))


# --- reading ----------------------------------------------------------------------------------


def test_separator_is_sniffed_from_the_header_outside_quotes() -> None:
    assert sniff("Titel;Volym/månad\n") == ";"
    assert sniff('"a;b",c\n') == ","
    assert sniff("a\tb\n") == "\t"
    assert sniff("Title\n") == ","


def test_encoding_utf8_with_bom_then_utf8_then_windows_1252() -> None:
    assert decode(codecs.BOM_UTF8 + "Värde".encode(), "f") == ("Värde", "utf-8-sig")
    assert decode("Värde".encode(), "f") == ("Värde", "utf-8")
    assert decode("Värde €".encode("cp1252"), "f") == ("Värde €", "cp1252")
    with pytest.raises(importing.ImportFailed, match="f: unknown encoding 'klingon'"):
        decode(b"x", "f", "klingon")
    with pytest.raises(importing.ImportFailed, match="cannot be read as utf-8"):
        decode(b"\xe4", "f", "utf-8")


def test_rows_keep_the_line_they_start_on() -> None:
    table = read_table(b'a;b\n\n1;"two\nlines"\n3;4\n', "f")
    assert [row.line for row in table.rows] == [3, 5]
    assert table.rows[0].cells == ("1", "two\nlines")


def test_an_empty_file_is_refused_in_one_line() -> None:
    with pytest.raises(importing.ImportFailed) as caught:
        read_table(b"\n ; \n", "empty.csv")
    assert str(caught.value) == "empty.csv: is empty; expected a header line and rows"


# --- columns ----------------------------------------------------------------------------------


def test_headers_compare_without_case_spaces_or_underscores() -> None:
    assert normal(" Volym / Månad ") == "volym/månad"
    assert normal("OWN_EFFORT") == "own effort"
    assert normal("Avoidable (%)") == "avoidable%"


def test_kind_is_guessed_from_the_headers() -> None:
    assert guess_kind(["Nyckeltal", "Datum", "Värde"]) == "readings"
    assert guess_kind(["Kontaktorsak", "Kanal", "Antal"]) == "contact-reasons"
    assert guess_kind(["Namn", "Volym/månad"]) == "contact-reasons"
    assert guess_kind(["Titel", "Insats"]) == "initiatives"
    assert guess_kind(["foo", "bar"]) is None


def test_own_scores_win_over_the_rankings_numbers() -> None:
    columns = map_columns("f", ["id", "effort", "own_effort", "rank"], "initiatives")
    assert columns.fields == {"id": 0, "effort": 2}
    assert columns.ignored == ("effort", "rank")


def test_two_columns_for_one_field_are_refused() -> None:
    with pytest.raises(importing.ImportFailed, match="columns 'Titel' and 'Namn' both give"):
        map_columns("f", ["Titel", "Namn"], "initiatives")


def test_a_missing_required_column_is_named() -> None:
    with pytest.raises(importing.ImportFailed, match="no column for date"):
        map_columns("f", ["KPI", "Value"], "readings")


# --- initiatives ------------------------------------------------------------------------------


def test_kxplans_own_export_reads_back_unchanged_in_both_languages() -> None:
    for template in ("e-handel", "contact-centre", "kundservice", "public-service"):
        plan = template_plan(template)
        with language(plan.document_language):
            text = to_csv(plan)
        result = importing.preview(plan, importing.read(csv.encode(text), "x.csv"))
        assert result.refusals == ()
        assert {o.action for o in result.outcomes} == {"unchanged"}, template
        assert len(result.outcomes) == len(plan.initiatives)


def test_initiatives_match_by_id_else_title_and_show_what_changes() -> None:
    plan = base_plan()
    first = plan.initiatives[0]
    text = f"Titel;Insats;Status\r\n{first.title};2,5;planerad\r\nNy chattbot;3;Idé\r\n"
    result = run(plan, text)
    updated, added = result.outcomes
    assert updated.action == "updated"
    assert next(str(c) for c in updated.changes if c.column == "Insats").endswith("→ 2.5")
    assert added.action == "added"
    assert added.subject == "Ny chattbot"
    assert plan.initiatives[0] == first  # the preview changed nothing


def test_a_refused_initiative_says_line_column_and_what_was_expected() -> None:
    plan = base_plan()
    result = run(plan, "Title,Effort,Confidence\nA,1.000,50\nB,2,150\nC,99,1\n")
    assert [str(p) for p in result.refusals] == [
        "in.csv:2: column \"Effort\": '1.000' could be read two ways: write thousands with a "
        "space (1 000) and decimals with one comma or point (1,5)",
        'in.csv:3: column "Confidence": expected a number at most 100, got 150',
        f'in.csv:4: column "Effort": {run_effort_message(plan)}',
    ]


def run_effort_message(plan: Plan) -> str:
    scale = plan.scales.effort
    return f"expected a score from {scale.min} to {scale.max}, got 99"


def test_a_dependency_on_a_later_row_goes_in() -> None:
    plan = base_plan()
    result = run(plan, "id,title,depends_on\nb,Bee,a\na,Ay,\n")
    assert [o.action for o in result.outcomes] == ["added", "added"]


def test_a_row_twice_in_one_file_is_refused_the_second_time() -> None:
    result = run(base_plan(), "Title\nSame\nsame \n")
    assert [o.action for o in result.outcomes] == ["added"]
    assert str(result.refusals[0]) == "in.csv:3: is the same row as line 2; a row is imported once"


# --- contact reasons --------------------------------------------------------------------------


def test_contact_reasons_from_a_swedish_spreadsheet() -> None:
    plan = base_plan()
    text = (
        "Kontaktorsak;Kanal;Volym/månad;Typ;Undvikbar andel\r\n"
        "Where is my order?;Phone;1 200;onödig;70 %\r\n"
        "Faktura;Telefon;300;Värdeefterfrågan;12,5\r\n"
    )
    result = run(plan, text)
    assert result.kind == "contact-reasons"
    assert result.guessed
    updated, added = result.outcomes
    assert updated.action == "updated"
    assert [str(c) for c in updated.changes] == [
        "Volym/månad: 900 → 1\u202f200",
        "Typ: Value demand → Failure demand",
        "Undvikbar andel: 0 → 70",
    ]
    assert added.action == "added"
    session = Session(plan.model_copy(deep=True))
    importing.apply(session, importing.read(text.encode(), "in.csv"))
    reasons = session.plan.areas.unnecessary_demand.contact_reasons
    assert [(r.reason, r.monthly_volume, r.avoidable) for r in reasons] == [
        ("Where is my order?", 1200, 70.0),
        ("Faktura", 300, 12.5),
    ]
    assert reasons[1].demand == "value"


# --- readings ---------------------------------------------------------------------------------


def test_readings_match_their_kpi_by_name_or_measure_and_channel() -> None:
    plan = base_plan()
    text = (
        "KPI;Measure;Channel;Date;Value;Source\n"
        "CSAT;;phone;2026-01-31;72;survey\n"
        ";handling_time;;2026-01-31;8,5;ACD\n"
        "NPS;;;2026-01-31;3;\n"
    )
    result = run(plan, text)
    assert [o.action for o in result.outcomes] == ["added", "added"]
    assert len(result.refusals) == 1
    assert result.refusals[0].line == 4
    assert "no KPI 'NPS'" in result.refusals[0].message
    session = Session(plan.model_copy(deep=True))
    importing.apply(session, importing.read(text.encode(), "in.csv"))
    again = importing.preview(
        session.plan, importing.read(text.replace("72", "74").encode(), "in.csv")
    )
    assert [o.action for o in again.outcomes] == ["updated", "unchanged"]
    assert [str(c) for c in again.outcomes[0].changes] == ["Value: 72 → 74"]


def test_a_reading_off_the_kpis_scale_is_refused() -> None:
    result = run(base_plan(), "KPI,Channel,Date,Value\nCSAT,phone,2026-01-31,140\n")
    assert result.refusals[0].place == 'column "Value"'
    assert result.outcomes == ()


def test_an_export_with_follow_through_reads_back_its_swedish_headers() -> None:
    plan = base_plan()
    text = (
        "Titel;Status;Påbörjat;Avslutad;Faktisk insats;Utfall\r\n"
        "Ny chattbot;Klar;2026-02-01;2026-05-15;2,5;Färre samtal\r\n"
    )
    session = Session(plan.model_copy(deep=True))
    result = importing.apply(session, importing.read(text.encode("utf-8"), "in.csv"))
    assert result.refusals == ()
    assert result.ignored == ()
    added = next(item for item in session.plan.initiatives if item.title == "Ny chattbot")
    assert (added.status, str(added.started), str(added.finished)) == (
        "done",
        "2026-02-01",
        "2026-05-15",
    )
    assert (added.actual_effort, added.outcome) == (2.5, "Färre samtal")


def test_an_initiative_imported_done_without_dates_is_still_followed_through() -> None:
    session = Session(base_plan())
    importing.apply(session, importing.read(b"Titel;Status\r\nNy chattbot;Klar\r\n", "in.csv"))
    text = formats.render(session.plan, "markdown")
    section = text[text.index("### Followed through") :]
    assert any(line.startswith("| Ny chattbot | Done |") for line in section.splitlines())


def test_a_volume_beyond_any_organisation_is_refused_naming_the_most() -> None:
    text = (
        "Kontaktorsak;Kanal;Volym/månad;Undvikbar andel\r\nJättemånga;telefon;99999999999999;50\r\n"
    )
    (problem,) = run(base_plan(), text).refusals
    assert str(problem).startswith('in.csv:2: column "Volym/månad": expected a number at most ')
    assert "1 000 000 000" in problem.message.replace("\u00a0", " ").replace("\u202f", " ")


def test_an_unknown_status_is_refused_with_the_labels_one_can_write() -> None:
    with language("sv"):
        (problem,) = run(base_plan(), "Titel;Status\r\nA;Färdig\r\n").refusals
        labels = STATUSES.labels().values()
    assert all(label in problem.message for label in labels)
    assert "in_progress" not in problem.message
    with language("sv"):
        result = run(
            base_plan(),
            "Titel;Status\r\n" + "".join(f"A{i};{label}\r\n" for i, label in enumerate(labels)),
        )
    assert result.refusals == ()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_excels_unicode_text_in_utf16_with_tabs_is_read(codec: str) -> None:
    text = "Kontaktorsak\tKanal\tVolym/månad\r\nFaktura\tTelefon\t1 200\r\n"
    source = importing.read(text.encode(codec), "in.txt")
    assert source.table.header == ("Kontaktorsak", "Kanal", "Volym/månad")
    assert source.table.delimiter == "\t"
    assert source.columns.kind == "contact-reasons"
    assert importing.heading(importing.preview(base_plan(), source)).startswith(
        "in.txt: contact reasons (guessed from the headers), read as UTF-16,"
    )


def test_the_cli_is_told_to_say_the_kind_and_the_app_to_pick_it() -> None:
    with pytest.raises(importing.KindUnknown) as caught:
        importing.read(b"foo;bar\n1;2\n", "junk.csv")
    assert "(kxplan import --kind)" in str(caught.value)
    assert "kxplan" not in caught.value.in_form()
    assert caught.value.in_form().startswith("junk.csv: cannot tell from the headers (foo, bar)")


def test_the_tally_says_one_refused_row_in_the_singular_in_swedish() -> None:
    plan = base_plan()
    with language("sv"):
        one = importing.tally(run(plan, "Titel;Insats\r\nA;x\r\n"))
        two = importing.tally(run(plan, "Titel;Insats\r\nA;x\r\nB;y\r\n"))
    assert one == "0 läggs till, 0 uppdateras, 0 oförändrade, 1 avvisad"
    assert two.endswith(", 2 avvisade")
