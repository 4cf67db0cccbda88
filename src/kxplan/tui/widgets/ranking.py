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

from typing import ClassVar, Final, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from kxplan import scoring
from kxplan.framework import METHODS, AreaId, Method, Quadrant
from kxplan.i18n import N_, _
from kxplan.model import Plan
from kxplan.scoring import Ranking, Robustness
from kxplan.tui.messages import AboutInitiative
from kxplan.tui.ranking_details import details
from kxplan.tui.ranking_rows import (
    SORT_KEYS,
    Filters,
    Row,
    SortKey,
    StatusFilter,
    bar,
    cycled,
    not_offered,
    rank_shown,
    rows_of,
    sorted_rows,
)
from kxplan.tui.widgets.background_robustness import BackgroundRobustness
from kxplan.tui.widgets.rank_table import RankTable
from kxplan.tui.widgets.ranked_list import COMPONENT_CSS, STYLE_NAMES, RankedList
from kxplan.tui.widgets.ranked_list import NOTHING_MATCHES as NOTHING_MATCHES
from kxplan.tui.widgets.text_pane import TextPane

FILTER_KEYS: Final = Binding.Group(N_("Filter"))
"""The area, status and quadrant filters and clearing them share one entry in the footer."""


class RankingView(Widget):
    """The initiatives in the suggested order, with why each has its place."""

    DEFAULT_CSS = (
        """
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
    """
        + COMPONENT_CSS
    )

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"ranking--{name}" for name in STYLE_NAMES}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "cycle_method", N_("Method")),
        Binding("o", "cycle_sort", N_("Sort")),
        # One footer entry for the filters and x (shown while filtering), to fit 80 columns.
        Binding("a", "cycle_area", N_("Area"), group=FILTER_KEYS),
        Binding("t", "cycle_status", N_("Status"), group=FILTER_KEYS),
        Binding("u", "cycle_quadrant", N_("Quadrant"), group=FILTER_KEYS),
        Binding("x", "clear_filters", N_("Clear filters"), group=FILTER_KEYS),
        Binding("d", "show_spread", N_("Spread")),
    ]

    class Changed(Message):
        """The list was ranked again or filtered: its method and rows may have changed.

        The effort × impact matrix follows it with ``matrix.show(event.plan,
        event.ranking, shown_ids=event.shown_ids, filters=event.filters)``: the list's
        ranking, not one of its own.
        """

        def __init__(
            self, plan: Plan, ranking: Ranking, shown_ids: list[str], filters: str, problem: str
        ) -> None:
            super().__init__()
            self.plan = plan
            self.ranking = ranking
            """The ranking listed (by the method asked for, or impact ÷ effort)."""
            self.method: Method = ranking.method
            """The method the list is ranked by (after any fallback)."""
            self.shown_ids = shown_ids
            """Ids of the initiatives listed."""
            self.filters = filters
            """The active filters in words ("" when none)."""
            self.problem = problem
            """Why the method asked for could not rank the plan ("" when it could)."""

    class Selected(AboutInitiative):
        """The user chose an initiative (Enter on its row)."""

    class SpreadWanted(AboutInitiative):
        """The user asked for the participants' estimates of an initiative (``d``)."""

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
        self.filters = Filters()
        """Which area, status and quadrant are listed."""
        self.ranking: Ranking | None = None
        """The latest ranking, by :attr:`shown_method`."""
        self.problem = ""
        """Why the method asked for could not rank the plan ("" when it could)."""
        self.robustness: dict[str, Robustness] = {}
        """Robustness of the latest ranking, once worked out in the background."""
        self.notice = ""
        """Why the method shown is not the one asked for, if it is not."""
        self.rows: list[Row] = []
        """The rows shown, in table order."""
        self._in_rank_order: list[Row] = []
        self._methods: list[Method] | None = None
        self._told_missing = False
        """Whether the room was told which methods this plan cannot use."""
        self._robustness_context: tuple[object, ...] = ()
        """What the robustness shown was worked out for (the method)."""
        self._background = BackgroundRobustness(self, self._robustness_found)

    def compose(self) -> ComposeResult:
        yield Static(id="ranking-bar", markup=False)
        yield RankedList(id="ranking-table")
        yield TextPane(id="ranking-details", markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self._theme_changed()
        if self.plan is not None:
            self.update_plan(self.plan)
        else:
            self._show_bar()

    @property
    def table(self) -> RankedList:
        """The list's table."""
        return self.query_one("#ranking-table", RankedList)

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
        self._ask_robustness()
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
        self._filter(self.filters.changed(area=area, status=status, quadrant=quadrant))

    def _filter(self, filters: Filters) -> None:
        self.filters = filters
        self._refresh_all()

    @property
    def area(self) -> AreaId | None:
        """Only initiatives serving this area, or all."""
        return self.filters.area

    @property
    def status(self) -> StatusFilter:
        """Which statuses are listed."""
        return self.filters.status

    @property
    def quadrant(self) -> Quadrant | None:
        """Only initiatives in this quadrant, or all."""
        return self.filters.quadrant

    def methods(self) -> list[Method]:
        """The methods the plan has the scores for."""
        if self.plan is None:
            return []
        if self._methods is None:
            self._methods = scoring.applicable_methods(self.plan, partial=True)
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
            self.rows = sorted_rows(self._in_rank_order, self.sort_by)
        self._fill_table()
        self._show_bar()
        self._show_details()
        self.refresh_bindings()
        if rerank:
            self._ask_robustness()
            self._post_changed()

    def change(self) -> RankingView.Changed | None:
        """What the list shows now, as its Changed message says it (None before a plan)."""
        if self.plan is None or self.ranking is None:
            return None
        view = self.plan, self.ranking, self.shown_ids, self.filters.text(), self.problem
        return self.Changed(*view)

    def _post_changed(self) -> None:
        if (change := self.change()) is not None:
            self.post_message(change)

    def _rank(self) -> None:
        plan = self.plan
        assert plan is not None
        method = self.method or plan.scoring.method
        # Always the whole ranking: filters hide rows but keep the overall rank numbers.
        ranking, self.problem = rank_shown(plan, method)
        said = _("{method} cannot rank: {problem}") if self.problem else ""
        self.notice = said.format(method=METHODS.label(method), problem=self.problem)

        context = (ranking.method,)
        if context != self._robustness_context:
            self.robustness = {}  # worked out for another list: would mislead
            self._robustness_context = context
        self.ranking = ranking
        self._in_rank_order = rows_of(plan, ranking, self.filters)
        self.rows = sorted_rows(self._in_rank_order, self.sort_by)

    def _fill_table(self) -> None:
        self.table.show(self.rows, self.ranking, self.robustness, filtered=self.filters.active)

    def _show_bar(self) -> None:
        if self.plan is None or self.ranking is None:
            parts = [Content(_("No plan loaded"))]

        else:
            parts = [
                Content.styled(*part)
                for part in bar(self.ranking, self.rows, self.filters, self.sort_by)
            ]
        # One line, always: no layout needed.
        self.query_one("#ranking-bar", Static).update(Content(" · ").join(parts), layout=False)

    def _show_details(self) -> None:
        self.query_one("#ranking-details", TextPane).update(self.details_text(self.highlighted_id))

    def details_text(self, initiative_id: str | None) -> Content:
        """What the details pane says about one initiative: why this rank, and the spread."""
        lines = details(self.plan, self.rows, initiative_id, self.notice, self.robustness)
        return Content("\n").join(Content.assemble(*line) for line in lines)

    def _ask_robustness(self) -> None:
        if self.plan is not None and self.ranking is not None:
            self._background.request(self.plan, self.ranking)

    def _robustness_found(self, found: dict[str, Robustness]) -> None:
        self.robustness = found
        self._fill_table()
        self._show_details()

    # --- events and actions -----------------------------------------------------------

    def _theme_changed(self) -> None:
        # The theme's colours reach the component styles on the next refresh.
        self.table.load_styles(self.get_component_rich_style)
        self.call_after_refresh(self.table.load_styles, self.get_component_rich_style)

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
        self.set_method(cycled(methods, self.shown_method))
        notice = not_offered(methods)
        if notice and not self._told_missing:
            self._told_missing = True  # once: m is pressed often, the reason does not change
            self.notify(notice, markup=False)

    def action_cycle_sort(self) -> None:
        """Show the list in the next order: rank, score, effort, impact, title."""
        self.set_sort(cycled(SORT_KEYS, self.sort_by))

    def action_cycle_quadrant(self) -> None:
        """Show only the next quadrant (all → quick wins → … → all)."""
        self._filter(self.filters.next_quadrant())

    def action_cycle_area(self) -> None:
        """Show only initiatives serving the next area (all → insight → … → all)."""
        self._filter(self.filters.next_area())

    def action_cycle_status(self) -> None:
        """Show the next status: open → idea → … → dropped → all."""
        self._filter(self.filters.next_status())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``x`` shows in the footer only while a filter is on."""
        if action == "clear_filters":
            return self.filters.active
        return True

    def action_clear_filters(self) -> None:
        """Show every open initiative again."""
        self.set_filters(area=None, status="open", quadrant=None)

    def action_show_spread(self) -> None:
        """Ask for the participants' estimates of the highlighted initiative."""
        if self.highlighted_id is not None and self.plan is not None:
            self.post_message(self.SpreadWanted(self.highlighted_id))
