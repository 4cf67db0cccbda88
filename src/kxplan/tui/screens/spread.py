"""The spread screen: every participant's estimate of one initiative, side by side.

Shows where the room agrees and where it does not: one row per participant,
then the lowest, highest and middle estimate of each score and the engine's
agreement level, so the facilitator can ask the outliers why.
"""

from __future__ import annotations

import statistics
from typing import ClassVar, Final

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Static

from kxplan.framework import AGREEMENTS
from kxplan.i18n import N_, _, ngettext
from kxplan.model import Initiative, Plan
from kxplan.scoring import RankedInitiative, Ranking
from kxplan.text.numbers import number
from kxplan.tui.ranking_rows import rank_shown
from kxplan.tui.widgets.key_footer import KeyFooter

SPREAD_FIELDS: Final = (
    ("effort", N_("Effort")),
    ("customer_value", N_("Value")),
    ("efficiency", N_("Efficiency")),
    ("confidence", N_("Confidence %")),
    ("reach", N_("Reach")),
)
"""The estimated scores, in column order, with their headers."""


def _number(value: float | None) -> str:
    return "" if value is None else number(value)


def field_summary(values: list[float]) -> tuple[str, str, str]:
    """Lowest, highest and median of some estimates, as text; blanks when there are none."""
    if not values:
        return ("", "", "")
    return (_number(min(values)), _number(max(values)), _number(statistics.median(values)))


def _ranked(plan: Plan, initiative_id: str) -> RankedInitiative | None:
    """The initiative's place under the plan's method (closed ones included), if ranked."""
    ranking, _rest = rank_shown(plan, include_closed=True)
    return ranking.by_id().get(initiative_id)


class SpreadScreen(ModalScreen[None]):
    """Each participant's estimates of one initiative, with min, max, median and agreement."""

    DEFAULT_CSS = """
    SpreadScreen {
        align: center middle;
        background: $background 60%;
    }
    SpreadScreen > #spread {
        width: 90;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        background: $surface;
        border: round $primary;
        border-title-style: bold;
        padding: 0 1;
    }
    SpreadScreen #spread-intro {
        color: $text-muted;
        margin-bottom: 1;
    }
    SpreadScreen DataTable {
        height: auto;
        max-height: 20;
    }
    SpreadScreen #spread-note {
        margin-top: 1;
        color: $text-muted;
    }
    SpreadScreen #spread-buttons {
        height: auto;
        align-horizontal: right;
    }
    SpreadScreen .spread--summary { color: $text-muted; text-style: bold; }
    SpreadScreen .spread--missing { color: $text-muted; }
    SpreadScreen .spread--high { color: $text-success; }
    SpreadScreen .spread--medium { color: $text-warning; }
    SpreadScreen .spread--low { color: $text-error; text-style: bold; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "spread--summary",
        "spread--missing",
        "spread--high",
        "spread--medium",
        "spread--low",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close")),
        Binding("d", "close", N_("Close"), show=False),
    ]

    @classmethod
    def of(cls, plan: Plan, ranking: Ranking | None, initiative_id: str) -> SpreadScreen:
        """The spread of ``initiative_id``, with its place in ``ranking`` if it has one."""
        return cls(plan, initiative_id, ranking.by_id().get(initiative_id) if ranking else None)

    def __init__(
        self,
        plan: Plan,
        initiative_id: str,
        result: RankedInitiative | None = None,
    ) -> None:
        super().__init__()
        self.plan = plan
        self.initiative: Initiative = plan.initiative(initiative_id)
        """The initiative whose estimates are shown."""
        self.result = result if result is not None else _ranked(plan, initiative_id)
        """Its place in the ranking, for the agreement levels; None when unranked."""

    def compose(self) -> ComposeResult:
        with Vertical(id="spread") as box:
            box.border_title = _("Spread of estimates")
            yield Static(self._intro(), id="spread-intro")
            table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=False)
            table.id = "spread-table"
            yield table
            yield Static(self._note(), id="spread-note")
            with Horizontal(id="spread-buttons"):
                yield Button(_("Close"), id="close", compact=True)
        yield KeyFooter()

    def _intro(self) -> Content:
        item = self.initiative
        rank = _("rank {rank}").format(rank=self.result.rank) if self.result else _("not ranked")
        count = len(item.estimates)
        estimates = ngettext("{count} estimate", "{count} estimates", count).format(count=count)
        return Content.assemble((item.title, "bold"), f"  ·  {rank}  ·  {estimates}")

    def _note(self) -> Content:
        if self.result is None or self.result.agreement is None:
            return Content(
                _(
                    "Agreement needs at least two participants' estimates. "
                    "The ranking uses the median of the estimates."
                )
            )
        return Content(
            _(
                "Agreement: high when the estimates lie within one step of a five-step scale, "
                "medium within two, low beyond. The ranking uses the median."
            )
        )

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#spread-table", DataTable)
        table.add_column(_("Participant"), key="participant")
        for key, label in SPREAD_FIELDS:
            table.add_column(_(label), key=key)
        for row_key, cells in self.rows():
            table.add_row(*cells, key=row_key)
        table.focus()

    def _style(self, name: str) -> str:
        style = self.get_component_rich_style(f"spread--{name}")
        return str(Style(color=style.color, bold=style.bold))

    def rows(self) -> list[tuple[str, list[Text]]]:
        """The table's rows as (key, cells): participants, then min, max, median, agreement."""
        item = self.initiative
        rows: list[tuple[str, list[Text]]] = []
        estimated = {e.participant.strip().casefold() for e in item.estimates}
        for index, estimate in enumerate(item.estimates):
            cells = [Text(estimate.participant)]
            cells += [
                Text(_number(getattr(estimate, key)), justify="right")
                for key, _label in SPREAD_FIELDS
            ]
            rows.append((f"estimate-{index}", cells))
        for index, name in enumerate(self.plan.participants):
            if name.strip().casefold() not in estimated:
                missing = self._style("missing")
                cells = [Text(name, style=missing)]
                cells += [Text("–", style=missing, justify="right") for _ in SPREAD_FIELDS]
                rows.append((f"missing-{index}", cells))
        summaries = {
            key: field_summary([v for e in item.estimates if (v := getattr(e, key)) is not None])
            for key, _label in SPREAD_FIELDS
        }
        summary = self._style("summary")
        named = (("lowest", _("Lowest")), ("highest", _("Highest")), ("median", _("Median")))
        for position, (row_key, label) in enumerate(named):
            cells = [Text(label, style=summary)]
            cells += [
                Text(summaries[key][position], style=summary, justify="right")
                for key, _label in SPREAD_FIELDS
            ]
            rows.append((row_key, cells))
        spreads = self.result.spreads if self.result else {}
        cells = [Text(_("Agreement"), style=summary)]
        for key, _label in SPREAD_FIELDS:
            spread = spreads.get(key)
            if spread is None or len(spread.values) < 2:
                cells.append(Text("–", style=self._style("missing"), justify="right"))
            else:
                said = AGREEMENTS.label(spread.agreement).lower()
                cells.append(Text(said, style=self._style(spread.agreement), justify="right"))
        rows.append(("agreement", cells))
        return rows

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        """Back to the list."""
        self.dismiss(None)
