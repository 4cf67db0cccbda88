"""The TOML parser's and the operating system's words in kxplan's language: a Swedish line
says "förväntade '=' efter nyckeln", not "Expected '=' after a key in a key/value pair";
an unknown detail is quoted as it is, and English reads as before."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
import tomli
from hypothesis import given
from hypothesis import strategies as st

from kxplan import i18n
from kxplan.storage import PlanError, load, loads
from kxplan.text.system_words import TOML_DETAILS, os_reason, toml_detail

BROKEN = [
    ('title "x"\n', "förväntade '=' efter nyckeln"),
    ("a = [1,\n", "ogiltigt värde"),
    ("a = {b = 1, b = 2}\n", "nyckeln 'b' finns två gånger i tabellen"),
    ("[a]\n[a]\n", "('a',) anges två gånger"),
    ("a = 1\na = 2\n", "ett värde kan inte anges två gånger"),
    ('a = "x\n', "otillåtet tecken '\\n'"),
    ('a = "x\\q"\n', "ett omvänt snedstreck i texten skrivs '\\\\'"),
    ("[a\n", "förväntade ']' i slutet av tabellrubriken"),
    ("a = 1 b = 2\n", "förväntade en ny rad eller filens slut efter värdet"),
    ("a = 2026-13-01\n", "förväntade en ny rad eller filens slut efter värdet"),
]


@pytest.mark.parametrize(("text", "swedish"), BROKEN)
def test_a_toml_error_reads_swedish_in_a_swedish_message(text: str, swedish: str) -> None:
    with i18n.language("sv"), pytest.raises(PlanError) as raised:
        loads(text, "plan.toml")
    assert str(raised.value).startswith("plan.toml:")
    assert str(raised.value).endswith(f"är inte giltig TOML: {swedish}")


@pytest.mark.parametrize(("text", "_swedish"), BROKEN)
def test_a_toml_error_reads_as_the_parser_says_in_english(text: str, _swedish: str) -> None:
    with pytest.raises(tomli.TOMLDecodeError) as parsed:
        tomli.loads(text)
    detail = re.sub(r" \(at (line \d+, column \d+|end of document)\)$", "", str(parsed.value))
    with pytest.raises(PlanError) as raised:
        loads(text, "plan.toml")
    assert str(raised.value).endswith(f"is not valid TOML: {detail}")


def test_every_detail_the_parser_can_give_is_known() -> None:
    source = (Path(tomli.__file__).parent / "_parser.py").read_text(encoding="utf-8")
    said = set(re.findall(r'TOMLDecodeError\(\s*f?"((?:[^"\\]|\\.)+)",\s*src', source))
    assert len(said) >= 20
    placeholder = re.compile(r"\{[^}]*\}")
    known = {placeholder.sub("{}", message) for message in TOML_DETAILS}
    for message in said:
        message = message.encode().decode("unicode_escape")
        assert placeholder.sub("{}", message) in known, message


@given(st.text(max_size=80))
def test_english_quotes_any_detail_as_it_is(detail: str) -> None:
    assert toml_detail(detail) == detail


def test_an_unknown_detail_is_quoted_as_it_is_in_swedish() -> None:
    with i18n.language("sv"):
        assert toml_detail("Something new went wrong") == "Something new went wrong"
        assert toml_detail("Invalid value") == "ogiltigt värde"


@pytest.mark.parametrize(
    ("number", "swedish"),
    [
        (errno.ENOENT, "filen eller mappen finns inte"),
        (errno.EACCES, "behörighet saknas"),
        (errno.EISDIR, "är en mapp"),
        (errno.ENOSPC, "det finns inget utrymme kvar på disken"),
        (errno.EROFS, "filsystemet är skrivskyddat"),
    ],
)
def test_the_systems_reason_in_swedish(number: int, swedish: str) -> None:
    error = OSError(number, os.strerror(number))
    assert os_reason(error) == os.strerror(number)  # English: the system's own words
    with i18n.language("sv"):
        assert os_reason(error) == swedish


def test_an_unknown_reason_is_the_systems_own() -> None:
    with i18n.language("sv"):
        assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == (
            "Invalid cross-device link"
        )
        assert os_reason(OSError("the disk said no")) == "the disk said no"


def test_an_unreadable_plan_says_why_in_swedish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('schema = 3\ntitle = "P"\n', encoding="utf-8")

    def refused(_self: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(plan))

    monkeypatch.setattr(Path, "read_bytes", refused)
    with i18n.language("sv"), pytest.raises(PlanError) as raised:
        load(plan)
    assert str(raised.value) == f"{plan}: går inte att läsa: behörighet saknas"
