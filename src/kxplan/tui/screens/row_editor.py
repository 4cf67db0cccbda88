"""A form for one row of an area's table, generated from the row's model."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from pydantic import BaseModel
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from kxplan.tui.forms import FormField, field_text, form_fields, parse_row
from kxplan.tui.tables import CHOICE_LABELS, FIELD_HINTS, FIELD_LABELS

RowCheck = Callable[[BaseModel], dict[str, str]]
"""Checks a candidate row against the rest of the plan: {field: message} of what is wrong."""


class RowEditor(ModalScreen[BaseModel | None]):
    """Add or edit one row; returns the valid row, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+enter,f10", "keep", "Keep row", show=True),
        Binding("ctrl+s", "keep", "Keep row", show=False, priority=True),
    ]

    def __init__(
        self,
        model: type[BaseModel],
        row_name: str,
        row: BaseModel | None = None,
        check: RowCheck | None = None,
    ) -> None:
        super().__init__()
        self.model = model
        self.row_name = row_name
        self.row = row
        self.check = check
        self.fields = form_fields(model)
        self.result: BaseModel | None = None

    def compose(self) -> ComposeResult:
        verb = "Edit" if self.row is not None else "Add"
        with Vertical(id="row-editor", classes="dialog"):
            yield Label(Text(f"{verb} {self.row_name}"), classes="dialog-title")
            with VerticalScroll(id="row-fields"):
                for spec in self.fields:
                    yield from self._compose_field(spec)
            yield Static("", id="row-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep", variant="primary", id="keep", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _compose_field(self, spec: FormField) -> ComposeResult:
        label = FIELD_LABELS.get(spec.name, spec.label) + ("" if spec.optional else " *")
        start = field_text(self.row, spec)
        with Horizontal(classes="form-row"):
            yield Label(Text(label), classes="form-label")
            if spec.kind == "choice":
                names = CHOICE_LABELS.get(spec.name, {})
                options = [(names.get(choice, choice), choice) for choice in spec.choices]
                yield Select(
                    options,
                    allow_blank=True,
                    value=start if start in spec.choices else Select.NULL,
                    id=f"field-{spec.name}",
                    prompt="(none)" if spec.optional else "Choose…",
                    compact=True,
                )
            else:
                placeholder = FIELD_HINTS.get(spec.name, "")
                if spec.kind == "choices":
                    placeholder = "comma-separated: " + ", ".join(spec.choices)
                elif spec.kind in ("int", "float"):
                    placeholder = "a number" if spec.optional else "a number (required)"
                yield Input(
                    start,
                    placeholder=placeholder,
                    id=f"field-{spec.name}",
                    select_on_focus=False,
                    compact=True,
                )
        yield Static("", id=f"error-{spec.name}", classes="field-error")

    def on_mount(self) -> None:
        if self.row is None:
            self._fill_defaults()
        self.validate_form()
        self.query_one(f"#field-{self.fields[0].name}").focus()

    def _fill_defaults(self) -> None:
        """Choice fields with a model default start on that default."""
        for spec in self.fields:
            if spec.kind != "choice":
                continue
            default = self.model.model_fields[spec.name].default
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
        row, errors = parse_row(self.model, self.fields, self.texts())
        if row is not None and self.check is not None:
            errors = self.check(row)
        valid = row is not None and not errors
        status = self.query_one("#row-status", Static)
        for spec in self.fields:
            message = errors.pop(spec.name, "")
            error = self.query_one(f"#error-{spec.name}", Static)
            error.update(Text(message))
            error.display = bool(message)
            self.query_one(f"#field-{spec.name}").set_class(bool(message), "-invalid-field")
        leftover = "; ".join(errors.values())
        status.update(Text(leftover or ("" if valid else "Fix the fields marked above.")))
        self.query_one("#keep", Button).disabled = not valid
        self.result = row if valid else None
        return valid

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self.validate_form()

    @on(Input.Submitted)
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
        if self.validate_form() and self.result is not None:
            self.dismiss(self.result)
        else:
            self.notify("The row is not valid yet; see the messages in red.", severity="warning")

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)
