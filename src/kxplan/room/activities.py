"""What a room does: estimation rounds, dot votes and ideas, as plain records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal, NamedTuple

from kxplan.framework import AreaId, Score, Vocabulary

RoundStatus = Literal["open", "revealed", "accepted", "closed"]
DEFAULT_SCORES: Final[tuple[Score, ...]] = ("effort", "customer_value", "efficiency")
"""The scores a round asks unless the facilitator chooses others: the ranking's own."""

IdeaKind = Literal["initiative", "friction", "contact_reason"]
"""What a participant may suggest."""


class IdeaKindTerm(NamedTuple):
    key: str
    label: str
    area: AreaId = "prioritisation"
    """The area an idea of this kind belongs to."""


IDEA_KINDS: Final = Vocabulary[IdeaKind, IdeaKindTerm](
    "idea kind",
    IdeaKind,
    (
        IdeaKindTerm("initiative", "Initiative", "prioritisation"),
        IdeaKindTerm("friction", "Friction point", "service_friendliness"),
        IdeaKindTerm("contact_reason", "Contact reason", "unnecessary_demand"),
    ),
)
"""What a participant may suggest, and the area each belongs to."""

IdeaStatus = Literal["new", "accepted", "merged", "discarded"]


@dataclass(slots=True)
class Round:
    """One estimation round: some scores of some initiatives, answered blind."""

    number: int
    initiatives: tuple[str, ...]
    scores: tuple[str, ...]
    """The questions asked: scores, and criteria as ``criteria.<id>``."""
    raters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Score → who may rate it; a score not listed may be rated by everyone."""
    follows: int | None = None
    """The round this one votes again on."""
    status: RoundStatus = "open"
    revealed_at: str | None = None
    """When it was revealed (ISO 8601, UTC), as the journal has it."""
    answers: dict[tuple[str, str, str], float] = field(default_factory=dict)
    """(participant, initiative, score) → value."""

    @classmethod
    def from_entry(cls, number: int, entry: Mapping[str, Any]) -> Round:
        raters = {k: tuple(v) for k, v in entry.get("raters", {}).items()}
        return cls(
            number,
            tuple(entry["initiatives"]),
            tuple(entry["scores"]),
            raters,
            entry.get("follows"),
        )

    def may_rate(self, name: str, score: str) -> bool:
        allowed = self.raters.get(score)
        return allowed is None or name in allowed

    def answered_by(self) -> list[str]:
        """Who has given at least one answer, in the order they first did."""
        return list(dict.fromkeys(who for who, _, _ in self.answers))

    def complete_for(self, name: str) -> bool:
        """Whether ``name`` has answered every question they may answer."""
        return all(
            (name, item, score) in self.answers
            for item in self.initiatives
            for score in self.scores
            if self.may_rate(name, score)
        )


@dataclass(slots=True)
class DotVote:
    """Dots spread over initiatives: each participant has ``dots`` to give."""

    number: int
    dots: int
    initiatives: tuple[str, ...]
    anonymous: bool = True
    question: str = ""
    """What the room votes on, in words; may be blank."""
    open: bool = True
    kept: bool = False
    """Whether the facilitator kept its result in the plan."""
    placed: dict[str, dict[str, int]] = field(default_factory=dict)
    """Participant → initiative → dots given."""

    @classmethod
    def from_entry(cls, number: int, entry: Mapping[str, Any]) -> DotVote:
        return cls(
            number,
            int(entry["dots"]),
            tuple(entry["initiatives"]),
            bool(entry["anonymous"]),
            entry.get("question", ""),
        )

    def left(self, name: str) -> int:
        return self.dots - sum(self.placed.get(name, {}).values())

    def counts(self) -> dict[str, int]:
        """Initiative → dots, for every initiative in the vote, most dots first."""
        totals = dict.fromkeys(self.initiatives, 0)
        for given in self.placed.values():
            for item, count in given.items():
                totals[item] += count
        return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


@dataclass(slots=True)
class Idea:
    """Something a participant suggests: an initiative, a friction point, a contact reason."""

    number: int
    by: str
    kind: IdeaKind
    title: str
    text: str = ""
    status: IdeaStatus = "new"
    area: AreaId | None = None
    """The area the workshop was on when it was sent (an initiative idea is for it)."""

    @classmethod
    def from_entry(cls, number: int, entry: Mapping[str, Any]) -> Idea:
        kind, title, text = entry["kind"], entry["title"], entry["text"]
        return cls(number, entry["name"], kind, title, text, area=entry.get("area"))
