"""The initiative editor: a modal form that returns a checked :class:`Initiative`.

Every keystroke rebuilds the initiative through the model and the plan's rules,
so what is wrong is shown next to the field as it is typed, and Save is refused
while anything is. Typed text is never thrown away by validation: the form only
reads the inputs, it never rewrites them (except the id, which follows the title
of a new initiative until the id is edited by hand).

A large room would make the estimates grid thousands of inputs, slow to open
and to type in; above ``ESTIMATE_ROWS_LIMIT`` participants only those with an
estimate get a row, and a name typed under the grid adds one. Reading the form is
:mod:`kxplan.tui.initiative_form`'s; its CSS is ``initiative_editor.tcss`` beside it.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea

from kxplan.framework import AreaId
from kxplan.i18n import _, ngettext
from kxplan.model import Initiative, Plan, unique_slug
from kxplan.text.numbers import number
from kxplan.tui.found_widgets import FoundWidgets
from kxplan.tui.initiative_form import (
    ESTIMATE_FIELDS,
    FIRST_SCORES,
    LINE_FIELDS,
    TEXT_FIELDS,
    FormState,
    InitiativeForm,
    ScoreField,
    in_kept_order,
)
from kxplan.tui.keys import bindings_for
from kxplan.tui.screens.initiative_evidence import EvidenceEditing, EvidenceFields
from kxplan.tui.screens.initiative_fields import (
    MEDIAN_NOTE,
    anchor_hint,
    case_fields,
    dependency_fields,
    estimate_header,
    estimate_row,
    more_participants,
    problems_to_fix,
    score_rows,
    status_and_areas,
)
from kxplan.tui.widgets.form_select import FormSelect
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.tui.widgets.scroll import Scroll

__all__ = ["InitiativeEditor", "anchor_hint", "in_kept_order"]


class InitiativeEditor(EvidenceEditing):
    """Add or edit one initiative; dismisses with the checked initiative, or None."""

    CSS_PATH = "initiative_editor.tcss"

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("InitiativeEditor")

    def __init__(
        self,
        plan: Plan,
        initiative: Initiative | None = None,
        default_area: AreaId | None = None,
    ) -> None:
        super().__init__()
        self.plan = plan
        """The plan the initiative belongs to; its scales and rules apply."""
        self.original = initiative
        """The initiative being edited, or None for a new one."""
        self.form = InitiativeForm(plan, initiative)
        """What the form edits, and who can estimate it; reads what was typed."""
        self._taken = self.form.taken
        self._default_area = default_area
        self._scores = self.form.scores
        self._participants = self.form.participants
        self._rows = self.form.rows
        self._derived_id = initiative.id if initiative is not None else ""
        self._id_follows_title = initiative is None
        self._initial_state: tuple[object, ...] | None = None
        self._discard_armed = False
        self._save_tried = False
        self._title_touched = initiative is not None
        self.result: Initiative | None = None
        """The initiative as the form stands, when it is valid; None while anything is wrong."""
        self.errors: dict[str, str] = {}
        """What is wrong, by field key (``effort``, ``estimate-1-effort``, ``general``…)."""
        self.found = FoundWidgets(self)  # the form's fields, looked up once

    # --- building the form ------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self.found.forget()  # composed again (another language): new widgets
        item = self.original
        title = _("Edit initiative") if item else _("New initiative")
        with Vertical(id="editor") as editor:
            editor.border_title = title
            with Scroll(id="form"):
                # What a room gives first, in the order it talks: the name, the three
                # scores, the status and the areas; then the case; then the rest.
                with Horizontal(classes="row"):
                    yield Label(_("Title"), classes="caption")
                    yield Input(
                        item.title if item else "",
                        id="title",
                        compact=True,
                        placeholder=_("A short name the room will recognise"),
                    )
                yield Static(id="title-error", classes="error", markup=False)
                first = [s for s in self._scores if s.key in FIRST_SCORES]
                more = [s for s in self._scores if s.key not in FIRST_SCORES]
                yield from score_rows(first, item, self._hint)
                yield from status_and_areas(item, self._default_area)
                yield from case_fields(item)

                yield Label(_("More scores: RICE, ICE, WSJF, weighted criteria"), classes="section")
                yield from score_rows(more, item, self._hint)

                yield Label(_("Estimates by participant"), classes="section")
                yield Static(_(MEDIAN_NOTE), classes="note", markup=False)
                with Grid(id="estimates"):
                    yield from self._estimate_header()
                    for row, name in enumerate(self._rows):
                        yield from self._estimate_row(row, name)
                yield Static(id="estimates-error", classes="error", markup=False)
                without_row = len(self._participants) - len(self._rows)
                if without_row:
                    yield Static(
                        more_participants(without_row),
                        id="estimates-more",
                        classes="note",
                        markup=False,
                    )
                with Horizontal(classes="row"):
                    yield Label(_("Add participant"), classes="caption")
                    yield Input(
                        id="new-participant",
                        compact=True,
                        placeholder=_("name, then Enter"),
                        suggester=SuggestFromList(self._participants, case_sensitive=False)
                        if without_row
                        else None,
                    )

                yield from dependency_fields(item, self.plan, self.form.index)
                yield EvidenceFields(item)
                with Horizontal(classes="row"):
                    yield Label(_("Id"), classes="caption")
                    yield Input(
                        item.id if item else "",
                        id="id",
                        compact=True,
                        placeholder=_("derived from the title"),
                    )
                yield Static(id="id-error", classes="error", markup=False)
                yield Static(id="general-error", classes="error", markup=False)
            with Horizontal(id="buttons"):
                yield Static(id="notice", markup=False)
                yield Button(_("Cancel"), id="cancel", compact=True)
                yield Button(_("Save"), id="save", variant="primary", compact=True)
        yield KeyFooter()

    def _estimate_header(self) -> Iterable[Label]:
        return estimate_header(self._scores)

    def _estimate_row(self, row: int, name: str) -> Iterable[Label | Input]:
        return estimate_row(row, name, self.form.estimate_of(name))

    def _hint(self, score: ScoreField, text: str) -> Content:
        if score.scale is not None:
            return anchor_hint(score.scale, text)
        return Content(score.hint).stylize("dim")

    def _show_hints(self, estimated: dict[str, list[float]]) -> None:
        """Each score's hint; where participants estimated it, that their median decides."""
        for score in self._scores:
            hint = self.found.one(f"{score.key}-hint", Static)
            values = estimated.get(score.key)
            if values:
                median = number(statistics.median(values))
                count = len(values)
                said = ngettext(
                    "estimates decide: median {median} of {count} estimate",
                    "estimates decide: median {median} of {count} estimates",
                    count,
                )  # short, to fit beside the score at 80 columns; the note under
                # "Estimates by participant" says the rest (and a long one wraps)
                self.found.show(hint, Content(said.format(median=median, count=count)))
            else:
                self.found.show(hint, self._hint(score, self._text(score.key)))
            hint.set_class(bool(values), "-overridden")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        self._check()
        self._initial_state = self._raw_state()

    # --- reading the form -------------------------------------------------------------

    def _text(self, widget_id: str) -> str:
        widget = self.found.one(widget_id, Input | TextArea)  # type: ignore[arg-type]
        return widget.text if isinstance(widget, TextArea) else widget.value

    def _selected(self, widget_id: str) -> list[str]:
        """What is ticked in a list (there is no dependency list without other initiatives)."""
        widget = self.found.maybe(widget_id, SelectionList)
        return [str(value) for value in widget.selected] if widget is not None else []

    def _raw_state(self) -> tuple[object, ...]:
        inputs = tuple(
            widget.value for widget in self.query(Input) if widget.id != "new-participant"
        )
        areas = tuple(widget.text for widget in self.query(TextArea))
        lists = tuple(tuple(w.selected) for w in self.query(SelectionList)) + self._evidence_raw()
        return (*inputs, *areas, *lists, self.query_one("#status", Select).value)

    @property
    def modified(self) -> bool:
        """Whether anything in the form differs from how it opened."""
        return self._initial_state is not None and self._raw_state() != self._initial_state

    def _state(self) -> FormState:
        status = self.query_one("#status", Select).value
        return FormState(
            title=self._text("title"),
            id=self._text("id"),
            texts={key: self._text(key) for key in TEXT_FIELDS + LINE_FIELDS},
            status=status if isinstance(status, str) else None,
            areas=self._selected("areas"),
            depends_on=self._selected("depends_on"),
            scores={score.key: self._text(score.key) for score in self._scores},
            estimates=[
                {key: self._text(f"estimate-{row}-{key}") for key in ESTIMATE_FIELDS}
                for row in range(len(self._rows))
            ],
            **self.query_one(EvidenceFields).form_state(),
        )

    def _check(self) -> Initiative | None:
        """Read the initiative from the form, show every problem, return it when valid."""
        reading = self.form.read(self._state())
        self.errors = reading.errors
        self._show_hints(reading.estimated)
        self._show_errors(reading.errors)
        self.result = reading.initiative
        return self.result

    def _show_errors(self, errors: dict[str, str]) -> None:
        if not (self._save_tried or self._title_touched):
            # A new, still empty form: no need to say the title (and so the id) is missing yet.
            errors = {key: message for key, message in errors.items() if key not in ("title", "id")}
        for static in self.found.every(".error", Static):
            key = (static.id or "").removesuffix("-error")
            if key == "estimates":
                message = "\n".join(v for k, v in errors.items() if k.startswith("estimate-"))
            else:
                message = errors.get(key, "")
            self.found.show(static, Content(message))
            static.set_class(bool(message), "-shown")
        for widget in self.found.every("Input", Input):
            widget.set_class(bool(widget.id and widget.id in errors), "-invalid")
        count = len(errors)
        if count:
            self._notice(problems_to_fix(count))
        elif not self._discard_armed:
            self._notice("")

    def _notice(self, text: str) -> None:
        self.found.show(self.found.one("notice", Static), Content(text))

    # --- reacting to edits ------------------------------------------------------------

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        widget_id = event.input.id or ""
        if widget_id == "new-participant":
            return
        if widget_id == "title" and event.value:
            self._title_touched = True
        if widget_id == "title" and self._id_follows_title:
            self._derived_id = unique_slug(event.value, self._taken)
            id_input = self.query_one("#id", Input)
            if id_input.value != self._derived_id:
                id_input.value = self._derived_id
        elif widget_id == "id" and self.original is None:
            # The field as it is now, not the event's value: when the title is typed fast,
            # Changed events for ids set along the way arrive after newer ones were set,
            # and must not read as the user taking the id over.
            self._id_follows_title = event.input.value == self._derived_id
        self._edited()

    @on(TextArea.Changed)
    @on(SelectionList.SelectedChanged)
    @on(Select.Changed)
    def _other_changed(self) -> None:
        self._edited()

    def _edited(self) -> None:
        self._discard_armed = False
        self._check()

    @on(Input.Submitted, "#new-participant")
    async def _add_participant(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not name:
            return
        row = len(self._rows)
        added = self.form.add_row(name)
        if added is None:
            said = _("{name} already has a row").format(name=name)
            self._notice(said)
            return
        name = added
        await self.query_one("#estimates", Grid).mount_all(list(self._estimate_row(row, name)))
        self.found.forget()  # the new row's fields are read and marked too
        event.input.value = ""
        self.query_one(f"#estimate-{row}-effort", Input).focus()
        self._check()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "new-participant":
            self.focus_next()

    @on(FormSelect.Submitted)
    def _select_submitted(self) -> None:
        self.focus_next()  # as enter in a one-line field: on to the next

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    # --- actions ----------------------------------------------------------------------

    def action_save(self) -> None:
        """Dismiss with the initiative if it is valid; otherwise point at the problem."""
        self._save_tried = True
        initiative = self._check()
        if initiative is None:
            self._go_to_first_problem()
            self.app.bell()
            return
        self.dismiss(initiative)

    def _go_to_first_problem(self) -> None:
        """Focus the highest field with a problem and scroll its message into view."""
        shown = [s for s in self.query(".error").results(Static) if s.has_class("-shown")]
        if not shown:
            return
        message = shown[0]
        key = (message.id or "").removesuffix("-error")
        if key == "estimates":
            key = next((k for k in self.errors if k.startswith("estimate-")), key)
        field = self.query(f"#{key}")
        if key != "general" and field and field.first().focusable:
            field.first().focus(scroll_visible=False)
        form = self.query_one("#form", Scroll)

        def scroll(target: Widget) -> None:
            form.scroll_to_widget(target, animate=False, immediate=True)

        # After the layout has made room for the message: the field first, then its message.
        if field:
            self.call_after_refresh(scroll, field.first())
        self.call_after_refresh(scroll, message)

    def action_cancel(self) -> None:
        """Close without saving; asks for a second Escape when something was typed."""
        if self.modified and not self._discard_armed:
            self._discard_armed = True
            self._notice(_("Unsaved changes: press Escape again to discard them, Ctrl+S to save"))
            return
        self.dismiss(None)

    @property
    def participants(self) -> list[str]:
        """Everyone who can give an estimate, including names added here."""
        return list(self._participants)

    @property
    def rows(self) -> list[str]:
        """The participants with a row in the estimates grid."""
        return list(self._rows)
