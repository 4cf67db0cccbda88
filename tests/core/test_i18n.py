"""The translation layer: choosing the language, the Swedish catalogue, local numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from kxplan import i18n
from kxplan.framework import vocabulary
from kxplan.text import numbers

PO_FILE = Path(i18n.__file__).parent / "locale" / "sv" / "LC_MESSAGES" / "kxplan.po"

VOCABULARIES = [
    value for value in vars(vocabulary).values() if isinstance(value, vocabulary.Vocabulary)
]
SAME_IN_SWEDISH = {"RICE", "ICE", "WSJF", "Neutral"}
"""Words that are written the same in both languages."""


def words(vocab: vocabulary.Vocabulary) -> list[str]:  # type: ignore[type-arg]
    """Every English text a vocabulary's terms hold: labels, plurals, short names, advice."""
    found = []
    for term in vocab:
        for name in ("label", "plural", "short", "advice"):
            text = getattr(term, name, "")
            if text:
                found.append(text)
    return found


# --- which language ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("sv", "sv"),
        ("sv_SE.UTF-8", "sv"),
        ("SV-fi", "sv"),
        ("en_GB", "en"),
        ("de", None),
        ("", None),
    ],
)
def test_a_code_names_a_language_whatever_its_region_and_encoding(
    code: str, expected: str | None
) -> None:
    assert i18n.known(code) == expected


def test_the_flag_comes_before_the_environment_and_the_system() -> None:
    environ = {"KXPLAN_LANG": "en", "LANG": "en_US.UTF-8"}
    assert i18n.choose("sv", environ) == "sv"
    assert i18n.choose(None, {"KXPLAN_LANG": "sv", "LANG": "en_US.UTF-8"}) == "sv"
    assert i18n.choose(None, {"LANG": "sv_SE.UTF-8"}) == "sv"


def test_a_flag_kxplan_does_not_speak_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="kxplan speaks en, sv; got 'de'"):
        i18n.choose("de", {})


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"KXPLAN_LANG": "de", "LANG": "sv_SE.UTF-8"}, "sv"),  # unknown env value: passed over
        ({"LANGUAGE": "de:sv", "LANG": "en_US"}, "sv"),  # a list of preferences
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "sv_SE"}, "en"),  # LC_ALL wins, unspoken: English
        ({"LANG": "C"}, "en"),
        ({}, "en"),
        # gettext reads LANGUAGE only under a real locale: C and POSIX ignore it
        ({"LC_ALL": "C", "LANGUAGE": "sv"}, "en"),
        ({"LANG": "C.UTF-8", "LANGUAGE": "sv"}, "en"),
        ({"LC_MESSAGES": "POSIX", "LANGUAGE": "sv:en"}, "en"),
        ({"LANGUAGE": "sv"}, "en"),  # no locale set: the C locale
        ({"LANG": "de_DE.UTF-8", "LANGUAGE": "sv"}, "sv"),
        ({"LC_ALL": "C", "LANG": "sv_SE.UTF-8"}, "en"),  # LC_ALL wins, even as C
    ],
)
def test_the_system_locale_is_read_as_gettext_reads_it(
    environ: dict[str, str], expected: str
) -> None:
    assert i18n.choose(None, environ) == expected


def test_a_language_block_restores_the_one_before_even_after_an_error() -> None:
    seen = []

    def fail_in_swedish() -> None:
        with i18n.language("sv"):
            seen.append(i18n.current())
            raise RuntimeError

    assert i18n.current() == "en"
    with pytest.raises(RuntimeError):
        fail_in_swedish()
    assert seen == ["sv"]
    assert i18n.current() == "en"


# --- the Swedish catalogue -----------------------------------------------------------------


def test_the_swedish_catalogue_is_compiled_by_the_build() -> None:
    """The .mo file is built by hatch_build.py at install time, never committed."""
    assert i18n.has_catalogue("sv"), "not compiled: run pip install -e . again"


def test_every_catalogue_entry_is_translated_and_keeps_its_placeholders() -> None:
    with PO_FILE.open("rb") as file:
        catalog = read_po(file, locale="sv")
    entries = [message for message in catalog if message.id]
    assert entries
    assert [m.id for m in entries if not m.string] == []
    assert [m.id for m in entries if m.fuzzy] == []
    assert [(m.id, errors) for m, errors in catalog.check() if errors] == []


@pytest.mark.parametrize("vocab", VOCABULARIES, ids=lambda v: v.name)
def test_every_word_of_the_framework_reads_in_swedish(
    vocab: vocabulary.Vocabulary,  # type: ignore[type-arg]
) -> None:
    with i18n.language("sv"):
        untranslated = [
            text for text in words(vocab) if vocab.say(text) == text and text not in SAME_IN_SWEDISH
        ]
        labels = vocab.labels()
    assert untranslated == []
    assert list(labels) == list(vocab.keys)


def test_one_english_word_may_read_differently_in_each_vocabulary() -> None:
    with i18n.language("sv"):
        assert vocabulary.BUY_IN.label("unknown") == "Okänd"
        assert vocabulary.CHECK_STATUSES.label("unknown") == "Okänt"
    assert vocabulary.BUY_IN.label("unknown") == vocabulary.CHECK_STATUSES.label("unknown")


def test_english_labels_are_the_terms_own_words() -> None:
    assert vocabulary.QUADRANTS.labels()["quick_win"] == "Quick win"
    assert vocabulary.QUADRANTS.say("Quick wins") == "Quick wins"


# --- numbers the local way ------------------------------------------------------------------


def test_swedish_numbers_use_a_decimal_comma_and_no_break_grouping() -> None:
    with i18n.language("sv"):
        assert numbers.number(2.5) == "2,5"
        assert numbers.money(213_400, "kr") == "213\u202f400\u00a0kr"
        assert numbers.number(1234.56) == "1\u202f234,56"
        assert numbers.percent(12.5, 1) == "12,5\u00a0%"
    assert numbers.number(1234.56) == "1\u202f234.56"


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e18, max_value=1e18))
def test_swedish_and_english_numbers_differ_only_in_the_decimal_mark(value: float) -> None:
    english = numbers.number(value)
    with i18n.language("sv"):
        swedish = numbers.number(value)
    assert swedish == english.replace(".", ",")
    assert "," not in english


# --- the plan's own language -------------------------------------------------------------


def test_a_plan_keeps_its_language_and_one_without_it_is_english() -> None:
    from kxplan import storage

    plain = storage.loads('schema = 3\ntitle = "Plan"\n')
    assert plain.language is None
    assert plain.document_language == "en"
    assert "language" not in storage.dumps(plain)
    swedish = storage.loads(storage.dumps(plain.model_copy(update={"language": "sv"})))
    assert swedish.document_language == "sv"
    assert 'language = "sv"' in storage.dumps(swedish)


def test_a_language_kxplan_does_not_speak_is_refused_where_it_stands() -> None:
    from kxplan import storage

    with pytest.raises(storage.PlanError) as caught:
        storage.loads('schema = 3\ntitle = "Plan"\nlanguage = "de"\n', source="plan.toml")
    message = str(caught.value)
    assert "plan.toml" in message
    assert "language" in message
    assert "'sv'" in message


def test_a_worker_thread_speaks_the_chosen_language_and_a_block_stays_in_its_own() -> None:
    import threading

    i18n.set_language("sv")
    heard: list[str] = []
    with i18n.language("en"):
        thread = threading.Thread(target=lambda: heard.append(i18n.current()))
        thread.start()
        thread.join()
        assert i18n.current() == "en"
    assert heard == ["sv"]
    assert i18n.current() == "sv"


@pytest.mark.parametrize(
    ("value", "english", "swedish"),
    [
        (999.996, "1\u202f000", "1\u202f000"),  # rounds up into the thousands: grouped
        (-999.996, "-1\u202f000", "-1\u202f000"),
        (999.994, "999.99", "999,99"),
        (-0.001, "0", "0"),
        (1234.5, "1\u202f234.5", "1\u202f234,5"),
        (3.0, "3", "3"),
    ],
)
def test_numbers_group_thousands_after_rounding_in_both_languages(
    value: float, english: str, swedish: str
) -> None:
    assert numbers.number(value) == english
    with i18n.language("sv"):
        assert numbers.number(value) == swedish


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6))
def test_a_number_for_people_reads_back_as_the_value_rounded(value: float) -> None:
    shown = numbers.number(value)
    assert float(shown.replace("\u202f", "")) == pytest.approx(round(value, 2), abs=1e-9)
    assert ("\u202f" in shown) == (abs(round(value, 2)) >= 1000)
