"""The room's state: who has joined, the estimation rounds, the dot votes and the ideas.

Every change goes through a method of :class:`Room`, which checks it against the
plan (names, scales, limits) and raises :class:`Refused` with a sentence for the
participant when it cannot be taken. Each accepted change is handed to the
``record`` callback first (the journal), so nothing said in the room exists only
in memory. :meth:`Room.apply` replays a recorded change, which is how a room is
brought back after a crash.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from kxplan.framework import AreaId
from kxplan.i18n import _
from kxplan.model import Initiative, Plan
from kxplan.model.workshop import MAX_DOTS
from kxplan.room import questions
from kxplan.room.activities import (
    IDEA_KINDS,
    DotVote,
    Idea,
    IdeaStatus,
    Round,
    RoundStatus,
)
from kxplan.room.limits import (
    DEVICES_EACH,
    MAX_IDEAS_EACH,
    MAX_NAME,
    MAX_TEXT,
    MAX_TITLE,
    Refused,
    clean_text,
    read_number,
)
from kxplan.room.results import with_answers
from kxplan.room.tally import Tally, round_tallies
from kxplan.text import numbers

Record = Callable[[dict[str, Any]], None]


class Room:
    """A room over one plan. The plan is read, never changed, here: :meth:`accepted_plan`
    gives the plan with a round's answers as estimates, for the caller to save."""

    def __init__(
        self,
        plan: Plan,
        *,
        allow_new_names: bool = False,
        record: Record | None = None,
    ) -> None:
        self.plan = plan
        self.allow_new_names = allow_new_names
        self.record: Record = record or (lambda _entry: None)
        self.names: list[str] = list(plan.participants)
        """Everyone who may join: the plan's participants, then names added from phones."""
        self.tokens: dict[str, str] = {}
        """Device token → participant name."""
        self.rounds: list[Round] = []
        self.votes: list[DotVote] = []
        self.ideas: list[Idea] = []
        self.ideas_shown = False
        """Private mode is the default: phones see only their own ideas until shown."""
        self.closed = False
        self.version = 0
        """Bumped on every change, so listeners know when to look again."""
        self._index: dict[str, Initiative] = {}
        self._indexed: Plan | None = None
        self.area_now: Callable[[], AreaId | None] = lambda: None
        """The area the workshop is on now (the app's walk): ideas are sent for it."""
        self.listeners: list[Callable[[], None]] = []
        """Called after each change made through the room's methods (not on replay)."""

    # --- changes, each recorded before it takes effect --------------------------------

    def _change(self, entry: dict[str, Any]) -> None:
        if self.closed and entry["event"] != "close":
            raise Refused(_("The room is closed."))
        self.record(entry)
        self.apply(entry)
        for listener in self.listeners:
            listener()

    def apply(self, entry: Mapping[str, Any]) -> None:
        """Take one recorded change (from :meth:`_change`, or replayed from a journal)."""
        event = entry["event"]
        if event == "join":
            if entry["name"] not in self.names:
                self.names.append(entry["name"])
            self.tokens[entry["token"]] = entry["name"]
            devices = [t for t, n in self.tokens.items() if n == entry["name"]]
            for old in devices[:-DEVICES_EACH]:
                del self.tokens[old]
        elif event == "round":
            self.rounds.append(Round.from_entry(len(self.rounds) + 1, entry))
        elif event == "answer":
            key = (entry["name"], entry["initiative"], entry["score"])
            self.round(entry["round"]).answers[key] = float(entry["value"])
        elif event in ("reveal", "accept", "end_round"):
            status: RoundStatus = {"reveal": "revealed", "accept": "accepted"}.get(event, "closed")  # type: ignore[assignment]
            self.round(entry["round"]).status = status
            if event == "reveal":
                self.round(entry["round"]).revealed_at = entry.get("at")
        elif event == "dots":
            self.votes.append(DotVote.from_entry(len(self.votes) + 1, entry))
        elif event == "place":
            given = self.vote(entry["vote"]).placed.setdefault(entry["name"], {})
            count = given.get(entry["initiative"], 0) + int(entry["delta"])
            if count:
                given[entry["initiative"]] = count
            else:
                given.pop(entry["initiative"], None)
        elif event == "end_dots":
            self.vote(entry["vote"]).open = False
        elif event == "keep_dots":
            self.vote(entry["vote"]).kept = True
        elif event == "idea":
            self.ideas.append(Idea.from_entry(len(self.ideas) + 1, entry))
        elif event == "idea_status":
            self.idea(entry["idea"]).status = entry["status"]
        elif event == "show_ideas":
            self.ideas_shown = bool(entry["shown"])
        elif event == "close":
            self.closed = True
        self.version += 1

    # --- participants ------------------------------------------------------------------

    def name_for(self, name: object) -> str:
        """The participant ``name`` means (whatever its case); Refused when it may not join."""
        chosen = clean_text(name, MAX_NAME, "name")
        known = {n.casefold(): n for n in self.names}
        if chosen.casefold() in known:
            return known[chosen.casefold()]
        if not self.allow_new_names:
            raise Refused(_("Pick your name from the list; ask the facilitator to add it."))
        if not chosen:
            raise Refused(_("Type your name."))
        return chosen

    def join(self, name: object) -> str:
        """A device joins as ``name``; returns the token it identifies itself with. A name
        keeps its :data:`DEVICES_EACH` newest devices; an older one loses its place."""
        chosen = self.name_for(name)
        token = secrets.token_urlsafe(18)
        self._change({"event": "join", "name": chosen, "token": token})
        return token

    def who(self, token: str) -> str:
        """The participant a device token belongs to."""
        try:
            return self.tokens[token]
        except KeyError:
            raise Refused(_("Join the room first.")) from None

    # --- estimation rounds ---------------------------------------------------------------

    def initiative(self, initiative_id: str) -> Initiative | None:
        """The plan's initiative with this id, if it still has one (looked up by id: a
        view asks for every initiative of a round, on every change)."""
        if self._indexed is not self.plan:
            self._index = {item.id: item for item in self.plan.initiatives}
            self._indexed = self.plan
        return self._index.get(initiative_id)

    def _known(self, initiatives: Iterable[str]) -> list[str]:
        """The ids once each, in order; Refused unless each names an initiative."""
        ids = list(dict.fromkeys(initiatives))
        if not ids:
            raise Refused(_("Choose at least one initiative."))
        unknown = [i for i in ids if self.initiative(i) is None]
        if unknown:
            raise Refused(_("No initiative {id} in the plan.").format(id=repr(unknown[0])))
        return ids

    def round(self, number: int) -> Round:
        if not 1 <= number <= len(self.rounds):
            raise Refused(_("There is no such round."))
        return self.rounds[number - 1]

    @property
    def current_round(self) -> Round | None:
        """The latest round while it is open or revealed."""
        if self.rounds and self.rounds[-1].status in ("open", "revealed"):
            return self.rounds[-1]
        return None

    def start_round(
        self,
        initiatives: Iterable[str],
        scores: Iterable[str],
        raters: Mapping[str, Iterable[str]] | None = None,
        *,
        follows: int | None = None,
    ) -> Round:
        """Open a round on these initiatives and questions (scores, and criteria as
        ``criteria.<id>``); the previous round ends. ``raters``: question → who may rate it."""
        ids = self._known(initiatives)
        wanted = set(scores)
        asked = [s for s in questions.askable(self.plan) if s in wanted]
        if not asked:
            raise Refused(_("Choose at least one score."))
        if raters and any(not list(names) for names in raters.values()):
            raise Refused(_("Let at least one person rate each score asked."))
        if self.current_round is not None:
            self._change({"event": "end_round", "round": self.current_round.number})
        entry: dict[str, Any] = {"event": "round", "initiatives": ids, "scores": asked}
        if raters:
            entry["raters"] = {s: list(names) for s, names in raters.items() if s in asked}
        if follows is not None:
            entry["follows"] = follows
        self._change(entry)
        return self.rounds[-1]

    def bounds(self, score: str) -> tuple[float, float]:
        """The lowest and highest value a question may take in this plan."""
        return questions.bounds(self.plan, score)

    def answer(self, token: str, number: int, initiative: str, score: str, raw: object) -> None:
        """A participant's answer to one question of an open round."""
        name = self.who(token)
        current = self.round(number)
        if current.status != "open":
            raise Refused(_("This round is not open for answers any more."))
        if initiative not in current.initiatives or score not in current.scores:
            raise Refused(_("That is not asked in this round."))
        if not current.may_rate(name, score):
            raise Refused(
                _("{question} is rated by others in this round.").format(
                    question=questions.label(self.plan, score)
                )
            )
        value = read_number(raw)
        low, high = self.bounds(score)
        if not low <= value <= high:
            if score == "reach":
                raise Refused(_("Give a number of 0 or more."))
            raise Refused(
                _("Pick a value from {low} to {high}.").format(
                    low=numbers.number(low), high=numbers.number(high)
                )
            )
        self._change(
            {
                "event": "answer",
                "round": number,
                "name": name,
                "initiative": initiative,
                "score": score,
                "value": value,
            }
        )

    def reveal(self, number: int) -> None:
        """Show everyone the answers of a round; no more answers are taken."""
        if self.round(number).status != "open":
            raise Refused(_("Only an open round can be revealed."))
        at = datetime.now(UTC).isoformat(timespec="seconds")
        self._change({"event": "reveal", "round": number, "at": at})

    def tallies(self, number: int) -> list[Tally]:
        """Each question of the round with its answers, in the round's order."""
        return round_tallies(self.plan, self.round(number))

    def revote(self, number: int) -> Round:
        """Ask the same questions again, blind; the earlier round is kept."""
        earlier = self.round(number)
        return self.start_round(
            earlier.initiatives, earlier.scores, earlier.raters or None, follows=number
        )

    def accept(self, number: int) -> Plan:
        """Mark the round accepted and return the plan with its answers as estimates."""
        current = self.round(number)
        if current.status == "accepted":
            raise Refused(_("This round was accepted already."))
        self._change({"event": "accept", "round": number})
        return self.accepted_plan()

    def accepted_plan(self) -> Plan:
        """The plan with every accepted round's answers as the participants' estimates."""
        return with_answers(self.plan, self.rounds, self.names)

    # --- dot voting ---------------------------------------------------------------------

    def vote(self, number: int) -> DotVote:
        if not 1 <= number <= len(self.votes):
            raise Refused(_("There is no such vote."))
        return self.votes[number - 1]

    @property
    def current_vote(self) -> DotVote | None:
        return self.votes[-1] if self.votes and self.votes[-1].open else None

    def start_dots(
        self, dots: int, initiatives: Iterable[str], *, anonymous: bool = True, question: str = ""
    ) -> DotVote:
        """Give everyone ``dots`` dots to spread over these initiatives."""
        ids = self._known(initiatives)
        if not 1 <= dots <= MAX_DOTS:
            raise Refused(_("Give each participant from 1 to {most} dots.").format(most=MAX_DOTS))
        asked = clean_text(question, MAX_TITLE, "question")
        if self.current_vote is not None:
            self._change({"event": "end_dots", "vote": self.current_vote.number})
        entry = {"event": "dots", "dots": dots, "initiatives": ids, "anonymous": anonymous}
        self._change({**entry, "question": asked})
        return self.votes[-1]

    def place(self, token: str, number: int, initiative: str, delta: object) -> None:
        """Put a dot on an initiative (delta 1) or take one back (delta -1)."""
        name = self.who(token)
        current = self.vote(number)
        if not current.open:
            raise Refused(_("This vote is over."))
        if initiative not in current.initiatives:
            raise Refused(_("That initiative is not in this vote."))
        if delta not in (1, -1) or isinstance(delta, bool):
            raise Refused(_("Add or take back one dot at a time."))
        if delta == 1 and current.left(name) <= 0:
            raise Refused(_("You have no dots left."))
        if delta == -1 and current.placed.get(name, {}).get(initiative, 0) <= 0:
            raise Refused(_("You have no dot there."))
        self._change(
            {
                "event": "place",
                "vote": number,
                "name": name,
                "initiative": initiative,
                "delta": delta,
            }
        )

    def end_dots(self, number: int) -> None:
        if self.vote(number).open:
            self._change({"event": "end_dots", "vote": number})

    def keep_dots(self, number: int) -> DotVote:
        """Mark an ended vote as kept in the plan (the caller saves its result)."""
        vote = self.vote(number)
        if vote.open:
            raise Refused(_("End the vote first (d): its counts are still hidden."))
        if vote.kept:
            raise Refused(_("This vote's result is in the plan already."))
        self._change({"event": "keep_dots", "vote": number})
        return vote

    # --- ideas ---------------------------------------------------------------------------

    def idea(self, number: int) -> Idea:
        if not 1 <= number <= len(self.ideas):
            raise Refused(_("There is no such idea."))
        return self.ideas[number - 1]

    def send_idea(self, token: str, kind: object, title: object, text: object = "") -> Idea:
        """A participant suggests an initiative, a friction point or a contact reason."""
        name = self.who(token)
        if kind not in IDEA_KINDS:
            raise Refused(_("Choose what kind of idea it is."))
        clean_title = clean_text(title, MAX_TITLE, "title")
        if not clean_title:
            raise Refused(_("Give the idea a title."))
        clean_body = clean_text(text, MAX_TEXT, "text", lines=True)
        if sum(1 for idea in self.ideas if idea.by == name) >= MAX_IDEAS_EACH:
            raise Refused(
                _("You have sent {count} ideas: that is the most one person can.").format(
                    count=MAX_IDEAS_EACH
                )
            )
        entry = {"event": "idea", "name": name, "kind": kind, "title": clean_title}
        area = self.area_now()
        self._change({**entry, "text": clean_body, **({"area": area} if area else {})})
        return self.ideas[-1]

    def settle_idea(self, number: int, status: IdeaStatus) -> None:
        """The facilitator accepts, merges or discards an idea."""
        self.idea(number)
        self._change({"event": "idea_status", "idea": number, "status": status})

    def show_ideas(self, shown: bool) -> None:
        """Let phones see everyone's ideas (True) or only their own (False)."""
        self._change({"event": "show_ideas", "shown": shown})

    def close(self) -> None:
        """End the room: every device loses access."""
        if not self.closed:
            self._change({"event": "close"})


__all__ = ["DEVICES_EACH", "Record", "Refused", "Room"]
