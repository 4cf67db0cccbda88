"""The footer of every screen: save, help and quit always, then the keys of what has the focus
as far as they fit — compact on narrow terminals, never over the palette's hint."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from kxplan.i18n import N_, _

COMPACT_BELOW: Final = 100
"""Terminal widths under this get the compact footer."""

ESSENTIAL_KEYS: Final = ("ctrl+s", "f1", "ctrl+q")
"""Save, help and quit: shown on every screen, at every width. Where a screen gives
``ctrl+s`` a meaning of its own (keep a row, save an initiative), that meaning shows."""

TEXTUAL_WORDS: Final = {"palette": N_("palette")}
"""The words of Textual's own bindings the footer shows, marked for translation."""

PALETTE_ROOM: Final = 11
"""The width the palette's hint (``▏^p palette``) takes at the right (one more when not
compact)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One key (or a group of keys under one label) the footer may show."""

    bindings: tuple[tuple[Binding, bool, str], ...]
    """(binding, enabled, tooltip) of each key."""
    label: str
    """The group's label, or "" for a single key (its own description shows)."""

    def width(self, app_key_display: dict[str, str], *, compact: bool) -> int:
        """The cells the entry takes in the footer (see Textual's footer CSS)."""
        if self.label and len(self.bindings) > 1:
            keys = sum(len(app_key_display[b.key]) for b, _e, _t in self.bindings)
            gaps = len(self.bindings) - 1 if compact else 2 * len(self.bindings)
            return keys + gaps + (1 if compact else 0) + len(said(self.label)) + 1 + 1
        binding = self.bindings[0][0]
        shown = len(app_key_display[binding.key])
        description = len(said(binding.description))
        if compact:
            return shown + (1 + description if description else 0) + 1
        return shown + 2 + (description + 1 if description else 0)


@dataclass(frozen=True, slots=True)
class Layout:
    """The keys a footer shows, as compared to decide whether to compose it again."""

    entries: tuple[Entry, ...]
    widths: tuple[tuple[str, str], ...]
    """(key, how it is displayed) of every key."""
    compact: bool
    words: tuple[str, ...]
    """The shown descriptions in the current language (a language switch changes them)."""


def fitting(entries: list[Entry], essentials: list[Entry], room: int, widths: dict[str, str],
            *, compact: bool) -> list[Entry]:  # fmt: skip
    """The entries shown: every essential, and the others in order while they fit."""
    left = room - sum(e.width(widths, compact=compact) for e in essentials)
    shown: list[Entry] = []
    for entry in entries:
        width = entry.width(widths, compact=compact)
        if width > left:
            break
        shown.append(entry)
        left -= width
    return shown


def said(text: str) -> str:
    """A binding's words in the current language ("" stays "")."""
    return _(text) if text else ""


class KeyFooter(Footer):
    """Textual's footer, with save, help and quit on every screen and nothing drawn over."""

    def on_resize(self, event: events.Resize) -> None:
        compact = event.size.width < COMPACT_BELOW
        if compact != self.compact:
            self.compact = compact
        self.call_after_refresh(self.recompose)

    def _entries(self) -> tuple[list[Entry], list[Entry]]:
        """(the screen's keys, the essentials) as the footer may show them."""
        active = self.screen.active_bindings
        app = self.app
        essentials: list[Entry] = []
        for key in ESSENTIAL_KEYS:
            found = active.get(key)
            if found is not None:  # the screen's own ctrl+s (keep row) even when hidden
                essentials.append(Entry(((found.binding, found.enabled, found.tooltip),), ""))
                continue
            for binding in app._bindings.key_to_bindings.get(key, ()):
                state = app._check_action_state(binding.action, app)
                if state is not False:
                    essentials.append(Entry(((binding, bool(state), binding.tooltip),), ""))
                    break
        by_action: dict[str, list[tuple[Binding, bool, str]]] = {}
        for key, (_node, binding, enabled, tooltip) in active.items():
            if binding.show and key not in ESSENTIAL_KEYS and key != app.COMMAND_PALETTE_BINDING:
                by_action.setdefault(binding.action, []).append((binding, enabled, tooltip))
        entries: list[Entry] = []
        for keys in by_action.values():
            group = keys[0][0].group
            if group is not None and entries and entries[-1].label == group.description:
                last = entries.pop()
                entries.append(Entry((*last.bindings, keys[0]), last.label))
            elif group is not None:
                entries.append(Entry((keys[0],), group.description))
            else:
                entries.append(Entry((keys[0],), ""))
        return entries, essentials

    _drawn: Layout | None = None
    """The layout the footer's keys were last composed from."""

    def _layout(self) -> Layout:
        """What the footer shows now: the entries that fit, with their keys' display."""
        entries, essentials = self._entries()
        widths = {
            binding.key: self.app.get_key_display(binding)
            for entry in entries + essentials
            for binding, _e, _t in entry.bindings
        }
        room = (self.size.width or self.app.size.width) - PALETTE_ROOM - (not self.compact)
        shown = fitting(entries, essentials, room, widths, compact=self.compact)
        drawn = (*shown, *essentials)
        words = tuple(said(e.label) for e in drawn) + tuple(
            said(binding.description) for e in drawn for binding, _e, _t in e.bindings
        )
        return Layout(drawn, tuple(widths.items()), self.compact, words)

    async def recompose(self) -> None:
        """Compose the keys again only when what they show changed: bindings change on
        every focus move, and most moves leave the footer as it was."""
        if self._bindings_ready and self.is_attached and self._layout() == self._drawn:
            return
        await super().recompose()

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        layout = self._drawn = self._layout()
        widths = dict(layout.widths)
        for entry in layout.entries:
            yield from self._keys(entry, widths)
        yield from self._palette()

    def _keys(self, entry: Entry, widths: dict[str, str]) -> Iterator[Widget]:
        if entry.label and len(entry.bindings) > 1:
            with KeyGroup():
                for binding, enabled, tooltip in entry.bindings:
                    yield FooterKey(
                        binding.key,
                        widths[binding.key],
                        "",
                        binding.action,
                        disabled=not enabled,
                        tooltip=tooltip or said(binding.description),
                        classes="-grouped",
                    ).data_bind(compact=Footer.compact)
            yield FooterLabel(said(entry.label))
            return
        binding, enabled, tooltip = entry.bindings[0]
        yield FooterKey(
            binding.key,
            widths[binding.key],
            said(binding.description),
            binding.action,
            disabled=not enabled,
            tooltip=tooltip,
        ).data_bind(compact=Footer.compact)

    def _palette(self) -> Iterator[FooterKey]:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return
        for binding in self.app._bindings.key_to_bindings.get(self.app.COMMAND_PALETTE_BINDING, ()):
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                said(TEXTUAL_WORDS.get(binding.description, binding.description)),
                binding.action,
                classes="-command-palette",
                tooltip=binding.tooltip or said(binding.description),
            )
            return
