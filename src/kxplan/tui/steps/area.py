"""Steps 1–7: one area — purpose, questions, maturity, notes and its structured tables.

The layout gives the room's working surface the space: a compact header, the guiding
questions in a block that ``q`` shows or hides, maturity on one line, the three notes side
by side, and the area's tables taking the rest of the height."""

from __future__ import annotations

from typing import ClassVar, Final

from pydantic import BaseModel
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.css.scalar import Scalar
from textual.widgets import Label, Select, Static, TextArea

from kxplan.framework import MATURITY_LEVELS, STRATEGY_QUESTIONS, AreaId, area
from kxplan.i18n import _, ngettext
from kxplan.model.figures import demand_totals
from kxplan.session import NOTE_KEYS, MaturityKey, Session
from kxplan.text.numbers import money, whole
from kxplan.tui.evidence_columns import unaddressed_note
from kxplan.tui.forms import session_check
from kxplan.tui.keys import bindings_for
from kxplan.tui.note_hints import note_hint
from kxplan.tui.screens.confirm import Answer, delete_row
from kxplan.tui.screens.row_editor import RowEditor
from kxplan.tui.steps.base import NotesArea, Resized, StepWork, step_header
from kxplan.tui.steps.readings import ReadingSteps, table_keys
from kxplan.tui.tables import TABLES_BY_AREA
from kxplan.tui.walk_steps import area_header, area_name
from kxplan.tui.widgets.area_table import AreaTable, row_label
from kxplan.tui.widgets.digit_select import DigitSelect
from kxplan.tui.widgets.mobility_grid import MobilityGrid


def maturity_options() -> list[tuple[str, int]]:
    """The maturity levels as a drop-down offers them ("3 Defined"), in the current language."""
    return [(f"{level} {_(text).split(':')[0]}", level) for level, text in MATURITY_LEVELS.items()]


ROOM_FOR_QUESTIONS: Final = 28
"""Terminal rows from which the guiding questions show unless the room hid them (100×30
shows them, 80×24 does not)."""

NOTES_MIN: Final = 5
"""A note's least height: three lines of text in its frame."""


def gap_text(today: int | None, target: int | None, *, today_first: bool = False) -> Text:
    """The maturity gap and what the chosen levels mean, on one line (the target's meaning
    first: it is what the room aims for; today's first while today is being chosen)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if today is not None and target is not None:
        text.append(_("Gap {gap}").format(gap=f"{target - today:+d}"), style="bold")
    meanings = [(_("target: {meaning}"), target), (_("today: {meaning}"), today)]
    if today_first:
        meanings.reverse()
    for said, level in meanings:
        if level is not None:
            text.append(" · " if text.plain else "")
            meaning = _(MATURITY_LEVELS[level]).split(": ", 1)[-1]
            text.append(said.format(meaning=meaning))
    if today is None and target is None:
        text.append(_("Judge maturity today and the target, 1–5."), style="dim")
    return text


class AreaStep(ReadingSteps):
    """One area of the strategy, edited in place."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("AreaStep")
    GUIDE_SELECTOR: ClassVar[str] = "#guide"
    """What ``q`` shows or hides."""

    def __init__(self, session: Session, area_id: AreaId, *, id: str | None = None) -> None:
        super().__init__(session, id=id)
        self.area_id = area_id
        self.area = area(area_id)
        self.guide_choice: bool | None = None
        """Whether the room chose to see the guide (None: shown when there is room)."""
        self.last_table: AreaTable | None = None
        """The table the room worked in last; a/e/d outside any table act on it."""
        self._lines: dict[str, Text] = {}
        """What each derived line says now (see :meth:`_put`)."""

    # --- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        info = self.area
        yield Static(
            step_header(area_header(self.area_id, info.number), _(info.purpose)),
            classes="step-header",
        )
        yield from self.compose_guide()
        yield from self.compose_maturity_and_notes()
        with StepWork(classes="step-work"):
            yield from self.compose_work()
        if self.area_id == "unnecessary_demand":
            yield Static(id="demand-totals")
        yield Static(id="initiative-count", classes="step-status")

    def compose_guide(self) -> ComposeResult:
        """The guiding questions of the area."""
        questions = Text()
        for index, question in enumerate(self.area.questions):
            if index:
                questions.append("\n")
            questions.append("• " + _(question))
        yield Static(questions, id="guide", classes="guiding-questions")

    def compose_maturity_and_notes(self) -> ComposeResult:
        """Maturity today and target with the gap on one line; the three notes side by side."""
        record = self.session.plan.areas.get(self.area_id)
        with Horizontal(classes="maturity-row"):
            yield Label(_("Maturity today"), classes="inline-label")
            yield DigitSelect(
                maturity_options(),
                value=record.maturity_today or Select.NULL,
                id="maturity-today",
                prompt="–",
                compact=True,
            )
            yield Label(_("target"), classes="inline-label")
            yield DigitSelect(
                maturity_options(),
                value=record.maturity_target or Select.NULL,
                id="maturity-target",
                prompt="–",
                compact=True,
            )
            yield Static(id="maturity-gap")
        with Horizontal(classes="notes-row"):
            for key, question, _hint in STRATEGY_QUESTIONS:
                notes = NotesArea(
                    getattr(record, key),
                    _(question),
                    heading=area_name(self.area_id),
                    id=f"notes-{key}",
                )
                notes.placeholder = note_hint(self.area_id, key)
                yield notes

    def compose_work(self) -> ComposeResult:
        """Where the room works: the area's tables, sharing the height that is left
        (Mobility's checklist first as a grid: channels across, checks down)."""
        if self.area_id == "mobility":
            title = Text(_("Checklist"), style="bold")
            title.append(_("  space next status · 1 yes 2 partly 3 no 0 unknown"), style="dim")
            yield Label(title, classes="table-title")
            yield MobilityGrid(self.session, id="mobility-grid")
        for spec in TABLES_BY_AREA[self.area_id]:
            title = Text(_(spec.title), style="bold")
            title.append(table_keys(spec), style="dim")
            yield Label(title, classes="table-title")
            yield AreaTable(spec, self.session, id=f"table-{spec.key}")

    # --- the guide ----------------------------------------------------------------------

    @property
    def guide_shown(self) -> bool:
        """Whether the guide shows now: the room's choice, or whether there is room."""
        if self.guide_choice is not None:
            return self.guide_choice
        return self.app.size.height >= ROOM_FOR_QUESTIONS

    def show_guide(self) -> None:
        """Show or hide the guide as chosen, and say how to change it."""
        self.query_one(self.GUIDE_SELECTOR).display = self.guide_shown
        self._show_derived()
        self.call_after_refresh(self.fit_notes)

    def notes_room(self) -> int:
        """The most rows the notes may take: what they have now and what the tables have
        beyond their least height (a title, the header and 3 rows each; 4 on a
        projector). The notes grow with their text up to this."""
        notes = self.query_one(NotesArea)
        work = self.query_one(".step-work")
        kept_rows = 4 if self.app.size.height >= ROOM_FOR_QUESTIONS else 3
        # the shown tables; a log is as tall as its rows (kxplan.tcss), at least 2
        shown = [t for t in self.query(AreaTable) if t.display]
        least = sum(2 if t.spec.key == "log" else 2 + kept_rows for t in shown)
        return notes.outer_size.height + work.outer_size.height - least

    def fit_notes(self) -> None:
        """Give the three notes the height the longest of them needs (its wrapped lines
        in the frame), at least three lines, at most the room the step has for them."""
        if not self.is_attached or not self.size.height:
            return
        notes = list(self.query(NotesArea))
        wanted = max((n.wrapped_document.height + 2 for n in notes), default=NOTES_MIN)
        height = Scalar.from_number(min(max(NOTES_MIN, self.notes_room()), max(NOTES_MIN, wanted)))
        changed = False
        for note in notes:
            if note.styles.height != height:
                note.styles.height = height
                changed = True
        if changed:  # once laid out again: a note that lost its scroll bar wraps wider
            self.call_after_refresh(self.fit_notes)

    def action_toggle_guide(self) -> None:
        """Show or hide the guiding questions, on every area step alike (the prioritisation
        step, a subclass, keeps its own choice)."""
        shown = not self.guide_shown
        for step in self.screen.query(AreaStep):
            if type(step) is type(self):
                step.guide_choice = shown
                step.show_guide()

    def on_resize(self, event: events.Resize) -> None:
        self.show_guide()

    # --- the tables ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "table":
            return bool(TABLES_BY_AREA[self.area_id])  # asked on every bindings refresh
        return True

    def action_table(self, action: str) -> None:
        """a, e or d outside the tables: on the table used last, else the first (not the
        journey's stages), moving there so the room sees which row is meant."""
        everything = list(self.query(AreaTable))
        working = [t for t in everything if t.spec.key != "journey"]
        table = self.last_table if self.last_table in everything else working[0]
        table.focus()
        getattr(table, f"action_{action}")()

    # --- the plan -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.show_guide()

    def relabelled(self) -> None:
        self._lines.clear()  # the derived lines are new widgets: say everything again
        self.reload()

    def reload(self) -> None:
        record = self.session.plan.areas.get(self.area_id)
        for key, _question, _hint in STRATEGY_QUESTIONS:
            notes = self.query_one(f"#notes-{key}", TextArea)
            if notes.text != getattr(record, key):
                notes.text = getattr(record, key)
        for table in self.query(AreaTable):
            table.reload()
        self._reload_grid()
        self.show_guide()

    def _reload_grid(self) -> None:
        for grid in self.query(MobilityGrid):
            grid.reload()

    @on(MobilityGrid.Changed)
    def _grid_changed(self, event: MobilityGrid.Changed) -> None:
        event.stop()
        for table in self.query(AreaTable):
            table.reload()

    def status_text(self) -> Text:
        """The bottom line: initiatives for this area, and the keys that act on it."""
        plan = self.session.plan
        count = sum(1 for item in plan.initiatives if self.area_id in item.areas)
        said = ngettext(
            "{count} initiative for this area · i adds one",
            "{count} initiatives for this area · i adds one",
            count,
        ).format(count=count)
        unaddressed = unaddressed_note(plan, [s.table for s in TABLES_BY_AREA[self.area_id]])
        if self.guide_shown:
            guide = _("q hides the guiding questions")
        else:
            guide = _("q shows the guiding questions")
        return Text(f"{said}{unaddressed} · {guide}")

    def _show_derived(self) -> None:
        plan = self.session.plan
        record = plan.areas.get(self.area_id)
        today_first = self.screen.focused is self.query_one("#maturity-today")
        self._put(
            "#maturity-gap",
            gap_text(record.maturity_today, record.maturity_target, today_first=today_first),
        )
        if self.area_id == "unnecessary_demand":
            totals = demand_totals(plan)
            text = Text(_("Total avoidable: "), style="bold")
            text.append(_("{count} contacts a month").format(count=whole(totals.avoidable)))
            if totals.priced:
                cost = money(totals.cost, plan.currency)
                text.append(_(", {cost} a month").format(cost=cost))
            if totals.unpriced:
                count = len(totals.unpriced)
                said = ngettext(
                    " ({count} reason without a known channel cost: add the channel's cost per "
                    "contact under Accessibility)",
                    " ({count} reasons without a known channel cost: add the channel's cost "
                    "per contact under Accessibility)",
                    count,
                )
                text.append(said.format(count=count), style="dim")
            self._put("#demand-totals", text)
        self._put("#initiative-count", self.status_text())

    def _put(self, selector: str, text: Text) -> None:
        """Show ``text`` in a derived line, only when it says something new: every update
        lays the step out again, and an edit elsewhere usually leaves these lines as
        they were."""
        if self._lines.get(selector) != text:
            self._lines[selector] = text
            self.query_one(selector, Static).update(text)

    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _focus_moved(self, event: events.DescendantFocus | events.DescendantBlur) -> None:
        if isinstance(event.widget, AreaTable):
            self.last_table = event.widget
        self._show_derived()

    @on(Select.Changed, "#maturity-today, #maturity-target")
    def _maturity_changed(self, event: Select.Changed) -> None:
        value = event.value if isinstance(event.value, int) else None
        which: MaturityKey = (
            "maturity_today" if event.select.id == "maturity-today" else "maturity_target"
        )
        self.edited(self.session.set_maturity(self.area_id, which, value))
        self._show_derived()

    @on(Resized)
    def _resized(self, event: Resized) -> None:
        event.stop()
        self.call_after_refresh(self.fit_notes)

    @on(TextArea.Changed)
    def _notes_changed(self, event: TextArea.Changed) -> None:
        key = (event.text_area.id or "").removeprefix("notes-")
        if key in NOTE_KEYS:
            self.edited(self.session.set_area_notes(self.area_id, key, event.text_area.text))
            self.call_after_refresh(self.fit_notes)

    def on_plan_edited(self) -> None:
        self._show_derived()

    # --- rows: the table asks, the step opens the form and changes the plan -------------

    def _row_form(self, table: AreaTable, index: int | None) -> RowEditor:
        spec = table.spec
        rows = spec.rows(self.session.plan)
        row = None if index is None else rows[index]

        check = session_check(self.session, spec.table, index)
        return RowEditor(spec.model, spec.table.row_name, row, check, self.session.plan)

    @on(AreaTable.AddRow)
    def _add_row(self, event: AreaTable.AddRow) -> None:
        event.stop()
        table = event.table

        def added(row: BaseModel | None) -> None:
            if row is not None:
                index = self.session.add_row(table.spec.table, row)
                self._rows_edited(table)
                table.show_row(index)

        self.app.push_screen(self._row_form(table, None), added)

    @on(AreaTable.EditRow)
    def _edit_row(self, event: AreaTable.EditRow) -> None:
        event.stop()
        table, index = event.table, event.index
        assert index is not None

        def edited(row: BaseModel | None) -> None:
            registered = table.spec.table
            if row is not None and self.session.replace_row(registered, index, row):
                self._rows_edited(table)
            table.show_row(index)

        self.app.push_screen(self._row_form(table, index), edited)

    @on(AreaTable.DeleteRow)
    def _delete_row(self, event: AreaTable.DeleteRow) -> None:
        event.stop()
        table, index = event.table, event.index
        assert index is not None
        row = table.spec.rows(self.session.plan)[index]
        what = _("the {row} {label}").format(row=_(table.spec.row_name), label=repr(row_label(row)))

        def answered(answer: Answer | None) -> None:
            if answer is Answer.DELETE:
                self.session.delete_row(table.spec.table, index)
                self._rows_edited(table)

        self.app.push_screen(delete_row(what), answered)

    def _rows_edited(self, table: AreaTable) -> None:
        table.reload()
        self._reload_grid()
        self.edited()
