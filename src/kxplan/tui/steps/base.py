"""What every step of the walk has: the session it edits, and a way to show it afresh."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import TextArea

from kxplan.session import Session
from kxplan.tui.keys import bindings_for
from kxplan.tui.messages import PlanEdited
from kxplan.tui.widgets.scroll import Scroll


def step_header(title: str, purpose: str) -> Content:
    """A step's title followed by its purpose, as one paragraph (two lines, not three)."""
    return Content.assemble((title, "bold $text-primary"), "  ", purpose)


class Step(Scroll):
    """One step of the walk; scrolls when the terminal is small."""

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="step")
        self.session = session

    def reload(self) -> None:
        """Show the plan as it is now (called when the step is shown)."""

    def relabelled(self) -> None:
        """Composed again in another language: show the plan in the new widgets."""
        self.reload()

    def focus_on_arrival(self) -> None:
        """Focus what the room works with first when the step is shown: the step itself
        (its keys then work at once, and arrows scroll it), unless a step knows better."""
        self.focus()

    def edited(self, changed: bool = True) -> None:
        """Tell the walk that a session operation changed the plan (when ``changed``)."""
        if changed:
            self.post_message(PlanEdited())


class Resized(Message):
    """A step's note or work area changed size: the notes may need another height."""


class StepWork(Vertical):
    """Where a step's tables are; says when its size changes."""

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(Resized())


class NotesArea(TextArea):
    """Notes for one question (the question is the frame's title); every keystroke reaches
    the plan, so nothing typed is lost. The note grows with its text (up to a share of the
    screen, see the stylesheet); f3 opens it full screen."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("NotesArea")

    def __init__(
        self, text: str, question: str, *, heading: str = "", id: str | None = None
    ) -> None:
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="focus", classes="notes")
        self.border_title = question
        self.heading = f"{heading} · {question}" if heading else question
        """What the full-screen note is headed with: the step and the question."""

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(Resized())  # wrapped anew to the width: the height may change

    def action_full_screen(self) -> None:
        """Show this note full screen, for the projector; edited there, it changes here."""
        from kxplan.tui.screens.note import NoteScreen

        self.app.push_screen(NoteScreen(self, self.heading))
