"""Ask what an initiative actually took, when its status becomes done: the date it was
finished, the actual effort on the plan's effort scale, and what came of it — then
offer to log it as a success or a failure in one of the areas (:class:`LogOffer`,
escape skips it).

Dismisses with :class:`Actuals` (checked), or None when the room skips it; the editor
puts them into its follow-up fields, where they can still be changed, and keeps the
log entry (:class:`Logged`) for when the initiative itself is kept (:func:`keep_log`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from kxplan.framework import AREAS, AreaId
from kxplan.framework.vocabulary import LOG_KINDS, LogKind
from kxplan.i18n import _, pgettext
from kxplan.model import Initiative, Scale
from kxplan.model.log import LogEntry, entry_rules
from kxplan.model.tables import log_table
from kxplan.session import Session
from kxplan.tui.forms import read_number
from kxplan.tui.initiative_followup import read_date
from kxplan.tui.keys import bindings_for
from kxplan.tui.walk_steps import area_name
from kxplan.tui.widgets.key_footer import KeyFooter


@dataclass(frozen=True, slots=True)
class Logged:
    """A log entry for a done initiative, and the area whose log takes it; the entry
    names the initiative once the initiative is kept (:func:`keep_log`)."""

    area: AreaId
    entry: LogEntry


@dataclass(frozen=True, slots=True)
class Actuals:
    """What a done initiative took."""

    finished: datetime.date
    actual_effort: float | None
    outcome: str = ""
    started: datetime.date | None = None
    log: Logged | None = None
    """The log entry the room chose to write, if any."""


def read_log(
    area: AreaId,
    kind: LogKind,
    when: str,
    name: str,
    learned: str,
    today: Callable[[], datetime.date] = datetime.date.today,
) -> tuple[Logged | None, dict[str, str]]:
    """The log entry typed, or what is wrong by field (``date``, ``name``)."""
    errors: dict[str, str] = {}
    day: datetime.date | None = None
    try:
        day = read_date(when)
        if day is None:
            errors["date"] = _("expected the date it happened, as YYYY-MM-DD")
    except ValueError as error:
        errors["date"] = str(error)
    if not name.strip():
        errors["name"] = _("expected what happened, got blank")
    if errors or day is None:
        return None, errors
    entry = LogEntry(date=day, kind=kind, name=name.strip(), learned=learned.strip())
    for field, message in entry_rules(entry, today):
        errors[field] = message
    return (None, errors) if errors else (Logged(area, entry), {})


def keep_log(session: Session, logged: Logged, initiative: Initiative) -> str:
    """Add the entry, about ``initiative``, to its area's log; what to tell the room."""
    entry = logged.entry.model_copy(update={"initiative": initiative.id})
    session.add_row(log_table(logged.area), entry)
    return _("Logged as {kind} in {area}.").format(
        kind=LOG_KINDS.label(entry.kind).lower(), area=area_name(logged.area)
    )


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
        *,
        title: str = "",
        areas: Sequence[AreaId] = (),
    ) -> None:
        super().__init__()
        self.scale = scale
        self.typed = typed
        self.estimate = estimate.strip()
        self.today = today
        self.initiative_title = title.strip()
        """The initiative's title; without one, no log entry is offered."""
        self.areas = tuple(areas)

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
    ActualsDialog Input.-textual-compact { width: 1fr; background: $foreground 8%; }
    ActualsDialog Input.-textual-compact:focus { background: $primary 30%; }
    ActualsDialog .field-error { color: $text-error; }
    """

    def on_mount(self) -> None:
        self._last_field = self.query_one("#actuals-finished", Input)
        self._last_field.focus()  # the fields in order: finished, actual effort, outcome

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Input):
            self._last_field = event.widget
            event.widget.select_on_focus = True  # after on_key's return to the field

    def on_key(self, event: events.Key) -> None:
        """Text typed while a button has the focus goes on in the field last typed in,
        not lost on the button (space still presses it)."""
        if not isinstance(self.focused, Button) or not event.is_printable:
            return
        if event.character is None or event.character == " ":
            return
        event.stop()
        event.prevent_default()
        field = self._last_field
        field.select_on_focus = False  # keep what is there: the text goes on after it
        field.focus()
        field.insert_text_at_cursor(event.character)

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
        if not self.initiative_title:
            self.dismiss(actuals)
            return
        offer = LogOffer(actuals, self.initiative_title, self.areas, self.today)

        def answered(logged: Logged | None) -> None:
            self.dismiss(replace(actuals, log=logged))

        self.app.push_screen(offer, answered)

    @on(Button.Pressed, "#skip")
    def action_cancel(self) -> None:
        """Close without actuals (the editor's fields stay as they were)."""
        self.dismiss(None)


class LogOffer(ModalScreen[Logged | None]):
    """Done: log it as a success or a failure in an area? Escape skips."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("LogOffer")

    DEFAULT_CSS = """
    LogOffer .actuals-row { height: 1; }
    LogOffer .actuals-caption { width: 17; color: $text-muted; }
    LogOffer Input.-textual-compact { width: 1fr; background: $foreground 8%; }
    LogOffer Input.-textual-compact:focus { background: $primary 30%; }
    LogOffer Select { width: 1fr; }
    LogOffer .field-error { color: $text-error; }
    """

    def __init__(
        self,
        actuals: Actuals,
        title: str,
        areas: Sequence[AreaId] = (),
        today: Callable[[], datetime.date] = datetime.date.today,
    ) -> None:
        super().__init__()
        self.actuals = actuals
        self.initiative_title = title
        self.area: AreaId = areas[0] if areas else "prioritisation"
        """The initiative's own area first, else Prioritisation's log."""
        self.today = today

    def compose(self) -> ComposeResult:
        when = min(self.actuals.finished, self.today())
        with Vertical(classes="dialog", id="log-offer"):
            yield Label(Text(_("Log it as a success or a failure?")), classes="dialog-title")
            hint = _(
                "What happened and what the team learned go in the area's log of "
                "successes and failures. Escape skips it."
            )
            yield Static(Text(hint), classes="hint")
            with Horizontal(classes="actuals-row"):
                yield Label(_("Area"), classes="actuals-caption")
                options = [(area_name(a.id), a.id) for a in AREAS]
                yield Select(
                    options, value=self.area, allow_blank=False, id="log-area", compact=True
                )
            for key, caption, value in (
                ("date", _("Date"), when.isoformat()),
                ("name", _("What happened"), self.initiative_title),
                ("learned", _("What we learned"), self.actuals.outcome),
            ):
                with Horizontal(classes="actuals-row"):
                    yield Label(caption, classes="actuals-caption")
                    yield Input(value, id=f"log-{key}", compact=True)
                yield Static("", id=f"log-{key}-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                for kind in LOG_KINDS:
                    yield Button(LOG_KINDS.label(kind.key), id=f"log-{kind.key}", compact=True)
                yield Button(pgettext("evidence", "Skip"), id="log-skip", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#log-success", Button).focus()

    def read(self, kind: LogKind) -> Logged | None:
        """The entry as the fields say, errors shown under them; None when refused."""

        def value(key: str) -> str:
            return self.query_one(f"#log-{key}", Input).value

        area = self.query_one("#log-area", Select).value
        logged, errors = read_log(
            area if isinstance(area, str) else self.area,  # type: ignore[arg-type]
            kind,
            value("date"),
            value("name"),
            value("learned"),
            self.today,
        )
        for key in ("date", "name"):
            self.query_one(f"#log-{key}-error", Static).update(Text(errors.get(key, "")))
        return logged

    @on(Button.Pressed, "#log-success")
    def _success(self) -> None:
        self.keep("success")

    @on(Button.Pressed, "#log-failure")
    def _failure(self) -> None:
        self.keep("failure")

    def keep(self, kind: LogKind) -> None:
        """Close with the entry as a success or a failure, when it reads."""
        logged = self.read(kind)
        if logged is None:
            self.app.bell()
            return
        self.dismiss(logged)

    @on(Button.Pressed, "#log-skip")
    def action_cancel(self) -> None:
        """Close without logging anything."""
        self.dismiss(None)
