"""The ranked list of initiatives: method, sort and filters switchable from the keyboard.

The rank numbers are always those of the whole ranking (every open initiative,
all areas): filters only hide rows, so "#7" means the same with or without them.
Done and dropped initiatives are never ranked; the status filter lists them
with "–" for a rank and their status in the quadrant column.

The list is a :class:`~kxplan.tui.widgets.rank_table.RankTable`, which draws
only the visible lines from plain rows, so re-ranking a thousand initiatives
and repainting costs little more than the ranking itself. Robustness (how firmly
each rank holds when estimates are resampled) is slow, so it runs in a thread
after the list has settled and fills in the "Range" column when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import ClassVar, Final, Literal, get_args

from rich.style import Style
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import get_current_worker

from kxplan import scoring
from kxplan.framework import AREA_IDS, AREAS_BY_ID, CLOSED_STATUSES, AreaId, Method, Quadrant
from kxplan.model import Initiative, Plan
from kxplan.tui.messages import AboutInitiative
from kxplan.tui.widgets.rank_table import RankTable, TableColumn, TableRow

SortKey = Literal["rank", "score", "effort", "impact", "title"]
SORT_KEYS: Final[tuple[SortKey, ...]] = get_args(SortKey)
"""The orders the list can be shown in; "rank" is the engine's suggested order."""

StatusFilter = Literal["open", "idea", "planned", "in_progress", "done", "dropped", "all"]
STATUS_FILTERS: Final[tuple[StatusFilter, ...]] = get_args(StatusFilter)
"""Which statuses are listed: open (not done or dropped), one status, or all."""

QUADRANTS: Final[tuple[Quadrant, ...]] = ("quick_win", "major_project", "fill_in", "thankless")

QUADRANT_SHORT: Final[dict[str, str]] = {
    "quick_win": "Quick win",
    "major_project": "Major project",
    "fill_in": "Fill-in",
    "thankless": "Thankless",
}
AGREEMENT_MARKS: Final[dict[str, str]] = {"high": "●●●", "medium": "●●○", "low": "●○○"}
"""Agreement among participants, as a three-dot gauge (more dots, closer estimates)."""

FILTER_KEYS: Final = Binding.Group("Filter")
"""The area, status and quadrant filters and clearing them share one entry in the footer."""

ROBUSTNESS_SAMPLES: Final = 200
ROBUSTNESS_DELAY: Final = 0.4
"""Seconds the list must stay unchanged before robustness is worked out."""

SHORT_METHOD_NAMES: Final[dict[str, str]] = {
    "ratio": "impact ÷ effort",
    "quadrant": "quadrants",
    "rice": "RICE",
    "ice": "ICE",
    "wsjf": "WSJF",
    "weighted": "weighted criteria",
}
"""Method names short enough for a one-line notice."""

COLUMNS: Final = (
    TableColumn("rank", "#", 3, "right"),
    TableColumn("title", "Initiative", 0),
    TableColumn("effort", "Effort", 6, "right"),
    TableColumn("impact", "Impact", 6, "right"),
    TableColumn("score", "Score", 6, "right"),
    TableColumn("quadrant", "Quadrant", 13),
    TableColumn("agreement", "Agree", 5),
    TableColumn("range", "Range", 6, "right"),
)
"""The list's columns; the title takes the room the others leave."""

DEPENDENCY_MARK: Final = "*"
"""After a rank: the initiative was placed after one it depends on (as in the CLI)."""
UNSTABLE_MARK: Final = "!"
"""After a range: the rank is unstable when the estimates are resampled."""
NOTHING_MATCHES: Final = "Nothing matches these filters — x clears them"
NOTHING_YET: Final = "No open initiatives yet — i adds one"

STYLE_NAMES: Final = (
    "quick_win",
    "major_project",
    "fill_in",
    "thankless",
    "high",
    "medium",
    "low",
    "unstable",
    "dim",
    "closed",
)


def robustness_samples(count: int) -> int:
    """Fewer samples for long lists, so the background work stays around a second."""
    return max(30, min(ROBUSTNESS_SAMPLES, 40_000 // max(count, 1)))


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the list: a ranked initiative, or an unscored or closed one (``result`` None)."""

    initiative: Initiative
    result: scoring.RankedInitiative | None

    @property
    def closed(self) -> bool:
        """Done or dropped: never ranked."""
        return self.initiative.status in CLOSED_STATUSES

    @property
    def id(self) -> str:
        """The initiative's id, also the table's row key."""
        return self.initiative.id


class RankingView(Widget):
    """The initiatives in the suggested order, with why each has its place."""

    DEFAULT_CSS = """
    RankingView {
        height: 1fr;
        layout: vertical;
    }
    RankingView > #ranking-bar {
        height: 1;
        padding: 0 1;
        background: $boost;
        color: $text-muted;
    }
    RankingView > RankTable {
        height: 1fr;
    }
    RankingView > #ranking-details {
        height: auto;
        min-height: 3;
        max-height: 6;
        padding: 0 1;
        border-top: solid $primary 40%;
    }
    RankingView .ranking--quick_win { color: $text-success; }
    RankingView .ranking--major_project { color: $text-primary; }
    RankingView .ranking--fill_in { color: $text-muted; }
    RankingView .ranking--thankless { color: $text-warning; }
    RankingView .ranking--high { color: $text-success; }
    RankingView .ranking--medium { color: $text-warning; }
    RankingView .ranking--low { color: $text-error; }
    RankingView .ranking--unstable { color: $text-error; text-style: bold; }
    RankingView .ranking--dim { color: $text-muted; }
    RankingView .ranking--closed { color: $text-warning; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"ranking--{name}" for name in STYLE_NAMES}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "cycle_method", "Method"),
        Binding("o", "cycle_sort", "Sort"),
        # One footer entry for the filters and x (shown while filtering), to fit 80 columns.
        Binding("a", "cycle_area", "Area", group=FILTER_KEYS),
        Binding("t", "cycle_status", "Status", group=FILTER_KEYS),
        Binding("u", "cycle_quadrant", "Quadrant", group=FILTER_KEYS),
        Binding("x", "clear_filters", "Clear filters", group=FILTER_KEYS),
        Binding("d", "show_spread", "Spread"),
    ]

    class Changed(Message):
        """The list was ranked again or filtered: its method and rows may have changed.

        The effort × impact matrix follows it with
        ``matrix.update_plan(event.plan, method=event.method, shown_ids=event.shown_ids,
        filters=event.filters)``.
        """

        def __init__(self, plan: Plan, method: Method, shown_ids: list[str], filters: str) -> None:
            super().__init__()
            self.plan = plan
            self.method = method
            """The method the list is ranked by (after any fallback)."""
            self.shown_ids = shown_ids
            """Ids of the initiatives listed."""
            self.filters = filters
            """The active filters in words ("" when none)."""

    class Selected(AboutInitiative):
        """The user chose an initiative (Enter on its row)."""

    def __init__(
        self,
        plan: Plan | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.plan: Plan | None = plan
        """The plan shown; set through :meth:`update_plan`."""
        self.method: Method | None = None
        """The method chosen here; None follows the plan's own."""
        self.sort_by: SortKey = "rank"
        self.area: AreaId | None = None
        """Only initiatives serving this area, or all."""
        self.status: StatusFilter = "open"
        self.quadrant: Quadrant | None = None
        """Only initiatives in this quadrant, or all."""
        self.ranking: scoring.Ranking | None = None
        """The latest ranking, by :attr:`shown_method`."""
        self.robustness: dict[str, scoring.Robustness] = {}
        """Robustness of the latest ranking, once worked out in the background."""
        self.notice = ""
        """Why the method shown is not the one asked for, if it is not."""
        self.rows: list[Row] = []
        """The rows shown, in table order."""
        self._in_rank_order: list[Row] = []
        self._methods: list[Method] | None = None
        self._told_missing = False
        """Whether the room was told which methods this plan cannot use."""
        self._generation = 0
        self._robustness_context: tuple[object, ...] = ()
        """Counts re-rankings, so late robustness results for an older list are dropped."""
        self._robustness_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="ranking-bar", markup=False)
        yield RankTable(COLUMNS, id="ranking-table")
        yield Static(id="ranking-details", markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self._theme_changed()
        if self.plan is not None:
            self.update_plan(self.plan)
        else:
            self._show_bar()

    @property
    def table(self) -> RankTable:
        """The list's table."""
        return self.query_one("#ranking-table", RankTable)

    @property
    def shown_ids(self) -> list[str]:
        """Ids of the initiatives listed, top to bottom."""
        return self.table.keys

    @property
    def shown_method(self) -> Method | None:
        """The method of the ranking on screen."""
        return self.ranking.method if self.ranking else None

    # --- public API -------------------------------------------------------------------

    def update_plan(self, plan: Plan) -> None:
        """Rank ``plan`` with the current method and filters and refresh the table.

        Call it again after changing the plan, also when it was changed in place.
        """
        self.plan = plan
        self._methods = None
        if not self.children:  # not mounted yet: on_mount shows the plan
            return
        self._rank()
        self._fill_table()
        self._show_bar()
        self._show_details()
        self._schedule_robustness()
        self._post_changed()

    def set_method(self, method: Method | None) -> None:
        """Rank by ``method`` (None: the plan's own)."""
        self.method = method
        self._refresh_all()

    def set_sort(self, sort_by: SortKey) -> None:
        """Show the list in this order; the ranks stay the engine's."""
        self.sort_by = sort_by
        self._refresh_all(rerank=False)

    def set_filters(
        self,
        *,
        area: AreaId | Literal[False] | None = False,
        status: StatusFilter | None = None,
        quadrant: Quadrant | Literal[False] | None = False,
    ) -> None:
        """Change any of the filters; arguments left out keep their value."""
        if area is not False:
            self.area = area
        if status is not None:
            self.status = status
        if quadrant is not False:
            self.quadrant = quadrant
        self._refresh_all()

    def methods(self) -> list[Method]:
        """The methods the plan has the scores for."""
        if self.plan is None:
            return []
        if self._methods is None:
            self._methods = scoring.applicable_methods(self.plan)
        return self._methods

    def highlight(self, initiative_id: str) -> None:
        """Put the cursor on this initiative, if it is listed."""
        self.table.move_to(initiative_id)

    @property
    def highlighted_id(self) -> str | None:
        """Id of the initiative under the cursor, if any."""
        return self.table.cursor_key

    # --- ranking and filling the table ------------------------------------------------

    def _refresh_all(self, *, rerank: bool = True) -> None:
        if self.plan is None:
            self._show_bar()
            return
        if rerank:
            self._rank()
        else:
            self.rows = self._sorted(self._in_rank_order)
        self._fill_table()
        self._show_bar()
        self._show_details()
        self.refresh_bindings()
        if rerank:
            self._schedule_robustness()
            self._post_changed()

    def _post_changed(self) -> None:
        if self.plan is not None and self.ranking is not None:
            self.post_message(
                self.Changed(self.plan, self.ranking.method, self.shown_ids, self.filters_text())
            )

    @property
    def filtered(self) -> bool:
        """Whether any filter hides initiatives (the status filter on "open" does not)."""
        return self.area is not None or self.status != "open" or self.quadrant is not None

    def filters_text(self) -> str:
        """The active filters in words, "" when none: "area Insight, status done"."""
        parts = []
        if self.area is not None:
            parts.append(f"area {AREAS_BY_ID[self.area].name}")
        if self.status != "open":
            parts.append("all statuses" if self.status == "all" else self.status.replace("_", " "))
        if self.quadrant is not None:
            parts.append(QUADRANT_SHORT[self.quadrant].lower() + "s")
        return ", ".join(parts)

    def _rank(self) -> None:
        plan = self.plan
        assert plan is not None
        self._generation += 1
        method = self.method or plan.scoring.method
        self.notice = ""
        # Always the whole ranking: filters hide rows but keep the overall rank numbers.
        try:
            ranking = scoring.rank(plan, method)
        except scoring.ScoringError as error:
            self.notice = f"{scoring.METHOD_LABELS[method]} cannot rank: {error}"
            ranking = scoring.rank(plan, "ratio")
        context = (ranking.method,)
        if context != self._robustness_context:
            self.robustness = {}  # worked out for another list: would mislead
            self._robustness_context = context
        self.ranking = ranking
        by_id = {item.id: item for item in plan.initiatives}
        rows = [Row(by_id[r.id], r) for r in ranking.results]
        rows += [Row(by_id[i], None) for i in ranking.unscored]
        if self.status in ("all", *CLOSED_STATUSES):
            rows += [Row(item, None) for item in plan.initiatives if item.status in CLOSED_STATUSES]
        if self.status not in ("open", "all"):
            rows = [row for row in rows if row.initiative.status == self.status]
        if self.area is not None:
            area = self.area
            rows = [row for row in rows if area in row.initiative.areas]
        if self.quadrant is not None:
            rows = [row for row in rows if row.result and row.result.quadrant == self.quadrant]
        self._in_rank_order = rows
        self.rows = self._sorted(rows)

    def _sorted(self, rows: list[Row]) -> list[Row]:
        if self.sort_by == "rank":
            return rows
        ranked = [row for row in rows if row.result is not None]
        unscored = [row for row in rows if row.result is None]
        keys: dict[str, Callable[[Row], tuple[float | str, int]]] = {
            "score": lambda row: (-_result(row).score, _result(row).rank),
            "effort": lambda row: (_result(row).effort, _result(row).rank),
            "impact": lambda row: (-_result(row).impact, _result(row).rank),
            "title": lambda row: (row.initiative.title.casefold(), _result(row).rank),
        }
        ranked.sort(key=keys[self.sort_by])
        if self.sort_by == "title":
            unscored.sort(key=lambda row: row.initiative.title.casefold())
        return ranked + unscored

    def _cells(self, row: Row) -> tuple[tuple[str, str], ...]:
        """The row's cells as (text, style name)."""
        result = row.result
        number = scoring.number
        if result is None:
            item = row.initiative
            effort = number(item.effort) if item.effort is not None else ""
            return (
                ("–", "dim"),
                (item.title, ""),
                (effort, "dim"),
                ("", ""),
                ("", ""),
                (item.status, "closed") if row.closed else ("unscored", "dim"),
                ("", ""),
                ("", ""),
            )
        robust = self.robustness.get(result.id)
        if robust is None:
            interval = ("", "")
        else:
            text = f"{robust.rank_low}–{robust.rank_high}"
            interval = (text + UNSTABLE_MARK, "unstable") if robust.unstable else (text, "dim")
        agreement = result.agreement
        mark = DEPENDENCY_MARK if result.moved_by_dependency else ""
        return (
            (f"{result.rank}{mark}", ""),
            (result.title, ""),
            (number(result.effort), ""),
            (number(result.impact), ""),
            (number(result.score), ""),
            (QUADRANT_SHORT[result.quadrant], result.quadrant),
            (AGREEMENT_MARKS[agreement], agreement) if agreement else ("–", "dim"),
            interval,
        )

    def _fill_table(self) -> None:
        """Show :attr:`rows` in the table (cheap: the table draws only visible lines)."""
        cells = self._cells
        results = self.ranking.results if self.ranking else []
        marked = any(r.moved_by_dependency for r in results)
        digits = len(str(len(results)))
        rank_width = max(COLUMNS[0].width, digits + marked)
        range_width = max(COLUMNS[-1].width, 2 * digits + 2)  # "13–170!"
        if (rank_width, range_width) != (
            self.table.columns[0].width,
            self.table.columns[-1].width,
        ):  # "100*" and "13–170!" need wider columns
            self.table.columns = (
                TableColumn("rank", "#", rank_width, "right"),
                *self.table.columns[1:-1],
                TableColumn("range", "Range", range_width, "right"),
            )
        self.table.empty_text = NOTHING_MATCHES if self.filtered else NOTHING_YET
        self.table.set_rows([TableRow(row.id, partial(cells, row)) for row in self.rows])

    def _show_bar(self) -> None:
        bar = self.query_one("#ranking-bar", Static)
        if self.plan is None or self.ranking is None:
            bar.update(Content("No plan loaded"))
            return
        ranked = sum(1 for row in self.rows if row.result is not None)
        closed = sum(1 for row in self.rows if row.closed)
        unscored = len(self.rows) - ranked - closed
        total = f" of {len(self.ranking.results)}" if self.filtered else ""
        counts = f"{ranked}{total} ranked" + (f", {unscored} unscored" if unscored else "")
        counts += f", {closed} closed" if closed else ""
        counts += " (x clears the filters)" if self.filtered else ""
        area = AREAS_BY_ID[self.area].name if self.area else "all areas"
        status = "open" if self.status == "open" else self.status.replace("_", " ")
        status = "all statuses" if status == "all" else status
        quadrant = QUADRANT_SHORT[self.quadrant] if self.quadrant else "all quadrants"
        # The count first, so a narrow screen cuts the filter names, not the count.
        parts = [
            Content(counts),
            Content.styled(scoring.METHOD_LABELS[self.ranking.method].split(" (")[0], "bold"),
            Content(f"by {self.sort_by}"),
            Content.styled(area, "" if self.area is None else "$text-accent"),
            Content.styled(status, "" if self.status == "open" else "$text-accent"),
            Content.styled(quadrant, "" if self.quadrant is None else "$text-accent"),
        ]
        bar.update(Content(" · ").join(parts))

    def _show_details(self) -> None:
        details = self.query_one("#ranking-details", Static)
        details.update(self.details_text(self.highlighted_id))

    def details_text(self, initiative_id: str | None) -> Content:
        """What the details pane says about one initiative: why this rank, and the spread."""
        notice = Content(self.notice).stylize("$text-warning") if self.notice else Content("")
        if initiative_id is None or self.plan is None:
            hint = Content("Enter opens an initiative · d shows the participants' spread").stylize(
                "dim"
            )
            return Content("\n").join([c for c in (notice, hint) if c])
        row = next((r for r in self.rows if r.id == initiative_id), None)
        if row is None:
            return notice
        lines: list[Content] = []
        if notice:
            lines.append(notice)
        result = row.result
        if result is None and row.closed:
            lines.append(
                Content.assemble(
                    (row.initiative.title, "bold"),
                    (f"  {row.initiative.status}: closed initiatives are not ranked", "dim"),
                )
            )
            return Content("\n").join(lines)
        if result is None:
            lines.append(
                Content.assemble(
                    (row.initiative.title, "bold"),
                    ("  not ranked: needs effort, customer value and efficiency", "dim"),
                )
            )
            return Content("\n").join(lines)
        explanation = result.explanation
        blocker = result.moved_by_dependency
        if blocker is not None:
            # scoring names the prerequisite by id; the room knows it by its title.
            explanation = explanation.removesuffix(f"; placed after {blocker}, which it depends on")
        lines.append(
            Content.assemble(
                (f"{result.rank}{DEPENDENCY_MARK if blocker else ''}. ", "bold"),
                (result.title, "bold"),
                "  ",
                (explanation, ""),
            )
        )
        if blocker is not None:
            prerequisite = next(
                (item.title for item in self.plan.initiatives if item.id == blocker), blocker
            )
            lines.append(
                Content.assemble(
                    (f"{DEPENDENCY_MARK} ", "bold"),
                    "placed after ",
                    (prerequisite, "bold"),
                    ", which it depends on",
                )
            )
        robust = self.robustness.get(result.id)
        if robust is not None:
            verdict = (
                f"unstable ({UNSTABLE_MARK} in the Range column)" if robust.unstable else "stable"
            )
            lines.append(
                Content.assemble(
                    ("Range: ", "dim"),
                    f"rank {robust.rank_low}–{robust.rank_high} in 90 % of resamples, "
                    f"top {robust.top_k} in {robust.p_top_k:.0%}: {verdict}",
                )
            )
        spread_parts = []
        for field, spread in result.spreads.items():
            low, high = scoring.number(spread.low), scoring.number(spread.high)
            part = f"{field.replace('_', ' ')} {low if low == high else f'{low}–{high}'}"
            if spread.agreement != "high":
                part += f" ({spread.agreement} agreement)"
            spread_parts.append(part)
        if spread_parts:
            lines.append(Content.assemble(("Spread: ", "dim"), "; ".join(spread_parts)))
        return Content("\n").join(lines)

    # --- robustness in the background -------------------------------------------------

    def _schedule_robustness(self) -> None:
        if self._robustness_timer is not None:
            self._robustness_timer.stop()
        self._robustness_timer = self.set_timer(ROBUSTNESS_DELAY, self._start_robustness)

    def _start_robustness(self) -> None:
        if self.plan is None or self.ranking is None or not self.ranking.results:
            return
        # A copy of the list, so the worker is not disturbed by edits made meanwhile.
        snapshot = self.plan.model_copy(update={"initiatives": list(self.plan.initiatives)})
        self._work_out_robustness(snapshot, self.ranking.method, self._generation)

    @work(thread=True, exclusive=True, group="robustness")
    def _work_out_robustness(self, plan: Plan, method: Method, generation: int) -> None:
        samples = robustness_samples(len(plan.initiatives))
        try:
            found = scoring.robustness(plan, method, samples=samples)
        except (scoring.ScoringError, ValueError, KeyError):
            return
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._robustness_found, generation, found)

    def _robustness_found(self, generation: int, found: dict[str, scoring.Robustness]) -> None:
        if generation != self._generation:
            return
        self.robustness = found
        self._fill_table()
        self._show_details()

    # --- events and actions -----------------------------------------------------------

    def _theme_changed(self) -> None:
        # The theme's colours reach the component styles on the next refresh.
        self._load_styles()
        self.call_after_refresh(self._load_styles)

    def _load_styles(self) -> None:
        styles = {}
        for name in STYLE_NAMES:
            style = self.get_component_rich_style(f"ranking--{name}")
            styles[name] = Style(color=style.color, bold=style.bold)
        self.table.cell_styles = styles
        self.table.refresh()

    @on(RankTable.Highlighted, "#ranking-table")
    def _row_highlighted(self, event: RankTable.Highlighted) -> None:
        event.stop()
        self._show_details()

    @on(RankTable.Chosen, "#ranking-table")
    def _row_chosen(self, event: RankTable.Chosen) -> None:
        event.stop()
        self.post_message(self.Selected(event.key))

    def action_cycle_method(self) -> None:
        """Rank by the next method the plan has the scores for."""
        methods = self.methods()
        if not methods:
            return
        current = self.shown_method
        index = methods.index(current) if current in methods else -1
        self.set_method(methods[(index + 1) % len(methods)])
        missing = [m for m in scoring.METHODS if m not in methods]
        if missing and not self._told_missing:
            self._told_missing = True  # once: m is pressed often, the reason does not change
            names = ", ".join(SHORT_METHOD_NAMES[m] for m in missing)
            self.notify(
                f"Not offered for this plan: {names} — some initiatives lack the scores they "
                "need (kxplan rank --method names them).",
                markup=False,
            )

    def action_cycle_sort(self) -> None:
        """Show the list in the next order: rank, score, effort, impact, title."""
        self.set_sort(SORT_KEYS[(SORT_KEYS.index(self.sort_by) + 1) % len(SORT_KEYS)])

    def action_cycle_quadrant(self) -> None:
        """Show only the next quadrant (all → quick wins → … → all)."""
        choices: list[Quadrant | None] = [None, *QUADRANTS]
        self.set_filters(quadrant=choices[(choices.index(self.quadrant) + 1) % len(choices)])

    def action_cycle_area(self) -> None:
        """Show only initiatives serving the next area (all → insight → … → all)."""
        choices: list[AreaId | None] = [None, *AREA_IDS]
        self.set_filters(area=choices[(choices.index(self.area) + 1) % len(choices)])

    def action_cycle_status(self) -> None:
        """Show the next status: open → idea → … → dropped → all."""
        index = STATUS_FILTERS.index(self.status)
        self.set_filters(status=STATUS_FILTERS[(index + 1) % len(STATUS_FILTERS)])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``x`` shows in the footer only while a filter is on."""
        if action == "clear_filters":
            return self.filtered
        return True

    def action_clear_filters(self) -> None:
        """Show every open initiative again."""
        self.set_filters(area=None, status="open", quadrant=None)

    def action_show_spread(self) -> None:
        """Open the participants' estimates of the highlighted initiative."""
        from kxplan.tui.screens.spread import SpreadScreen

        initiative_id = self.highlighted_id
        if initiative_id is None or self.plan is None:
            return
        result = self.ranking.by_id().get(initiative_id) if self.ranking else None
        self.app.push_screen(SpreadScreen(self.plan, initiative_id, result))


def _result(row: Row) -> scoring.RankedInitiative:
    assert row.result is not None
    return row.result
