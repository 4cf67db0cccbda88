"""The document's roadmap: open initiatives by when they are due, then by owner."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Final

from kxplan.framework import CLOSED_STATUSES, STATUSES
from kxplan.i18n import _
from kxplan.model import Initiative, Plan
from kxplan.reports.blocks import Block, Heading, Note, Table
from kxplan.reports.results import Results
from kxplan.text.numbers import DASH

_WHEN_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_WHEN_QUARTER = re.compile(r"(?i)\bQ([1-4])\b|(?<=\d)Q([1-4])\b|-Q([1-4])")
_WHEN_HALF = re.compile(r"(?i)\bH([12])\b|-H([12])\b")
_WHEN_MONTH = re.compile(r"(?<!\d)\d{4}-(0[1-9]|1[0-2])(?!\d)")


def when_sort_key(when: str) -> tuple[int, int, int, int, str]:
    """Chronological order of "when" labels.

    Recognised: a year with a quarter (2027-Q2, Q2 2027), a half (2027-H1), a
    month (2027-05) or alone (2027: after its quarters). Periods that start
    together go shortest first. Other labels follow in alphabetical order; an
    empty label (unscheduled) comes last.
    """
    text = when.strip()
    if not text:
        return (2, 0, 0, 0, "")
    year = _WHEN_YEAR.search(text)
    if year is None:
        return (1, 0, 0, 0, text.casefold())
    first, last = 13, 13
    quarter = _WHEN_QUARTER.search(text)
    half = _WHEN_HALF.search(text)
    exact = _WHEN_MONTH.search(text)
    if exact:
        first = last = int(exact.group(1))
    elif quarter:
        first = 3 * int(next(g for g in quarter.groups() if g)) - 2
        last = first + 2
    elif half:
        first = 6 * int(next(g for g in half.groups() if g)) - 5
        last = first + 5
    return (0, int(year.group(1)), first, last, text.casefold())


_WHEN_FORMS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"(?P<year>\d{4})\s*[-/]?\s*Q(?P<n>[1-4])", re.I), "{year}-Q{n}"),
    (re.compile(r"Q(?P<n>[1-4])\s*[-/]?\s*(?P<year>\d{4})", re.I), "{year}-Q{n}"),
    (re.compile(r"(?P<year>\d{4})\s*[-/]?\s*H(?P<n>[12])", re.I), "{year}-H{n}"),
    (re.compile(r"H(?P<n>[12])\s*[-/]?\s*(?P<year>\d{4})", re.I), "{year}-H{n}"),
    (re.compile(r"(?P<year>\d{4})-(?P<n>0[1-9]|1[0-2])"), "{year}-{n}"),
)


def when_period(when: str) -> str:
    """The roadmap heading for a "when" label: one spelling per period.

    A label that is just a quarter, half or month, however written ("Q3 2027",
    "2027 q3", "2027-Q3"), becomes 2027-Q3, 2027-H1 or 2027-05; any other label
    is kept as written (without surrounding spaces).
    """
    text = when.strip()
    for pattern, form in _WHEN_FORMS:
        match = pattern.fullmatch(text)
        if match:
            return form.format(**match.groupdict())
    return text


def roadmap_section(plan: Plan, results: Results) -> Iterator[Block]:
    """A heading per period (in time order), a table of owners and initiatives under each."""
    yield Heading(2, _("Roadmap"), "roadmap", major=True)
    active = [i for i in plan.initiatives if i.status not in CLOSED_STATUSES]
    if not active:
        yield Note(_("No open initiatives yet."))
        return
    yield Note(_("Open initiatives by when they are due, then by owner; ranks from above."))
    groups: dict[str, list[Initiative]] = {}
    for item in active:
        groups.setdefault(when_period(item.when), []).append(item)
    for when in sorted(groups, key=when_sort_key):
        items = sorted(  # stable: the rest of a tie keeps the plan's order
            groups[when],
            key=lambda i: (
                not i.who.strip(),
                i.who.strip().casefold(),
                results.ranks.get(i.id, math.inf),
            ),
        )
        yield Heading(3, when or _("Unscheduled"))
        yield Table(
            (_("Owner"), _("Rank"), _("Initiative"), _("Status")),
            tuple(
                (
                    i.who or _("no owner yet"),
                    str(results.ranks.get(i.id, DASH)),
                    i.title,
                    STATUSES.label(i.status),
                )
                for i in items
            ),
            frozenset({1}),
            style="roadmap",
        )
