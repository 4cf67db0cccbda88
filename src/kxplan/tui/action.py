"""What one key or palette command is: :class:`Action`, the help's :class:`Section`s, and
an action's texts as they read in the current language (:func:`shown`). The registry of
every action is :mod:`kxplan.tui.actions`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from kxplan.i18n import N_, _
from kxplan.tui.walk_steps import STEPS, step_name, step_names, step_short


class Section(StrEnum):
    """The help screen's headings, in the order it shows them."""

    ANYWHERE = N_("Anywhere")
    WALK = N_("The walk")
    TABLE = N_("In a table, or on its step outside text fields")
    PRIORITISATION = N_("Prioritisation step")
    VERSIONS = N_("Versions and exports")
    ROOM = N_("The room")
    FORM = N_("In a form")


TEXTUAL: Final = "textual"
"""``where`` for keys Textual itself binds (the palette, moving the focus)."""


@dataclass(frozen=True, slots=True)
class Action:
    """One key (or palette command) and what it does."""

    keys: str
    """The key as Textual spells it, several separated by commas ("" for palette only)."""
    action: str
    """The action it runs, e.g. ``save`` or ``go_to(3)``."""
    where: str
    """The class whose bindings hold it (``KxplanApp``, ``WalkScreen``, ``AreaTable``…)."""
    label: str = ""
    """The footer's word for it."""
    description: str = ""
    """What it does, as the help screen says it."""
    section: Section | None = None
    """The help section listing it; None keeps it out of the help."""
    shown_keys: str = ""
    """The keys as the help writes them, when not just ``keys`` ("f1 or ?")."""
    show: bool = True
    """Whether the footer shows it."""
    priority: bool = False
    key_display: str | None = None
    palette: str = ""
    """The command palette's name for it ("" when the palette does not offer it)."""
    palette_help: str = ""
    """The palette's line under the name, when not the description."""
    needs_plan: bool = False
    """The palette offers it only while a plan is open."""
    step: int | None = None
    """The step a ``go_to`` action shows (its texts name the step)."""
    export_name: str = ""
    """The format an ``export`` action writes (its texts name it)."""
    aliases: tuple[str, ...] = ()
    """Other words the palette finds it by, whatever the language ("Språk")."""

    @property
    def help_keys(self) -> str:
        """The keys as the help screen shows them."""
        return _(self.shown_keys) if self.shown_keys else self.keys

    @property
    def name(self) -> str:
        """The action's name without its parameters: ``go_to`` for ``go_to(3)``."""
        return self.action.split("(", 1)[0]


def shown(action: Action, text: str) -> str:
    """One of ``action``'s texts (its label, description, palette name or help) in the
    current language, its step or format filled in."""
    if not text:
        return ""
    said = _(text)
    if action.step is not None:
        first, last = STEPS[0], STEPS[-1]
        info = STEPS[action.step]
        said = said.format(
            number=action.step,
            step=step_name(info),
            first=f"0 {step_short(first)}",
            last=f"{len(STEPS) - 1} {step_short(last)}",
        )
    elif action.export_name:
        said = said.format(format=action.export_name)
    return said


def search_names(action: Action) -> tuple[str, ...]:
    """Other names the palette finds ``action`` by: a step's name in every language
    ("Förankring" and "Anchoring" both find step 7)."""
    if action.step is None:
        return action.aliases
    return step_names(STEPS[action.step])
