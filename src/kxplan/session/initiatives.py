"""The plan's initiatives indexed for checking one initiative at a time.

:class:`InitiativeIndex` is built once (for an edit, or for a whole import) and kept up
to date by :meth:`Session.put_initiative <kxplan.session.Session.put_initiative>`: the
ids present and where, who depends on whom, the titles, and the indexes the rules of
one initiative need. A new or changed initiative is then checked on its own, the
dependency graph searched only from it, instead of the whole plan again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kxplan.i18n import _
from kxplan.model.evidence import initiative_link_problems
from kxplan.model.followup import initiative_followup_problems
from kxplan.model.graph import cycle_in, dependency_cycle
from kxplan.model.initiative_rules import Indexes, check_initiative
from kxplan.model.types import Loc

if TYPE_CHECKING:
    from kxplan.model import Initiative, Plan


class _Present:
    """The ids present once an initiative is put in place of ``replacing``."""

    __slots__ = ("added", "positions", "replacing")

    def __init__(self, positions: dict[str, int]) -> None:
        self.positions = positions
        self.replacing: str | None = None
        self.added = ""

    def __contains__(self, ident: object) -> bool:
        if ident == self.added:
            return True
        return ident in self.positions and ident != self.replacing


def folded(title: str) -> str:
    """A title as a match compares it."""
    return title.strip().casefold()


class InitiativeIndex:
    """A plan's initiatives by id and by title, and their dependencies; ``sound`` when
    no id is used twice and no dependencies form a cycle (else the session checks the
    whole plan as it always did)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._build()

    def _build(self) -> None:
        plan = self.plan
        self.initiatives = plan.initiatives
        """The plan's list indexed (a change that puts another list in voids the index)."""
        self.positions: dict[str, int] = {}
        self.titles: dict[str, list[str]] = {}
        self.depends_on: dict[str, Sequence[str]] = {}
        self.dependents: dict[str, int] = {}
        twice = False
        for position, item in enumerate(plan.initiatives):
            twice = twice or item.id in self.positions
            self.positions.setdefault(item.id, position)
            self.titles.setdefault(folded(item.title), []).append(item.id)
            self.depends_on[item.id] = item.depends_on
            self._count(item, 1)
        self.sound = not twice and not cycle_in(self.depends_on)
        self._present = _Present(self.positions)
        self.rules = Indexes(plan, ids=self._present)

    def _count(self, item: Initiative, by: int) -> None:
        for dep in set(item.depends_on):
            if dep != item.id:
                self.dependents[dep] = self.dependents.get(dep, 0) + by

    def find(self, ident: str) -> Initiative | None:
        """The initiative with id ``ident``, or None."""
        position = self.positions.get(ident)
        return None if position is None else self.plan.initiatives[position]

    def titled(self, title: str) -> list[Initiative]:
        """The initiatives with this title (case and spaces around aside), in plan order."""
        ids = sorted(self.titles.get(folded(title), ()), key=self.positions.__getitem__)
        return [self.plan.initiatives[self.positions[ident]] for ident in ids]

    def takes_another_id(self, initiative: Initiative, replacing: str | None) -> bool:
        """Whether ``initiative`` is renamed onto the id of another initiative: the
        rename then points that one's dependents at both, so only the whole plan's
        check can say what follows (a found test: a cycle through the other one)."""
        return (
            replacing is not None and initiative.id != replacing and initiative.id in self.positions
        )

    def problems(self, initiative: Initiative, replacing: str | None) -> list[tuple[Loc, str]]:
        """What the plan's rules say about ``initiative`` put in place of ``replacing``
        (None: added), as the whole plan's rules would: an id used earlier, its own
        rules, a dependency cycle through it, its links, its follow-up. Only for a sound
        index; KeyError when ``replacing`` is unknown."""
        position = len(self.plan.initiatives) if replacing is None else self.positions[replacing]
        loc: Loc = ("initiatives", position)
        problems: list[tuple[Loc, str]] = []
        earlier = self.positions.get(initiative.id)
        if earlier is not None and earlier < position:
            problems.append(
                (
                    (*loc, "id"),
                    _("id {id} is used by an earlier initiative").format(id=repr(initiative.id)),
                )
            )
        self._present.replacing, self._present.added = replacing, initiative.id
        check_initiative(
            initiative, loc, self.rules, lambda at, message: problems.append((at, message))
        )
        if self._closes_cycle(initiative, replacing):
            problems.extend(self._cycle(initiative, replacing))
        problems.extend(initiative_link_problems(initiative, loc, self.rules.rows))
        problems.extend(initiative_followup_problems(initiative, loc, self.rules.effort))
        return problems

    def _closes_cycle(self, initiative: Initiative, replacing: str | None) -> bool:
        """Whether a dependency of ``initiative`` leads back to it (the plan had no cycle:
        any new one goes through it)."""
        ident = initiative.id
        deps = [dep for dep in initiative.depends_on if dep != ident]
        if not deps:
            return False
        targets = {ident} if replacing is None else {ident, replacing}
        if not any(self.dependents.get(target) for target in targets):
            return False  # nothing depends on it: nothing leads back
        if replacing == ident and set(deps) <= set(self.depends_on.get(ident, ())):
            return False  # no new dependency
        seen: set[str] = set()
        stack = deps
        while stack:
            node = stack.pop()
            if node in targets:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(self.depends_on.get(node, ()))
        return False

    def _cycle(self, initiative: Initiative, replacing: str | None) -> list[tuple[Loc, str]]:
        """The cycle, found and said as the whole plan's rules say it."""
        from kxplan.model import with_initiative

        items = with_initiative(self.plan, initiative, replacing).initiatives
        cycle = dependency_cycle(items)
        if not cycle:  # pragma: no cover - the search above found one
            return []
        index = next(i for i, item in enumerate(items) if item.id == cycle[0])
        message = _("dependencies form a cycle: {cycle}").format(
            cycle=" → ".join([*cycle, cycle[0]])
        )
        return [(("initiatives", index, "depends_on"), message)]

    def record(
        self, initiative: Initiative, replacing: str | None, before: Initiative | None
    ) -> None:
        """The plan now has ``initiative`` in place of ``before`` (id ``replacing``; None:
        added at the end)."""
        self.initiatives = self.plan.initiatives
        if replacing is not None and replacing != initiative.id:
            self._build()  # a rename rewrote the dependencies on it
            return
        if before is not None:
            self._count(before, -1)
            ids = self.titles.get(folded(before.title), [])
            if initiative.id in ids:
                ids.remove(initiative.id)
        self.positions.setdefault(initiative.id, len(self.plan.initiatives) - 1)
        self.titles.setdefault(folded(initiative.title), []).append(initiative.id)
        self.depends_on[initiative.id] = initiative.depends_on
        self._count(initiative, 1)
