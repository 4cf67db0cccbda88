"""What every step of the walk has: the session it edits, and a way to show it afresh."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import TextArea

from kxplan.session import Session
from kxplan.tui.messages import PlanEdited


def step_header(title: str, purpose: str) -> Content:
    """A step's title followed by its purpose, as one paragraph (two lines, not three)."""
    return Content.assemble((title, "bold $text-primary"), "  ", purpose)


class Step(VerticalScroll):
    """One step of the walk; scrolls when the terminal is small."""

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="step")
        self.session = session

    def reload(self) -> None:
        """Show the plan as it is now (called when the step is shown)."""

    def focus_on_arrival(self) -> None:
        """Focus what the room works with first when the step is shown: the step itself
        (its keys then work at once, and arrows scroll it), unless a step knows better."""
        self.focus()

    def edited(self, changed: bool = True) -> None:
        """Tell the walk that a session operation changed the plan (when ``changed``)."""
        if changed:
            self.post_message(PlanEdited())


class NotesArea(TextArea):
    """Notes for one question (the question is the frame's title); every keystroke reaches
    the plan, so nothing typed is lost."""

    def __init__(self, text: str, question: str, *, id: str | None = None) -> None:
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="focus", classes="notes")
        self.border_title = question
