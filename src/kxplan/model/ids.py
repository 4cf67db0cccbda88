"""Ids from titles: slugs, numbered when taken.

Titles are transliterated with anyascii, so every Latin script keeps its letters
("Grønn kundeservice" → ``gronn-kundeservice``, "Straße" → ``strasse``, "Łódź" →
``lodz``) where Unicode decomposition alone drops ø, ß, ł and æ; other scripts get
their usual romanisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import Final

from kxplan.model.types import SLUG_PATTERN

MAX_ID_LENGTH: Final = 64
"""The longest id a plan accepts (:data:`kxplan.model.types.Slug`)."""

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(SLUG_PATTERN)


def slugify(text: str, *, max_length: int = 48) -> str:
    """A slug for an id: "Webbchatt på sajten!" → "webbchatt-pa-sajten"."""
    slug = _NON_SLUG.sub("-", _letters_in_ascii(text).lower()).strip("-")
    if len(slug) > max_length:
        head = slug[:max_length]
        if slug[max_length] != "-" and "-" in head:
            head = head.rsplit("-", 1)[0]  # end at a whole word
        slug = head.rstrip("-")
    return slug or "initiative"


def _letters_in_ascii(text: str) -> str:
    """Letters and digits transliterated; symbols and emoji (which anyascii spells out
    as ``:grinning:``) become spaces."""
    if text.isascii():
        return text
    from anyascii import anyascii  # here: its import costs more than every command needs

    return "".join(
        anyascii(char) if unicodedata.category(char)[0] in "LN" else " " for char in text
    )


def unique_slug(text: str, taken: Iterable[str]) -> str:
    """A slug for ``text`` that is not in ``taken``, numbered when needed (a set, or a
    dict's keys, is looked in as it is: no copy per new id)."""
    existing = taken if isinstance(taken, AbstractSet) else set(taken)
    base = slugify(text)
    if base not in existing:
        return base
    for number in range(2, len(existing) + 3):
        suffix = f"-{number}"
        candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        if candidate not in existing:
            return candidate
    raise AssertionError("unreachable: more numbers than taken ids")  # pragma: no cover


def is_slug(text: str) -> bool:
    """Whether ``text`` is a valid id."""
    return len(text) <= MAX_ID_LENGTH and _SLUG.fullmatch(text) is not None
