"""Import from CSV in the app: ctrl+r, the path, the preview (added, updated from → to,
refused with the reason), then import (the plan file has the rows) or cancel (it does
not); and snapshots of the preview at 100×30 and 80×24 in English and Swedish."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import FIXED_NOW, FakeTimer, make_app, open_app, set_value, settle
from support import base_plan
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Static

from kxplan import importing, storage
from kxplan.tui.app import KxplanApp
from kxplan.tui.screens.import_csv import ImportScreen, preview_rows

REASONS = (
    "\ufeffKontaktorsak;Kanal;Volym/månad;Typ;Undvikbar andel\r\n"
    "Where is my order?;Phone;1 400;onödig;70 %\r\n"
    "Fakturafrågor;Telefon;12,5;värde;10\r\n"
    "Leveransdatum;Chatt;300;onödig;40\r\n"
)


def _files(plan_here: Callable[..., Path]) -> Path:
    path = plan_here("centre.toml", "contact-centre")
    plan = storage.load(path)
    first = plan.areas.unnecessary_demand.contact_reasons[0]
    text = REASONS.replace("Where is my order?;Phone", f"{first.reason};{first.channel}")
    Path("orsaker.csv").write_bytes(text.encode("utf-8"))
    return path


async def _preview(pilot: Pilot[None]) -> ImportScreen:
    await pilot.press("ctrl+r")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ImportScreen)
    await set_value(pilot, "#import-path", "orsaker.csv")
    await pilot.press("enter")
    await settle(pilot)
    return screen


async def test_import_previews_then_saves_the_rows_on_confirm(
    plan_here: Callable[..., Path], config_dir: Path
) -> None:
    path = _files(plan_here)
    before = storage.load(path).areas.unnecessary_demand.contact_reasons
    async with open_app(path, config_dir) as pilot:
        screen = await _preview(pilot)
        assert screen.chosen is not None
        assert [(row[0], row[1]) for row in screen.rows] == [
            (2, "update"),
            (3, "refused"),
            (4, "add"),
        ]
        assert "Volym/månad:" in screen.rows[0][3]
        assert screen.rows[1][3] == "column \"Volym/månad\": expected a whole number, got '12,5'"
        assert str(screen.query_one("#import-tally", Static).render()) == (
            "1 to add, 1 to update, 0 unchanged, 1 refused"
        )
        assert storage.load(path).areas.unnecessary_demand.contact_reasons == before
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ImportScreen)
        assert pilot.app.session is not None
        assert not pilot.app.session.dirty  # saved
    reasons = storage.load(path).areas.unnecessary_demand.contact_reasons
    assert reasons[0].monthly_volume == 1400
    assert reasons[-1].reason == "Leveransdatum"
    assert len(reasons) == len(before) + 1


async def test_cancel_leaves_the_plan_file_as_it_was(
    plan_here: Callable[..., Path], config_dir: Path
) -> None:
    path = _files(plan_here)
    before = path.read_bytes()
    async with open_app(path, config_dir) as pilot:
        await _preview(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ImportScreen)
        assert pilot.app.session is not None
        assert not pilot.app.session.dirty
    assert path.read_bytes() == before


async def test_a_file_that_cannot_be_read_says_so_and_imports_nothing(
    plan_here: Callable[..., Path], config_dir: Path
) -> None:
    path = _files(plan_here)
    Path("junk.csv").write_text("foo;bar\n1;2\n", encoding="utf-8")
    async with open_app(path, config_dir) as pilot:
        await pilot.press("ctrl+r")
        await settle(pilot)
        await set_value(pilot, "#import-path", "junk.csv")
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ImportScreen)
        said = str(screen.query_one("#import-heading", Static).render())
        assert said.startswith("junk.csv: cannot tell from the headers (foo, bar)")
        assert "kxplan import" not in said  # no advice for the command line in the app
        assert "It holds" in said
        assert screen.query_one("#import-go", Button).disabled
        assert screen.query_one("#import-rows", DataTable).row_count == 0


async def test_at_80x24_a_refused_rows_reason_wraps_below_the_table_in_full(
    plan_here: Callable[..., Path], config_dir: Path
) -> None:
    path = _files(plan_here)
    Path("orsaker.csv").write_text(
        "Kontaktorsak;Kanal;Volym/månad\r\nJättemånga;telefon;99999999999999\r\n",
        encoding="utf-8",
    )
    async with open_app(path, config_dir, size=(80, 24)) as pilot:
        screen = await _preview(pilot)
        assert screen.rows[0][2] == "Jättemånga / telefon"
        detail = screen.query_one("#import-detail", Static)
        said = str(detail.render())
        assert said.startswith('Line 2: column "Volym/månad": expected a number at most ')
        assert said.endswith("99 999 999 999 999")
        assert detail.size.height >= 2  # wrapped, not cut at the edge
        assert detail.size.width <= 80


def test_preview_rows_are_in_line_order_with_refusals_among_them() -> None:
    source = importing.read(b"Title,Effort\nA,1\nB,x\nC,2\n", "f.csv")
    rows = preview_rows(importing.preview(base_plan(), source))
    assert [row[0] for row in rows] == [2, 3, 4]
    assert rows[1][1] == "refused"
    assert rows[1][2] == "B"  # a refused row shows the name it had


def test_a_readings_row_shows_its_date_first_refused_or_not() -> None:
    plan = base_plan()
    text = "KPI;Kanal;Datum;Värde\nCSAT;phone;2026-09-30;80\nCSAT;phone;2026-10-31;x\n"
    rows = preview_rows(importing.preview(plan, importing.read(text.encode(), "r.csv")))
    assert rows[0][2].startswith("2026-09-30 · ")
    assert rows[1][1:3] == ("refused", "2026-10-31 · CSAT / phone")


# --- snapshots --------------------------------------------------------------------------------

SIZES = [(100, 30), (80, 24)]
IDS = ["100x30", "80x24"]


def _app(path: Path, config_dir: Path, language: str) -> KxplanApp:
    if language == "en":
        return make_app(path, config_dir)
    return KxplanApp(
        path,
        clock=lambda: FIXED_NOW,
        timer_clock=FakeTimer(),
        config_dir=config_dir,
        cursor_blink=False,
        language="sv",
    )


async def _to_preview(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await _preview(pilot)
    await pilot.press("down")
    await pilot.pause()


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_import_preview(  # type: ignore[no-untyped-def]
    snap_compare,
    plan_here: Callable[..., Path],
    config_dir: Path,
    size: tuple[int, int],
    language: str,
) -> None:
    app = _app(_files(plan_here), config_dir, language)
    assert snap_compare(app, terminal_size=size, run_before=_to_preview)
