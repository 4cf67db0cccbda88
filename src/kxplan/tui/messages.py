"""Messages the walk's parts send up to the walk screen."""

from __future__ import annotations

from textual.message import Message


class PlanEdited(Message):
    """Something in the plan changed: the screen updates the unsaved marker and the views."""


class AboutInitiative(Message):
    """A message about one initiative."""

    def __init__(self, initiative_id: str) -> None:
        super().__init__()
        self.initiative_id = initiative_id
        """Id of the initiative."""


class EditInitiative(AboutInitiative):
    """Open the initiative editor on this initiative."""


class DeleteInitiative(AboutInitiative):
    """Delete this initiative, after asking."""
