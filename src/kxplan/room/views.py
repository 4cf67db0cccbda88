"""What each device is shown: a participant's phone, and the room's board.

A view holds only what its reader may see. Before a round is revealed nobody's
values are in anyone's view but their own; only who has answered. Of the plan, a
view holds just the initiatives the current round or vote asks about.
"""

from __future__ import annotations

from typing import Any

from kxplan.i18n import ngettext
from kxplan.model import Initiative
from kxplan.room import questions
from kxplan.room.activities import IDEA_KINDS, Round
from kxplan.room.state import Room
from kxplan.room.tally import Tally
from kxplan.text import numbers
from kxplan.text.numbers import data_number


def _choices(room: Room, score: str) -> dict[str, Any]:
    low, high = room.bounds(score)
    if score == "reach":
        return {"min": 0, "max": None, "step": None, "anchors": []}
    if score == "confidence":
        return {"min": 0, "max": 100, "step": 10, "anchors": []}
    step = 1 if high - low <= 10 else None
    given = questions.anchors(room.plan, score)
    anchors = [[data_number(float(k)), v] for k, v in given.items() if _is_number(k)]
    return {"min": data_number(low), "max": data_number(high), "step": step, "anchors": anchors}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _case(item: Initiative) -> dict[str, Any]:
    return {"id": item.id, "title": item.title, "why": item.why, "what": item.what, "how": item.how}


def tally_data(tally: Tally, label: str) -> dict[str, Any]:
    """A revealed question: the spread of its answers, the extremes and who gave them."""
    return {
        "initiative": tally.initiative,
        "score": tally.score,
        "label": label,
        "count": tally.count,
        "distribution": [[data_number(v), n] for v, n in tally.distribution],
        "low": data_number(tally.low),
        "low_by": tally.given_by(tally.low),
        "high": data_number(tally.high),
        "high_by": tally.given_by(tally.high),
        "median": data_number(tally.median),
        "summary": ngettext(
            "Median {median} of {count} answer", "Median {median} of {count} answers", tally.count
        ).format(median=numbers.number(tally.median), count=numbers.whole(tally.count)),
        "agreement": tally.agreement,
        "outliers": tally.outliers,
        "values": {who: data_number(v) for who, v in tally.values.items()},
    }


def _round(room: Room, current: Round, me: str | None) -> dict[str, Any]:
    items = []
    for item_id in current.initiatives:
        item = room.initiative(item_id)
        if item is None:
            continue
        asked = [
            {
                "score": score,
                "label": questions.label(room.plan, score),
                **_choices(room, score),
                "mine": data_number(current.answers.get((me, item_id, score)))
                if me is not None
                else None,
                "may": me is not None and current.may_rate(me, score),
            }
            for score in current.scores
        ]
        items.append({**_case(item), "questions": asked})
    data: dict[str, Any] = {
        "number": current.number,
        "status": current.status,
        "follows": current.follows,
        "items": items,
        "answered": current.answered_by(),
        "complete": [n for n in current.answered_by() if current.complete_for(n)],
    }
    if current.status != "open":
        data["reveal"] = [
            tally_data(t, questions.label(room.plan, t.score)) for t in room.tallies(current.number)
        ]
    return data


def _dots(room: Room, me: str | None) -> dict[str, Any] | None:
    if not room.votes:
        return None
    vote = room.votes[-1]
    mine = vote.placed.get(me, {}) if me else {}
    counts = vote.counts() if not vote.open else {}
    found = [(i, room.initiative(i)) for i in vote.initiatives]
    items = [
        {**_case(item), "mine": mine.get(i, 0), "count": counts.get(i)}
        for i, item in found
        if item is not None
    ]
    left = vote.left(me) if me else 0
    heading = ngettext(
        "Dot voting · {left} of {dots} dot left",
        "Dot voting · {left} of {dots} dots left",
        vote.dots,
    ).format(left=left, dots=vote.dots)
    return {
        "number": vote.number,
        "heading": heading,
        "open": vote.open,
        "dots": vote.dots,
        "left": left,
        "anonymous": vote.anonymous,
        "question": vote.question,
        "items": items,
    }


def _ideas(room: Room, me: str | None) -> dict[str, Any]:
    shown = [i for i in room.ideas if i.by == me or (room.ideas_shown and i.status != "discarded")]
    return {
        "kinds": list(map(list, IDEA_KINDS.labels().items())),
        "shown": room.ideas_shown,
        "list": [
            {
                "number": i.number,
                "by": i.by,
                "mine": i.by == me,
                "kind": i.kind,
                "title": i.title,
                "text": i.text,
                "status": i.status,
            }
            for i in shown
        ],
    }


def participant_view(room: Room, me: str | None) -> dict[str, Any]:
    """What the phone of ``me`` (None: not joined yet) shows."""
    view: dict[str, Any] = {
        "title": room.plan.title,
        "closed": room.closed,
        "me": me,
        "version": room.version,
    }
    if room.closed:
        return view
    if me is None:
        view["names"] = list(room.names)
        view["allow_new_names"] = room.allow_new_names
        return view
    current = room.rounds[-1] if room.rounds and room.rounds[-1].status != "closed" else None
    view["round"] = _round(room, current, me) if current else None
    view["dots"] = _dots(room, me)
    view["ideas"] = _ideas(room, me)
    return view
