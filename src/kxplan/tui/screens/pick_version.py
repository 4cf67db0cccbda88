"""Choosing the version a check-in compares with: the previous one saved, or any snapshot
or commit of the plan, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from kxplan.i18n import _
from kxplan.text.literal import printable
from kxplan.tui.keys import bindings_for
from kxplan.versions.since import Earlier

PREVIOUS = "\x00previous"
"""The option of the previous version saved (no name can hold a NUL)."""


def earlier_text(item: Earlier) -> str:
    """``2026-11-24 10:15 · snapshot · after workshop 2`` / ``… · commit · a1b2c3d subject``."""
    when = item.when.strftime("%Y-%m-%d %H:%M") if item.when else ""
    if item.kind == "snapshot":
        kind = _("snapshot")
        said = item.title or item.name
    else:
        kind = _("commit")
        said = f"{item.name} {item.title}"
    return printable(" · ".join(part for part in (when, kind, said) if part))


class PickVersion(ModalScreen[str | None]):
    """The versions to compare with; dismissed with the chosen name ("" for the previous
    one saved) or None."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("PickVersion")

    def __init__(self, versions: Sequence[Earlier]) -> None:
        super().__init__()
        self.versions = tuple(versions)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pick-version"):
            yield Label(_("Compare with which version?"), classes="dialog-title")
            yield OptionList(
                Option(Text(_("The previous version saved")), id=PREVIOUS),
                *(
                    Option(Text(earlier_text(item)), id=f"v{index}")
                    for index, item in enumerate(self.versions)
                ),
            )

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        if key == PREVIOUS:
            self.dismiss("")
            return
        self.dismiss(self.versions[int(key[1:])].name)

    def action_cancel(self) -> None:
        """Keep the version compared with."""
        self.dismiss(None)
