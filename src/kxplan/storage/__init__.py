"""Plan files: read TOML into a :class:`~kxplan.model.Plan`, write it back safely.

Reading (:mod:`~kxplan.storage.read`) turns every problem into a
:class:`~kxplan.storage.errors.PlanError` naming the file, the place and its line
(:mod:`~kxplan.storage.locate`) in words a facilitator understands
(:mod:`~kxplan.storage.messages`), after bringing older files up to date
(:mod:`~kxplan.storage.migrate`). Writing (:mod:`~kxplan.storage.write`) is
deterministic, and saving is atomic (:mod:`~kxplan.storage.atomic`), so a failed
save never harms the old file. Every public name is re-exported here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kxplan.model import SCHEMA_VERSION
from kxplan.storage.errors import PlanError, Problem
from kxplan.storage.migrate import MIGRATIONS, Migration, migrate
from kxplan.storage.read import (
    load,
    loads,
    loads_bytes,
    parse_toml,
    problems_of,
    validate,
)

if TYPE_CHECKING:
    from kxplan.storage.atomic import write_atomic
    from kxplan.storage.locate import LineIndex, describe_loc
    from kxplan.storage.messages import friendly_message, shown_value
    from kxplan.storage.write import INLINE_ROWS, dumps, save, toml_key

_ON_FIRST_USE = {
    "write_atomic": "atomic",
    "LineIndex": "locate",
    "describe_loc": "locate",
    "friendly_message": "messages",
    "shown_value": "messages",
    "INLINE_ROWS": "write",
    "dumps": "write",
    "save": "write",
    "toml_key": "write",
}
"""Names imported when first used: a command that only reads a good plan never loads
the writer, the error wording or the line finder (about 2 % of ``kxplan rank``)."""


def __getattr__(name: str) -> Any:
    module = _ON_FIRST_USE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "INLINE_ROWS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "LineIndex",
    "Migration",
    "PlanError",
    "Problem",
    "describe_loc",
    "dumps",
    "friendly_message",
    "load",
    "loads",
    "loads_bytes",
    "migrate",
    "parse_toml",
    "problems_of",
    "save",
    "shown_value",
    "toml_key",
    "validate",
    "write_atomic",
]
