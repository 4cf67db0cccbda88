"""The building blocks of every plan model: checked numbers, ids, names, locations.

Models are strict and closed: unknown keys are errors (except under the free-form
``extra`` table), types are not coerced, numbers must be finite.
"""

from __future__ import annotations

from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, StringConstraints

from kxplan.framework import MATURITY_MAX, MATURITY_MIN

SCHEMA_VERSION: Final = 3
"""The file-format version this kxplan writes and the newest it reads.

Schema 2 adds optional tables and fields only (nothing in a schema-1 plan changes
meaning); the number tells an older kxplan that a plan may hold what it cannot read."""

SLUG_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def integral_as_int(value: float) -> int | float:
    """A whole float as an int (3.0 -> 3), so it is written back as the user wrote it."""
    if isinstance(value, int):  # an int assigned to a float field after validation
        return value
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


MAX_NUMBER: Final = 10**15
"""The largest size of any number in a plan: far beyond any volume, cost or score, and
small enough that every ranking formula stays finite."""
MAX_COUNT: Final = 10**9
"""The largest count of people or contacts (a month's volume, a reach, votes): a
thousand million, beyond any organisation; a bigger one is a typing slip."""
MAX_COST: Final = 10**7
"""The largest cost of one contact, in any currency: ten million."""
MAX_SCALE: Final = 1000
"""The largest size of a scale's or criterion's min and max."""
MAX_EXTRA_DEPTH: Final = 50
"""How deep tables and lists under ``[extra]`` may nest (saving and exporting recurse)."""

Number = Annotated[
    float,
    Field(allow_inf_nan=False, ge=-MAX_NUMBER, le=MAX_NUMBER),
    PlainSerializer(integral_as_int, return_type=int | float),
]
"""A finite number; written back as an integer when it is whole (3, not 3.0)."""
Percent = Annotated[Number, Field(ge=0, le=100)]
"""A share in percent, 0–100."""
NonNegative = Annotated[Number, Field(ge=0)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
"""A whole count of people, contacts or votes, up to :data:`MAX_COUNT`."""
Reach = Annotated[NonNegative, Field(le=MAX_COUNT)]
"""Customers or contacts a period, up to :data:`MAX_COUNT`."""
Cost = Annotated[NonNegative, Field(le=MAX_COST)]
"""What one contact costs, up to :data:`MAX_COST`."""
ScaleEnd = Annotated[int, Field(ge=-MAX_SCALE, le=MAX_SCALE)]
"""The min or max of a scale."""
Maturity = Annotated[int, Field(ge=MATURITY_MIN, le=MATURITY_MAX)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
"""A stable identifier: lower-case letters, digits and single hyphens, e.g. ``web-chat``."""
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
"""A short required label (not blank: see the rules)."""


def unset(value: object) -> bool:
    """Whether an optional value is empty, so the file leaves it out (``exclude_if``):
    fields added since schema 1 are written only when set, so older plans save as
    they were."""
    return value is None or value == "" or value == [] or value == {}


def empty_list() -> list[Any]:
    """A new empty list, the default of a list field. A Python function rather than
    ``list``: pydantic reads a default factory's signature, and a builtin's means parsing
    its text signature (about 1 % of a ``kxplan rank``)."""
    return []


def empty_dict() -> dict[Any, Any]:
    """A new empty table, the default of a table field (see :func:`empty_list`)."""
    return {}


Loc = tuple[str | int, ...]
"""A location in a plan: keys and 0-based list indices, as pydantic reports them."""


class StrictModel(BaseModel):
    """The base of every plan model: unknown keys refused, no type coercion."""

    # defer_build: each model builds its validator on first use, not on import. Loading a
    # plan needs only Plan's (which covers the nested models), so start-up skips the rest.
    model_config = ConfigDict(extra="forbid", strict=True, validate_default=False, defer_build=True)
