"""The keys of :mod:`kxplan.tui.actions` as Textual bindings, and as the help lists them."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from kxplan.i18n import _
from kxplan.tui.actions import actions_of, help_sections


def help_keys() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """(section, ((keys, what they do), …)), in the order the help screen shows them, in
    the current language."""
    return tuple((_(section.value), lines) for section, lines in help_sections())


def bindings_for(where: str) -> list[BindingType]:
    """The bindings of the class named ``where``, as the registry lists them.

    Their descriptions stay in English (Textual reads them when the class is made); the
    footer translates them where it shows them."""
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
