"""What the room screen shows, worked out without widgets: the join line, who is here,
and the current round, vote and ideas as lines of text with a style each.

The screen draws these lines; tests read them without a running app.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kxplan.framework import AGREEMENTS
from kxplan.room import questions
from kxplan.room.activities import IDEA_KINDS, Round
from kxplan.room.state import Room
from kxplan.room.tally import Tally
from kxplan.text.numbers import number

BAR: str = "█"
BAR_WIDTH: int = 12
"""The longest bar of a revealed distribution, in cells."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the board and the style it is drawn in ("" for plain)."""

    text: str
    style: str = ""


def _title(room: Room, item_id: str) -> str:
    item = room.initiative(item_id)
    return item.title if item is not None else item_id


def people(room: Room, connected: Mapping[str, int]) -> list[Line]:
    """Who may join, who has, and whose device follows the room now."""
    joined = set(room.tokens.values())
    marks = []
    for name in room.names:
        mark = "●" if name in connected else ("○" if name in joined else "·")
        marks.append(f"{mark} {name}")
    here = sum(1 for name in room.names if name in connected)
    return [
        Line(f"Connected: {here} of {len(room.names)}", "bold"),
        Line("   ".join(marks) or "Nobody can join: the plan has no participants.", ""),
        Line("● here now   ○ joined, away   · not joined yet", "dim"),
    ]


def _bars(tally: Tally) -> str:
    most = max((n for _, n in tally.distribution), default=1)
    return "   ".join(
        f"{number(value)} {BAR * max(1, round(count * BAR_WIDTH / most))} {count}"
        for value, count in tally.distribution
    )


def tally_lines(tally: Tally, label: str) -> list[Line]:
    """A revealed question: the spread, the extremes and who gave them, who to ask."""
    if not tally.count:
        return [Line(f"  {label}: no answers", "dim")]
    lines = [
        Line(
            f"  {label}: median {number(tally.median)} · {tally.count} "
            f"answer{'s' if tally.count != 1 else ''}   {_bars(tally)}"
        ),
        Line(
            f"    lowest {number(tally.low)} ({', '.join(tally.given_by(tally.low))}) · "
            f"highest {number(tally.high)} ({', '.join(tally.given_by(tally.high))})"
            + (
                f" · agreement {AGREEMENTS.label(tally.agreement).lower()}"
                if tally.agreement
                else ""
            ),
            "dim",
        ),
    ]
    if tally.outliers:
        lines.append(Line(f"    Ask: {', '.join(tally.outliers)}, why?", "bold"))
    return lines


def round_lines(room: Room, current: Round) -> list[Line]:
    """The round: what is asked, who has answered (never what), and after the reveal the
    spread of every question."""
    asked = ", ".join(questions.label(room.plan, s).lower() for s in current.scores)
    again = f" (again: round {current.follows})" if current.follows else ""
    state = {"open": "OPEN: answers hidden", "revealed": "REVEALED", "accepted": "ACCEPTED"}
    lines = [
        Line(f"Round {current.number}{again} · {asked} · {state.get(current.status, '')}", "bold")
    ]
    answered = current.answered_by()
    complete = [n for n in answered if current.complete_for(n)]
    joined = list(dict.fromkeys(room.tokens.values()))
    started = [n for n in answered if n not in complete]
    text = f"Answered everything: {len(complete)} of {len(joined)} joined"
    if started:
        text += f" · partly: {', '.join(started)}"
    waiting = [n for n in joined if n not in answered]
    if waiting and current.status == "open":
        text += f" · waiting for {', '.join(waiting)}"
    lines.append(Line(text))
    for score, names in current.raters.items():
        label = questions.label(room.plan, score)
        lines.append(Line(f"{label} is rated by {', '.join(names)} only", "dim"))
    tallies = room.tallies(current.number) if current.status != "open" else []
    earlier = _earlier(room, current)
    for item_id in current.initiatives:
        lines.append(Line(_title(room, item_id), "bold"))
        if current.status == "open":
            given = sum(1 for (_, i, _), _v in current.answers.items() if i == item_id)
            lines.append(Line(f"  {given} answers so far", "dim"))
        for tally in tallies:
            if tally.initiative == item_id:
                lines.extend(tally_lines(tally, questions.label(room.plan, tally.score)))
                before = earlier.get((tally.initiative, tally.score))
                if before is not None and before.count:
                    lines.append(Line(f"    {_since(before, tally)}", "dim"))
    return lines


def _earlier(room: Room, current: Round) -> dict[tuple[str, str], Tally]:
    """The tallies of the round this one votes again on, by question."""
    if current.follows is None:
        return {}
    return {(t.initiative, t.score): t for t in room.tallies(current.follows)}


def _since(before: Tally, now: Tally) -> str:
    """Whether the room came closer: the earlier round's median and agreement beside these."""

    def agreement(tally: Tally) -> str:
        return AGREEMENTS.label(tally.agreement).lower() if tally.agreement else "–"

    return (
        f"round before: median {number(before.median)} → {number(now.median)}, "
        f"agreement {agreement(before)} → {agreement(now)}"
    )


def vote_lines(room: Room) -> list[Line]:
    """The latest dot vote: how many dots are placed, and the counts once it has ended."""
    if not room.votes:
        return []
    vote = room.votes[-1]
    placed = sum(sum(given.values()) for given in vote.placed.values())
    how = "anonymous" if vote.anonymous else "named"
    if vote.open:
        return [
            Line(f"Dot voting · {vote.dots} dots each, {how} · OPEN", "bold"),
            *([Line(vote.question)] if vote.question else []),
            Line(f"{placed} dots placed by {len(vote.placed)} participants (counts hidden)", ""),
        ]
    kept = "kept in the plan" if vote.kept else "k keeps it in the plan"
    lines = [Line(f"Dot voting · {vote.dots} dots each, {how} · RESULTS · {kept}", "bold")]
    if vote.question:
        lines.append(Line(vote.question))
    for item_id, count in vote.counts().items():
        by = ""
        if not vote.anonymous:
            names = [n for n, given in vote.placed.items() if given.get(item_id)]
            by = f"  ({', '.join(names)})" if names else ""
        lines.append(Line(f"  {count:>3}  {_title(room, item_id)}{by}"))
    return lines


def idea_lines(room: Room) -> list[Line]:
    """How many ideas wait in the inbox."""
    new = [i for i in room.ideas if i.status == "new"]
    if not room.ideas:
        return [Line("No ideas sent yet.", "dim")]
    kinds = ", ".join(
        f"{sum(1 for i in new if i.kind == k.key)} {k.label.lower()}"
        for k in IDEA_KINDS
        if any(i.kind == k.key for i in new)
    )
    shown = "shown to phones" if room.ideas_shown else "private: phones see only their own"
    return [Line(f"Ideas: {len(new)} new" + (f" ({kinds})" if kinds else "") + f" · {shown}")]
