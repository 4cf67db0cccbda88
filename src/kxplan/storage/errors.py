"""What is wrong with a plan file: each problem with its place and line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a plan file: where and what."""

    source: str
    """The file (or a description of the text's origin)."""
    place: str
    """Key path such as ``initiatives[3] (id "web-chat").effort``; empty for the whole file."""
    line: int | None
    """1-based line where the place can be found, when known."""
    message: str
    """What was expected, and what was found."""
    column: int | None = None
    """1-based column on :attr:`line` where reading stopped, when known (TOML syntax)."""

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        if self.line is not None and self.column is not None:
            where = f"{where}:{self.column}"  # file:line:column, as compilers say it
        return (
            f"{where}: {self.place}: {self.message}" if self.place else f"{where}: {self.message}"
        )


class PlanError(Exception):
    """A plan could not be read or written; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(
        cls, source: str, message: str, line: int | None = None, column: int | None = None
    ) -> PlanError:
        """An error with one whole-file problem."""
        return cls([Problem(source, "", line, message, column)])
