"""Step 9: the check-in, for the follow-up meeting weeks after the workshop.

What moved since the previous version saved (or one picked with ``v``), the KPIs off
track, the initiatives late, the evidence nobody addresses and what to decide, one line
each (:mod:`kxplan.reports.checkin`); enter on a line goes to its initiative or row.
What the meeting decided is typed below and recorded in the plan with f10, through the
session (:meth:`kxplan.session.Session.record_checkin`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from kxplan.i18n import _
from kxplan.model.checkin import CheckIn
from kxplan.model.evidence import TABLES_BY_NAME
from kxplan.reports.checkin import headline, parts
from kxplan.reports.checkin_facts import CheckinFacts, checkin_facts
from kxplan.reports.checkin_moved import Place
from kxplan.reports.dates import date_text
from kxplan.session import EditRefused, Session
from kxplan.storage import PlanError
from kxplan.tui.keys import bindings_for
from kxplan.tui.messages import EditInitiative
from kxplan.tui.steps.base import Step, step_header
from kxplan.tui.walk_steps import CHECKIN_STEP, STEPS, step_name
from kxplan.versions.since import Baseline, SinceError, previous_version, resolve


class CheckinStep(Step):
    """The follow-up's lines, and the meeting's decisions."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("CheckinStep")

    DEFAULT_CSS = """
    CheckinStep #checkin-lines { height: auto; max-height: 50vh; margin: 1 0 0 0; }
    CheckinStep #checkin-decisions { height: 5; }
    """

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(session, id=id)
        self.since: str | None = None
        """The version picked with ``v``; None for the previous one saved."""
        self.facts: CheckinFacts | None = None
        self._places: dict[str, Place] = {}

    def compose(self) -> ComposeResult:
        yield Static(
            step_header(
                f"{CHECKIN_STEP} {step_name(STEPS[CHECKIN_STEP])}",
                _(
                    "For the follow-up weeks after the workshop: enter on a line goes to it, "
                    "v compares with another version, f10 records what was decided."
                ),
            ),
            classes="step-header",
        )
        yield Static("", id="checkin-headline", classes="hint")
        yield OptionList(id="checkin-lines")
        yield Label(Text(_("What the meeting decided")), classes="field-label")
        area = TextArea(
            self._todays_decisions(), id="checkin-decisions", soft_wrap=True, tab_behavior="focus"
        )
        area.placeholder = _("Who does what by when; what changes in the plan.")
        yield area
        yield Static("", id="checkin-recorded", classes="hint")

    def on_mount(self) -> None:
        self.reload()

    def focus_on_arrival(self) -> None:
        self.query_one("#checkin-lines", OptionList).focus()

    def _todays_decisions(self) -> str:
        kept = self.session.plan.checkins
        if kept and kept[-1].date == self.session.clock().date():
            return kept[-1].decisions
        return ""

    def baseline(self) -> Baseline | None:
        """The version compared with: the one picked, else the previous one saved."""
        path = self.session.path
        if path is None:
            return None
        try:
            if self.since is None:
                return previous_version(path, self.session.plan)
            return resolve(path, self.since)
        except (SinceError, PlanError) as error:
            self.app.notify(str(error), severity="error", markup=False)
            return None

    def reload(self) -> None:
        baseline = self.baseline()
        today = self.session.clock().date()
        self.facts = facts = (
            checkin_facts(
                self.session.plan,
                today,
                baseline.plan,
                baseline.name,
                baseline.title,
                baseline.when,
            )
            if baseline
            else checkin_facts(self.session.plan, today)
        )
        self.query_one("#checkin-headline", Static).update(Text(headline(facts)))
        options: list[Option] = []
        self._places = {}
        for part in parts(facts):
            options.append(Option(Text(part.title, style="bold"), disabled=True))
            if not part.lines:
                options.append(Option(Text("  " + part.empty, style="italic"), disabled=True))
            for line in part.lines:
                key = f"line-{len(options)}"
                if line.place is not None:
                    self._places[key] = line.place
                options.append(Option(Text("  " + line.text), id=key))
        lines = self.query_one("#checkin-lines", OptionList)
        highlighted = lines.highlighted
        lines.set_options(options)
        if highlighted is not None and highlighted < len(options):
            lines.highlighted = highlighted
        self._show_recorded()

    def _show_recorded(self) -> None:
        kept = self.session.plan.checkins
        if not kept:
            said = _("No check-in recorded yet.")
        else:
            last = kept[-1]
            said = _("Last check-in recorded: {date}.").format(date=date_text(last.date))
        self.query_one("#checkin-recorded", Static).update(Text(said))

    # --- going to a line's initiative or row -----------------------------------------------

    @on(OptionList.OptionSelected, "#checkin-lines")
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        place = self._places.get(event.option.id or "")
        if place is None:
            return
        await self.go_to(place)

    async def go_to(self, place: Place) -> None:
        """Open the initiative's editor, or show the row in its area's table."""
        if place.table == "initiatives":
            self.post_message(EditInitiative(str(place.key)))
            return
        from kxplan.tui.screens.walk import WalkScreen
        from kxplan.tui.widgets.area_table import AreaTable

        walk = self.screen
        table = TABLES_BY_NAME[place.table]
        index = next(i for i, info in enumerate(STEPS) if info.area_id == table.area)
        if not isinstance(walk, WalkScreen):
            return
        await walk.action_go_to(index)
        found = walk.current_step.query(f"#table-{place.table}").results(AreaTable)
        for widget in found:
            widget.show_row(int(place.key))

    # --- the version compared with -------------------------------------------------------

    def action_pick_version(self) -> None:
        """Choose the version to compare with."""
        from kxplan.tui.screens.pick_version import PickVersion
        from kxplan.versions.since import earlier_versions

        path = self.session.path
        if path is None:
            self.app.notify(
                _("This plan has no file yet, so no versions: save it first (ctrl+s)."),
                severity="warning",
            )
            return

        def picked(name: str | None) -> None:
            if name is None:
                return
            self.since = name or None
            self.reload()

        self.app.push_screen(PickVersion(earlier_versions(path)), picked)

    # --- recording the check-in ----------------------------------------------------------

    def action_record(self) -> None:
        """Record the check-in held today, with what was decided, in the plan."""
        facts = self.facts
        today = self.session.clock().date()
        box = self.query_one("#checkin-decisions", TextArea)
        decisions = box.text
        if not decisions.strip():
            box.focus()
            self.app.notify(
                _("Type what the meeting decided first, then press f10 to record it."),
                severity="warning",
            )
            return
        since = facts.shown_since if facts is not None else ""
        try:
            changed = self.session.record_checkin(
                CheckIn(date=today, since=since, decisions=decisions)
            )
        except EditRefused as refused:
            self.app.notify(str(refused), severity="error", markup=False)
            return
        self.edited(changed)
        self._show_recorded()
        self.app.notify(
            _("Check-in of {date} recorded in the plan; ctrl+s saves it.").format(
                date=date_text(today)
            ),
            markup=False,
        )
