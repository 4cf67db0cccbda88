"""The steps' layout: the working surface (tables, the ranking) visible without scrolling at
100×30 and 80×24, the guiding questions behind q, and table columns fitted to the width."""

from __future__ import annotations

from pathlib import Path

from app_helpers import FIXED_NOW, make_app
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widget import Widget
from textual.widgets import DataTable, TextArea

from kxplan import storage, templates
from kxplan.tui.steps.base import Step
from kxplan.tui.widgets.area_table import fit_widths, is_numeric
from kxplan.tui.widgets.ranking import RankingView

PROJECTOR = (100, 30)
SSH = (80, 24)


def contact_centre(path: Path, extra_initiatives: int = 0) -> Path:
    """The contact-centre template (12 initiatives), with copies of some to rank more."""
    plan = templates.new_plan("contact-centre", now=FIXED_NOW)
    for item in plan.initiatives[:extra_initiatives]:
        copy = item.model_copy(deep=True, update={"id": item.id + "-copy", "depends_on": []})
        plan.initiatives.append(copy)
    storage.save(plan, path)
    return path


def on_screen(widget: Widget) -> bool:
    """Whether the widget is shown in full inside the screen, without scrolling."""
    screen = widget.screen.region
    region = widget.region
    return region.height > 0 and screen.contains_region(region)


def shown(widget: Widget) -> bool:
    """Whether the widget and every container around it are displayed."""
    return widget.display and all(node.display for node in widget.ancestors if node is not None)


def step_is_not_scrolled(widget: Widget) -> bool:
    step = next(node for node in widget.ancestors if isinstance(node, Step))
    return step.max_scroll_y == 0


# --- column widths ----------------------------------------------------------------------


def test_wide_text_columns_give_way_and_figures_keep_their_width() -> None:
    # Contact reasons at 80 columns: 63 cells of room; the figures (9, 9, 12, 11) keep
    # theirs, the short text columns (7, 7) fit under the cap, the reason takes the rest.
    natural = [26, 7, 9, 7, 9, 12, 11]
    figures = [False, False, True, False, True, True, True]
    assert fit_widths(natural, 63, figures) == [8, 7, 9, 7, 9, 12, 11]
    # Two long text columns share what is left: the first, the name, keeps 40 % of the room
    # (20), the other takes the rest (50 - 8 - 10 - 20 = 12).
    assert fit_widths([40, 8, 30, 10], 50, [False, True, False, True]) == [20, 8, 12, 10]
    # Room enough: nothing changes.
    assert fit_widths(natural, 81, figures) == natural


def test_figures_are_recognised_by_their_cells() -> None:
    assert is_numeric(["2 600", "80 %", "—", ""])
    assert is_numeric(["-3", "+2"])
    assert not is_numeric(["phone", "2"])
    assert not is_numeric(["", ""])


@settings(max_examples=80)
@given(
    st.lists(st.tuples(st.integers(1, 60), st.booleans()), min_size=1, max_size=9),
    st.integers(0, 200),
)
def test_fitted_widths_never_grow_keep_figures_and_fit_when_they_can(
    columns: list[tuple[int, bool]], room: int
) -> None:
    natural = [width for width, _ in columns]
    fixed = [kept for _, kept in columns]
    widths = fit_widths(natural, room, fixed)
    assert all(w <= n for w, n in zip(widths, natural, strict=True))
    assert all(w == n for w, n, kept in zip(widths, natural, fixed, strict=True) if kept)
    floor_total = sum(n if kept else min(n, 8) for n, kept in columns)
    if floor_total <= room:
        assert sum(widths) <= room
        assert all(w >= min(n, 8) for w, n in zip(widths, natural, strict=True))


# --- the steps --------------------------------------------------------------------------


async def test_ranking_takes_the_prioritisation_step_and_q_opens_the_notes(
    tmp_path: Path, config_dir: Path
) -> None:
    app = make_app(contact_centre(tmp_path / "plan.toml", extra_initiatives=8), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        step = app.screen.query_one("#step-6", Step)
        table = step.query_one(RankingView).table
        assert on_screen(table)
        assert table.scrollable_content_region.height - 1 >= 14  # ranked rows below the header
        notes = step.query_one("#notes-today", TextArea)
        assert not shown(notes)  # the area's notes wait behind q
        status = str(step.query_one("#initiative-count").render())
        assert status.startswith("q pane: maturity 2 → 4, notes 3 of 3")

        await pilot.press("q")
        await pilot.pause()
        assert shown(notes)
        assert on_screen(notes)
        assert app.focused is step.query_one("#maturity-today")
        assert on_screen(table)  # the ranking stays in sight while the notes are open
        await pilot.press("tab", "tab", *"ok")  # today, target, then the first note
        assert notes.text.startswith("ok")
        await pilot.press("pagedown", "pageup")
        await pilot.pause()
        assert shown(notes)  # still open on coming back
        step.query_one("#maturity-target").focus()
        await pilot.press("q")
        await pilot.pause()
        assert not shown(notes)
        assert app.focused is table  # focus does not vanish with the pane
    assert app.session is not None
    assert app.session.plan.areas.prioritisation.today.startswith("ok")


async def test_area_tables_are_in_sight_at_both_sizes(tmp_path: Path, config_dir: Path) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    for size, rows in ((PROJECTOR, 4), (SSH, 3)):
        app = make_app(path, config_dir)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key, table_ids in (
                ("1", ("table-touchpoints", "table-kpis")),
                ("2", ("table-channels",)),
                ("3", ("table-frictions",)),
                ("4", ("mobility-grid",)),  # the checklist grid; its list table is below
                ("5", ("table-contact_reasons",)),
                ("7", ("table-stakeholders",)),
            ):
                await pilot.press(key)
                await pilot.pause()
                # each step's tables share it with the area's log (its title and header):
                # on Insight at the projector (the guide shown) and over SSH, two rows each
                least = 2 if size == SSH or key == "1" else rows
                for table_id in table_ids:
                    table = app.screen.query_one(f"#{table_id}", DataTable)
                    assert on_screen(table), (size, table_id)
                    assert step_is_not_scrolled(table), (size, table_id)
                    assert table.scrollable_content_region.height - 1 >= least, (size, table_id)


async def test_questions_show_when_there_is_room_and_q_is_remembered(
    tmp_path: Path, config_dir: Path
) -> None:
    path = contact_centre(tmp_path / "plan.toml")
    app = make_app(path, config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert app.screen.query_one("#step-3 #guide").display
    app = make_app(path, config_dir)
    async with app.run_test(size=SSH) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        guide = app.screen.query_one("#step-3 #guide")
        assert not guide.display  # 24 rows: the table gets the room
        await pilot.press("q")
        await pilot.pause()
        assert guide.display
        await pilot.press("5")
        await pilot.pause()
        assert app.screen.query_one("#step-5 #guide").display  # remembered on the next step
        notes = app.screen.query_one("#step-5 #notes-how", TextArea)
        notes.focus()
        await pilot.press("q")  # in a text field q is a letter
        await pilot.pause()
        assert app.screen.query_one("#step-5 #guide").display
        assert notes.text.startswith("q")


async def test_figures_are_not_cut_at_100_columns(tmp_path: Path, config_dir: Path) -> None:
    # 2 600 "Where is my order?" calls × 80 % avoidable × 62 SEK = 128 960 SEK a month.
    app = make_app(contact_centre(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        table = app.screen.query_one("#table-contact_reasons", DataTable)
        cost = [str(c.label) for c in table.ordered_columns].index("Cost/mo")  # then the links
        # no-break spaces, as in the exports
        assert str(table.get_row_at(0)[cost]) == "128\u202f960\u00a0SEK"
        widths = [column.get_render_width(table) for column in table.ordered_columns]
        assert widths[cost] - 2 * table.cell_padding >= len("128 960 SEK")
        assert sum(widths) <= table.scrollable_content_region.width


async def test_overview_notes_use_the_height(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(contact_centre(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#strategy-today", TextArea)
        assert notes.size.height >= 12
        assert on_screen(notes)
