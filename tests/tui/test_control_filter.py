"""Control characters in a plan's text never reach the terminal as commands."""

from __future__ import annotations

from pathlib import Path

from app_helpers import make_app, write_plan
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.strip import Strip

from kxplan.tui.control_filter import ControlCharacterFilter

HOSTILE = "Plan \x1b[2J \x1b]0;pwned\x07 \x9b31m end"


def test_control_characters_are_dropped_and_the_line_keeps_its_width() -> None:
    bold = Style(bold=True)
    strip = Strip([Segment(HOSTILE, bold), Segment(" ok", None)])

    drawn = strip.apply_filter(ControlCharacterFilter(), Color(0, 0, 0))

    assert [(s.text, s.style) for s in drawn] == [
        ("Plan [2J ]0;pwned 31m end", bold),
        (" ok", None),
    ]
    assert drawn.cell_length == strip.cell_length


def test_ordinary_text_passes_unchanged() -> None:
    segments = [Segment("Åsa 🙂 2\u202f080\xa0kr", None)]
    assert ControlCharacterFilter().apply(segments, Color(0, 0, 0)) == segments


async def test_the_app_draws_through_the_filter(tmp_path: Path, config_dir: Path) -> None:
    path = write_plan(tmp_path / "plan.toml", title=HOSTILE)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any(isinstance(f, ControlCharacterFilter) for f in app.get_line_filters())
        lines = app.screen._compositor.render_update(full=True).render_segments(app.console)
        assert "\x1b[2J" not in lines.replace("\x1b[2J\x1b[H", "")  # only Textual's own clear
        assert "\x07" not in lines
        assert "\x9b" not in lines
