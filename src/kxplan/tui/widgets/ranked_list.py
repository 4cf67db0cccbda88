"""The ranking view's table: its columns, its colours, and filling it from rows.

A :class:`~kxplan.tui.widgets.rank_table.RankTable` that knows the ranked list's
columns (rank, title, effort, impact, score, quadrant, agreement, range) and
styles; the rows and their cells come from :mod:`kxplan.tui.ranking_rows`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Final

from rich.style import Style

from kxplan.i18n import N_
from kxplan.scoring import Ranking, Robustness
from kxplan.tui.ranking_rows import Row, cells, column_widths
from kxplan.tui.widgets.rank_table import RankTable, TableColumn, TableRow

COLUMNS: Final = (
    TableColumn("rank", "#", 3, "right"),
    TableColumn("title", N_("Initiative"), 0),
    TableColumn("effort", N_("Effort"), 6, "right"),
    TableColumn("impact", N_("Impact"), 6, "right"),
    TableColumn("score", N_("Score"), 6, "right"),
    TableColumn("quadrant", N_("Quadrant"), 13),
    TableColumn("agreement", N_("Agree"), 5),
    TableColumn("range", N_("Range"), 6, "right"),
)
"""The list's columns (headers marked, translated where drawn); the title takes the room
the others leave."""
DOTS_COLUMN: Final = TableColumn("dots", N_("Dots"), 4, "right")
"""Added after the range when the plan keeps a dot vote: the latest vote's dots."""

NOTHING_MATCHES: Final = N_("Nothing matches these filters — x clears them")
NOTHING_YET: Final = N_("No open initiatives yet — i adds one")

STYLE_NAMES: Final = (
    "quick_win",
    "major_project",
    "fill_in",
    "thankless",
    "high",
    "medium",
    "low",
    "unstable",
    "dim",
    "closed",
)
"""The cells' style names, each a component class ``ranking--<name>``."""


COMPONENT_CSS: Final = "\n".join(
    f"RankingView .ranking--{name} {{ {rule} }}"
    for name, rule in (
        ("quick_win", "color: $text-success;"),
        ("major_project", "color: $text-primary;"),
        ("fill_in", "color: $text-muted;"),
        ("thankless", "color: $text-warning;"),
        ("high", "color: $text-success;"),
        ("medium", "color: $text-warning;"),
        ("low", "color: $text-error;"),
        ("unstable", "color: $text-error; text-style: bold;"),
        ("dim", "color: $text-muted;"),
        ("closed", "color: $text-warning;"),
    )
)
"""The cells' colours, as component classes of the ranking view around the table (their
muted colours are worked out against its background)."""


class RankedList(RankTable):
    """The ranked initiatives, one row each, coloured by quadrant and agreement."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(COLUMNS, id=id)

    def show(
        self,
        rows: list[Row],
        ranking: Ranking | None,
        robustness: Mapping[str, Robustness],
        *,
        filtered: bool,
    ) -> None:
        """Show these rows (cheap: the table draws only visible lines)."""
        rank_width = self.columns[0].width
        range_width = next(c.width for c in self.columns if c.key == "range")
        if ranking is not None:
            rank_width, range_width = column_widths(ranking, COLUMNS[0].width, COLUMNS[-1].width)
        columns = (
            TableColumn("rank", "#", rank_width, "right"),
            *COLUMNS[1:-1],
            TableColumn("range", N_("Range"), range_width, "right"),
            *((DOTS_COLUMN,) if any(row.vote_kept for row in rows) else ()),  # a kept vote
        )
        if columns != self.columns:
            self.columns = columns
        self.empty_text = NOTHING_MATCHES if filtered else NOTHING_YET
        self.set_rows([TableRow(row.id, partial(cells, row, robustness)) for row in rows])

    def load_styles(self, style_of: Callable[[str], Style]) -> None:
        """Take the cells' colours from ``style_of(component class)``."""
        styles = {}
        for name in STYLE_NAMES:
            style = style_of(f"ranking--{name}")
            styles[name] = Style(color=style.color, bold=style.bold)
        self.cell_styles = styles
        self.refresh()
