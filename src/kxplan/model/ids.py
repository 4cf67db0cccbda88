"""Ids from titles: slugs, numbered when taken."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, max_length: int = 48) -> str:
    """A slug for an id: "Webbchatt på sajten!" → "webbchatt-pa-sajten"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        head = slug[:max_length]
        if slug[max_length] != "-" and "-" in head:
            head = head.rsplit("-", 1)[0]  # end at a whole word
        slug = head.rstrip("-")
    return slug or "initiative"


def unique_slug(text: str, taken: Iterable[str]) -> str:
    """A slug for ``text`` that is not in ``taken``, numbered when needed."""
    existing = set(taken)
    base = slugify(text)
    if base not in existing:
        return base
    for number in range(2, len(existing) + 3):
        candidate = f"{base[: 60 - len(str(number))]}-{number}"
        if candidate not in existing:
            return candidate
    raise AssertionError("unreachable: more numbers than taken ids")  # pragma: no cover
