"""The strategy on one screen: gaps, top initiatives, anchoring and avoidable demand."""

from __future__ import annotations

from typing import ClassVar, Final

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from kxplan.framework import (
    AREAS,
    BUY_IN,
    MATURITY_MAX,
    MATURITY_MIN,
    QUADRANTS,
    UNANCHORED,
)
from kxplan.i18n import N_, _, ngettext
from kxplan.model import Plan
from kxplan.model.figures import demand_totals
from kxplan.scoring import Ranking
from kxplan.text.numbers import money, whole
from kxplan.tui.ranking_rows import rank_shown
from kxplan.tui.walk_steps import area_name

TOP_INITIATIVES: Final = 5
"""How many of the best-ranked initiatives the summary lists."""
NARROW: Final = 90
"""Below this width the four sections stack in one column."""
TOP_REASONS: Final = 3
"""How many avoidable contact reasons the summary names."""


def maturity_bar(today: int | None, target: int | None) -> Content:
    """Five cells: ``█`` up to today, ``▒`` on to the target, ``·`` beyond."""
    cells: list[tuple[str, str]] = []
    for level in range(MATURITY_MIN, MATURITY_MAX + 1):
        if today is not None and level <= today:
            cells.append(("█", "$text-primary"))
        elif target is not None and level <= target:
            cells.append(("▒", "$text-warning"))
        else:
            cells.append(("·", "$text-muted"))
    return Content.assemble(*cells)


class StrategySummary(Widget):
    """Where the strategy stands, at a glance."""

    DEFAULT_CSS = """
    StrategySummary {
        height: auto;  /* the step around it scrolls, with the keys, when it is long */
    }
    StrategySummary > Grid {
        grid-size: 2;
        grid-columns: 1fr 1fr;
        grid-rows: auto;
        grid-gutter: 0 1;
        height: auto;
        padding: 0 1;
    }
    StrategySummary.-narrow > Grid {
        grid-size: 1;
        grid-columns: 1fr;
    }
    StrategySummary .summary-box {
        height: auto;
        border: round $primary 50%;
        border-title-color: $text-primary;
        border-title-style: bold;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    SECTIONS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("summary-gaps", N_("Gaps: today → target")),
        ("summary-top", N_("Top initiatives")),
        ("summary-anchoring", N_("Not yet anchored")),
        ("summary-demand", N_("Avoidable demand")),
    )

    def __init__(
        self,
        plan: Plan | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.plan = plan

    def compose(self) -> ComposeResult:
        with Grid():
            for section_id, title in self.SECTIONS:
                box = Static(id=section_id, classes="summary-box", markup=False)
                box.border_title = _(title)
                yield box

    def on_mount(self) -> None:
        if self.plan is not None:
            self.update_plan(self.plan)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Side by side, the left column is as wide as the gaps need (at least half the
        width): their lines are never cut short while the right column has room to give."""
        if self.plan is None or not self.children:
            return
        grid = self.query_one(Grid)
        box = self.query_one("#summary-gaps", Static)
        lines = self.gaps(self.plan).plain.splitlines()
        need = max(cell_len(line) for line in lines) + box.styles.gutter.width
        room = self.scrollable_content_region.width - grid.styles.gutter.width
        half = (room - grid.styles.grid_gutter_vertical) // 2
        wide_gaps = need > half and not self.has_class("-narrow")
        grid.styles.grid_columns = f"{need} 1fr" if wide_gaps else None

    def update_plan(self, plan: Plan, ranking: Ranking | None = None) -> None:
        """Show this plan; ``ranking`` is its ranking when the caller already has it."""
        self.plan = plan
        if not self.children:
            return
        self.query_one("#summary-gaps", Static).update(self.gaps(plan))
        self.query_one("#summary-top", Static).update(self.top_initiatives(plan, ranking))
        self.query_one("#summary-anchoring", Static).update(self.anchoring(plan))
        self.query_one("#summary-demand", Static).update(self.demand(plan))
        self._fit_columns()

    # --- the sections, as text --------------------------------------------------------

    @staticmethod
    def gaps(plan: Plan) -> Content:
        """One line per area: maturity today → target, a bar, and the gap."""
        lines: list[Content] = []
        width = max(len(area_name(area.id)) for area in AREAS)
        for area in AREAS:
            data = plan.areas.get(area.id)
            today, target = data.maturity_today, data.maturity_target
            numbers = f"{today if today is not None else '?'} → {target if target else '?'}"
            gap = data.gap
            gap_text = (
                Content.styled(_("gap {gap}").format(gap=gap), "bold" if gap and gap >= 2 else "")
                if gap is not None
                else Content.styled(_("not set"), "$text-muted")
            )
            lines.append(
                Content.assemble(
                    f"{area.number} {area_name(area.id):<{width}}  ",
                    numbers,
                    "  ",
                    maturity_bar(today, target),
                    "  ",
                    gap_text,
                )
            )
        return Content("\n").join(lines)

    @staticmethod
    def top_initiatives(plan: Plan, ranking: Ranking | None = None) -> Content:
        """The best-ranked open initiatives with owner and when, and how many are unscored."""
        if ranking is None:
            ranking, _rest = rank_shown(plan)
        lines: list[Content] = []
        by_id = {item.id: item for item in plan.initiatives}
        for result in ranking.results[:TOP_INITIATIVES]:
            item = by_id[result.id]
            owner = item.who.strip() or _("no owner yet")
            when = item.when.strip() or _("no date yet")
            lines.append(Content.assemble((f"{result.rank}. ", "bold"), (item.title, "bold")))
            lines.append(
                Content.assemble(
                    "   ",
                    (owner, "" if item.who.strip() else "$text-warning"),
                    ("  ·  ", "$text-muted"),
                    (when, "" if item.when.strip() else "$text-warning"),
                    ("  ·  ", "$text-muted"),
                    (QUADRANTS.label(result.quadrant), "$text-muted"),
                )
            )
        if not ranking.results:
            lines.append(Content.styled(_("No initiatives are scored yet."), "$text-muted"))
        unscored = len(ranking.unscored)
        if unscored:
            said = ngettext(
                "{count} open initiative not scored yet",
                "{count} open initiatives not scored yet",
                unscored,
            ).format(count=unscored)
            lines.append(Content.styled(said, "$text-warning"))
        elif ranking.results:
            lines.append(Content.styled(_("Every open initiative is scored."), "$text-muted"))
        return Content("\n").join(lines)

    @staticmethod
    def anchoring(plan: Plan) -> Content:
        """Departments whose buy-in is unknown, opposed or sceptical, with the next step."""
        stakeholders = plan.areas.anchoring.stakeholders
        weak = [s for s in stakeholders if s.buy_in in UNANCHORED]
        if not stakeholders:
            return Content.styled(_("No departments recorded yet (area 7)."), "$text-muted")
        if not weak:
            count = len(stakeholders)
            return Content(
                ngettext(
                    "The one department backs the strategy.",
                    "All {count} departments back the strategy.",
                    count,
                ).format(count=count)
            )
        lines: list[Content] = []
        for person in weak:
            lines.append(
                Content.assemble(
                    (person.name, "bold"),
                    (f"  {BUY_IN.label(person.buy_in).lower()}", "$text-warning"),
                )
            )
            if person.next_step.strip():
                lines.append(Content.assemble((_("   next: "), "$text-muted"), person.next_step))
        said = ngettext(
            "{weak} of {count} department not yet anchored",
            "{weak} of {count} departments not yet anchored",
            len(stakeholders),
        ).format(weak=len(weak), count=len(stakeholders))
        lines.append(Content.styled(said, "$text-muted"))
        return Content("\n").join(lines)

    @staticmethod
    def demand(plan: Plan) -> Content:
        """Avoidable contacts and their cost per month, and the biggest reasons."""
        reasons = plan.areas.unnecessary_demand.contact_reasons
        if not reasons:
            return Content.styled(_("No contact reasons recorded yet (area 5)."), "$text-muted")
        totals = demand_totals(plan)
        avoidable = (whole(totals.avoidable), "bold")
        lines = [Content.assemble(avoidable, _(" avoidable contacts a month"))]
        if totals.priced:
            cost = (money(totals.cost, plan.currency), "bold")
            lines.append(Content.assemble(cost, _(" a month")))
        unpriced = len(totals.unpriced)
        if unpriced:
            said = ngettext(
                "{count} reason without a channel cost",
                "{count} reasons without a channel cost",
                unpriced,
            ).format(count=unpriced)
            lines.append(Content.styled(said, "$text-muted"))

        biggest = sorted(reasons, key=lambda r: r.avoidable_per_month, reverse=True)
        for reason in biggest[:TOP_REASONS]:
            if not reason.avoidable_per_month:
                continue
            channel = reason.channel.strip()
            lines.append(
                Content.assemble(
                    ("· ", "$text-muted"),
                    reason.reason,
                    (f" ({channel})" if channel else "", "$text-muted"),
                    f"  {whole(reason.avoidable_per_month)}",
                )
            )
        return Content("\n").join(lines)
