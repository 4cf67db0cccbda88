"""Ask for one line of text (a file path, a number of minutes) and check it as it is typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from kxplan.i18n import _
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter

Checker = Callable[[str], str]
"""Returns what is wrong with the text, or "" when it is fine."""


class Prompt(ModalScreen[str | None]):
    """One question, one line of answer; returns the text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("Prompt")

    def __init__(
        self, title: str, hint: str, value: str = "", check: Checker | None = None
    ) -> None:
        super().__init__()
        self.prompt_title = title
        self.hint = hint
        self.start_value = value
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="prompt"):
            yield Label(Text(self.prompt_title), classes="dialog-title")
            yield Static(Text(self.hint), classes="hint")
            yield Input(self.start_value, id="prompt-input")
            yield Static("", id="prompt-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("OK"), variant="primary", id="ok", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._validate()

    def _validate(self) -> str:
        problem = self.check(self.query_one(Input).value) if self.check else ""
        self.query_one("#prompt-error", Static).update(Text(problem))
        self.query_one("#ok", Button).disabled = bool(problem)
        return problem

    @on(Input.Changed)
    def _changed(self) -> None:
        self._validate()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        if not self._validate():
            self.dismiss(self.query_one(Input).value.strip())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)
