"""Two versions of a plan side by side: what was added, removed, changed or moved.

The changes come from :func:`kxplan.versions.comparison.compare`, grouped by
section (and per area) and phrased as ``kxplan diff`` phrases them, by the same
functions (:mod:`kxplan.reports.comparison`). Each row shows where the change
is (initiatives by title, scores by label), the old value and the new one;
the value columns are as wide as their longest value needs and "what" takes the
rest. Added rows are green, removed red, changed and moved yellow (CSS classes,
so both themes have their own shades), with a sign in front so colour is not
the only cue. Choosing a row closes the screen
with a :class:`Jump` to the step of the walk where that part of the plan is
edited.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Final

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Label, ListItem, ListView, Static

from kxplan.i18n import N_, _, ngettext
from kxplan.reports import comparison as report
from kxplan.reports.comparison import (
    SECTION_TITLES,
    Titles,
    describe,
    is_long_text,
    labels_of,
    quadrant_text,
    rank_text,
    shifted_note,
    trend_note,
    value_text,
    value_texts,
    where_parts,
)
from kxplan.text.literal import printable
from kxplan.tui.screens.walk import STEPS
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.versions.changes import Change, Comparison

MAX_ROWS: Final = 400
"""Changes listed at most; the rest are counted (``kxplan diff`` shows them all)."""

OVERVIEW_STEP: Final = 0
PRIORITISATION_STEP: Final = next(
    index for index, info in enumerate(STEPS) if info.area_id == "prioritisation"
)
_AREA_STEPS: Final[dict[str, int]] = {
    info.area_id: index for index, info in enumerate(STEPS) if info.area_id
}


@dataclass(frozen=True, slots=True)
class Jump:
    """Where in the walk a change lives: a step, and the initiative to highlight there."""

    step: int
    initiative_id: str | None = None


def jump_target(change: Change) -> Jump:
    """The step of the walk where ``change`` is edited.

    Initiatives and their ranks: Prioritisation with the initiative highlighted;
    an area's fields and rows: that area's step; scoring settings: Prioritisation;
    the strategy, metadata, scales and extra fields: the Overview.
    """
    if change.section in ("initiatives", "ranks"):
        return Jump(PRIORITISATION_STEP, change.path[0])
    if change.section == "areas":
        return Jump(_AREA_STEPS.get(change.path[0], OVERVIEW_STEP))
    if change.section == "scoring":
        return Jump(PRIORITISATION_STEP)
    return Jump(OVERVIEW_STEP)


VALUE_SHARE: Final = 0.3
"""The most of the width the old (or the new) column takes; "what" has the rest."""


def fit_what(change: Change, width: int, titles: Titles | None = None) -> str:
    """Where a change is (:func:`~kxplan.reports.comparison.where_parts`; initiatives
    by title with ``titles``) in at most ``width`` cells, so that what changed stays
    readable.

    One line when it fits, or when shortening the item does (``my-pages…: Ann's
    effort``); else two: the item, then what changed below it, indented.
    """
    item, part = (printable(text) for text in where_parts(change, titles))
    if not item or not part:
        return item or part
    full = f"{item}: {part}"
    room = width - len(part) - 2
    if width <= 0 or len(full) <= width:
        return full
    if room >= 6:
        return f"{item[: room - 1]}…: {part}"
    return f"{item}:\n  {part}"


def sides(change: Change) -> tuple[str, str]:
    """The old and the new side of a change as short texts ("" where there is none)."""
    whole_initiative = change.section == "initiatives" and len(change.path) == 1
    if change.kind == "added":
        return "", "added" if whole_initiative else value_text(change.new)
    if change.kind == "removed":
        return "removed" if whole_initiative else value_text(change.old), ""
    if change.kind in ("moved", "shifted"):  # "what" says "rank": the values need not
        return rank_text(change.old), rank_text(change.new)
    if change.section == "ranks":
        return quadrant_text(change.old), quadrant_text(change.new)
    labelled = labels_of(change)
    if labelled is not None:
        return labelled
    old, new = value_texts(change.old, change.new)
    return old, new + trend_note(change, short=True)


def sign(change: Change) -> str:
    """+ added, - removed, ~ changed, ↑ / ↓ moved up or down the ranking."""
    if change.kind == "moved":
        old, new = change.old, change.new
        if old is None or (isinstance(old, int) and isinstance(new, int) and new < old):
            return "↑"
        return "↓"
    return {"added": "+", "removed": "-"}.get(change.kind, "~")


def groups(comparison: Comparison) -> list[tuple[str, list[Change]]]:
    """(heading, changes) per section, areas one by one; timestamps and knock-on rank
    shifts (see :func:`~kxplan.reports.comparison.shifted_note`) left out."""
    found: list[tuple[str, list[Change]]] = []
    for section, area_id, changes in report.groups(comparison):
        shown = [c for c in changes if not c.is_timestamp and c.kind != "shifted"]
        if shown or (section == "ranks" and comparison.rank_shifts):
            found.append((report.heading(section, area_id, comparison.method), shown))
    return found


def value_width(changes: list[Change], width: int, headings: tuple[str, ...] = ()) -> int:
    """The width of the old and the new column: the longest value (or heading) and a
    space, at most :data:`VALUE_SHARE` of ``width``, at least 8."""
    texts = [*headings, *(text for c in changes for text in sides(c))]
    longest = max((len(text) for text in texts), default=0)
    return max(8, min(longest + 1, int(width * VALUE_SHARE)))


class WhatLabel(Label):
    """Where a change is, fitted to the label's width by :func:`fit_what`."""

    def __init__(self, change: Change, titles: Titles | None = None) -> None:
        super().__init__(classes="change-where")
        self.change = change
        self.titles = titles
        self.styles.height = "auto"  # two lines when one is too narrow

    def render(self) -> Text:
        """The text for the width the label has now."""
        return Text(fit_what(self.change, self.content_size.width, self.titles))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line, or two when :func:`fit_what` needs them at ``width``."""
        return len(fit_what(self.change, width, self.titles).splitlines()) if width else 1


class ChangeRow(ListItem):
    """One change: sign, where, old value, new value."""

    def __init__(self, change: Change, titles: Titles | None = None) -> None:
        super().__init__(classes=f"change-row -{change.kind}")
        self.change = change
        self.titles = titles
        self.styles.height = "auto"  # as high as its "What"

    def compose(self) -> ComposeResult:
        old, new = sides(self.change)
        yield Label(sign(self.change), classes="change-sign")
        yield WhatLabel(self.change, self.titles)
        yield Label(Text(old), classes="change-old")
        yield Label(Text(new), classes="change-new")


class CompareScreen(ModalScreen[Jump | None]):
    """Two versions side by side; enter jumps to the chosen change, escape closes."""

    DEFAULT_CSS = """
    CompareScreen ListItem.change-note {
        height: auto;
        padding: 0 1 0 3;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close")),
        Binding("enter", "jump", N_("Go to change"), priority=True),
    ]

    def __init__(
        self,
        comparison: Comparison,
        old_name: str,
        new_name: str,
        old_heading: str = "",
        new_heading: str = "",
        titles: Titles | None = None,
    ) -> None:
        super().__init__(classes="full-screen")
        self.comparison = comparison
        self.titles = titles
        """Initiative titles by id (:func:`~kxplan.reports.comparison.titles_of`)."""
        self.old_name = old_name
        self.new_name = new_name
        self.old_heading = old_heading or old_name
        """The old side's column heading (its name, or something shorter)."""
        self.new_heading = new_heading or new_name

    def compose(self) -> ComposeResult:
        comparison = self.comparison
        with Vertical(id="compare", classes="full-panel"):
            yield Label(
                Text(
                    printable(
                        _("Compare {old} → {new}").format(old=self.old_name, new=self.new_name)
                    )
                ),
                classes="dialog-title",
            )
            summary = comparison.summary()
            if comparison.ranks_skipped:
                skipped = printable(comparison.ranks_skipped)
                summary += _("; ranks not compared: {why}").format(why=skipped)
            yield Static(Text(summary), id="compare-summary")
            with Horizontal(id="compare-columns", classes="change-row"):
                yield Label("", classes="change-sign")
                yield Label(_("What"), classes="change-where")
                yield Label(Text(self.old_heading), classes="change-old")
                yield Label(Text(self.new_heading), classes="change-new")
            yield ListView(*self._items(), id="changes")
            yield Static(id="change-details")
        yield KeyFooter()

    def _items(self) -> list[ListItem]:
        items: list[ListItem] = []
        shown = 0
        total = sum(len(changes) for _, changes in groups(self.comparison))
        for heading, changes in groups(self.comparison):
            if shown >= MAX_ROWS:
                break
            items.append(ListItem(Label(Text(heading)), classes="change-heading", disabled=True))
            for change in changes[: MAX_ROWS - shown]:
                items.append(ChangeRow(change, self.titles))
                shown += 1
            if heading.startswith(SECTION_TITLES["ranks"]) and shifted_note(self.comparison):
                note = Label(Text(shifted_note(self.comparison)), classes="change-note")
                items.append(ListItem(note, classes="change-note", disabled=True))
        if total > shown:
            more = ngettext(
                "… and {count} more change (kxplan diff lists them all)",
                "… and {count} more changes (kxplan diff lists them all)",
                total - shown,
            ).format(count=total - shown)
            items.append(ListItem(Label(more), classes="change-heading", disabled=True))
        if not total:
            items.append(
                ListItem(Label(_("No differences.")), classes="change-heading", disabled=True)
            )
        return items

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Old and new as wide as their values need (a share at most); "what" the rest."""
        shown = [change for _, found in groups(self.comparison) for change in found[:MAX_ROWS]]
        headings = (self.old_heading, self.new_heading)
        width = value_width(shown, self.size.width, headings)
        for label in self.query(".change-old, .change-new"):
            label.styles.width = width

    def on_mount(self) -> None:
        self._fit_columns()
        changes = self.query_one("#changes", ListView)
        changes.focus()
        first = next(
            (index for index, item in enumerate(changes.children) if isinstance(item, ChangeRow)),
            None,
        )
        changes.index = first
        self._show_details(changes.highlighted_child)

    @property
    def highlighted_change(self) -> Change | None:
        """The change under the cursor, if any."""
        item = self.query_one("#changes", ListView).highlighted_child
        return item.change if isinstance(item, ChangeRow) else None

    @on(ListView.Highlighted)
    def _highlighted(self, event: ListView.Highlighted) -> None:
        self._show_details(event.item)

    def _show_details(self, item: ListItem | None) -> None:
        details = Text()
        if isinstance(item, ChangeRow):
            details.append(describe(item.change, self.titles))
            long_text = item.change.kind == "changed" and is_long_text(item.change)
            for line in item.change.line_diff()[:6] if long_text else ():
                details.append("\n" + line, style="dim")
        self.query_one("#change-details", Static).update(details)

    @on(ListView.Selected)
    def _selected(self, event: ListView.Selected) -> None:
        event.stop()
        self.action_jump()

    def action_jump(self) -> None:
        """Close and go to the step where the highlighted change is edited."""
        change = self.highlighted_change
        if change is not None:
            self.dismiss(jump_target(change))

    def action_close(self) -> None:
        """Back to the list of versions."""
        self.dismiss(None)
