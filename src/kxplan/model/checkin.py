"""A check-in held: the follow-up meeting weeks after the workshop, kept in the plan.

``[[checkins]]`` lists them oldest first: when it was held, the version the plan was
compared against (as the facilitator chose it: a snapshot, a git revision) and what the
meeting decided. What a check-in shows is worked out in :mod:`kxplan.reports.checkin_facts`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence

from pydantic import Field

from kxplan.i18n import _
from kxplan.model.types import Loc, StrictModel, unset
from kxplan.text.dates import future_date


class CheckIn(StrictModel):
    """One follow-up meeting: when, against which version, what was decided."""

    date: datetime.date
    """When the check-in was held."""
    since: str = Field(default="", exclude_if=unset)
    """The version compared against, as it was named: ``HEAD~1``, a snapshot's label."""
    decisions: str = Field(default="", exclude_if=unset)
    """What the meeting decided, as typed."""


def checkin_problems(
    checkins: Sequence[CheckIn], today: datetime.date | None = None
) -> Iterator[tuple[Loc, str]]:
    """Broken rules of the check-ins: none dated after ``today`` (default: the computer's
    date; a check-in recorded is one held), oldest first, the version compared against on
    one line."""
    previous: datetime.date | None = None
    last = today or datetime.date.today()
    for index, item in enumerate(checkins):
        loc: Loc = ("checkins", index)
        if item.date > last:
            yield (*loc, "date"), future_date(item.date)
        elif previous is not None and item.date < previous:
            yield (
                (*loc, "date"),
                _("expected a date on or after the check-in before ({before}), got {date}").format(
                    before=previous.isoformat(), date=item.date.isoformat()
                ),
            )
        previous = item.date if previous is None else max(previous, item.date)
        if "\n" in item.since or "\r" in item.since:
            yield (*loc, "since"), _("expected the version on one line")
