"""What the ranking view lists and says, without any widget: its rows, filters, cells
and details, unit-tested without Pilot.

The rank numbers are always those of the whole ranking (every open initiative, all
areas): filters only hide rows, so "#7" means the same with or without them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final, Literal, TypeVar, get_args

from kxplan import scoring
from kxplan.framework import (
    AREA_IDS,
    CLOSED_STATUSES,
    METHODS,
    QUADRANTS,
    STATUSES,
    AreaId,
    Method,
    Quadrant,
)
from kxplan.i18n import _
from kxplan.model import Initiative, Plan, latest_dots
from kxplan.scoring import RankedInitiative, Ranking, Robustness
from kxplan.scoring.estimates import aggregates, estimated
from kxplan.text.numbers import number
from kxplan.tui.walk_steps import area_name

T = TypeVar("T")

SortKey = Literal["rank", "score", "effort", "impact", "title"]
SORT_KEYS: Final[tuple[SortKey, ...]] = get_args(SortKey)
"""The orders the list can be shown in; "rank" is the engine's suggested order."""

StatusFilter = Literal["open", "idea", "planned", "in_progress", "done", "dropped", "all"]
STATUS_FILTERS: Final[tuple[StatusFilter, ...]] = get_args(StatusFilter)
"""Which statuses are listed: open (not done or dropped), one status, or all."""

AGREEMENT_MARKS: Final[dict[str, str]] = {"high": "●●●", "medium": "●●○", "low": "●○○"}
"""Agreement among participants, as a three-dot gauge (more dots, closer estimates)."""

DEPENDENCY_MARK: Final = "*"
"""After a rank: the initiative was placed after one it depends on (as in the CLI)."""
UNSTABLE_MARK: Final = "!"
"""After a range: the rank is unstable when the estimates are resampled."""

Cell = tuple[str, str]
"""A cell's text and the name of its style."""


def cycled(choices: Sequence[T], current: T) -> T:
    """The choice after ``current`` (the first after the last, or when it is not there)."""
    index = choices.index(current) if current in choices else -1
    return choices[(index + 1) % len(choices)]


def rank_shown(
    plan: Plan, method: Method | None = None, *, include_closed: bool = False
) -> tuple[Ranking, str]:
    """The plan ranked by ``method`` (None: the plan's own) and "" — or, when the method
    cannot rank it at all, by impact ÷ effort and the reason why not. Initiatives the
    method lacks inputs for are left out and listed in the ranking's ``lacking``."""
    try:
        return scoring.rank(plan, method, include_closed=include_closed, partial=True), ""
    except scoring.ScoringError as error:
        return scoring.rank(plan, "ratio", include_closed=include_closed), str(error)


def sort_name(sort_by: SortKey) -> str:
    """The list's order in words: "by rank", "by effort"."""
    names = {
        "rank": _("by rank"),
        "score": _("by score"),
        "effort": _("by effort"),
        "impact": _("by impact"),
        "title": _("by title"),
    }
    return names[sort_by]


def method_name(method: Method) -> str:
    """A method's short name within a sentence: "RICE", "weighted criteria"."""
    short = METHODS.say(METHODS[method].short)
    return short if short.split()[0].isupper() else short[0].lower() + short[1:]


def not_offered(usable: Sequence[Method]) -> str:
    """Which methods the plan cannot use, and why; "" when it can use all."""
    missing = [m for m in METHODS.keys if m not in usable]
    if not missing:
        return ""
    names = ", ".join(method_name(m) for m in missing if m != "savings")
    reasons = (
        [
            _(
                "{methods} — it has no criteria yet (s on Prioritisation opens the scoring "
                "settings)"
            ).format(methods=names)
        ]
        if names
        else []
    )
    if "savings" in missing:
        reasons.append(
            _(
                "{method} — no initiative addresses a contact reason yet (f4 in the "
                "initiative editor links them)"
            ).format(method=method_name("savings"))
        )
    return _("Not offered for this plan: {reasons}.").format(reasons="; ".join(reasons))


@dataclass(frozen=True, slots=True)
class Filters:
    """What the list shows: one area or all, a status filter, one quadrant or all."""

    area: AreaId | None = None
    status: StatusFilter = "open"
    quadrant: Quadrant | None = None

    @property
    def active(self) -> bool:
        """Whether any filter hides initiatives (the status filter on "open" does not)."""
        return self.area is not None or self.status != "open" or self.quadrant is not None

    def status_name(self) -> str:
        """The status filter in words: "open", "in progress", "all statuses"."""
        if self.status in ("open", "all"):
            return _("all statuses") if self.status == "all" else _("open")
        return STATUSES.label(self.status).lower()

    def changed(
        self,
        *,
        area: AreaId | Literal[False] | None = False,
        status: StatusFilter | None = None,
        quadrant: Quadrant | Literal[False] | None = False,
    ) -> Filters:
        """These filters with some changed; arguments left out keep their value."""
        return Filters(
            area=self.area if area is False else area,
            status=self.status if status is None else status,
            quadrant=self.quadrant if quadrant is False else quadrant,
        )

    def next_area(self) -> Filters:
        """Only initiatives serving the next area (all → insight → … → all)."""
        return replace(self, area=cycled([None, *AREA_IDS], self.area))

    def next_status(self) -> Filters:
        """The next status: open → idea → … → dropped → all."""
        return replace(self, status=cycled(STATUS_FILTERS, self.status))

    def next_quadrant(self) -> Filters:
        """Only the next quadrant (all → quick wins → … → all)."""
        return replace(self, quadrant=cycled([None, *QUADRANTS.keys], self.quadrant))

    def text(self) -> str:
        """The active filters in words, "" when none: "area Insight, done"."""
        parts = []
        if self.area is not None:
            parts.append(_("area {area}").format(area=area_name(self.area)))
        if self.status != "open":
            parts.append(self.status_name())
        if self.quadrant is not None:
            parts.append(QUADRANTS.say(QUADRANTS[self.quadrant].plural).lower())
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the list: a ranked initiative, or an unscored or closed one (``result`` None)."""

    initiative: Initiative
    result: RankedInitiative | None
    dots: int | None = None
    """Dots in the plan's latest kept dot vote (None: not voted on)."""
    vote_kept: bool = False
    """Whether the plan keeps a dot vote: then the list has a Dots column."""
    lacks: tuple[str, ...] = ()
    """What the method needs that the initiative lacks (scored, but not rankable this way)."""

    @property
    def closed(self) -> bool:
        """Done or dropped: never ranked."""
        return self.initiative.status in CLOSED_STATUSES

    @property
    def id(self) -> str:
        """The initiative's id, also the table's row key."""
        return self.initiative.id


def rows_of(plan: Plan, ranking: Ranking, filters: Filters) -> list[Row]:
    """The rows the filters let through, in rank order: ranked, unscored, then closed."""
    by_id = {item.id: item for item in plan.initiatives}
    rows = [Row(by_id[r.id], r) for r in ranking.results]
    rows += [Row(by_id[i], None, lacks=needs) for i, needs in ranking.lacking.items()]
    rows += [Row(by_id[i], None) for i in ranking.unscored]
    status = filters.status
    if status in ("all", *CLOSED_STATUSES):
        rows += [Row(item, None) for item in plan.initiatives if item.status in CLOSED_STATUSES]
    if status not in ("open", "all"):
        rows = [row for row in rows if row.initiative.status == status]
    if filters.area is not None:
        area = filters.area
        rows = [row for row in rows if area in row.initiative.areas]
    if filters.quadrant is not None:
        quadrant = filters.quadrant
        rows = [row for row in rows if row.result and row.result.quadrant == quadrant]
    dots = latest_dots(plan)
    if dots is not None:
        rows = [replace(row, dots=dots.get(row.id), vote_kept=True) for row in rows]
    return rows


def _ranked(row: Row) -> RankedInitiative:
    assert row.result is not None
    return row.result


_SORTS: Final[dict[str, Callable[[Row], tuple[float | str, int]]]] = {
    "score": lambda row: (-_ranked(row).score, _ranked(row).rank),
    "effort": lambda row: (_ranked(row).effort, _ranked(row).rank),
    "impact": lambda row: (-_ranked(row).impact, _ranked(row).rank),
    "title": lambda row: (row.initiative.title.casefold(), _ranked(row).rank),
}


def sorted_rows(rows: list[Row], sort_by: SortKey) -> list[Row]:
    """The rows in this order (ties by rank); unscored and closed rows stay last."""
    if sort_by == "rank":
        return rows
    ranked = sorted((row for row in rows if row.result is not None), key=_SORTS[sort_by])
    unscored = [row for row in rows if row.result is None]
    if sort_by == "title":
        unscored.sort(key=lambda row: row.initiative.title.casefold())
    return ranked + unscored


def range_text(robust: Robustness | None) -> Cell:
    """The rank interval, marked when unstable; blank until worked out."""
    if robust is None:
        return ("", "")
    text = f"{robust.rank_low}–{robust.rank_high}"
    return (text + UNSTABLE_MARK, "unstable") if robust.unstable else (text, "dim")


def cells(row: Row, robustness: Mapping[str, Robustness]) -> tuple[Cell, ...]:
    """The row's cells as (text, style name): rank, title, effort, impact, score,
    quadrant, agreement, range, and dots when the plan keeps a dot vote."""
    found = _cells(row, robustness)
    if not row.vote_kept:
        return found
    return (*found, (str(row.dots), "") if row.dots is not None else ("–", "dim"))


def _cells(row: Row, robustness: Mapping[str, Robustness]) -> tuple[Cell, ...]:
    result = row.result
    if result is None:
        item = row.initiative
        used = effort_used(item)
        effort = number(used) if used is not None else ""
        return (
            ("–", "dim"),
            (item.title, ""),
            (effort, "dim"),
            ("", ""),
            ("", ""),
            (item.status, "closed")
            if row.closed
            else (lacks_text(row.lacks), "unstable")
            if row.lacks
            else ("unscored", "dim"),
            ("", ""),
            ("", ""),
        )
    agreement = result.agreement
    mark = DEPENDENCY_MARK if result.moved_by_dependency else ""
    return (
        (f"{result.rank}{mark}", ""),
        (result.title, ""),
        (number(result.effort), ""),
        (number(result.impact), ""),
        (number(result.score), ""),
        (QUADRANTS.say(QUADRANTS[result.quadrant].short), result.quadrant),
        (AGREEMENT_MARKS[agreement], agreement) if agreement else ("–", "dim"),
        range_text(robustness.get(result.id)),
    )


def effort_used(item: Initiative) -> float | None:
    """The effort the ranking works with: the participants' median where they estimated
    it, else the initiative's own. A row the method cannot rank yet (RICE without reach)
    shows it too, so its effort does not change once reach is filled in."""
    return aggregates(item, "median", estimated(item))[0]


def lacks_text(needs: tuple[str, ...]) -> str:
    """What an initiative lacks for the method, briefly: "needs reach"."""
    return _("needs {inputs}").format(inputs=", ".join(scoring.lacking_label(n) for n in needs))


def first_lacking(rows: Sequence[Row], after: str | None = None) -> Row | None:
    """The next row (after the one with id ``after``, round) the method lacks inputs for."""
    ids = [row.id for row in rows]
    start = ids.index(after) if after in ids else -1
    lacking = [(index, row) for index, row in enumerate(rows) if row.lacks]
    later = [row for index, row in lacking if index > start] or [row for _, row in lacking]
    return later[0] if later else None


# --- the bar and the details pane ------------------------------------------------------


def column_widths(ranking: Ranking, rank_min: int, range_min: int) -> tuple[int, int]:
    """Widths of the rank and range columns: "100*" and "13–170!" need more room."""
    results = ranking.results
    marked = any(r.moved_by_dependency for r in results)
    digits = len(str(len(results)))
    return max(rank_min, digits + marked), max(range_min, 2 * digits + 2)


def bar(ranking: Ranking, rows: list[Row], filters: Filters, sort_by: SortKey) -> list[Cell]:
    """The bar over the list: the counts first (a narrow screen cuts the filter names,
    not the count), the method, the order and each filter (accented when on)."""
    ranked = sum(1 for row in rows if row.result is not None)
    closed = sum(1 for row in rows if row.closed)
    lacking = sum(1 for row in rows if row.lacks)
    unscored = len(rows) - ranked - closed - lacking
    if filters.active:
        counts = _("{ranked} of {total} ranked").format(ranked=ranked, total=len(ranking.results))
    else:
        counts = _("{ranked} ranked").format(ranked=ranked)
    counts += _(", {count} unscored").format(count=unscored) if unscored else ""
    counts += _(", {count} lack inputs (f fills in)").format(count=lacking) if lacking else ""
    counts += _(", {count} closed").format(count=closed) if closed else ""
    counts += _(" (x clears the filters)") if filters.active else ""
    area = area_name(filters.area) if filters.area else _("all areas")
    quadrant = (
        QUADRANTS.say(QUADRANTS[filters.quadrant].short) if filters.quadrant else _("all quadrants")
    )
    accent = "$text-accent"
    return [
        (counts, ""),
        (METHODS.say(METHODS[ranking.method].short), "bold"),
        (sort_name(sort_by), ""),
        (area, "" if filters.area is None else accent),
        (filters.status_name(), "" if filters.status == "open" else accent),
        (quadrant, "" if filters.quadrant is None else accent),
    ]
