"""What the room takes from a phone: names, texts and numbers within bounds, or a refusal."""

from __future__ import annotations

import math
from typing import Final

from kxplan.model import MAX_NUMBER

MAX_NAME: Final = 60
"""The longest participant name a phone may add."""
MAX_TITLE: Final = 120
MAX_TEXT: Final = 1000
"""The longest idea title and text."""
DEVICES_EACH: Final = 3
"""How many devices one participant may use at once (a phone, a laptop, a new tab)."""
MAX_IDEAS_EACH: Final = 50
"""How many ideas one participant may send in one room."""


class Refused(ValueError):
    """A participant's request that the room cannot take; the message says why."""


def clean_text(text: object, limit: int, what: str, *, lines: bool = False) -> str:
    if not isinstance(text, str):
        raise Refused(f"The {what} must be text.")
    if lines:  # each line tidied, the line breaks kept
        kept = [" ".join(line.split()) for line in text.splitlines()]
        cleaned = "\n".join(kept).strip("\n")
    else:
        cleaned = " ".join(text.split())
    if len(cleaned) > limit:
        raise Refused(f"The {what} is too long: at most {limit} characters.")
    return cleaned


def read_number(raw: object) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise Refused("Pick a number.")
    value = float(raw)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise Refused("That number is too large.")
    return value
