"""The app's comparison screen phrases a change as `kxplan diff` does (no Pilot needed)."""

from __future__ import annotations

from kxplan.reports import comparison as report
from kxplan.text.numbers import GROUP
from kxplan.tui.screens.compare import groups, sides
from kxplan.versions.changes import Change, Comparison


def test_a_cell_keeps_the_numbers_no_break_space() -> None:
    change = Change("areas", "changed", ("accessibility", "channels", "Phone", "volume"), 900, 1200)
    assert sides(change) == ("900", f"1{GROUP}200")
    assert report.describe(change).endswith(f"900 → 1{GROUP}200")


def test_cells_read_the_same_quadrant_rank_and_note_words_as_the_diff() -> None:
    quadrant = Change("ranks", "changed", ("faq", "quadrant"), "quick_win", None)
    assert sides(quadrant) == (report.quadrant_text("quick_win"), "(none)")
    moved = Change("ranks", "moved", ("faq", "rank"), 1200, None)
    assert sides(moved) == (f"1{GROUP}200", "unranked")  # "what" says "rank"
    score = Change("initiatives", "changed", ("faq", "effort"), 2.001, 2.002, no_effect=True)
    assert sides(score) == ("2.001", f"2.002 {report.NO_EFFECT_SHORT}")


def test_control_characters_in_a_value_are_spelled_out() -> None:
    change = Change("metadata", "changed", ("title",), "Plan", "Pwned\x1b]0;x\x07")
    assert sides(change) == ("Plan", "Pwned\\x1b]0;x\\x07")


def test_headings_are_the_reports_headings_without_timestamps_or_shifts() -> None:
    comparison = Comparison(
        changes=(
            Change("metadata", "changed", ("updated",), None, None),
            Change("areas", "changed", ("insight", "maturity_today"), 2, 3),
            Change("ranks", "shifted", ("faq", "rank"), 2, 3),
        ),
        method="ratio",
    )
    shown = groups(comparison)
    assert [heading for heading, _ in shown] == [
        report.heading("areas", "insight", "ratio"),
        report.heading("ranks", None, "ratio"),
    ]
    assert shown[1][1] == []  # the shift is a note under the heading, not a row
