"""A form for one row of an area's table, generated from the row's model."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from kxplan.i18n import _, pgettext
from kxplan.model import Plan
from kxplan.tui.form_words import choice_prompt, field_hint, form_label
from kxplan.tui.forms import (
    FormField,
    RowCheck,
    field_text,
    form_fields,
    form_messages,
    read_form,
    with_hidden_fields,
)
from kxplan.tui.journey_columns import plan_choices
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.form_select import FormSelect
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.tui.widgets.scroll import Scroll

__all__ = ["RowCheck", "RowEditor"]


class RowEditor(ModalScreen[BaseModel | None]):
    """Add or edit one row; returns the valid row, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("RowEditor")

    def __init__(
        self,
        model: type[BaseModel],
        row_name: str,
        row: BaseModel | None = None,
        check: RowCheck | None = None,
        plan: Plan | None = None,
    ) -> None:
        """With ``plan``, the fields whose choices the plan gives offer those (a row's
        stage: the plan's stages, in its order)."""
        super().__init__()
        self.model = model
        self.row_name = row_name
        self.row = row
        self.check = check
        self.fields = form_fields(model, None if plan is None else plan_choices(plan))
        self.result: BaseModel | None = None
        self._start: dict[str, str] | None = None
        """Each field's text when the form opened."""
        self._touched: set[str] = set()
        """The fields the user has changed: an empty required one now says so."""
        self._tried = False
        """Whether the user has tried to keep the row: every problem then shows."""
        self._discard_armed = False
        """Escape was pressed once with changes typed: the next one discards them."""
        self._shown: dict[str, str] = {}
        """The message shown under each field ("#row-status": the status line), so a
        keystroke redraws only what changed."""

    def compose(self) -> ComposeResult:
        row_name = pgettext("table", self.row_name)  # the registry's word, translated here
        if self.row is not None:
            title = _("Edit {row}").format(row=row_name)
        else:
            title = _("Add {row}").format(row=row_name)
        with Vertical(id="row-editor", classes="dialog"):
            yield Label(Text(title), classes="dialog-title")
            with Scroll(id="row-fields"):
                for spec in self.fields:
                    yield from self._compose_field(spec)
            yield Static("", id="row-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Keep"), variant="primary", id="keep", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)
        yield KeyFooter()

    def _compose_field(self, spec: FormField) -> ComposeResult:
        label = form_label(spec.name, self.model) + ("" if spec.optional else " *")
        start = field_text(self.row, spec)
        with Horizontal(classes="form-row"):
            yield Label(Text(label), classes="form-label")
            if spec.kind in ("choice", "flag"):
                options = [(spec.shown(choice), choice) for choice in spec.choices]
                # A default among the choices ("unknown" buy-in) is what a blank would mean:
                # offer it, not a second "(none)" for the same thing; a flag's is "no".
                default = self.model.model_fields[spec.name].default
                default = ("yes" if default else "no") if spec.kind == "flag" else default
                blank = not (isinstance(default, str) and default in spec.choices)
                value = start if start in spec.choices else (Select.NULL if blank else default)
                yield FormSelect(
                    options,
                    allow_blank=blank,
                    value=value,
                    id=f"field-{spec.name}",
                    prompt=_("(none)") if spec.optional else _("Choose…"),
                    compact=True,
                )
            else:
                placeholder = field_hint(self.model, spec.name)
                if spec.kind == "choices":
                    placeholder = _("comma-separated: {choices}").format(
                        choices=", ".join(spec.choices)
                    )
                elif spec.kind == "date":
                    placeholder = _("YYYY-MM-DD")
                elif spec.kind == "int":
                    placeholder = (
                        _("a whole number") if spec.optional else _("a whole number (required)")
                    )
                elif spec.kind == "float":
                    placeholder = _("a number") if spec.optional else _("a number (required)")
                standard = [label for _value, label in spec.labels]
                yield Input(
                    start,
                    placeholder=placeholder,
                    id=f"field-{spec.name}",
                    select_on_focus=False,
                    compact=True,
                    suggester=SuggestFromList(standard, case_sensitive=False)
                    if spec.kind == "text" and standard
                    else None,
                )
        yield Static("", id=f"error-{spec.name}", classes="field-error")

    def on_mount(self) -> None:
        if self.row is None:
            self._fill_defaults()
        self._start = self.texts()
        self.validate_form()
        self.query_one(f"#field-{self.fields[0].name}").focus()

    def _fill_defaults(self) -> None:
        """Choice fields with a model default start on that default."""
        for spec in self.fields:
            if spec.kind not in ("choice", "flag"):
                continue
            default = self.model.model_fields[spec.name].default
            default = ("yes" if default else "no") if spec.kind == "flag" else default
            if isinstance(default, str) and default in spec.choices:
                self.query_one(f"#field-{spec.name}", Select).value = default

    def texts(self) -> dict[str, str]:
        """The form's current text per field."""
        texts: dict[str, str] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, Select):
                value = widget.value
                texts[spec.name] = "" if value is Select.NULL else str(value)
            elif isinstance(widget, Input):
                texts[spec.name] = widget.value
        return texts

    def validate_form(self) -> bool:
        """Validate what is typed so far; show each problem under its field."""
        texts = self.texts()
        if self._start is not None:
            self._touched.update(n for n, text in texts.items() if text != self._start.get(n))
        for spec in self.fields:  # a blank choice that means something says what
            prompt = choice_prompt(self.model, spec.name, texts)
            if prompt is not None:
                self.query_one(f"#field-{spec.name}", Select).prompt = prompt
        reading = read_form(self.model, self.fields, texts, self.check)
        under, status = form_messages(self.fields, reading, texts, self._touched, tried=self._tried)
        for name, message in under.items():
            if self._shown.get(f"error-{name}") == message:
                continue
            self._shown[f"error-{name}"] = message
            error = self.query_one(f"#error-{name}", Static)
            error.update(Text(message))
            error.display = bool(message)
            self.query_one(f"#field-{name}").set_class(bool(message), "-invalid-field")
        self._show_status(status)
        valid = reading.row is not None
        self.query_one("#keep", Button).disabled = not valid
        self.result = with_hidden_fields(self.row, reading.row, self.fields)
        return valid

    def _show_status(self, text: str) -> None:
        """Put ``text`` in the status line, unless it is there already."""
        if self._shown.get("row-status") != text:
            self._shown["row-status"] = text
            self.query_one("#row-status", Static).update(Text(text))

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self._discard_armed = False  # typing on: the next Escape asks again
        self.validate_form()

    @on(Input.Submitted)
    @on(FormSelect.Submitted)
    def _submitted(self) -> None:
        self.action_keep()

    @on(Button.Pressed, "#keep")
    def _keep_pressed(self) -> None:
        self.action_keep()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_keep(self) -> None:
        """Close with the row, if it is valid."""
        self._tried = True
        if self.validate_form() and self.result is not None:
            self.dismiss(self.result)
        else:
            self.notify(
                _("The row is not valid yet; see the messages under the fields."),
                severity="warning",
            )

    @property
    def modified(self) -> bool:
        """Whether anything was typed or chosen since the form opened."""
        return self._start is not None and self.texts() != self._start

    def action_cancel(self) -> None:
        """Close without changing anything; with changes typed, only on a second Escape
        (a form filled while the room talked is not lost to one stray key)."""
        if self.modified and not self._discard_armed:
            self._discard_armed = True
            self._show_status(
                _("Unsaved changes: Escape again discards them; ctrl+s or f10 keeps the row")
            )
            return
        self.dismiss(None)
