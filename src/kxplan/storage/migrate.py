"""Upgrades of plan data written by an older kxplan, one schema step at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import kxplan.storage as package
from kxplan.storage.errors import PlanError, Problem
from kxplan.storage.locate import LineIndex
from kxplan.storage.messages import shown_value

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _schema_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 only adds optional fields: a schema-1 plan is a valid schema-2 plan."""
    return data


MIGRATIONS: Final[dict[int, Migration]] = {1: _schema_1_to_2}
"""Upgrades of the raw data: ``MIGRATIONS[n]`` turns a schema-n plan into schema n+1."""


def migrate(data: dict[str, Any], source: str, text: str | None = None) -> dict[str, Any]:
    """Bring raw plan data written by an older kxplan up to ``kxplan.storage.SCHEMA_VERSION``."""
    # read at call time: a migration test pretends to be a newer kxplan by setting it
    current = package.SCHEMA_VERSION
    version = data.get("schema")
    if version is None:
        raise PlanError([Problem(source, "schema", None, f"missing; expected schema = {current}")])
    if version == current:
        return data
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanError(
            [
                Problem(
                    source,
                    "schema",
                    _schema_line(text),
                    f"expected a whole number from 1, got {shown_value(version)}",
                )
            ]
        )
    if version > current:
        raise PlanError(
            [
                Problem(
                    source,
                    "schema",
                    _schema_line(text),
                    f"was written by a newer kxplan (schema {version}; this version reads up "
                    f"to {current}); upgrade kxplan to open it",
                )
            ]
        )
    while version < current:
        step = MIGRATIONS.get(version)
        if step is None:
            raise PlanError(
                [
                    Problem(
                        source,
                        "schema",
                        _schema_line(text),
                        f"no migration from schema {version} is known",
                    )
                ]
            )
        try:
            data = step(data)
        except (LookupError, TypeError, ValueError, AttributeError) as error:
            raise PlanError(
                [
                    Problem(
                        source,
                        "schema",
                        _schema_line(text),
                        f"could not be upgraded from schema {version}: {error!r}",
                    )
                ]
            ) from None
        version += 1
        data["schema"] = version
    return data


def _schema_line(text: str | None) -> int | None:
    """The line of ``schema`` for a message; only called on failure, as indexing a large
    file costs more than loading it."""
    return LineIndex(text).find(("schema",)) if text is not None else None
