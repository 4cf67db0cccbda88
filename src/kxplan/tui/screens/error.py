"""Why a plan could not be opened, problem by problem, with the way back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Label, Static

from kxplan.i18n import _, ngettext
from kxplan.storage import Problem
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.tui.widgets.scroll import Scroll


def describe_problems(problems: Sequence[Problem]) -> Text:
    """Each problem on its own lines: where (line and key path), then what is wrong."""
    text = Text()
    for number, problem in enumerate(problems, 1):
        if problem.line is not None and problem.column is not None:
            where = _("line {line}, column {column}").format(
                line=problem.line, column=problem.column
            )
        elif problem.line is not None:
            where = _("line {line}").format(line=problem.line)
        else:
            where = _("whole file")
        if problem.place:
            where += f", {problem.place}"
        text.append(f"{number}. {where}\n", style="bold")
        text.append(f"   {problem.message}\n")
    return text


class ErrorScreen(Screen[None]):
    """A plan file that cannot be opened: the problems, and a way back to the start."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("ErrorScreen")

    class Back(Message):
        """The user wants to go back to the welcome screen."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.source = source
        self.problems = tuple(problems)
        self.sub_title = _("could not open the plan")

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="error-body"):
            title = _("Could not open {file}").format(file=self.source)
            yield Label(Text(title), classes="screen-title error-title")
            count = len(self.problems)
            yield Static(
                Text(
                    ngettext(
                        "The file has {count} problem. Fix it in an editor (or run "
                        "`kxplan validate`) and open it again.",
                        "The file has {count} problems. Fix it in an editor (or run "
                        "`kxplan validate`) and open it again.",
                        count,
                    ).format(count=count)
                ),
                classes="hint",
            )
            with Scroll(id="problems"):
                yield Static(describe_problems(self.problems), id="problem-list")
            yield Button(_("Back to welcome"), variant="primary", id="back")

        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#back", Button).focus()

    def on_button_pressed(self) -> None:
        self.action_back()

    def action_back(self) -> None:
        """Return to the welcome screen."""
        self.post_message(self.Back())
