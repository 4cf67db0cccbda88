"""Ids from titles: any title gives a valid id, also when numbered because it is taken."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan.model import Initiative, slugify, unique_slug
from kxplan.model.ids import MAX_ID_LENGTH, is_slug
from kxplan.model.types import SLUG_PATTERN

titles = st.text(st.characters(exclude_categories=["Cs"]), max_size=120)
EXAMPLES = settings(max_examples=300, deadline=None)


@EXAMPLES
@given(titles, st.integers(min_value=1, max_value=64))
def test_a_slug_always_matches_the_id_pattern(title: str, max_length: int) -> None:
    slug = slugify(title, max_length=max_length)
    assert re.fullmatch(SLUG_PATTERN, slug), slug
    assert slug.isascii()
    assert len(slug) <= max(max_length, len("initiative"))


@EXAMPLES
@given(titles, st.lists(st.integers(min_value=0, max_value=12), max_size=12))
def test_a_numbered_slug_is_a_valid_id_not_taken(title: str, numbers: list[int]) -> None:
    base = slugify(title)
    taken = [base, *(f"{base[: MAX_ID_LENGTH - 3].rstrip('-')}-{n}" for n in numbers)]
    slug = unique_slug(title, taken)
    assert slug not in taken
    assert is_slug(slug), slug
    Initiative(id=slug, title="t")  # the plan model accepts it


@given(st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=60, max_size=70))
def test_a_long_base_never_gives_a_double_hyphen(title: str) -> None:
    slug = unique_slug(title, [slugify(title)])
    assert "--" not in slug
    assert is_slug(slug)


def test_latin_letters_are_transliterated_not_dropped() -> None:
    assert slugify("Grønn kundeservice") == "gronn-kundeservice"
    assert slugify("Straße") == "strasse"
    assert slugify("Kundtjänst 😀 dygnet runt") == "kundtjanst-dygnet-runt"
