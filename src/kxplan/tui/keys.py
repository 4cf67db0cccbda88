"""The keys of :mod:`kxplan.tui.actions` as Textual bindings, and as the help lists them."""

from __future__ import annotations

from typing import Final

from textual.binding import Binding, BindingType

from kxplan.tui.actions import actions_of, help_sections

KEYS: Final[tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = tuple(
    (section.value, lines) for section, lines in help_sections()
)
"""(section, ((keys, what they do), …)), in the order the help screen shows them."""


def bindings_for(where: str) -> list[BindingType]:
    """The bindings of the class named ``where``, as the registry lists them."""
    return [
        Binding(
            action.keys,
            action.action,
            action.label,
            show=action.show,
            priority=action.priority,
            key_display=action.key_display,
        )
        for action in actions_of(where)
    ]
