"""One note, full screen, for the projector: edited there, every keystroke reaching the plan."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from kxplan.i18n import _
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter


class NoteScreen(ModalScreen[None]):
    """The focused note filling the screen. What is typed goes into the note it came from
    at once (and so into the plan); escape or ctrl+s goes back to the step."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("NoteScreen")

    def __init__(self, source: TextArea, title: str) -> None:
        super().__init__(classes="full-screen")
        self.source = source
        """The step's note: it gets every change."""
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="full-panel", id="note-panel"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            editor = TextArea(
                self.source.text, id="note-full", soft_wrap=True, tab_behavior="focus"
            )
            editor.placeholder = self.source.placeholder
            editor.border_title = self.source.border_title
            yield editor
            yield Static(_("escape or ctrl+s: back to the step (nothing is lost)"), classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        editor = self.query_one("#note-full", TextArea)
        editor.cursor_blink = self.source.cursor_blink
        editor.move_cursor(self.source.cursor_location)
        editor.focus()

    @on(TextArea.Changed, "#note-full")
    def _changed(self, event: TextArea.Changed) -> None:
        if self.source.text != event.text_area.text:
            self.source.text = event.text_area.text  # the step puts it in the plan

    def action_close(self) -> None:
        """Back to the step, the note's cursor where it was here."""
        editor = self.query_one("#note-full", TextArea)
        self.source.move_cursor(editor.cursor_location)
        self.dismiss(None)
