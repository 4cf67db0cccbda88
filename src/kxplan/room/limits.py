"""What the room takes from a phone: names, texts and numbers within bounds, or a refusal."""

from __future__ import annotations

import math
from typing import Final

from kxplan.i18n import N_, _
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


_NOT_TEXT: Final[dict[str, str]] = {
    "name": N_("The name must be text."),
    "title": N_("The title must be text."),
    "text": N_("The text must be text."),
    "question": N_("The question must be text."),
}
_TOO_LONG: Final[dict[str, str]] = {
    "name": N_("The name is too long: at most {limit} characters."),
    "title": N_("The title is too long: at most {limit} characters."),
    "text": N_("The text is too long: at most {limit} characters."),
    "question": N_("The question is too long: at most {limit} characters."),
}
"""What a refusal says of each field a phone sends (translated when said)."""


def clean_text(text: object, limit: int, what: str, *, lines: bool = False) -> str:
    """``text`` tidied; Refused when it is not text or longer than ``limit``. ``what``
    names the field: "name", "title", "text" or "question"."""
    if not isinstance(text, str):
        raise Refused(_(_NOT_TEXT[what]))
    if lines:  # each line tidied, the line breaks kept
        kept = [" ".join(line.split()) for line in text.splitlines()]
        cleaned = "\n".join(kept).strip("\n")
    else:
        cleaned = " ".join(text.split())
    if len(cleaned) > limit:
        raise Refused(_(_TOO_LONG[what]).format(limit=limit))
    return cleaned


def read_number(raw: object) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise Refused(_("Pick a number."))
    value = float(raw)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise Refused(_("That number is too large."))
    return value
