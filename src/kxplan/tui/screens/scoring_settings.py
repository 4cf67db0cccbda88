"""The scoring settings dialog (``s`` on Prioritisation): method, weights, thresholds and
the weighted method's criteria, checked as they are typed with the plan's rules.

Reading what was typed is :mod:`kxplan.tui.scoring_form`'s; the step hands the result to
the session (``set_scoring``), so no method needs the TOML edited by hand.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from kxplan.framework import METHODS, Method
from kxplan.i18n import N_, _
from kxplan.model import Plan, ScoringSettings
from kxplan.text.numbers import number
from kxplan.tui.keys import bindings_for
from kxplan.tui.scoring_form import CRITERION_FIELDS, NUMBER_FIELDS, Check, read_settings
from kxplan.tui.scoring_form import settings_texts as texts_of
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.tui.widgets.scroll import Scroll

LABELS = {
    "value_weight": N_("Customer value weight"),
    "efficiency_weight": N_("Efficiency weight"),
    "impact_threshold": N_("High impact from"),
    "effort_threshold": N_("High effort above"),
}


class ScoringSettingsScreen(ModalScreen[ScoringSettings | None]):
    """Edit how the plan ranks; returns the checked settings, or None when cancelled."""

    DEFAULT_CSS = """
    ScoringSettingsScreen #criteria {
        grid-size: 5;
        grid-columns: 14 1fr 8 5 5;
        grid-rows: 1;
        grid-gutter: 0 1;
        height: auto;
    }
    ScoringSettingsScreen #criteria .head { text-style: bold; }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("ScoringSettingsScreen")

    def __init__(self, plan: Plan, check: Check, shown_method: Method | None = None) -> None:
        """``shown_method``: the method the ranking shows now (``m`` may have switched it
        from the plan's), which the dialog starts from."""
        super().__init__()
        self.plan = plan
        self.check = check
        start = plan.scoring
        if shown_method is not None and shown_method != start.method:
            start = start.model_copy(update={"method": shown_method})
        self.texts, rows = texts_of(start)
        self.rows = len(rows) + 1  # one blank row to add a criterion in
        self.start_rows = rows
        self.result: ScoringSettings | None = None

    def _midpoint(self, name: str) -> str:
        scale = self.plan.scales.customer_value if "impact" in name else self.plan.scales.effort
        middle = (scale.min + scale.max) / 2
        return _("blank: mid-scale ({middle})").format(middle=number(middle))

    def compose(self) -> ComposeResult:
        with Vertical(id="scoring-settings", classes="dialog"):
            yield Label(_("Scoring settings"), classes="dialog-title")
            with Scroll(id="scoring-fields"):
                with Horizontal(classes="form-row"):
                    yield Label(_("Method"), classes="form-label")
                    yield Select(
                        [(label, key) for key, label in METHODS.labels().items()],
                        value=self.texts["method"],
                        allow_blank=False,
                        id="method",
                        compact=True,
                    )
                for name in NUMBER_FIELDS:
                    with Horizontal(classes="form-row"):
                        yield Label(_(LABELS[name]), classes="form-label")
                        hint = _("a number") if "weight" in name else self._midpoint(name)
                        yield Input(self.texts[name], placeholder=hint, id=name, compact=True)
                    yield Static("", id=f"{name}-error", classes="field-error")
                yield Label(Text(_("Criteria for the weighted method (a blank row adds one)")))
                with Grid(id="criteria"):
                    for header in (_("Id"), _("Label"), _("Weight"), _("Min"), _("Max")):
                        yield Label(header, classes="head")
                    for row in range(self.rows):
                        yield from self._criterion(row)
            yield Static("", id="scoring-status", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Keep"), variant="primary", id="keep", compact=True)
                yield Button(_("Add criterion"), id="add-criterion", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)
        yield KeyFooter()

    def _criterion(self, row: int) -> ComposeResult:
        start = self.start_rows[row] if row < len(self.start_rows) else {}
        hints = {"id": _("new-id"), "label": _("what it means"), "weight": "1", "min": "1"}
        hints["max"] = "5"
        for name in CRITERION_FIELDS:
            hint = hints[name] if not start else ""
            yield Input(
                start.get(name, ""), placeholder=hint, id=f"criterion-{row}-{name}", compact=True
            )

    def on_mount(self) -> None:
        self.validate_form()
        self.query_one("#method").focus()

    def _state(self) -> tuple[dict[str, str], list[dict[str, str]]]:
        method = self.query_one("#method", Select).value
        texts = {"method": str(method)}
        texts |= {name: self.query_one(f"#{name}", Input).value for name in NUMBER_FIELDS}
        rows = [
            {
                name: self.query_one(f"#criterion-{row}-{name}", Input).value
                for name in CRITERION_FIELDS
            }
            for row in range(self.rows)
        ]
        return texts, rows

    def validate_form(self) -> bool:
        """Check what is typed; each problem under its field, the rest in the status line."""
        settings, errors = read_settings(*self._state(), self.check)
        for name in NUMBER_FIELDS:
            error = self.query_one(f"#{name}-error", Static)
            error.update(Text(errors.get(name, "")))
            error.display = name in errors
        for widget in self.query(Input):
            widget.set_class((widget.id or "") in errors, "-invalid-field")
        rest = [
            (
                _("{field} of criterion {number}: ").format(
                    field=key.split("-")[2], number=int(key.split("-")[1]) + 1
                )
                if "-" in key
                else ""
            )
            + message
            for key, message in errors.items()
            if key not in NUMBER_FIELDS
        ]
        self.query_one("#scoring-status", Static).update(Text("; ".join(rest)))
        self.query_one("#keep", Button).disabled = settings is None
        self.result = settings
        return settings is not None

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self.validate_form()

    @on(Input.Submitted)
    @on(Button.Pressed, "#keep")
    def _keep_pressed(self) -> None:
        self.action_keep()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#add-criterion")
    async def _add_pressed(self) -> None:
        await self.action_add_criterion()

    async def action_add_criterion(self) -> None:
        """Another blank row for a criterion, with the cursor in it."""
        row = self.rows
        self.rows += 1
        await self.query_one("#criteria", Grid).mount_all(list(self._criterion(row)))
        self.query_one(f"#criterion-{row}-id", Input).focus()

    def action_keep(self) -> None:
        """Close with the settings, if they are valid."""
        if self.validate_form() and self.result is not None:
            self.dismiss(self.result)
        else:
            self.notify(_("The settings are not valid yet; see the messages."), severity="warning")

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)
