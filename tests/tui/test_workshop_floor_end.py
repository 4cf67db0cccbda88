"""Issue 13's last points, typed as a facilitator would: the full-screen note at every
terminal size, merge conflicts named by title and label, the initiative editor's hints
readable at 80×24 and 100×30, and an effort that does not move once RICE gets its reach."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import make_app, settle, write_plan
from support import base_plan, write_base_plan
from textual.app import App
from textual.geometry import Region
from textual.widgets import Label, Static, TextArea

from kxplan.model import Estimate, Initiative, Plan
from kxplan.scoring import rank
from kxplan.tui.ranking_rows import Filters, cells, rows_of
from kxplan.tui.screens.confirm import Confirm
from kxplan.tui.screens.disk_changed import ResolveConflicts, conflict_place
from kxplan.tui.screens.initiative_editor import InitiativeEditor
from kxplan.tui.screens.note import NoteScreen
from kxplan.tui.steps.base import NotesArea
from kxplan.versions.merge import Conflict, merge

LONG = (
    "Customers ring us to ask where the tram is, because the app shows the timetable and "
    "not the delays. The night buses have no real-time data at all. Ticket questions come "
    "in by e-mail and wait two days. Complaints about drivers go to a form nobody reads. "
    "We want one place to answer all of it, and to measure repeat contacts every month."
)


def shown_text(widget: Static | TextArea | Label) -> list[str]:
    """What the widget draws, line by line, as a person reads the terminal."""
    region = Region(0, 0, *widget.region.size)  # padding and border included
    return [strip.text for strip in widget.render_lines(region)]


# --- 1. the full-screen note follows the terminal ---------------------------------------


def assert_fills_its_width(editor: TextArea) -> None:
    """Every wrapped line fits the note's width, and the lines use it (not an old, narrower
    or wider wrap)."""
    width = editor.content_region.width
    assert 0 < editor.wrap_width <= width
    sections = [part.rstrip() for line in editor.wrapped_document.lines for part in line]
    longest = max(len(part) for part in sections)
    assert longest <= editor.wrap_width
    assert longest > editor.wrap_width - 16  # LONG's words are short: wrapped to this width
    drawn = shown_text(editor)  # and that is what the screen shows, line by line
    assert [section for section in sections[:3] if not any(section in d for d in drawn)] == []


async def test_the_full_screen_note_wraps_again_at_every_size_while_open(
    tmp_path: Path, config_dir: Path
) -> None:
    app = make_app(write_plan(tmp_path / "plan.toml", "contact-centre"), config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        notes = app.screen.query_one("#step-1 #notes-today", NotesArea)
        notes.text = LONG
        notes.focus()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        big = app.screen.query_one("#note-full", TextArea)
        assert_fills_its_width(big)
        lines_at_100 = big.wrapped_document.height
        for size in [(80, 24), (120, 40), (60, 20), (100, 30)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert big.size.width >= size[0] - 8
            assert_fills_its_width(big)
        assert big.wrapped_document.height == lines_at_100  # back where it started
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)
        sections = [part.rstrip() for line in notes.wrapped_document.lines for part in line]
        assert max(len(part) for part in sections) <= notes.content_region.width


# --- 2. merge conflicts named as the room knows them -------------------------------------


def test_conflict_places_read_by_title_and_label() -> None:
    titles = {"self-service-returns": "Self-service returns", "bot": "Chat on the web"}

    def place(*path: str) -> str:
        return conflict_place(Conflict(path, 1, 2, 3), titles)

    assert place("initiatives", "[self-service-returns]", "effort") == (
        "Self-service returns — Effort"
    )
    assert place("initiatives", "[bot]", "customer_value") == (
        "Chat on the web (bot) — Customer value"
    )
    assert place("initiatives", "[bot]", "estimates", "[Anna]", "effort") == (
        "Chat on the web (bot) — Anna's effort"
    )
    assert place("initiatives", "[bot]") == "Chat on the web (bot)"
    assert place("initiatives", "[gone]", "status") == "gone — Status"  # no title known
    assert place("areas", "insight", "kpis", "[CSAT / all]", "baseline") == (
        "Insight — KPI CSAT / all — Baseline"
    )
    assert place("areas", "insight", "today") == "Insight — Where are we today?"
    assert place("strategy", "how") == "Strategy — How do we get there?"
    assert place("scoring", "method") == "Scoring settings — Method"
    assert place("title") == "Title"
    assert place() == "The whole plan"
    assert place("scales", "effort", "anchors", "3") == "scales.effort.anchors.3"  # nothing better


async def test_the_conflict_dialog_names_the_initiative_and_the_score(
    tmp_path: Path, config_dir: Path
) -> None:
    path = tmp_path / "plan.toml"
    write_base_plan(path)
    app = make_app(path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.session is not None
        faq = app.session.plan.initiative("faq")
        app.session.replace_initiative("faq", faq.model_copy(update={"effort": 2}))  # mine
        text = path.read_text(encoding="utf-8")  # theirs: effort 3, saved meanwhile
        path.write_text(
            text.replace("effort = 1\ncustomer_value = 2", "effort = 3\ncustomer_value = 2"),
            encoding="utf-8",
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")  # Merge
        await pilot.pause()
        assert isinstance(app.screen, ResolveConflicts)
        labels = app.screen.query(".conflict-place").results(Label)
        places = [" ".join(shown_text(label)).split() for label in labels]
        assert places == [["FAQ", "—", "Effort", "(was", "1)"]]
        assert "initiatives[faq]" not in " ".join(places[0])
        await pilot.press("down", "enter")  # theirs
        await pilot.click("#answer-merge")
        await pilot.pause()
    assert "effort = 3" in path.read_text(encoding="utf-8")


def test_the_merge_still_picks_by_key_path() -> None:
    """The names are for people; the picks stay keyed by the conflict's key path."""
    base = base_plan()
    ours = base_plan(lambda d: d["initiatives"][1].update(effort=2))
    theirs = base_plan(lambda d: d["initiatives"][1].update(effort=3))
    result = merge(base, ours, theirs)
    screen = ResolveConflicts(result.conflicts, {"faq": "FAQ"})
    assert screen.picks == {"initiatives[faq].effort": "ours"}


# --- 3. the initiative editor's hints, whole at 80×24 and 100×30 -------------------------


def estimated_plan() -> Plan:
    names = ["Anna", "Bo", "Cecilia"]
    return Plan(
        title="Hints",
        participants=names,
        initiatives=[
            Initiative(
                id="returns",
                title="Self-service returns",
                effort=5,
                customer_value=1,
                efficiency=2.5,  # between two anchors: a long hint
                estimates=[
                    Estimate(participant=n, effort=e, customer_value=4, confidence=70)
                    for n, e in zip(names, (2.5, 3, 4), strict=True)
                ],
            )
        ],
    )


class EditorHarness(App[None]):
    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan

    def on_mount(self) -> None:
        self.push_screen(InitiativeEditor(self.plan, self.plan.initiatives[0]))


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_every_score_hint_is_shown_whole(size: tuple[int, int]) -> None:
    app = EditorHarness(estimated_plan())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InitiativeEditor)
        hints = list(screen.query(".score .hint").results(Static))
        assert len(hints) >= 7
        effort = screen.query_one("#effort-hint", Static)
        assert effort.has_class("-overridden")
        for hint in hints:
            meant = str(hint.render()).split()
            drawn = " ".join(shown_text(hint)).split()
            assert drawn == meant, hint.id  # every word, none cut with "…"
            assert not any("…" in line for line in shown_text(hint))
        assert " ".join(" ".join(shown_text(effort)).split()) == (
            "estimates decide: median 3 of 3 estimates"
        )
        for head in screen.query("#estimates .head").results(Label):  # "Efficiency 1–5"
            assert " ".join(shown_text(head)).split() == str(head.render()).split()


# --- 4. RICE: the effort a row shows does not depend on reach ------------------------------


def rice_plan(reach: float | None) -> Plan:
    """Own effort 4; the participants estimated 3 and 4, so the ranking works with 3.5."""
    return Plan(
        title="RICE",
        participants=["Anna", "Bo"],
        scoring={"method": "rice"},
        initiatives=[
            Initiative(
                id="scan",
                title="Scan-to-pack",
                effort=4,
                customer_value=3,
                efficiency=3,
                reach=reach,
                estimates=[
                    Estimate(participant="Anna", effort=3),
                    Estimate(participant="Bo", effort=4),
                ],
            ),
        ],
    )


def effort_cell(plan: Plan) -> tuple[str, str]:
    ranking = rank(plan, partial=True)
    (row,) = rows_of(plan, ranking, Filters())
    return cells(row, {})[2]


def test_the_effort_shown_is_the_same_before_and_after_reach_is_filled_in() -> None:
    lacking, ranked = effort_cell(rice_plan(None)), effort_cell(rice_plan(5000))
    assert ranked == ("3.5", "")  # the estimates' median, as the ranking uses it
    assert lacking[0] == ranked[0]  # not the initiative's own 4 until reach is given
