"""Upgrades of plan data written by an older kxplan, one schema step at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import kxplan.storage as package
from kxplan.i18n import _
from kxplan.storage.errors import PlanError, Problem

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _schema_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 only adds optional fields: a schema-1 plan is a valid schema-2 plan."""
    return data


def _schema_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 3 only adds optional fields (the plan's own journey stages, critical
    touchpoints with expectation and experience, the areas' logs of successes and
    failures, check-ins): a schema-2 plan is a valid schema-3 plan."""
    return data


MIGRATIONS: Final[dict[int, Migration]] = {1: _schema_1_to_2, 2: _schema_2_to_3}
"""Upgrades of the raw data: ``MIGRATIONS[n]`` turns a schema-n plan into schema n+1."""


def migrate(data: dict[str, Any], source: str, text: str | None = None) -> dict[str, Any]:
    """Bring raw plan data written by an older kxplan up to ``kxplan.storage.SCHEMA_VERSION``."""
    # read at call time: a migration test pretends to be a newer kxplan by setting it
    current = package.SCHEMA_VERSION
    version = data.get("schema")
    if version is None:
        expected = _("missing; expected schema = {version}").format(version=current)
        raise PlanError([Problem(source, "schema", None, expected)])
    if version == current:
        return data
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        from kxplan.storage import messages

        raise PlanError(
            [
                Problem(
                    source,
                    "schema",
                    _schema_line(text),
                    _("expected a whole number from 1, got {value}").format(
                        value=messages.shown_value(version)
                    ),
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
                    _(
                        "was written by a newer kxplan (schema {version}; this version reads "
                        "up to {current}); upgrade kxplan to open it"
                    ).format(version=version, current=current),
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
                        _("no migration from schema {version} is known").format(version=version),
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
                        _("could not be upgraded from schema {version}: {error!r}").format(
                            version=version, error=error
                        ),
                    )
                ]
            ) from None
        version += 1
        data["schema"] = version
    return data


def _schema_line(text: str | None) -> int | None:
    """The line of ``schema`` for a message; only called on failure, as indexing a large
    file costs more than loading it."""
    from kxplan.storage.locate import LineIndex

    return LineIndex(text).find(("schema",)) if text is not None else None
