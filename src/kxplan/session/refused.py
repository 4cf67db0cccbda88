"""What a refused edit says: the problems, each as (location, message)."""

from __future__ import annotations

from pydantic import ValidationError

from kxplan.model import Loc

Problems = list[tuple[Loc, str]]
"""Broken rules as (location, message)."""


class EditRefused(ValueError):
    """An operation would break the rules of what it changes; the plan is left as it was."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        """What is wrong, as (location, message)."""
        super().__init__("; ".join(message for _loc, message in problems))


def problems_of(error: ValidationError, at: Loc) -> Problems:
    """A validation error's problems, each located under ``at``."""
    return [((*at, *item["loc"]), item["msg"]) for item in error.errors(include_url=False)]
