"""Area tables: a row added or edited is focused and in sight, Home and End reach the first
and last row, and the columns give the name column a fair share of the width."""

from __future__ import annotations

from pathlib import Path

from app_helpers import FIXED_NOW, fill, make_app
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Select, TextArea

from kxplan import storage, templates
from kxplan.tui.screens.row_editor import RowEditor
from kxplan.tui.screens.walk import WalkScreen
from kxplan.tui.steps.base import Step
from kxplan.tui.widgets.area_table import NAME_SHARE, AreaTable, fit_widths

PROJECTOR = (100, 30)
SSH = (80, 24)


def contact_centre(path: Path) -> Path:
    storage.save(templates.new_plan("contact-centre", now=FIXED_NOW), path)
    return path


def cursor_row_in_sight(table: AreaTable) -> bool:
    """Whether the cursor row shows in full, inside the table and inside the screen."""
    row = table._get_row_region(table.cursor_row)  # the row in the table's virtual space
    content = table.scrollable_content_region
    header = table.header_height if table.show_header else 0
    on_screen = Region(
        content.x + row.x - int(table.scroll_x),
        content.y + row.y - int(table.scroll_y),
        min(row.width, content.width),
        row.height,
    )
    rows_area = Region(content.x, content.y + header, content.width, content.height - header)
    step = next(node for node in table.ancestors if isinstance(node, Step))
    return rows_area.contains_region(on_screen) and step.region.contains_region(on_screen)


async def add_reason(pilot: Pilot[None], reason: str, channel: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RowEditor)
    await fill(
        pilot, {"reason": reason, "channel": channel, "monthly_volume": "100", "avoidable": "50"}
    )
    await pilot.press("f10")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, WalkScreen)


async def open_demand_step(pilot: Pilot[None]) -> AreaTable:
    await pilot.press("5")
    await pilot.pause()
    return pilot.app.screen.query_one("#table-contact_reasons", AreaTable)


async def test_a_row_added_is_focused_and_in_sight_when_the_totals_grow(
    tmp_path: Path, config_dir: Path
) -> None:
    # Two priced rows fill the table; a row without a channel cost then makes the totals
    # line wrap to two lines, so the table shrinks while the new row is added at its end.
    app = make_app(contact_centre(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        table = await open_demand_step(pilot)
        await add_reason(pilot, "Late parcel", "phone")
        await add_reason(pilot, "Lost parcel", "phone")
        await add_reason(pilot, "Fax order", "fax")
        assert app.focused is table
        assert table.cursor_row == table.row_count - 1
        assert cursor_row_in_sight(table)


async def test_a_row_added_at_80_columns_is_focused_and_in_sight(
    tmp_path: Path, config_dir: Path
) -> None:
    app = make_app(contact_centre(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=SSH) as pilot:
        table = await open_demand_step(pilot)
        for name in ("Late parcel", "Lost parcel", "Broken parcel"):
            await add_reason(pilot, name, "phone")
            assert cursor_row_in_sight(table)
        await add_reason(pilot, "Fax order", "fax")
        assert app.focused is table
        assert table.cursor_row == table.row_count - 1
        assert cursor_row_in_sight(table)


async def test_a_row_added_below_the_steps_view_scrolls_the_step(
    tmp_path: Path, config_dir: Path
) -> None:
    # A short terminal with the guiding questions shown: the step scrolls, and the table
    # starts below its view once the step is scrolled back to the top.
    app = make_app(contact_centre(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=(80, 14)) as pilot:
        table = await open_demand_step(pilot)
        step = app.screen.query_one("#step-5", Step)
        table.focus()
        await pilot.press("q")
        step.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        assert not cursor_row_in_sight(table)
        await add_reason(pilot, "Late parcel", "phone")
        assert step.scroll_y > 0
        assert cursor_row_in_sight(table)


async def test_an_edited_row_stays_focused_and_in_sight(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(contact_centre(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        table = await open_demand_step(pilot)
        await add_reason(pilot, "Late parcel", "phone")
        await add_reason(pilot, "Lost parcel", "phone")
        last = table.row_count - 1
        assert table.cursor_row == last
        await pilot.press("enter")  # edit the last row: its channel has no cost
        await pilot.pause()
        assert isinstance(app.screen, RowEditor)
        await fill(pilot, {"channel": "fax"})
        await pilot.press("f10")
        await pilot.pause()
        await pilot.pause()
        assert app.session.plan.areas.unnecessary_demand.contact_reasons[last].channel == "fax"
        assert app.focused is table
        assert table.cursor_row == last
        assert cursor_row_in_sight(table)


async def test_home_and_end_reach_the_first_and_last_row(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(contact_centre(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=SSH) as pilot:
        table = await open_demand_step(pilot)
        table.focus()
        await pilot.press("down")
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1
        assert cursor_row_in_sight(table)
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0
        assert cursor_row_in_sight(table)


# --- column widths ----------------------------------------------------------------------


def test_the_name_column_keeps_a_fair_share_and_figure_headers_give_way() -> None:
    # Contact reasons at 80 columns: 63 cells of room. The figures' headers (Per month,
    # Avoidable, Avoidable/mo) may shrink to 6 cells; Cost/mo's figures need all 11.
    natural = [26, 7, 9, 7, 9, 12, 11]
    figures = [False, False, True, False, True, True, True]
    least = [26, 7, 6, 7, 6, 6, 11]
    widths = fit_widths(natural, 63, figures, least=least)
    assert widths == [20, 7, 6, 7, 6, 6, 11]
    assert widths[0] >= len("Where is my order?")
    # The widest header gives first: with a little more room only Avoidable/mo narrows.
    assert fit_widths(natural, 78, figures, least=least) == [26, 7, 9, 7, 9, 9, 11]
    # A name that is short anyway takes no more than it needs.
    assert fit_widths([10, 40, 9], 40, [False, False, True], least=[10, 3, 6]) == [10, 21, 9]


def test_text_columns_give_way_for_the_name_down_to_the_floor() -> None:
    # No figures to narrow: the other text column gives way, but not below 8 cells.
    assert fit_widths([40, 30, 10], 30, [False, False, True]) == [12, 8, 10]
    # The share is a least: two long names share the room evenly, as before.
    assert fit_widths([40, 30], 50) == [25, 25]


@settings(max_examples=120)
@given(
    st.lists(
        st.tuples(st.integers(1, 60), st.booleans(), st.integers(1, 60)), min_size=1, max_size=9
    ),
    st.integers(0, 200),
)
def test_the_name_gets_its_share_when_the_others_can_give_it(
    columns: list[tuple[int, bool, int]], room: int
) -> None:
    natural = [width for width, _, _ in columns]
    fixed = [kept for _, kept, _ in columns]
    least = [min(low, width) for width, _, low in columns]
    widths = fit_widths(natural, room, fixed, least=least)
    assert all(w <= n for w, n in zip(widths, natural, strict=True))
    assert all(w >= low for w, low, kept in zip(widths, least, fixed, strict=True) if kept)
    floor_total = sum(n if kept else min(n, 8) for n, kept in zip(natural, fixed, strict=True))
    lowest = [
        low if kept else min(n, 8) for n, kept, low in zip(natural, fixed, least, strict=True)
    ]
    if floor_total <= room:
        assert sum(widths) <= room
        assert all(w >= low for w, low in zip(widths, lowest, strict=True))
        if not fixed[0]:
            share = min(natural[0], max(8, int(room * NAME_SHARE)))
            room_for_it = room - sum(lowest[1:])
            assert widths[0] >= min(share, room_for_it)


async def test_contact_reasons_read_in_full_at_80_columns(tmp_path: Path, config_dir: Path) -> None:
    app = make_app(contact_centre(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=SSH) as pilot:
        table = await open_demand_step(pilot)
        reason = table.ordered_columns[0]
        assert reason.width >= cell_len("Where is my order?")
        cells = [table.get_row_at(index) for index in range(table.row_count)]
        assert str(cells[0][0]) == str(cells[1][0]) == "Where is my order?"
        assert str(cells[0][1]) != str(cells[1][1])  # told apart by their channels


async def test_an_open_maturity_list_stands_out_from_the_notes_under_it(
    tmp_path: Path, config_dir: Path
) -> None:
    app = make_app(contact_centre(tmp_path / "plan.toml"), config_dir)
    async with app.run_test(size=PROJECTOR) as pilot:
        await open_demand_step(pilot)
        select = app.screen.query_one("#step-5 #maturity-today", Select)
        select.focus()
        await pilot.press("enter")
        await pilot.pause()
        overlay = select.query_one("SelectOverlay")
        notes = app.screen.query_one("#step-5 #notes-today", TextArea)
        assert select.expanded
        assert overlay.region.overlaps(notes.region)
        assert overlay.styles.background.a == 1
        assert overlay.styles.background != notes.styles.background
        assert overlay.styles.border_left[0] not in ("", "none", "hidden")


async def test_on_a_small_screen_the_kpi_table_still_says_where_each_kpi_stands(
    tmp_path: Path, config_dir: Path
) -> None:
    """The cadence, then the readings' line, give way before a KPI's progress; at 80
    columns the measure's name is cut rather than the progress dropped."""
    from evidence_plans import with_evidence

    path = tmp_path / "plan.toml"
    storage.save(with_evidence("contact-centre"), path)
    shown = {}
    for size in ((80, 24), (100, 30)):
        app = make_app(path, config_dir)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("1")
            await pilot.pause()
            table = app.screen.query_one("#table-kpis", AreaTable)
            shown[size] = [str(column.label) for column in table.columns.values()]
            assert table.virtual_size.width <= table.scrollable_content_region.width
    assert shown[(80, 24)] == ["Measure", "Channel", "Baseline", "Target", "Progress"]
    assert shown[(100, 30)][-2:] == ["Readings", "Progress"]
    assert "Cadence" not in shown[(100, 30)]
