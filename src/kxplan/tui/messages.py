"""Messages the walk's parts send up to the walk screen."""

from __future__ import annotations

from textual.message import Message


class PlanEdited(Message):
    """Something in the plan changed: the screen updates the unsaved marker and the views."""


class EditInitiative(Message):
    """Open the initiative editor on this initiative."""

    def __init__(self, initiative_id: str) -> None:
        super().__init__()
        self.initiative_id = initiative_id


class DeleteInitiative(Message):
    """Delete this initiative, after asking."""

    def __init__(self, initiative_id: str) -> None:
        super().__init__()
        self.initiative_id = initiative_id
