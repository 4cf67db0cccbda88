"""Ask what an initiative actually took, when its status becomes done: the date it was
finished, the actual effort on the plan's effort scale, and what came of it.

Dismisses with :class:`Actuals` (checked), or None when the room skips it; the editor
puts them into its follow-up fields, where they can still be changed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from kxplan.i18n import _, pgettext
from kxplan.model import Scale
from kxplan.tui.forms import read_number
from kxplan.tui.initiative_followup import read_date
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter


@dataclass(frozen=True, slots=True)
class Actuals:
    """What a done initiative took."""

    finished: datetime.date
    actual_effort: float | None
    outcome: str = ""
    started: datetime.date | None = None


def read_actuals(
    scale: Scale, finished: str, effort: str, outcome: str, started: str = ""
) -> tuple[Actuals | None, dict[str, str]]:
    """The actuals typed, or what is wrong by field (``finished``, ``actual_effort``)."""
    errors: dict[str, str] = {}
    when: datetime.date | None = None
    begun: datetime.date | None = None
    value: float | None = None
    try:
        when = read_date(finished)
        if when is None:
            errors["finished"] = _("expected the date it was finished, as YYYY-MM-DD")
    except ValueError as error:
        errors["finished"] = str(error)
    try:
        begun = read_date(started)
    except ValueError:
        begun = None  # the editor's own field says so
    try:
        value = read_number(effort)
        if value is not None and not scale.min <= value <= scale.max:
            errors["actual_effort"] = _(
                "expected a score from {low} to {high}, got {value}"
            ).format(low=scale.min, high=scale.max, value=effort.strip())
    except ValueError as error:
        errors["actual_effort"] = str(error)
    if begun is not None and when is not None and when < begun:
        errors["finished"] = _("expected a date on or after started ({started})").format(
            started=begun.isoformat()
        )
    if errors or when is None:
        return None, errors
    return Actuals(when, value, outcome.strip(), begun), {}


class ActualsDialog(ModalScreen[Actuals | None]):
    """Done: when, what it took, what came of it."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("ActualsDialog")

    def __init__(
        self,
        scale: Scale,
        typed: dict[str, str],
        estimate: str = "",
        today: Callable[[], datetime.date] = datetime.date.today,
    ) -> None:
        super().__init__()
        self.scale = scale
        self.typed = typed
        self.estimate = estimate.strip()
        self.today = today

    def compose(self) -> ComposeResult:
        typed = self.typed
        with Vertical(classes="dialog", id="actuals"):
            yield Label(Text(_("Done: what did it take?")), classes="dialog-title")
            estimated = (
                _("Estimated effort: {effort}.").format(effort=self.estimate)
                if self.estimate
                else ""
            )
            hint = _(
                "{estimated} The actual effort on the same scale, {low}–{high}, shows how "
                "well the room estimates."
            ).format(estimated=estimated, low=self.scale.min, high=self.scale.max)
            yield Static(Text(hint.strip()), classes="hint")
            finished = typed.get("finished") or self.today().isoformat()
            for key, caption, value in (
                ("finished", pgettext("evidence", "Finished"), finished),
                (
                    "actual_effort",
                    pgettext("evidence", "Actual effort"),
                    typed.get("actual_effort", ""),
                ),
                ("outcome", pgettext("evidence", "Outcome"), typed.get("outcome", "")),
            ):
                with Horizontal(classes="actuals-row"):
                    yield Label(caption, classes="actuals-caption")
                    yield Input(value, id=f"actuals-{key}", compact=True)
                yield Static("", id=f"actuals-{key}-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    pgettext("evidence", "Keep"), variant="primary", id="keep", compact=True
                )
                yield Button(pgettext("evidence", "Skip"), id="skip", compact=True)
        yield KeyFooter()

    DEFAULT_CSS = """
    ActualsDialog .actuals-row { height: 1; }
    ActualsDialog .actuals-caption { width: 15; color: $text-muted; }
    ActualsDialog Input.-textual-compact { width: 1fr; }
    ActualsDialog .field-error { color: $text-error; }
    """

    def on_mount(self) -> None:
        self.query_one("#actuals-actual_effort", Input).focus()

    def _read(self) -> tuple[Actuals | None, dict[str, str]]:
        def value(key: str) -> str:
            return self.query_one(f"#actuals-{key}", Input).value

        actuals, errors = read_actuals(
            self.scale,
            value("finished"),
            value("actual_effort"),
            value("outcome"),
            self.typed.get("started", ""),
        )
        for key in ("finished", "actual_effort", "outcome"):
            self.query_one(f"#actuals-{key}-error", Static).update(Text(errors.get(key, "")))
        return actuals, errors

    @on(Input.Changed)
    def _changed(self) -> None:
        self._read()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "actuals-outcome":
            self.action_keep()
        else:
            self.focus_next()

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        """Close with the actuals, when they read."""
        actuals, _errors = self._read()
        if actuals is None:
            self.app.bell()
            return
        self.dismiss(actuals)

    @on(Button.Pressed, "#skip")
    def action_cancel(self) -> None:
        """Close without actuals (the editor's fields stay as they were)."""
        self.dismiss(None)
