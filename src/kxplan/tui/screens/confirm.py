"""A question with a few answers, e.g. save / discard / cancel."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from kxplan.i18n import _, ngettext
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter


class Answer(StrEnum):
    """What a question can be answered with."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"
    OVERWRITE = "overwrite"
    DELETE = "delete"
    CLOSE = "close"
    RESUME = "resume"
    MERGE = "merge"
    RELOAD = "reload"


Choice = tuple[Answer, str, str]
"""(answer, button label, button variant: "primary", "error", "default", …)."""


class Confirm(ModalScreen[Answer]):
    """Ask a question; returns the chosen answer, or ``cancel_answer`` on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("Confirm")

    def __init__(
        self,
        title: str,
        message: str,
        choices: Sequence[Choice],
        cancel_answer: Answer = Answer.CANCEL,
        focus_answer: Answer | None = None,
    ) -> None:
        super().__init__()
        self.question_title = title
        self.message = message
        self.choices = tuple(choices)
        self.cancel_answer = cancel_answer
        self.focus_answer = focus_answer or self.choices[0][0]
        """The answer whose button has the focus at first (Enter picks it)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm"):
            yield Label(Text(self.question_title), classes="dialog-title")
            yield Static(Text(self.message), id="confirm-message")
            with Horizontal(classes="dialog-buttons"):
                for answer, label, variant in self.choices:
                    yield Button(label, variant=variant, id=f"answer-{answer}", compact=True)  # type: ignore[arg-type]
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(f"#answer-{self.focus_answer}", Button).focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss(Answer((event.button.id or "").removeprefix("answer-")))

    def action_cancel(self) -> None:
        """Escape: the cancelling answer."""
        self.dismiss(self.cancel_answer)


def unsaved_changes(name: str) -> Confirm:
    """Save / discard / cancel for a plan with unsaved changes."""
    return Confirm(
        _("Unsaved changes"),
        _("{plan} has changes that are not saved yet.").format(plan=name),
        [
            (Answer.SAVE, _("Save"), "primary"),
            (Answer.DISCARD, _("Discard"), "error"),
            (Answer.CANCEL, _("Cancel"), "default"),
        ],
    )


def delete_row(what: str) -> Confirm:
    """Delete / cancel for one row."""
    return Confirm(
        _("Delete?"),
        _("Delete {what}? This cannot be undone (unless you do not save).").format(what=what),
        [(Answer.DELETE, _("Delete"), "error"), (Answer.CANCEL, _("Cancel"), "default")],
        focus_answer=Answer.CANCEL,
    )


def delete_initiative(title: str, dependents: list[str]) -> Confirm:
    """Delete / cancel for an initiative, naming those that depend on it."""
    message = _("Delete the initiative {title}?").format(title=repr(title))
    if dependents:
        names = ", ".join(repr(name) for name in dependents)
        depend = ngettext(
            "{names} depends on it and will not any more.",
            "{names} depend on it and will not any more.",
            len(dependents),
        )
        message += " " + depend.format(names=names)
    message += " " + _("To keep it on record instead, set its status to dropped.")
    return Confirm(
        _("Delete initiative?"),
        message,
        [(Answer.DELETE, _("Delete"), "error"), (Answer.CANCEL, _("Cancel"), "default")],
        focus_answer=Answer.CANCEL,
    )


def file_exists(path: Path) -> Confirm:
    """Overwrite / cancel for saving over another existing file."""
    return Confirm(
        _("File exists"),
        _("{path} already exists. Overwrite it with this plan?").format(path=path),
        [(Answer.OVERWRITE, _("Overwrite"), "error"), (Answer.CANCEL, _("Cancel"), "default")],
        focus_answer=Answer.CANCEL,
    )
