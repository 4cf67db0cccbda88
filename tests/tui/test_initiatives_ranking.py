"""Pilot tests of whole prioritisation flows: editor → ranking view → spread screen.

The harness app shows a RankingView; ``n`` opens the editor for a new
initiative and Enter on a row opens it for that one, as the real app does.

Hand-worked expectations for the three initiatives added (default 1–5 scales,
value and efficiency weighted 1:1, scores are the median of the two estimates):

=================  ======  =====  ==========  ====  ======  ==========  ============
initiative         effort  value  efficiency  conf  impact  ratio       ICE
=================  ======  =====  ==========  ====  ======  ==========  ============
Chat on the web    2       4.5    3           100   3.75    1.875       3.75·1·4 = 15
Tracking link      1       4      3           40    3.5     3.5         3.5·.4·5 = 7
New CRM            4.5     3      4           50    3.5     0.78        3.5·.5·1.5
=================  ======  =====  ==========  ====  ======  ==========  ============

So by ratio: tracking link, chat, CRM; by ICE: chat, tracking link, CRM.
Chat and tracking link are quick wins (effort ≤ 3, impact ≥ 3), the CRM a major project.
"""

from __future__ import annotations

from functools import partial

import pytest
from app_helpers import set_value, type_into, wait_until
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer

from kxplan import scoring
from kxplan.framework import Method
from kxplan.model import Estimate, Initiative, Plan, with_initiative
from kxplan.tui.screens.initiative_editor import InitiativeEditor
from kxplan.tui.screens.spread import SpreadScreen
from kxplan.tui.widgets import background_robustness
from kxplan.tui.widgets.rank_table import fit
from kxplan.tui.widgets.ranking import NOTHING_MATCHES, RankingView

CHAT, TRACKING, CRM = "chat-on-the-web", "tracking-link", "new-crm"

Scores = tuple[str, str, str, str]


class PlanningHarness(App[None]):
    """A ranking view over a plan that the editor changes, like the real app."""

    BINDINGS = [("n", "new", "New initiative")]  # noqa: RUF012

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield RankingView(self.plan, id="ranking")
        yield Footer()

    def on_mount(self) -> None:
        self.view.table.focus()

    @property
    def view(self) -> RankingView:
        return self.query_one(RankingView)

    def action_new(self) -> None:
        self.push_screen(InitiativeEditor(self.plan), partial(self.saved, None))

    def on_ranking_view_spread_wanted(self, event: RankingView.SpreadWanted) -> None:
        self.push_screen(SpreadScreen.of(self.plan, self.view.ranking, event.initiative_id))

    def on_ranking_view_selected(self, event: RankingView.Selected) -> None:
        self.chosen.append(event.initiative_id)
        original = self.plan.initiative(event.initiative_id)
        self.push_screen(InitiativeEditor(self.plan, original), partial(self.saved, original.id))

    def saved(self, replacing: str | None, initiative: Initiative | None) -> None:
        if initiative is not None:
            self.plan = with_initiative(self.plan, initiative, replacing)
            self.view.update_plan(self.plan)


SCORE_FIELDS = ("effort", "customer_value", "efficiency", "confidence")


async def set_scores(pilot: Pilot[None], prefix: str, values: Scores) -> None:
    """Set four score fields (effort, value, efficiency, confidence) of one row at once."""
    for field, value in zip(SCORE_FIELDS, values, strict=True):
        await set_value(pilot, f"#{prefix}{field}", value)


async def add_initiative(
    pilot: Pilot[None], title: str, own: Scores, anna: Scores, bo: Scores
) -> None:
    """n, then the fields set directly (typing into the editor is tested on its own)."""
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, InitiativeEditor)
    await set_value(pilot, "#title", title)
    await set_scores(pilot, "", own)
    await set_scores(pilot, "estimate-0-", anna)
    await set_scores(pilot, "estimate-1-", bo)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert not isinstance(pilot.app.screen, InitiativeEditor), "the editor refused to save"


async def add_three(pilot: Pilot[None]) -> None:
    await add_initiative(
        pilot,
        "Chat on the web",
        ("2", "4", "3", ""),
        ("2", "4", "3", "100"),
        ("2", "5", "3", "100"),
    )
    await add_initiative(
        pilot, "Tracking link", ("1", "4", "3", ""), ("1", "4", "4", "40"), ("1", "4", "2", "40")
    )
    await add_initiative(
        pilot, "New CRM", ("5", "3", "4", ""), ("5", "3", "4", "50"), ("4", "3", "4", "50")
    )


def plan_with(*initiatives: Initiative) -> Plan:
    return Plan(title="Workshop", participants=["Anna", "Bo"], initiatives=list(initiatives))


def empty_plan() -> Plan:
    return Plan(title="Workshop", participants=["Anna", "Bo"])


def three_plan() -> Plan:
    """What adding the three initiatives through the editor gives (see add_three)."""

    def initiative(
        id: str, title: str, own: tuple[int, int, int], anna: Scores, bo: Scores
    ) -> Initiative:
        def estimate(name: str, values: Scores) -> Estimate:
            effort, value, efficiency, confidence = (float(v) for v in values)
            return Estimate(
                participant=name,
                effort=effort,
                customer_value=value,
                efficiency=efficiency,
                confidence=confidence,
            )

        return Initiative(
            id=id,
            title=title,
            effort=own[0],
            customer_value=own[1],
            efficiency=own[2],
            estimates=[estimate("Anna", anna), estimate("Bo", bo)],
        )

    return plan_with(
        initiative(
            CHAT, "Chat on the web", (2, 4, 3), ("2", "4", "3", "100"), ("2", "5", "3", "100")
        ),
        initiative(
            TRACKING, "Tracking link", (1, 4, 3), ("1", "4", "4", "40"), ("1", "4", "2", "40")
        ),
        initiative(CRM, "New CRM", (5, 3, 4), ("5", "3", "4", "50"), ("4", "3", "4", "50")),
    )


def shown(view: RankingView) -> RankingView:
    """The view, read afresh after a key press (keeps type checkers from over-narrowing)."""
    return view


def ranked_ids(plan: Plan, method: Method | None = None) -> list[str]:
    return [result.id for result in scoring.rank(plan, method).results]


async def test_three_added_initiatives_are_listed_in_the_engines_order() -> None:
    app = PlanningHarness(empty_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        await add_three(pilot)
        assert [i.id for i in app.plan.initiatives] == [CHAT, TRACKING, CRM]
        assert app.view.shown_ids == [TRACKING, CHAT, CRM]
        assert app.view.shown_ids == ranked_ids(app.plan)
        assert app.plan == three_plan()


async def test_changing_a_score_in_the_editor_changes_the_order() -> None:
    app = PlanningHarness(three_plan())  # as adding them gives (the test above)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.view.shown_ids == [TRACKING, CHAT, CRM]
        app.view.table.focus()
        await pilot.press("home", "down", "enter")  # the second row: chat on the web
        await pilot.pause()
        assert app.chosen == [CHAT]
        assert isinstance(pilot.app.screen, InitiativeEditor)
        await type_into(pilot, "#estimate-0-effort", "1")
        await type_into(pilot, "#estimate-1-effort", "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # chat: impact 3.75 ÷ effort 1 = 3.75 now beats the tracking link's 3.5
        assert app.view.shown_ids == [CHAT, TRACKING, CRM]
        assert app.view.shown_ids == ranked_ids(app.plan)


async def test_m_switches_the_method_and_the_order_follows() -> None:
    app = PlanningHarness(three_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        # RICE and WSJF lack inputs here but still rank what they can (nothing): offered
        assert app.view.methods() == ["ratio", "quadrant", "rice", "ice", "wsjf"]
        await pilot.press("m")
        assert shown(app.view).shown_method == "quadrant"
        assert app.view.shown_ids == ranked_ids(app.plan, "quadrant") == [TRACKING, CHAT, CRM]
        await pilot.press("m")
        assert shown(app.view).shown_method == "rice"
        assert app.view.ranking is not None
        assert app.view.ranking.results == []
        assert sorted(app.view.shown_ids) == sorted([TRACKING, CHAT, CRM])  # all lack reach
        assert app.view.table.rows[0].cells[5] == ("needs reach", "unstable")
        await pilot.press("m")
        assert shown(app.view).shown_method == "ice"
        assert app.view.shown_ids == ranked_ids(app.plan, "ice") == [CHAT, TRACKING, CRM]
        await pilot.press("m", "m")
        assert shown(app.view).shown_method == "ratio"
        notices = [n.message for n in app._notifications if "Not offered" in n.message]
        assert len(notices) == 1  # said once, not on every press
        assert "weighted criteria — it has no criteria yet" in notices[0]


async def test_filter_by_quadrant_and_clear_it() -> None:
    app = PlanningHarness(three_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        assert app.view.quadrant == "quick_win"
        assert app.view.shown_ids == [TRACKING, CHAT]
        await pilot.press("u")
        assert app.view.shown_ids == [CRM]  # major projects
        await pilot.press("u", "u")
        assert app.view.shown_ids == []  # no thankless tasks
        await pilot.press("x")
        assert app.view.quadrant is None
        assert app.view.shown_ids == [TRACKING, CHAT, CRM]


async def test_sort_keys_reorder_the_list_but_keep_the_ranks() -> None:
    app = PlanningHarness(three_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        assert shown(app.view).sort_by == "score"
        assert app.view.shown_ids == [TRACKING, CHAT, CRM]
        await pilot.press("o")
        assert shown(app.view).sort_by == "effort"
        assert app.view.shown_ids == [TRACKING, CHAT, CRM]  # 1, 2, 4.5
        await pilot.press("o")
        assert shown(app.view).sort_by == "impact"
        assert app.view.shown_ids == [CHAT, TRACKING, CRM]  # 3.75, then 3.5 by rank
        await pilot.press("o")
        assert shown(app.view).sort_by == "title"
        assert app.view.shown_ids == [CHAT, CRM, TRACKING]
        first_cells = app.view.table.rows[0].cells
        assert first_cells[0] == ("2", "")  # the rank column still says 2


async def test_unscored_initiatives_come_after_the_ranked_ones() -> None:
    plan = plan_with(
        Initiative(id="idea", title="Just an idea"),
        Initiative(id="scored", title="Scored", effort=2, customer_value=3, efficiency=3),
    )
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)):
        assert app.view.shown_ids == ["scored", "idea"]
        assert app.view.table.rows[1].cells[0] == ("–", "dim")
        assert app.view.table.rows[1].cells[5] == ("unscored", "dim")


async def test_status_filter_shows_closed_initiatives_on_request() -> None:
    plan = plan_with(
        Initiative(id="open", title="Open", effort=2, customer_value=3, efficiency=3),
        Initiative(
            id="done", title="Done", status="done", effort=1, customer_value=5, efficiency=5
        ),
    )
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.view.shown_ids == ["open"]
        for _ in range(4):  # open → idea → planned → in progress → done
            await pilot.press("t")
        assert shown(app.view).status == "done"
        assert app.view.shown_ids == ["done"]
        await pilot.press("t", "t")  # dropped → all
        assert shown(app.view).status == "all"
        assert app.view.shown_ids == ["open", "done"]  # closed ones are not ranked: last


async def test_area_filter_lists_only_that_areas_initiatives() -> None:
    plan = plan_with(
        Initiative(id="a", title="A", areas=["insight"], effort=2, customer_value=3, efficiency=3),
        Initiative(id="b", title="B", areas=["mobility"], effort=1, customer_value=3, efficiency=3),
    )
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        assert app.view.area == "insight"
        assert app.view.shown_ids == ["a"]


async def test_details_explain_the_highlighted_rank() -> None:
    app = PlanningHarness(three_plan())
    async with app.run_test(size=(100, 30)):
        details = app.view.details_text(TRACKING).plain
        assert details.startswith("1. Tracking link")
        assert "3.5 ÷ effort 1 = 3.5" in details
        assert "efficiency 2–4 (medium agreement)" in details  # Anna 4, Bo 2: two steps apart
        assert "effort 1;" in details  # both said 1


async def test_markup_in_titles_is_shown_literally_in_the_list() -> None:
    title = "[bold]x[/] [link=http://a]y[/]"
    plan = plan_with(Initiative(id="m", title=title, effort=1, customer_value=3, efficiency=3))
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)):
        line = app.view.table.render_line(1).text
        assert title in line
        assert title in app.view.details_text("m").plain


async def test_d_opens_the_spread_of_the_highlighted_initiative() -> None:
    app = PlanningHarness(three_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        app.view.table.focus()
        await pilot.press("end", "d")  # the CRM, last in the list
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SpreadScreen)
        rows = {key: [cell.plain for cell in cells] for key, cells in screen.rows()}
        assert rows["estimate-0"] == ["Anna", "5", "3", "4", "50", ""]
        assert rows["estimate-1"] == ["Bo", "4", "3", "4", "50", ""]
        assert rows["lowest"] == ["Lowest", "4", "3", "4", "50", ""]
        assert rows["highest"] == ["Highest", "5", "3", "4", "50", ""]
        assert rows["median"] == ["Median", "4.5", "3", "4", "50", ""]
        # one step apart on a five-step scale is high agreement; no reach estimates
        assert rows["agreement"] == ["Agreement", "high", "high", "high", "high", "–"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, SpreadScreen)


async def test_spread_lists_participants_without_an_estimate() -> None:
    plan = plan_with(
        Initiative(
            id="x",
            title="X",
            effort=2,
            customer_value=3,
            efficiency=3,
            estimates=[
                Estimate(participant="Anna", effort=1, customer_value=2),
                Estimate(participant="Chen", effort=5, customer_value=2),
            ],
        )
    )
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SpreadScreen)
        rows = {key: [cell.plain for cell in cells] for key, cells in screen.rows()}
        assert rows["missing-1"][0] == "Bo"
        # effort 1 and 5 are four steps apart: low agreement
        assert rows["agreement"][1] == "low"


async def test_robustness_fills_the_range_column_in_the_background(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Longer than users have it (0.4 s), so a loaded machine cannot pass the pause
    # before the first look.
    monkeypatch.setattr(background_robustness, "DELAY", 1.0)
    plan = plan_with(
        *(
            Initiative(
                id=f"i{n}",
                title=f"Initiative {n}",
                effort=2,
                customer_value=3,
                efficiency=3,
                estimates=[
                    Estimate(participant="Anna", effort=1 + n % 5, customer_value=3, efficiency=2),
                    Estimate(participant="Bo", effort=5 - n % 5, customer_value=4, efficiency=4),
                ],
            )
            for n in range(6)
        )
    )
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.view.robustness == {}
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        assert app.view.robustness == {}  # still waiting for the list to stay unchanged
        assert await wait_until(pilot, lambda: bool(app.view.robustness), timeout=5)
        expected = scoring.robustness(plan)  # as kxplan rank --robust and the exports
        assert app.view.robustness == expected
        first = app.view.rows[0].id
        text, style = app.view.table.rows[0].cells[7]
        low, high = expected[first].rank_low, expected[first].rank_high
        assert text.startswith(f"{low}–{high}")
        assert style == ("unstable" if expected[first].unstable else "dim")


async def test_a_method_lacking_some_inputs_ranks_the_rest_and_lists_them() -> None:
    plan = plan_with(
        Initiative(id="a", title="A", effort=2, customer_value=3, efficiency=3),
        Initiative(id="b", title="B", effort=2, customer_value=3, efficiency=3, reach=50),
    )
    plan.scoring.method = "rice"  # needs reach, which A lacks
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)):
        assert shown(app.view).shown_method == "rice"
        assert app.view.notice == ""
        assert app.view.shown_ids == ["b", "a"]
        assert app.view.table.rows[1].cells[0] == ("–", "dim")
        assert app.view.table.rows[1].cells[5] == ("needs reach", "unstable")
        assert "1 lack inputs (f fills in)" in str(app.view.query_one("#ranking-bar").render())


async def test_weighted_without_criteria_falls_back_to_the_ratio_with_a_notice() -> None:
    plan = plan_with(Initiative(id="a", title="A", effort=2, customer_value=3, efficiency=3))
    plan.scoring.method = "weighted"
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)):
        assert shown(app.view).shown_method == "ratio"
        assert "cannot rank" in app.view.notice


def test_fit_pads_cuts_and_aligns_by_terminal_cells() -> None:
    assert fit("abc", 5, "left") == "abc  "
    assert fit("abc", 5, "right") == "  abc"
    assert fit("abcdef", 4, "left") == "abc…"
    assert fit("日本語", 4, "left") == "日 …"  # wide characters count double
    assert fit("x", 0, "left") == ""


async def test_clicking_a_row_highlights_it_and_a_second_click_opens_it() -> None:
    app = PlanningHarness(three_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#ranking-table", offset=(10, 3))  # header, then rows 1, 2, 3
        assert app.view.highlighted_id == CRM
        await pilot.click("#ranking-table", offset=(10, 3))
        await pilot.pause()
        assert app.chosen == [CRM]


def scored(id: str, effort: float, **fields: object) -> Initiative:
    """An initiative with value and efficiency 3: the lower the effort, the better the rank."""
    return Initiative.model_validate(
        {
            "id": id,
            "title": f"Title {id}",
            "effort": effort,
            "customer_value": 3,
            "efficiency": 3,
            **fields,
        }
    )


def rank_cells(view: RankingView) -> dict[str, str]:
    return {row.key: row.cells[0][0] for row in view.table.rows}


async def test_every_filter_keeps_the_overall_rank_numbers() -> None:
    plan = plan_with(
        scored("best", 1, areas=["mobility"], status="planned"),
        scored("second", 2, areas=["insight"]),
        scored("third", 3, areas=["insight"]),
    )
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        assert rank_cells(app.view) == {"best": "1", "second": "2", "third": "3"}
        await pilot.press("a")  # insight
        assert app.view.area == "insight"
        assert rank_cells(app.view) == {"second": "2", "third": "3"}
        await pilot.press("x", "t")  # ideas only
        assert shown(app.view).status == "idea"
        assert rank_cells(app.view) == {"second": "2", "third": "3"}
        await pilot.press("x", "u")  # quick wins
        assert rank_cells(app.view) == {"best": "1", "second": "2", "third": "3"}


async def test_a_filter_with_no_matches_says_how_to_clear_it() -> None:
    app = PlanningHarness(three_plan())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u", "u", "u", "u")  # thankless: none
        await pilot.pause()
        assert app.view.shown_ids == []
        assert NOTHING_MATCHES in app.view.table.render_line(1).text


async def test_closed_initiatives_are_listed_without_a_rank_and_with_their_status() -> None:
    plan = plan_with(
        scored("open", 2),
        scored("done", 1, status="done"),
        scored("dropped", 1, status="dropped"),
    )
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)):
        app.view.set_filters(status="all")
        cells = {row.key: row.cells for row in app.view.table.rows}
        assert cells["open"][0] == ("1", "")
        assert cells["done"][0] == ("–", "dim")
        assert cells["done"][5] == ("done", "closed")
        assert cells["dropped"][5] == ("dropped", "closed")
        assert "done: closed initiatives are not ranked" in app.view.details_text("done").plain
        app.view.set_filters(status="dropped")
        assert rank_cells(app.view) == {"dropped": "–"}


async def test_an_initiative_held_back_by_a_prerequisite_is_marked_with_a_star() -> None:
    plan = plan_with(
        scored("quick", 1, title="Quick fix", depends_on=["base"]),
        scored("base", 4, title="Base platform"),
    )
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)):
        assert rank_cells(app.view) == {"base": "1", "quick": "2*"}
        details = app.view.details_text("quick").plain
        assert details.startswith("2*. Quick fix")
        assert "* placed after Base platform, which it depends on" in details
        assert "placed after base," not in details


async def test_the_count_comes_first_in_the_bar_and_x_shows_while_filtering() -> None:
    from textual.widgets import Static
    from textual.widgets._footer import FooterKey

    app = PlanningHarness(three_plan())
    async with app.run_test(size=(80, 24)) as pilot:
        bar = app.view.query_one("#ranking-bar", Static)
        assert str(bar.render()).startswith("3 ranked")
        await pilot.pause()
        assert "x" not in {key.key for key in app.query(FooterKey)}
        await pilot.press("a", "a", "a", "a", "t", "t", "t")
        await pilot.pause()
        assert str(bar.render()).startswith("0 of 3 ranked (x clears the filters)")
        assert "x" in {key.key for key in app.query(FooterKey)}


async def test_the_unstable_mark_is_explained_in_the_details() -> None:
    app = PlanningHarness(three_plan())
    async with app.run_test(size=(100, 30)):
        app.view.robustness = {
            CRM: scoring.Robustness(rank_low=1, rank_high=3, p_top_k=0.5, top_k=3, unstable=True)
        }
        app.view._fill_table()
        assert app.view.table.rows[2].cells[7] == ("1–3!", "unstable")
        assert "unstable (! in the Range column)" in app.view.details_text(CRM).plain


async def test_the_range_column_widens_for_three_digit_ranks() -> None:
    """'13–170!' must not be cut to '13–17…' on long lists."""
    plan = plan_with(
        *(
            Initiative(id=f"i{n}", title=f"I{n}", effort=2, customer_value=3, efficiency=3)
            for n in range(120)
        )
    )
    app = PlanningHarness(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.view.table.columns[-1].width >= len("100–120!")
