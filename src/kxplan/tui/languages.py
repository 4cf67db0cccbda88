"""The app's language: chosen at start, switched in the app (remembered), and the screens
shown again in it without losing a typed word, the ranking's method, order, filters and
cursor, or the view shown (ranking or matrix).

The language at start is ``--lang`` or ``KXPLAN_LANG`` (passed to the app), else the one
switched to last (``settings.json``), else kxplan's own (the system's). English needs no
catalogue, so an English start loads none.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, cast

from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, Select, TextArea

from kxplan import i18n
from kxplan.i18n import N_, Language, _
from kxplan.tui.action import shown
from kxplan.tui.actions import ACTIONS
from kxplan.tui.recent import remember_setting

if TYPE_CHECKING:  # found by type name: the app starts without the ranking's modules
    from kxplan.framework import Method
    from kxplan.tui.ranking_rows import Filters, SortKey
    from kxplan.tui.widgets.matrix import EffortImpactMatrix
    from kxplan.tui.widgets.ranking import RankingView

SETTING: Final = "language"
"""The key of the remembered language in ``settings.json``."""

TEXTUAL_COMMANDS: Final[dict[str, tuple[str, str]]] = {
    "Theme": (N_("Theme"), N_("Change the current theme")),
    "Minimize": (N_("Minimize"), N_("Minimize the widget and restore to normal size")),
    "Maximize": (N_("Maximize"), N_("Maximize the focused widget")),
}
"""Textual's own palette commands that kxplan keeps, in words to translate."""


def start_language(asked: str | None, remembered: str | None) -> Language:
    """The app's language at start: ``--lang``, the remembered one, else kxplan's own."""
    for code in (asked, remembered):
        found = i18n.known(code) if code else None
        if found is not None and i18n.has_catalogue(found):
            return found
    return i18n.current()


def next_language(code: Language) -> Language:
    """The language after ``code`` in the order offered (English → Svenska → English)."""
    order = list(i18n.LANGUAGES)
    return order[(order.index(code) + 1) % len(order)]


Typed = dict[str, object]
"""What the fields of a screen hold, by :func:`place`."""

_AMBIGUOUS: Final = object()
"""Held for a place two fields share: neither is put back (a wrong one would be saved)."""


def place(widget: Widget) -> str | None:
    """Where a field sits, by its id and its ancestors' ids (``step-2/notes-today``): the
    walk has one ``notes-today`` per area step, so the id alone would name seven."""
    if widget.id is None:
        return None
    ids = [node.id for node in widget.ancestors_with_self if isinstance(node, Widget) and node.id]
    return "/".join(reversed(ids))


@dataclass(frozen=True)
class Ranked:
    """What a ranked list shows beside the plan: the method, order and filters chosen
    with m, o, a, t, u, and the initiative under the cursor."""

    method: Method | None
    sort_by: SortKey
    filters: Filters
    cursor: str | None


@dataclass(frozen=True)
class Shown:
    """Which of a switcher's views is shown (the ranking or the matrix)."""

    current: str | None


@dataclass(frozen=True)
class Pointed:
    """The initiative under a matrix's cursor."""

    chosen: str | None


def views(screen: Screen[object]) -> Typed:
    """The state of the views that are not fields, by :func:`place`: each ranked list's
    choices and cursor, each switcher's view, each matrix's cursor."""
    found: Typed = {}
    for widget in screen.query("RankingView"):
        view = cast("RankingView", widget)
        key = place(view)
        if key is not None:
            found[key] = Ranked(view.method, view.sort_by, view.filters, view.highlighted_id)
    for widget in screen.query("EffortImpactMatrix"):
        matrix = cast("EffortImpactMatrix", widget)
        key = place(matrix)
        if key is not None:
            found[key] = Pointed(matrix.selected_id)
    for switcher in screen.query(ContentSwitcher):
        key = place(switcher)
        if key is not None:
            found[key] = Shown(switcher.current)
    return found


def review(screen: Screen[object], held: Typed) -> None:
    """Put what :func:`views` found back into the views at the same places."""
    for switcher in screen.query(ContentSwitcher):
        shown = held.get(place(switcher) or "")
        if isinstance(shown, Shown) and shown.current != switcher.current:
            with contextlib.suppress(Exception):  # a view no longer there stays as it is
                switcher.current = shown.current
    for widget in screen.query("RankingView"):
        view = cast("RankingView", widget)
        ranked = held.get(place(view) or "")
        if not isinstance(ranked, Ranked) or view.plan is None:
            continue
        view.method = ranked.method
        view.sort_by = ranked.sort_by
        view.filters = ranked.filters
        view.update_plan(view.plan)  # ranked once more, as chosen; the matrix follows
        if ranked.cursor is not None:
            view.highlight(ranked.cursor)
    for widget in screen.query("EffortImpactMatrix"):
        matrix = cast("EffortImpactMatrix", widget)
        pointed = held.get(place(matrix) or "")
        if isinstance(pointed, Pointed) and pointed.chosen is not None:
            # once the ranking's Changed has redrawn the matrix with the ranking chosen
            matrix.call_after_refresh(matrix.select, pointed.chosen)


def typed(screen: Screen[object]) -> Typed:
    """The text of every field of ``screen`` that has an id, and the choice of each
    drop-down, by :func:`place`."""
    found: Typed = {}
    for widget in screen.query("Input, TextArea, Select"):
        key = place(widget)
        if key is None:
            continue
        if key in found:
            found[key] = _AMBIGUOUS
        elif isinstance(widget, Input):
            found[key] = (widget.value, widget.cursor_position)
        elif isinstance(widget, TextArea):
            found[key] = (widget.text, widget.cursor_location)
        elif isinstance(widget, Select):
            found[key] = widget.value
    return found


def retype(screen: Screen[object], held: Typed) -> None:
    """Put what :func:`typed` found back into the fields at the same places."""
    for widget in screen.query("Input, TextArea, Select"):
        key = place(widget)
        if key is None or key not in held or held[key] is _AMBIGUOUS:
            continue
        value = held[key]
        if isinstance(widget, Input) and isinstance(value, tuple):
            if widget.value != value[0]:
                widget.value = value[0]
            widget.cursor_position = value[1]
        elif isinstance(widget, TextArea) and isinstance(value, tuple):
            if widget.text != value[0]:
                widget.load_text(value[0])
            widget.cursor_location = value[1]
        elif isinstance(widget, Select):
            with contextlib.suppress(Exception):  # a choice no longer offered stays unset
                widget.value = value


class LanguageSwitching(App[None]):
    """Mixed into the app: its language, the switch, and the palette's own words."""

    config_dir: Path
    _stale_screens: set[Screen[object]] = set()  # noqa: RUF012 - replaced, never mutated
    """Screens still in the language before the last switch, shown again when uncovered."""

    def action_toggle_language(self) -> None:
        """Show kxplan in the next language (English ⇄ Svenska); the next start keeps it."""
        self.run_worker(self.use_language(next_language(i18n.current())), group="language")

    async def use_language(self, code: Language) -> None:
        """Switch to ``code`` and show the screen again in it, keeping what is typed; the
        screens under it follow when they are shown again (:meth:`pop_screen`)."""
        i18n.set_language(code)
        remember_setting(self.config_dir, SETTING, code)
        self._stale_screens = {s for s in self.screen_stack if s.id != "_default"}
        await self._relabel(self.screen)
        self.notify(_("Language: {language}").format(language=i18n.LANGUAGES[code]))

    async def _relabel(self, screen: Screen[object]) -> None:
        """Compose ``screen`` again in the language now chosen, with what its fields hold."""
        self._stale_screens.discard(screen)
        held, shown = typed(screen), views(screen)
        focused = place(self.focused) if self.focused is not None else None
        relabel = getattr(screen, "relabel", None)
        if callable(relabel):
            await relabel()  # the screen knows how (the walk keeps its step widgets)
        else:
            await screen.recompose()
        retype(screen, held)
        review(screen, shown)
        if screen is self.screen and focused is not None:
            again = next((w for w in screen.query("*") if place(w) == focused), None)
            if again is not None:
                again.focus(scroll_visible=False)
        self.refresh_bindings()

    def pop_screen(self) -> AwaitComplete:
        popped = super().pop_screen()
        if self.screen in self._stale_screens:
            # after the dismissed dialog's answer has reached the widget that asked
            self.call_after_refresh(self.run_worker, self._relabel(self.screen), group="language")
        return popped

    def action_command_palette(self) -> None:
        """The command palette, its placeholder in kxplan's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = _("Search for commands…")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            # ours: quit asks about unsaved changes first, the keys are f1's help (one
            # entry), a screenshot is saved beside the plan
            if command.title in ("Quit", "Keys", "Screenshot"):
                continue
            words = TEXTUAL_COMMANDS.get(command.title)
            if words is None:
                yield command
            else:
                yield SystemCommand(_(words[0]), _(words[1]), command.callback)
        quit_action = next(a for a in ACTIONS if a.where == "KxplanApp" and a.name == "quit")
        yield SystemCommand(
            _("Quit"),
            f"{shown(quit_action, quit_action.description)} ({quit_action.keys})",
            self.action_quit,
        )
