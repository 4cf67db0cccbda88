"""The initiative editor's evidence and follow-up: the rows it addresses (picked in
:class:`~kxplan.tui.screens.link_picker.LinkPicker`), the period of its reach, and,
once under way, when it started and finished, what it actually took and what came of it.

:class:`EvidenceFields` is the section (widgets only; it posts :class:`PickLinks` and the
editor pushes the picker); :class:`EvidenceEditing` is what the editor does with it:
open the picker (f4), and ask for the actuals when the status becomes done
(:class:`~kxplan.tui.screens.actuals.ActualsDialog`). Reading the fields is
:mod:`kxplan.tui.initiative_followup`'s.
"""

from __future__ import annotations

import datetime
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea

from kxplan.framework import AREA_IDS, PERIODS
from kxplan.i18n import _, pgettext
from kxplan.model import Initiative, Plan
from kxplan.model.evidence import Link
from kxplan.tui.initiative_followup import link_title
from kxplan.tui.initiative_form import show_number
from kxplan.tui.screens.actuals import Actuals, ActualsDialog, Logged
from kxplan.tui.screens.link_picker import LinkPicker
from kxplan.tui.widgets.form_select import FormSelect


def links_text(links: tuple[Link, ...]) -> Content:
    """The linked rows, one a line, by title; a dim line when there are none."""
    if not links:
        return Content(_("Nothing linked yet: f4 picks the rows it addresses")).stylize("dim")
    return Content("\n".join(link_title(link) for link in links))


class EvidenceFields(Vertical):
    """The editor's section for evidence and follow-up."""

    DEFAULT_CSS = """
    EvidenceFields { height: auto; }
    EvidenceFields #addresses-shown { width: 1fr; }
    EvidenceFields #pick-links { margin-left: 1; }
    EvidenceFields .row.date { margin-bottom: 0; }
    EvidenceFields .row.date Input.-textual-compact { width: 12; }
    """

    class PickLinks(Message):
        """The room asked to pick the rows the initiative addresses."""

    def __init__(self, item: Initiative | None) -> None:
        super().__init__(id="evidence")
        self.item = item
        self.links: tuple[Link, ...] = tuple(item.addresses) if item else ()
        """The rows it addresses, as the form holds them now."""

    def compose(self) -> ComposeResult:
        item = self.item
        yield Label(_("Evidence and follow-up"), classes="section")
        with Horizontal(classes="row"):
            yield Label(_("Addresses"), classes="caption")
            yield Static(links_text(self.links), id="addresses-shown")
            yield Button(_("Pick… (f4)"), id="pick-links", compact=True)
        yield Static(id="addresses-error", classes="error", markup=False)
        with Horizontal(classes="row"):
            yield Label(_("Reach counts"), classes="caption")
            period = item.reach_period if item else None
            yield FormSelect(
                [(PERIODS.say(term.phrase), term.key) for term in PERIODS],
                value=period or Select.NULL,
                prompt=_("(no period: as entered)"),
                id="reach_period",
                compact=True,
            )
        yield Static(id="reach_period-error", classes="error", markup=False)
        for key, caption in (
            ("started", pgettext("evidence", "Started")),
            ("finished", pgettext("evidence", "Finished")),
        ):
            with Horizontal(classes="row date"):
                yield Label(caption, classes="caption")
                value = getattr(item, key) if item else None
                yield Input(
                    value.isoformat() if value else "",
                    id=key,
                    compact=True,
                    placeholder="YYYY-MM-DD",
                )
            yield Static(id=f"{key}-error", classes="error", markup=False)
        with Horizontal(classes="row score"):
            yield Label(pgettext("evidence", "Actual effort"), classes="caption")
            yield Input(show_number(item.actual_effort) if item else "", id="actual_effort",
                        compact=True)  # fmt: skip
            yield Static(
                Content(_("on the effort scale, once done")).stylize("dim"), classes="hint"
            )
        yield Static(id="actual_effort-error", classes="error", markup=False)
        with Horizontal(classes="row"):
            yield Label(pgettext("evidence", "Outcome"), classes="caption")
            yield TextArea(item.outcome if item else "", id="outcome", soft_wrap=True, compact=True)
        yield Static(id="outcome-error", classes="error", markup=False)

    def set_links(self, links: tuple[Link, ...]) -> None:
        """Show the rows picked."""
        self.links = links
        self.query_one("#addresses-shown", Static).update(links_text(links))

    def texts(self) -> dict[str, str]:
        """What the fields hold, as typed."""
        period = self.query_one("#reach_period", FormSelect).value
        return {
            "reach_period": period if isinstance(period, str) else "",
            "started": self.query_one("#started", Input).value,
            "finished": self.query_one("#finished", Input).value,
            "actual_effort": self.query_one("#actual_effort", Input).value,
            "outcome": self.query_one("#outcome", TextArea).text,
        }

    def form_state(self) -> dict[str, Any]:
        """The section's part of the editor's :class:`FormState`."""
        return {"follow": self.texts(), "links": self.links}

    def raw(self) -> tuple[object, ...]:
        """What decides whether the section was edited (the inputs count already)."""
        return (self.texts()["reach_period"], self.links)

    def put_actuals(self, actuals: Actuals) -> None:
        """Fill in what the actuals dialog was told."""
        self.query_one("#finished", Input).value = actuals.finished.isoformat()
        if actuals.started is not None and not self.query_one("#started", Input).value:
            self.query_one("#started", Input).value = actuals.started.isoformat()
        self.query_one("#actual_effort", Input).value = show_number(actuals.actual_effort)
        if actuals.outcome:
            self.query_one("#outcome", TextArea).text = actuals.outcome

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "pick-links":
            event.stop()
            self.post_message(self.PickLinks())


class EvidenceEditing(ModalScreen[Initiative | None]):
    """The editor's side: the picker and the actuals dialog (the editor is one)."""

    plan: Plan
    original: Initiative | None
    _initial_state: tuple[object, ...] | None
    _asked_actuals = False
    pending_log: Logged | None = None
    """The log entry chosen when it was marked done, written once the initiative is kept
    (:func:`~kxplan.tui.screens.actuals.keep_log`)."""

    def _edited(self) -> None:
        raise NotImplementedError  # the editor checks the form again

    def _evidence_raw(self) -> tuple[object, ...]:
        return self.query_one(EvidenceFields).raw()

    def action_pick_links(self) -> None:
        """Open the picker of the rows the initiative addresses."""
        fields = self.query_one(EvidenceFields)
        title = self.query_one("#title", Input).value

        def picked(links: tuple[Link, ...] | None) -> None:
            if links is not None and links != fields.links:
                fields.set_links(links)
                self._edited()

        self.app.push_screen(LinkPicker(self.plan, fields.links, title), picked)

    def on_evidence_fields_pick_links(self, event: EvidenceFields.PickLinks) -> None:
        event.stop()
        self.action_pick_links()

    def on_select_changed(self, event: Select.Changed) -> None:
        """Status set to done: ask what it took (once, unless it was done already)."""
        if event.select.id != "status" or event.value != "done":
            return
        if self._initial_state is None or self._asked_actuals:
            return
        if self.original is not None and self.original.status == "done":
            return
        self._asked_actuals = True
        fields = self.query_one(EvidenceFields)
        effort = self.query_one("#effort", Input).value

        def told(actuals: Actuals | None) -> None:
            if actuals is not None:
                fields.put_actuals(actuals)
                self.pending_log = actuals.log
                self._edited()

        now = getattr(self.app, "clock", None)  # the app's clock (fixed in tests)
        today = (lambda: now().date()) if callable(now) else datetime.date.today
        areas = [
            str(value)
            for widget in self.query("#areas").results(SelectionList)
            for value in widget.selected
        ]
        dialog = ActualsDialog(
            self.plan.scales.effort,
            fields.texts(),
            effort,
            today,
            title=self.query_one("#title", Input).value,
            areas=[a for a in AREA_IDS if a in areas],
        )
        self.app.push_screen(dialog, told)
