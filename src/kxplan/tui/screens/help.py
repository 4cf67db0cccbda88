"""All the keys, on one screen."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from kxplan.i18n import _
from kxplan.scoring import ROBUST_PERCENTILES, unstable_rule
from kxplan.tui.keys import bindings_for, help_keys
from kxplan.tui.ranking_rows import UNSTABLE_MARK
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.tui.widgets.scroll import Scroll


def range_help() -> Text:
    """What the ranking's Range column means, and when a rank is called unstable."""
    held = round(100 * (ROBUST_PERCENTILES[1] - ROBUST_PERCENTILES[0]))
    return Text.assemble(
        "\n",
        (_("Robustness: the Range column"), "bold underline"),
        "\n",
        _(
            "The ranks an initiative takes in {held} of resamples of the participants' "
            "estimates (impact weights nudged too). {rule} Such a rank is marked {mark}; the "
            "details below the list give its chance of the top 5. The same plan always gives "
            "the same ranges: here, in kxplan rank --robust and in the exports."
        ).format(held=f"{held} %", rule=unstable_rule(), mark=UNSTABLE_MARK),
    )


def keys_table() -> Group:
    """The key list, one section after another: each heading on its own line, then the
    keys in a column as wide as the widest of them, and what they do wrapping beside it."""
    sections = help_keys()
    width = max(cell_len(key) for _section, keys in sections for key, _meaning in keys)
    parts: list[Text | Table] = []
    for index, (section, keys) in enumerate(sections):
        parts.append(Text(("\n" if index else "") + section, style="bold underline"))
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, width=width)
        table.add_column(ratio=1)
        for key, meaning in keys:
            table.add_row(Text(key), Text(meaning))
        parts.append(table)
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    """The keys of every screen; any of escape, f1, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("HelpScreen")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            yield Label(_("Keys"), classes="dialog-title")
            with Scroll():
                yield Static(keys_table(), id="keys")
                yield Static(range_help(), id="help-range")
            yield Static(Text(_("escape closes this help")), classes="hint")
        yield KeyFooter()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
