"""Add a reading to a KPI: the date it was measured, the value, where it came from and a
note. Dismisses with a checked :class:`~kxplan.model.followup.Reading`, or None.

The value is checked against the KPI's scale and the date against its other readings
as it is typed (the session's rules, :func:`kxplan.model.followup.reading_problems`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import ClassVar, Final

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from kxplan.i18n import _, pgettext
from kxplan.model import Kpi
from kxplan.model.followup import Reading, progress, reading_problems
from kxplan.tui.forms import read_number
from kxplan.tui.initiative_followup import read_date
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter

FIELDS: Final = ("date", "value", "source", "note")


def read_reading(kpi: Kpi, texts: dict[str, str]) -> tuple[Reading | None, dict[str, str]]:
    """The reading typed, or what is wrong with it, by field."""
    errors: dict[str, str] = {}
    when: datetime.date | None = None
    value: float | None = None
    try:
        when = read_date(texts.get("date", ""))
        if when is None:
            errors["date"] = _("expected the date it was measured, as YYYY-MM-DD")
    except ValueError as error:
        errors["date"] = str(error)
    try:
        value = read_number(texts.get("value", ""))
        if value is None:
            errors["value"] = _("expected the value measured")
    except ValueError as error:
        errors["value"] = str(error)
    if errors or when is None or value is None:
        return None, errors
    try:
        reading = Reading(
            date=when,
            value=value,
            source=texts.get("source", "").strip(),
            note=texts.get("note", "").strip(),
        )
    except ValidationError as error:  # pragma: no cover - the fields are read above
        return None, {"value": str(error)}
    readings = [*kpi.readings, reading]
    for number, field, message in reading_problems(kpi, readings):
        if number == len(readings) - 1:
            errors.setdefault(field, message)
    return (None, errors) if errors else (reading, {})


def standing(kpi: Kpi) -> str:
    """Baseline → latest → target, for the dialog's hint."""
    found = progress(kpi)
    latest = found.latest.value if found.latest else None
    return _("{baseline} → latest {latest} → target {target}").format(
        baseline=kpi.shown(kpi.baseline), latest=kpi.shown(latest), target=kpi.shown(kpi.target)
    )


class ReadingDialog(ModalScreen[Reading | None]):
    """A new reading of one KPI."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("ReadingDialog")

    DEFAULT_CSS = """
    ReadingDialog .reading-row { height: 1; }
    ReadingDialog .reading-caption { width: 10; color: $text-muted; }
    ReadingDialog Input.-textual-compact { width: 1fr; }
    ReadingDialog .field-error { color: $text-error; }
    """

    def __init__(self, kpi: Kpi, today: Callable[[], datetime.date] = datetime.date.today) -> None:
        super().__init__()
        self.kpi = kpi
        self.today = today

    def compose(self) -> ComposeResult:
        kpi = self.kpi
        with Vertical(classes="dialog", id="reading"):
            title = _("A reading of {kpi} ({channel})").format(
                kpi=kpi.shown_label, channel=kpi.shown_channel
            )
            yield Label(Text(title), classes="dialog-title")
            yield Static(Text(standing(kpi)), classes="hint")
            placeholders = {
                "date": "YYYY-MM-DD",
                "value": _("on the {span} scale").format(span=kpi.scale_term.span),
                "source": _("e.g. survey Q3, ACD report"),
                "note": "",
            }
            captions = {
                "date": pgettext("evidence", "Date"),
                "value": pgettext("evidence", "Value"),
                "source": pgettext("evidence", "Source"),
                "note": pgettext("evidence", "Note"),
            }
            for key in FIELDS:
                with Horizontal(classes="reading-row"):
                    yield Label(captions[key], classes="reading-caption")
                    start = self.today().isoformat() if key == "date" else ""
                    yield Input(
                        start, id=f"reading-{key}", compact=True, placeholder=placeholders[key]
                    )
                yield Static("", id=f"reading-{key}-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    pgettext("evidence", "Keep"), variant="primary", id="keep", compact=True
                )
                yield Button(pgettext("evidence", "Cancel"), id="cancel", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#reading-value", Input).focus()

    def _read(self, *, show_all: bool = False) -> Reading | None:
        texts = {key: self.query_one(f"#reading-{key}", Input).value for key in FIELDS}
        reading, errors = read_reading(self.kpi, texts)
        for key in FIELDS:
            shown = errors.get(key, "") if show_all or texts[key] else ""
            self.query_one(f"#reading-{key}-error", Static).update(Text(shown))
        return reading

    @on(Input.Changed)
    def _changed(self) -> None:
        self._read()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "reading-note":
            self.action_keep()
        else:
            self.focus_next()

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        """Close with the reading, when it reads."""
        reading = self._read(show_all=True)
        if reading is None:
            self.app.bell()
            return
        self.dismiss(reading)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without a reading."""
        self.dismiss(None)
