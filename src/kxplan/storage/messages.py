"""Pydantic's errors in words a facilitator understands ("expected …, got …"), in
kxplan's current language; keys, ids and TOML values are quoted as they are written."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from pydantic import BaseModel

from kxplan.framework import AREA_IDS
from kxplan.i18n import _
from kxplan.model import Loc, Plan

SHOWN_LENGTH = 60
"""The most characters a message quotes of one value, key or title; longer ones end in "…"."""


def friendly_message(item: Mapping[str, Any], data: Mapping[str, Any] | None = None) -> str:
    """A pydantic error in words a facilitator understands ("expected …, got …").

    ``data`` is the raw plan, used to suggest a close key for an unknown one.
    """
    kind = item["type"]
    value = item.get("input")
    ctx = item.get("ctx") or {}
    loc = tuple(item["loc"])
    if kind == "extra_forbidden" and loc[:-1] == ("areas",):
        close = difflib.get_close_matches(str(loc[-1]), AREA_IDS, n=1)
        area = shortened(repr(str(loc[-1])))
        areas = ", ".join(AREA_IDS)
        if close:
            return _("unknown area {area}; did you mean {close!r}? the areas are {areas}").format(
                area=area, close=close[0], areas=areas
            )
        return _("unknown area {area}; the areas are {areas}").format(area=area, areas=areas)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = _known_keys(loc[:-1], data or {})
        close = difflib.get_close_matches(key, known, n=1)
        if close:
            return _(
                "unknown key {key} (did you mean {close!r}?); free-form notes belong under [extra]"
            ).format(key=shortened(repr(key)), close=close[0])
        return _("unknown key {key}; free-form notes belong under [extra]").format(
            key=shortened(repr(key))
        )
    if kind == "missing":
        return _("missing; this key is required")
    got = shown_value(value)
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        first, sep, last = expected.rpartition("' or '")  # pydantic's "'a', 'b' or 'c'"
        if sep:
            return _("expected one of {choices} or {last}, got {value}").format(
                choices=first + "'", last="'" + last, value=got
            )
        return _("expected one of {choices}, got {value}").format(choices=expected, value=got)
    if kind in {"float_type", "int_type", "int_from_float"}:
        shown = repr(value) if isinstance(value, float) and math.isfinite(value) else got
        # 3.0, not 3, when a whole number is expected
        if kind == "float_type":
            return _("expected a number, got {value}").format(value=shown)
        return _("expected a whole number, got {value}").format(value=shown)
    if kind == "finite_number":
        return _("expected a finite number, got {value}").format(value=got)
    if kind == "greater_than_equal":
        bound = shown_value(ctx.get("ge"))
        return _("expected a number at least {bound}, got {value}").format(bound=bound, value=got)
    if kind == "less_than_equal":
        bound = shown_value(ctx.get("le"))
        return _("expected a number at most {bound}, got {value}").format(bound=bound, value=got)
    if kind == "greater_than":
        bound = shown_value(ctx.get("gt"))
        return _("expected a number more than {bound}, got {value}").format(bound=bound, value=got)
    if kind == "less_than":
        bound = shown_value(ctx.get("lt"))
        return _("expected a number less than {bound}, got {value}").format(bound=bound, value=got)
    if kind == "string_type":
        return _("expected text in quotes, got {value}").format(value=got)
    if kind == "string_pattern_mismatch":
        return _(
            "expected an id of lower-case letters, digits and single hyphens "
            "(like 'web-chat'), got {value}"
        ).format(value=got)
    if kind == "string_too_short":
        return _("expected some text, got an empty string")
    if kind == "string_too_long":
        return _("expected at most {count} characters").format(count=ctx.get("max_length"))
    if kind in {"list_type", "tuple_type"}:
        return _("expected a list [ … ], got {value}").format(value=got)
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return _("expected a table, got {value}").format(value=got)
    if kind in {"datetime_type", "datetime_parsing"}:
        return _("expected a date and time like 2026-11-24T09:00:00Z, got {value}").format(
            value=got
        )
    if kind in {"date_type", "date_parsing", "date_from_datetime_inexact"}:
        return _("expected a date like 2026-11-24 (no quotes), got {value}").format(value=got)
    if kind == "timezone_aware":
        return _(
            "expected a date and time with its time zone, like 2026-11-24T09:00:00Z or "
            "2026-11-24T10:00:00+01:00, got {value}"
        ).format(value=got)
    if kind == "bool_type":
        return _("expected true or false, got {value}").format(value=got)
    return str(item.get("msg", "invalid value")).replace("Input should be", "expected")


def shortened(text: str, limit: int = SHOWN_LENGTH) -> str:
    """``text`` cut to at most ``limit`` characters, ending in "…" when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def shown_value(value: object) -> str:
    """A value as a message quotes it: short text, ``a table``, ``1 000 000``, dates.

    At most :data:`SHOWN_LENGTH` characters: a longer one is cut and ends in "…".
    """
    return shortened(_shown_whole(value))


def _shown_whole(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return repr(shown)
    if isinstance(value, dict):
        return _("a table")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, float) and math.isinf(value):
        return _("a number too large to hold (read as infinity)")
    if isinstance(value, float) and math.isnan(value):
        return _("nan (not a number)")
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        value = int(value)
    if isinstance(value, int) and abs(value) >= 10**SHOWN_LENGTH:
        return _long_integer(value)
    if isinstance(value, int) and abs(value) >= 10**6:
        return f"{value:,}".replace(",", " ")  # 1 000 000 000 000 000
    if isinstance(value, float):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return _("{date} (a date without a time)").format(date=value.isoformat())
    if isinstance(value, time):
        return _("{time} (a time without a date)").format(time=value.isoformat())
    return repr(value)


def _long_integer(value: int) -> str:
    """A number too long to quote: its first digits and how many digits it has.

    Never converts the whole number to text (Python refuses past 4,300 digits).
    """
    size = abs(value)
    digits = max(1, int(size.bit_length() * math.log10(2)))
    while size >= 10**digits:
        digits += 1
    while digits > 1 and size < 10 ** (digits - 1):
        digits -= 1
    lead = f"{size // 10 ** (digits - 18):,}".replace(",", " ")
    shown = f"{'-' if value < 0 else ''}{lead}…"
    return _("{number} (a number with {digits} digits)").format(number=shown, digits=digits)


def _known_keys(loc: Loc, data: Mapping[str, Any]) -> list[str]:
    node: type[BaseModel] | None = Plan
    for part in loc:
        if node is None:
            return []
        if isinstance(part, int):
            continue
        field = node.model_fields.get(str(part))
        if field is None:
            field = next((f for f in node.model_fields.values() if f.alias == str(part)), None)
        if field is None:
            return []
        node = _model_in(field.annotation)
    if node is None:
        return []
    return [f.alias or name for name, f in node.model_fields.items()]


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
