"""The Swedish catalogue says one concept in one word: "förväntade" for expected, "enighet"
for the participants' agreement, "skattning" for an estimate; and it reads naturally
("median 4 (3 skattningar)", not "median 4 av 3 skattningar", which reads as 4 out of 3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import kxplan.i18n
from kxplan import i18n
from kxplan.i18n import ngettext

CATALOGUE = Path(kxplan.i18n.__file__).parent / "locale" / "sv" / "LC_MESSAGES" / "kxplan.po"


def swedish() -> list[tuple[str, str]]:
    with CATALOGUE.open("rb") as file:
        catalogue = read_po(file)
    found = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found.extend((ids[0], text) for text in strings)
    return found


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        (r"(?<![Ff]ör)\bväntade\b", "expected is 'förväntade'"),
        (r"(?i)\bsamsyn|\bsamstämmighet", "agreement is 'enighet'"),
        (r"(?i)\buppskattning", "an estimate is a 'skattning'"),
        (r"\{median\} av \{count\}", "'median 4 av 3' reads as 4 out of 3"),
        (r"\bFånga\b", "an initiative is added, not caught"),
    ],
)
def test_one_word_for_one_concept(pattern: str, why: str) -> None:
    wrong = [(english, text) for english, text in swedish() if re.search(pattern, text)]
    assert wrong == [], why


def test_a_median_of_three_estimates_reads_naturally() -> None:
    with i18n.language("sv"):
        said = ngettext(
            "median {median} of {count} estimate", "median {median} of {count} estimates", 3
        ).format(median=4, count=3)
    assert said == "median 4 (3 skattningar)"
