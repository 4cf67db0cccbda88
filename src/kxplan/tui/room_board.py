"""What the room screen shows, worked out without widgets: the join line, who is here,
and the current round, vote and ideas as lines of text with a style each.

The screen draws these lines; tests read them without a running app.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kxplan.framework import AGREEMENTS
from kxplan.i18n import _, ngettext
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
        Line(_("Connected: {here} of {count}").format(here=here, count=len(room.names)), "bold"),
        Line("   ".join(marks) or _("Nobody can join: the plan has no participants."), ""),
        Line(_("● here now   ○ joined, away   · not joined yet"), "dim"),
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
        return [Line(_("  {question}: no answers").format(question=label), "dim")]
    answers = ngettext(
        "  {question}: median {median} · {count} answer",
        "  {question}: median {median} · {count} answers",
        tally.count,
    ).format(question=label, median=number(tally.median), count=tally.count)
    extremes = _("    lowest {low} ({low_by}) · highest {high} ({high_by})").format(
        low=number(tally.low),
        low_by=", ".join(tally.given_by(tally.low)),
        high=number(tally.high),
        high_by=", ".join(tally.given_by(tally.high)),
    )
    if tally.agreement:
        agreement = AGREEMENTS.label(tally.agreement).lower()
        extremes += _(" · agreement {agreement}").format(agreement=agreement)
    lines = [Line(f"{answers}   {_bars(tally)}"), Line(extremes, "dim")]
    if tally.outliers:
        ask = _("    Ask: {names}, why?").format(names=", ".join(tally.outliers))
        lines.append(Line(ask, "bold"))
    return lines


def round_lines(room: Room, current: Round) -> list[Line]:
    """The round: what is asked, who has answered (never what), and after the reveal the
    spread of every question."""
    asked = ", ".join(questions.label(room.plan, s).lower() for s in current.scores)
    state = {
        "open": _("OPEN: answers hidden"),
        "revealed": _("REVEALED"),
        "accepted": _("ACCEPTED"),
    }.get(current.status, "")
    if current.follows:
        head = _("Round {number} (again: round {earlier}) · {asked} · {state}")
    else:
        head = _("Round {number} · {asked} · {state}")
    said = head.format(number=current.number, earlier=current.follows, asked=asked, state=state)
    lines = [Line(said, "bold")]
    answered = current.answered_by()
    complete = [n for n in answered if current.complete_for(n)]
    joined = list(dict.fromkeys(room.tokens.values()))
    started = [n for n in answered if n not in complete]
    text = _("Answered everything: {complete} of {joined} joined").format(
        complete=len(complete), joined=len(joined)
    )
    if started:
        text += _(" · partly: {names}").format(names=", ".join(started))
    waiting = [n for n in joined if n not in answered]
    if waiting and current.status == "open":
        text += _(" · waiting for {names}").format(names=", ".join(waiting))
    lines.append(Line(text))
    for score, names in current.raters.items():
        label = questions.label(room.plan, score)
        said = _("{question} is rated by {names} only").format(
            question=label, names=", ".join(names)
        )
        lines.append(Line(said, "dim"))
    tallies = room.tallies(current.number) if current.status != "open" else []
    earlier = _earlier(room, current)
    for item_id in current.initiatives:
        lines.append(Line(_title(room, item_id), "bold"))
        if current.status == "open":
            given = sum(1 for (_, i, _), _v in current.answers.items() if i == item_id)
            said = ngettext("  {count} answer so far", "  {count} answers so far", given)
            lines.append(Line(said.format(count=given), "dim"))
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

    return _("round before: median {median_before} → {median}, agreement {before} → {now}").format(
        median_before=number(before.median),
        median=number(now.median),
        before=agreement(before),
        now=agreement(now),
    )


def vote_lines(room: Room) -> list[Line]:
    """The latest dot vote: how many dots are placed, and the counts once it has ended."""
    if not room.votes:
        return []
    vote = room.votes[-1]
    placed = sum(sum(given.values()) for given in vote.placed.values())
    how = _("anonymous") if vote.anonymous else _("named")
    if vote.open:
        placed_by = _("{placed} dots placed by {count} participants (counts hidden)").format(
            placed=placed, count=len(vote.placed)
        )
        return [
            Line(
                _("Dot voting · {dots} dots each, {how} · OPEN").format(dots=vote.dots, how=how),
                "bold",
            ),
            *([Line(vote.question)] if vote.question else []),
            Line(placed_by, ""),
        ]
    kept = _("kept in the plan") if vote.kept else _("k keeps it in the plan")
    said = _("Dot voting · {dots} dots each, {how} · RESULTS · {kept}").format(
        dots=vote.dots, how=how, kept=kept
    )
    lines = [Line(said, "bold")]
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
        return [Line(_("No ideas sent yet."), "dim")]
    kinds = ", ".join(
        f"{sum(1 for i in new if i.kind == k.key)} {_(k.label).lower()}"
        for k in IDEA_KINDS
        if any(i.kind == k.key for i in new)
    )
    hidden = _("private: phones see only their own")
    shown = _("shown to phones") if room.ideas_shown else hidden

    if kinds:
        said = _("Ideas: {count} new ({kinds}) · {shown}")
    else:
        said = _("Ideas: {count} new · {shown}")
    return [Line(said.format(count=len(new), kinds=kinds, shown=shown))]
