"""A drop-down in a form: enter keeps the form, as in any field; space opens it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Select

from kxplan.tui.keys import bindings_for


class FormSelect(Select[str]):
    """A drop-down in a form: enter on it (closed) does what enter does in the form's other
    fields; space or alt+down opens it (up and down too), enter in the open list picks."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("FormSelect")

    class Submitted(Message):
        """Enter was pressed on the closed drop-down."""

    def action_submit(self) -> None:
        """Tell the form that enter was pressed here."""
        self.post_message(self.Submitted())
