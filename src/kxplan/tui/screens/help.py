"""All the keys, on one screen."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from kxplan.scoring import ROBUST_PERCENTILES, unstable_rule
from kxplan.tui.keys import KEYS, bindings_for
from kxplan.tui.ranking_rows import UNSTABLE_MARK


def range_help() -> Text:
    """What the ranking's Range column means, and when a rank is called unstable."""
    held = round(100 * (ROBUST_PERCENTILES[1] - ROBUST_PERCENTILES[0]))
    return Text.assemble(
        "\n",
        ("Robustness: the Range column", "bold underline"),
        "\n",
        f"The ranks an initiative takes in {held} % of resamples of the participants' "
        f"estimates (impact weights nudged too). {unstable_rule()} Such a rank is marked "
        f"{UNSTABLE_MARK}; the details below the list give its chance of the top 5. The same "
        "plan always gives the same ranges: here, in kxplan rank --robust and in the exports.",
    )


def keys_table() -> Table:
    """The key list as a two-column table, one section after another."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for index, (section, keys) in enumerate(KEYS):
        if index:
            table.add_row("", "")
        table.add_row(Text(section, style="bold underline"), "")
        for key, meaning in keys:
            table.add_row(Text(key), Text(meaning))
    return table


class HelpScreen(ModalScreen[None]):
    """The keys of every screen; any of escape, f1, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("HelpScreen")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(keys_table(), id="keys")
                yield Static(range_help(), id="help-range")
            yield Static(Text("escape closes this help"), classes="hint")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
