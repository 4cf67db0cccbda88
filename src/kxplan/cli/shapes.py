"""The JSON shapes of ``templates``, ``validate`` and ``history`` (``--format json``).

One shape per object across commands: a problem is always ``{file, line, place,
message}``; a comparison is always what ``kxplan diff --format json`` prints
(:func:`kxplan.reports.comparison_json.to_json_data`); a plan's overview is
:func:`kxplan.reports.overview.overview_data`, whose areas and demand totals are the
shapes of ``kxplan export --format json``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from kxplan.i18n import N_, _

if TYPE_CHECKING:
    from kxplan.storage import Problem
    from kxplan.templates import Template
    from kxplan.versions import Version
    from kxplan.versions.changes import Comparison


CURRENT_FILE: Final = N_("(current file)")
"""The label of the current file's step (translated where it is shown)."""


@dataclass(frozen=True, slots=True)
class HistoryStep:
    """One line of ``kxplan history``: a snapshot (or the current file, ``version``
    None) and what changed since the step before, or why it could not be read."""

    version: Version | None
    label: str
    comparison: Comparison | None = None
    """None for the first snapshot (or a current file with no snapshot to compare)."""
    problem: Problem | None = None

    @property
    def when(self) -> str:
        return _("now") if self.version is None else self.version.when

    @property
    def shown_label(self) -> str:
        """The label as a person reads it: the current file's in the current language."""
        return _(self.label) if self.version is None and self.label else self.label

    @property
    def change_line(self) -> str:
        if self.problem is not None:
            return _("unreadable: {problem}").format(problem=self.problem)
        if self.comparison is not None:
            return self.comparison.summary()
        if self.version is not None:
            return _("first snapshot")
        return _("no snapshot to compare")


def templates_data(templates: Sequence[Template]) -> list[dict[str, str]]:
    """``[{name, language, description}]``, blank first, as ``kxplan templates`` lists
    them (``language``: the language the template is written in, "en" or "sv")."""
    return [
        {"name": t.name, "language": t.language, "description": t.description} for t in templates
    ]


def problem_data(problem: Problem) -> dict[str, Any]:
    """``{file, line, place, message}``: line null when unknown, place "" for the whole file."""
    return {
        "file": problem.source,
        "line": problem.line,
        "place": problem.place,
        "message": problem.message,
    }


def validation_data(results: Mapping[str, Sequence[Problem]]) -> list[dict[str, Any]]:
    """``[{file, valid, problems: [problem]}]``, one per PLAN in the order given."""
    return [
        {
            "file": name,
            "valid": not problems,
            "problems": [problem_data(problem) for problem in problems],
        }
        for name, problems in results.items()
    ]


def history_data(plan: str | os.PathLike[str], steps: Sequence[HistoryStep]) -> dict[str, Any]:
    """``{plan, snapshots: [step], current: step | null}``; a step is ``{file, taken,
    label, summary, changes, problem}`` with ``changes`` the diff JSON of the step
    before to this one (null for the first) and ``problem`` a problem (or null)."""
    from kxplan.reports.comparison_json import to_json_data

    def step_data(step: HistoryStep) -> dict[str, Any]:
        version = step.version
        return {
            "file": os.fspath(version.path if version is not None else plan),
            "taken": None if version is None else version.taken.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "label": version.label if version is not None else "",
            "summary": None if step.problem is not None else step.change_line,
            "changes": None if step.comparison is None else to_json_data(step.comparison),
            "problem": None if step.problem is None else problem_data(step.problem),
        }

    snapshots = [step_data(step) for step in steps if step.version is not None]
    current = [step_data(step) for step in steps if step.version is None]
    return {
        "plan": os.fspath(plan),
        "snapshots": snapshots,
        "current": current[0] if current else None,
    }
