"""The app's hold on an open room: the room host, and the plan edits the room causes.

No widgets: the room screen calls these, and every change to the plan goes
through the session's operations, so the room's results are saved like any edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kxplan.i18n import _, pgettext
from kxplan.model import Plan
from kxplan.model.tables import TABLES_BY_ATTRIBUTE
from kxplan.room.ideas import as_initiative, as_row, merged_into
from kxplan.room.records import rounds_to_keep, vote_record
from kxplan.room.results import with_answers
from kxplan.room.state import Refused, Room
from kxplan.session import EditRefused, Session

if TYPE_CHECKING:
    from kxplan.room.host import RoomHost

IDEA_TABLES = {"friction": "frictions", "contact_reason": "contact_reasons"}


class RoomControl:
    """One open room over the session's plan."""

    def __init__(self, host: RoomHost, session: Session) -> None:
        self.host = host
        self.session = session

    @property
    def room(self) -> Room:
        return self.host.room

    def sync(self) -> None:
        """Let the room read the plan as it is now (titles, cases and scales edited since)."""
        self.host.room.plan = self.session.plan

    def accept(self, number: int) -> int:
        """Accept a round: its answers become the participants' estimates (criteria: the
        median, the initiative's score), and the round, after those it voted again on,
        is kept in the plan's rounds. Returns how many initiatives changed."""
        room = self.host.room
        room.accept(number)
        plan = self.session.plan
        kept = rounds_to_keep(plan, room.rounds, number, self.session.clock())
        changed = self._take(with_answers(plan, [room.round(number)], room.names))
        if kept:
            self.session.keep_room_results(rounds=kept)
            self.sync()
        return changed

    def keep_vote(self, number: int) -> int:
        """Keep an ended dot vote's result in the plan (the ranking shows the latest one);
        returns how many dots it counted."""
        room = self.host.room
        vote = room.vote(number)
        if vote.open or vote.kept:
            room.keep_dots(number)  # refuses with the reason
        record = vote_record(vote, self.session.clock())
        try:
            self.session.keep_room_results(votes=[record])
        except EditRefused as refused:
            raise Refused(refused.problems[0][1]) from None
        room.keep_dots(number)
        self.sync()
        return sum(record.counts.values())

    def _take(self, accepted: Plan) -> int:
        changed = 0
        for item in accepted.initiatives:
            if self.session.replace_initiative(item.id, item):
                changed += 1
        self.sync()
        return changed

    def accept_idea(self, number: int) -> str:
        """Add an idea to the plan as an initiative or a row; returns what it became."""
        room = self.host.room
        idea = room.idea(number)
        if idea.status != "new":
            raise Refused(_("That idea was dealt with already."))
        if idea.kind == "initiative":
            item = as_initiative(idea, self.session.plan)
            self.session.put_initiative(item)
            made = _("initiative {title}").format(title=repr(item.title))
        else:
            table = TABLES_BY_ATTRIBUTE[IDEA_TABLES[idea.kind]]
            self.session.add_row(table, as_row(idea))
            made = _("{row} {title}").format(
                row=pgettext("table", table.row_name), title=repr(idea.title)
            )

        room.settle_idea(number, "accepted")
        self.sync()
        return made

    def merge_idea(self, number: int, initiative_id: str) -> None:
        """Add an idea to an existing initiative's notes."""
        room = self.host.room
        idea = room.idea(number)
        item = self.session.plan.initiative(initiative_id)
        self.session.replace_initiative(initiative_id, merged_into(idea, item))
        room.settle_idea(number, "merged")
        self.sync()

    def discard_idea(self, number: int) -> None:
        self.host.room.settle_idea(number, "discarded")
