"""Pick the rows an initiative addresses: the plan's friction points, contact reasons,
KPIs, touchpoints and channels in one list, grouped by table.

Space ticks a row, typing filters the list (backspace takes a letter back), enter keeps
the ticks. Dismisses with the links in order (those kept first, as they were, then the
new ones in the list's order), or None when cancelled. A link to a row the plan no longer
has stays listed, ticked, under its own heading, so nothing is lost unseen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Label, OptionList, SelectionList, Static
from textual.widgets.selection_list import Selection

from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.model.evidence import LINKABLE, TABLES_BY_NAME, Link, RowIndex
from kxplan.tui.keys import bindings_for
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.tui.widgets.tick_list import TickList

SEPARATOR: Final = "\x1f"
HEADING: Final = "#"
"""The value of a heading row starts with this (a key never holds the separator)."""


def link_value(link: Link) -> str:
    """A link as a value of the list."""
    return SEPARATOR.join((link.table, *link.key))


def value_link(value: str) -> Link:
    """The link a value of the list stands for."""
    table, *key = value.split(SEPARATOR)
    return Link.model_validate({"table": table, "key": key})


def candidates(plan: Plan, chosen: Sequence[Link]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(row text, value), …]) per linkable table with rows, then the chosen
    links that name no row."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for name in LINKABLE:
        table = TABLES_BY_NAME[name]
        rows = [
            (table.shown_key(row, plan), SEPARATOR.join((name, *table.key_of(row))))
            for row in table.rows(plan)
        ]
        if rows:
            groups.append((_(table.title), rows))
    index = RowIndex(plan)
    missing = [link for link in chosen if index.find(link) is None]
    if missing:
        groups.append(
            (
                _("Not in the plan any more"),
                [(" / ".join(link.key), link_value(link)) for link in missing],
            )
        )
    return groups


class LinkList(TickList):
    """The rows to tick, with their tables' headings (disabled rows without a box)."""

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        if 0 <= index < self.option_count:
            option = self.get_option_at_index(index)
            if str(option.value).startswith(HEADING):
                return OptionList.render_line(self, y)
        return super().render_line(y)


class LinkPicker(ModalScreen[tuple[Link, ...] | None]):
    """The rows an initiative addresses, ticked in a list of the plan's rows."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("LinkPicker")

    def __init__(self, plan: Plan, chosen: Sequence[Link], title: str = "") -> None:
        super().__init__()
        self.plan = plan
        self.before = [link_value(link) for link in chosen]
        self.ticked: set[str] = set(self.before)
        """The values ticked, whether the filter shows them or not."""
        self.filter = ""
        self.groups = candidates(plan, chosen)
        self.initiative_title = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="link-picker"):
            heading = _("What does it address?")
            if self.initiative_title:
                heading = _("What does “{title}” address?").format(title=self.initiative_title)
            yield Label(Text(heading), classes="dialog-title")
            yield Static(id="link-filter", markup=False)
            yield LinkList(id="links", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._fill()
        self.query_one(LinkList).focus()

    def _fill(self) -> None:
        """The list as the filter has it, ticks kept."""
        links = self.query_one(LinkList)
        links.clear_options()
        wanted = self.filter.casefold()
        options: list[Selection[str]] = []
        for heading, rows in self.groups:
            shown = [row for row in rows if wanted in row[0].casefold()]
            if not shown:
                continue
            options.append(
                Selection(Content(heading).stylize("bold"), HEADING + heading, disabled=True)
            )
            options += [
                Selection(Content(text), value, value in self.ticked) for text, value in shown
            ]
        links.add_options(options)
        first = next((n for n, o in enumerate(options) if not o.disabled), None)
        if first is not None:
            links.highlighted = first
        if self.filter:
            line = _("Filter: {text} · backspace takes a letter back").format(text=self.filter)
        elif options:
            line = _("Type to filter · space ticks a row · enter keeps")
        else:
            line = _("The plan has no rows to link yet: add them in the areas' tables.")
        if self.filter and not options:
            line = _("Nothing matches “{text}” · backspace takes a letter back").format(
                text=self.filter
            )
        self.query_one("#link-filter", Static).update(Content(line))

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        value = str(event.selection.value)
        if value in self.ticked:
            self.ticked.discard(value)
        else:
            self.ticked.add(value)

    def on_key(self, event: events.Key) -> None:
        if event.key == "backspace" and self.filter:
            self.filter = self.filter[:-1]
        elif event.is_printable and event.character and event.character != " ":
            self.filter += event.character
        else:
            return
        event.stop()
        event.prevent_default()
        self._fill()

    def chosen(self) -> tuple[Link, ...]:
        """The ticked links: those it had first, in their order, then the new ones."""
        order = [value for _heading, rows in self.groups for _text, value in rows]
        kept = [value for value in self.before if value in self.ticked]
        new = [value for value in order if value in self.ticked and value not in kept]
        return tuple(value_link(value) for value in kept + new)

    def action_keep(self) -> None:
        """Close with the ticked rows."""
        self.dismiss(self.chosen())

    def action_cancel(self) -> None:
        """Close without changing the links."""
        self.dismiss(None)
