"""An editing session: one plan, the file it belongs to, and whether it is saved.

Plain Python, no UI: the terminal app keeps one :class:`Session` and asks it
whether there are unsaved changes, whether the file changed on disk since it was
read or written, and to save. The plan changes only through the session's
operations (``set_plan_field``, ``set_area_notes``, ``set_maturity``, ``add_row``,
``replace_row``, ``delete_row``, ``put_initiative``, ``delete_initiative``,
``set_scoring``, ``record_checkin``…): each checks just what it changes and marks
the change. Saving still validates the whole plan: a plan with a broken rule (a blank
title being typed) is refused with a :class:`PlanError`, not written to fail on load.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, Literal, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError

from kxplan import storage
from kxplan.framework import AreaId
from kxplan.i18n import _
from kxplan.model import (
    DotVoteRecord,
    Initiative,
    Maturity,
    Plan,
    RoundRecord,
    ScoringSettings,
    plan_rule_problems,
    with_initiative,
    without_initiative,
)
from kxplan.model.evidence import follow_row
from kxplan.model.graph import dependency_cycle
from kxplan.model.log import LogEntry, initiative_problem
from kxplan.model.rules import row_problems
from kxplan.model.tables import AreaTable, stages_kept
from kxplan.session.file import ChangedOnDisk as ChangedOnDisk
from kxplan.session.file import Fingerprint, PlanFile
from kxplan.session.followup import FollowUpEdits
from kxplan.session.initiatives import InitiativeIndex
from kxplan.session.refused import EditRefused as EditRefused
from kxplan.session.refused import Problems as Problems
from kxplan.session.refused import problems_of

Clock = Callable[[], datetime]
"""Returns the current time; injected so tests are not at the mercy of the clock."""


PlanField = Literal["title", "organisation", "version", "facilitator", "participants", "currency"]
"""The plan's own fields the room edits on the overview."""
PLAN_FIELDS: Final[tuple[PlanField, ...]] = get_args(PlanField)
NoteKey = Literal["today", "target", "how"]
"""The three questions every area, and the strategy as a whole, answers."""
NOTE_KEYS: Final[tuple[NoteKey, ...]] = get_args(NoteKey)
MaturityKey = Literal["maturity_today", "maturity_target"]
MATURITY_KEYS: Final[tuple[MaturityKey, ...]] = get_args(MaturityKey)
CYCLE_PREFIX: Final = "dependencies form a cycle: "
"""How the model's rules begin the English message of a dependency cycle (kept for
callers; the session finds the cycle's problem by its place, in any language)."""

_MATURITY: Final = TypeAdapter[int](Maturity)


def utc_now() -> datetime:
    """The current time in UTC, to the second (as plan files store it)."""
    return datetime.now(UTC).replace(microsecond=0)


class Session(FollowUpEdits, PlanFile):
    """One plan being edited, and the file it is saved to (``None`` until it has one)."""

    def __init__(
        self,
        plan: Plan,
        path: Path | None = None,
        *,
        clock: Clock = utc_now,
        dirty: bool = False,
    ) -> None:
        self.plan = plan
        self.path = path
        self.clock = clock
        self.dirty = dirty
        self._fingerprint: Fingerprint | None = None
        self._previous: tuple[str, dict[str, Any]] | None = None
        """The file's text as last read or written, and the plan data it reads as: a save
        changes only what changed since (comments and hand formatting stay)."""
        self._index: InitiativeIndex | None = None
        """The initiatives indexed, kept from one initiative's edit to the next edit."""

    @classmethod
    def open(cls, path: Path, *, clock: Clock = utc_now) -> Session:
        """Read the plan at ``path``; PlanError with every problem when it is not valid."""
        try:
            raw = path.read_bytes()
        except OSError:
            storage.load(path)  # raises the PlanError that names the problem
            raise  # pragma: no cover - load always raises here
        plan = storage.loads_bytes(raw, os.fspath(path))
        session = cls(plan, path, clock=clock)
        session._fingerprint = Fingerprint.of_bytes(path, raw)
        session._previous = (raw.decode("utf-8"), plan.to_data())
        return session

    @property
    def name(self) -> str:
        """The file name to show, or a placeholder for a plan that has no file yet."""
        return self.path.name if self.path is not None else "(not saved yet)"

    # --- operations: the only ways the plan changes ---------------------------------------

    def set_plan_field(self, name: PlanField, value: str | Sequence[str]) -> bool:
        """Set one of the plan's own fields; True when that changed it.

        Text is kept as typed (a blank title or a participant listed twice stays until
        fixed: :meth:`plan_field_problems` says what is wrong, and saving refuses it).
        """
        if name not in PLAN_FIELDS:
            raise EditRefused([((name,), _("not a field the room edits"))])
        if name == "participants":
            if isinstance(value, str) or not all(isinstance(n, str) for n in value):
                raise EditRefused([((name,), _("expected a list of names"))])
            new: object = [n.strip() for n in value]
        elif isinstance(value, str):
            new = value
        else:
            raise EditRefused([((name,), _("expected text"))])
        if getattr(self.plan, name) == new:
            return False
        setattr(self.plan, name, new)
        self.changed()
        return True

    def plan_field_problems(self, name: PlanField) -> Problems:
        """What is wrong with one of the plan's own fields, by the plan's rules."""
        probe = Plan.model_construct(title=self.plan.title, participants=self.plan.participants)
        return [(loc, message) for loc, message in plan_rule_problems(probe) if loc[0] == name]

    def set_strategy_notes(self, key: NoteKey, text: str) -> bool:
        """Set the strategy's answer to one of the three questions; True when it changed."""
        return self._set_text(self.plan.strategy, key, text)

    def set_area_notes(self, area_id: AreaId, key: NoteKey, text: str) -> bool:
        """Set an area's answer to one of the three questions; True when it changed."""
        return self._set_text(self.plan.areas.get(area_id), key, text)

    def set_maturity(self, area_id: AreaId, which: MaturityKey, level: int | None) -> bool:
        """Set an area's maturity today or target (None clears it); True when it changed.

        EditRefused for a level off the 1–5 scale."""
        if which not in MATURITY_KEYS:
            raise EditRefused([(("areas", area_id, which), _("not a maturity"))])
        if level is not None:
            try:
                level = _MATURITY.validate_python(level)
            except ValidationError as error:
                raise EditRefused(problems_of(error, ("areas", area_id, which))) from None
        record = self.plan.areas.get(area_id)
        if getattr(record, which) == level:
            return False
        setattr(record, which, level)
        self.changed()
        return True

    def row_problems(self, table: AreaTable, row: BaseModel, index: int | None = None) -> Problems:
        """What the table's rules say about ``row`` put at ``index`` (None: added at the
        end), as (field, message) with the field "" for the row as a whole.

        Only this table is looked at: the other rows of it, not the rest of the plan
        (but the plan's stages and touchpoint scale, and a log entry's initiative must be
        one of the plan's)."""
        problems = row_problems(table, table.rows(self.plan), row, index, self.plan)
        if isinstance(row, LogEntry):
            known = {item.id for item in self.plan.initiatives}
            message = initiative_problem(row, known)
            if message is not None:
                problems.append((("initiative",), message))
        return problems

    def add_row(self, table: AreaTable, row: BaseModel) -> int:
        """Add ``row`` at the end of ``table``; its index. EditRefused if the rules refuse."""
        self._check_row(table, row, None)
        rows = table.rows(self.plan)
        if table.attribute == "journey":  # a first stage of its own keeps the named built-ins
            rows.extend(stages_kept(self.plan, getattr(row, "id", "")))
        rows.append(row)
        self.changed()
        return len(rows) - 1

    def replace_row(self, table: AreaTable, index: int, row: BaseModel) -> bool:
        """Put ``row`` in place of row ``index`` of ``table``; True when it changed.
        IndexError when there is no such row, EditRefused when the rules refuse it."""
        rows = table.rows(self.plan)
        if not 0 <= index < len(rows):
            raise IndexError(index)
        if rows[index] == row:
            return False
        self._check_row(table, row, index)
        old, rows[index] = rows[index], row
        follow_row(self.plan, table, old, row)
        self.changed()
        return True

    def move_row(self, table: AreaTable, index: int, by: int) -> int:
        """Move row ``index`` of ``table`` ``by`` places (−1 up, 1 down; the order of the
        journey's stages is the journey's); returns its new index, the same at an end."""
        rows = table.rows(self.plan)
        to = min(max(index + by, 0), len(rows) - 1)
        if 0 <= index < len(rows) and to != index:
            rows.insert(to, rows.pop(index))
            self.changed()
            return to
        return index

    def delete_row(self, table: AreaTable, index: int) -> BaseModel:
        """Remove row ``index`` of ``table`` and return it; IndexError when there is none."""
        rows = table.rows(self.plan)
        if not 0 <= index < len(rows):
            raise IndexError(index)
        gone: BaseModel = rows.pop(index)
        follow_row(self.plan, table, gone, None)
        self.changed()
        return gone

    def initiative_index(self) -> InitiativeIndex:
        """The plan's initiatives indexed, to check and put many one by one (an import):
        pass it to :meth:`put_initiative`, which keeps it up to date."""
        return InitiativeIndex(self.plan)

    def _kept_index(self) -> InitiativeIndex:
        """The index kept since the last edit of an initiative, or a new one."""
        plan, index = self.plan, self._index
        if index is None or index.plan is not plan or index.initiatives is not plan.initiatives:
            index = self._index = self.initiative_index()
        return index

    def initiative_problems(
        self,
        initiative: Initiative,
        replacing: str | None = None,
        index: InitiativeIndex | None = None,
    ) -> Problems:
        """What the plan's rules say about ``initiative`` put in place of ``replacing``
        (None: added): problems located at it, and a dependency cycle through it. Only
        the initiative is checked, against ``index`` (the session's own when not given), unless
        the plan already breaks a rule across initiatives (an id twice, a cycle)."""
        index = index or self._kept_index()
        if index.sound and not index.takes_another_id(initiative, replacing):
            return index.problems(initiative, replacing)
        candidate = with_initiative(self.plan, initiative, replacing)
        position = next(i for i, item in enumerate(candidate.initiatives) if item is initiative)
        probe = Plan.model_construct(
            title="-",
            scales=self.plan.scales,
            scoring=self.plan.scoring,
            areas=self.plan.areas,  # the rows its links name
            initiatives=candidate.initiatives,
        )
        cycle = dependency_cycle(candidate.initiatives)
        ids = [item.id for item in candidate.initiatives]
        # the cycle is said at its first initiative, in any language: found by place
        cycle_at = ("initiatives", ids.index(cycle[0]), "depends_on") if cycle else None
        return [
            (loc, message)
            for loc, message in plan_rule_problems(probe)
            if loc[:2] == ("initiatives", position)
            or (cycle_at is not None and tuple(loc) == cycle_at)
        ]

    def put_initiative(
        self,
        initiative: Initiative,
        replacing: str | None = None,
        *,
        index: InitiativeIndex | None = None,
    ) -> None:
        """Add ``initiative``, or put it in place of the one with id ``replacing``.

        Dependencies on a renamed initiative follow its new id, and anyone who gave an
        estimate but is not yet a participant joins the participants. EditRefused when the
        plan's rules refuse the initiative (KeyError when ``replacing`` is unknown).
        ``index`` (from :meth:`initiative_index`) is used for the check and kept up to date.
        """
        index = index or self._kept_index()
        if problems := self.initiative_problems(initiative, replacing, index):
            raise EditRefused(problems)
        plan, before = self.plan, None if replacing is None else index.find(replacing)
        edited = with_initiative(plan, initiative, replacing)
        plan.initiatives, plan.votes, plan.rounds = edited.initiatives, edited.votes, edited.rounds
        known = {name.strip().casefold() for name in plan.participants}
        for estimate in initiative.estimates:
            if estimate.participant.strip().casefold() not in known:
                plan.participants.append(estimate.participant.strip())
                known.add(estimate.participant.strip().casefold())
        index.record(initiative, replacing, before)
        self.changed()
        self._index = index  # kept up to date by record: the next edit needs no new one

    def replace_initiative(self, initiative_id: str, initiative: Initiative) -> bool:
        """Put ``initiative`` in place of ``initiative_id``; True when that changed the plan."""
        if self.plan.initiative(initiative_id) == initiative:
            return False
        self.put_initiative(initiative, replacing=initiative_id)
        return True

    def delete_initiative(self, initiative_id: str) -> Initiative:
        """Remove the initiative ``initiative_id`` (and every dependency on it); returns it.

        KeyError if there is none. Marks a change.
        """
        gone = self.plan.initiative(initiative_id)
        edited = without_initiative(self.plan, initiative_id)
        self.plan.initiatives, self.plan.votes, self.plan.rounds = (
            edited.initiatives,
            edited.votes,
            edited.rounds,
        )
        self.changed()
        return gone

    def keep_room_results(
        self, votes: Sequence[DotVoteRecord] = (), rounds: Sequence[RoundRecord] = ()
    ) -> None:
        """Add dot votes and estimation rounds from the room to the plan's records.
        EditRefused when the plan's rules refuse them (an initiative that is gone)."""
        probe = Plan.model_construct(
            title="-",
            scoring=self.plan.scoring,
            initiatives=self.plan.initiatives,
            votes=[*self.plan.votes, *votes],
            rounds=[*self.plan.rounds, *rounds],
        )
        problems = [p for p in plan_rule_problems(probe) if p[0][0] in ("votes", "rounds")]
        if problems:
            raise EditRefused(problems)
        self.plan.votes = probe.votes
        self.plan.rounds = probe.rounds
        self.changed()

    def scoring_problems(self, settings: ScoringSettings) -> Problems:
        """What the plan's rules say about ranking by ``settings``: the settings' own rules
        (criteria, weights) and initiatives' criteria scores they no longer allow."""
        probe = Plan.model_construct(
            title="-",
            scales=self.plan.scales,
            scoring=settings,
            initiatives=self.plan.initiatives,
        )
        return [
            (loc, message)
            for loc, message in plan_rule_problems(probe)
            if loc[:1] == ("scoring",) or "criteria" in loc
        ]

    def set_scoring(self, settings: ScoringSettings) -> bool:
        """Rank by these settings (method, weights, thresholds, criteria); True when they
        changed. EditRefused when they break the plan's rules (the plan is left as it was)."""
        try:
            settings = ScoringSettings.model_validate(settings.model_dump())
        except ValidationError as error:
            raise EditRefused(problems_of(error, ("scoring",))) from None
        if settings == self.plan.scoring:
            return False
        problems = self.scoring_problems(settings)
        if problems:
            raise EditRefused(problems)
        self.plan.scoring = settings
        self.changed()
        return True

    def _set_text(self, record: BaseModel, key: NoteKey, text: str) -> bool:
        if key not in NOTE_KEYS or not isinstance(text, str):
            raise EditRefused([((key,), _("expected the text of today, target or how"))])
        if getattr(record, key) == text:
            return False
        setattr(record, key, text)
        self.changed()
        return True

    def _check_row(self, table: AreaTable, row: BaseModel, index: int | None) -> None:
        if not isinstance(row, table.row):
            raise EditRefused([(("",), f"expected a {table.row_name}")])
        try:  # a row built without validation (model_construct) is checked here
            table.row.model_validate(row.model_dump())
        except ValidationError as error:
            raise EditRefused(problems_of(error, ())) from None
        problems = self.row_problems(table, row, index)
        if problems:
            raise EditRefused(problems)

    def changed(self) -> None:
        """Record an edit: the plan is dirty and its ``updated`` time is now."""
        self._index = None  # put_initiative keeps its own up to date
        self.plan.updated = self.clock()
        self.dirty = True
