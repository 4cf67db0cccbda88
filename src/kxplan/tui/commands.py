"""The command palette: every action the registry offers there, for what is on screen."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.actions import parse
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from kxplan.tui.action import Action, search_names, shown
from kxplan.tui.actions import palette_actions

if TYPE_CHECKING:
    from kxplan.tui.app import KxplanApp

Command = tuple[str, str, Callable[[], object], tuple[str, ...]]
"""(name, help, callback, other names it is found by), in the current language."""


def command(action: Action, target: DOMNode) -> Command:
    """The palette's entry for ``action``, run on ``target`` (the app, the walk, a step)."""
    _namespace, name, parameters = parse(action.action)
    help_text = shown(action, action.palette_help or action.description)
    if action.keys:
        help_text += f" ({action.help_keys})"
    callback = partial(getattr(target, f"action_{name}"), *parameters)
    return shown(action, action.palette), help_text, callback, search_names(action)


def commands(app: KxplanApp) -> list[Command]:
    """What can be done now: the app's actions, with a plan the plan's, in the walk its."""
    found = [
        command(action, app)
        for action in palette_actions("KxplanApp")
        if app.session is not None or not action.needs_plan
    ]
    walk = app.walk_screen
    if walk is not None:
        found += [command(action, walk) for action in palette_actions("WalkScreen")]
        step = walk.current_step  # a step's own commands: prioritisation's, the check-in's
        found += [command(action, step) for action in palette_actions(type(step).__name__)]
    return found


class KxplanCommands(Provider):
    """Every kxplan action in the command palette, and each step of the walk by name."""

    def commands(self) -> list[Command]:
        """(name, help, callback) for what can be done on the current screen."""
        from kxplan.tui.app import KxplanApp

        app = self.app
        assert isinstance(app, KxplanApp)
        return commands(app)

    async def discover(self) -> Hits:
        for name, help_text, callback, _others in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, others in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
                continue
            # a step by its name in another language: "Anchoring" finds Förankring
            other = max((matcher.match(o) for o in others), default=0)
            if other > 0:
                also = ", ".join(o for o in others if o not in name)
                yield Hit(other, f"{name} ({also})", callback, help=help_text)
