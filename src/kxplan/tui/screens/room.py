"""The room on the projector: the join address and QR code, who is here, and the round.

The screen runs nothing itself: the room's server runs in the app's event loop
(:class:`~kxplan.tui.room_control.RoomControl` holds it), so the facilitator can go
back to the walk with escape while phones keep answering, and come back with f8.
What the board says is worked out in :mod:`kxplan.tui.room_board`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from kxplan.framework import CLOSED_STATUSES
from kxplan.i18n import _, ngettext
from kxplan.room.qr import terminal_lines
from kxplan.room.state import Refused
from kxplan.tui.keys import bindings_for
from kxplan.tui.room_board import Line, idea_lines, people, round_lines, vote_lines
from kxplan.tui.room_control import RoomControl
from kxplan.tui.screens.confirm import Answer, Confirm
from kxplan.tui.screens.room_dialogs import (
    DotsChoice,
    DotsSetup,
    IdeasInbox,
    PickInitiative,
    RoundChoice,
    RoundSetup,
)
from kxplan.tui.widgets.key_footer import KeyFooter
from kxplan.tui.widgets.scroll import Scroll


def _text(lines: list[Line]) -> Text:
    text = Text()
    for index, line in enumerate(lines):
        if index:
            text.append("\n")
        text.append(line.text, style=line.style)
    return text


class RoomScreen(Screen[None]):
    """The room: join address, QR code, people, and the round, vote and ideas."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("RoomScreen")

    DEFAULT_CSS = """
    RoomScreen #room-top { height: auto; }
    RoomScreen #room-qr { width: auto; height: auto; color: #ffffff; background: #000000;
        margin: 0 2 0 0; }
    RoomScreen #room-qr.hidden { display: none; }
    RoomScreen #room-info { height: auto; width: 1fr; }
    RoomScreen #room-url { text-style: bold; }
    RoomScreen #room-board { height: 1fr; border-top: solid $primary; padding: 0 1; }
    """

    def __init__(self, control: RoomControl) -> None:
        super().__init__()
        self.control = control
        self._refresh_pending = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="room-top"):
            yield Static(id="room-qr")
            with Vertical(id="room-info"):
                yield Static(id="room-url")
                yield Static(id="room-where")
                yield Static(id="room-people")
        with Scroll(id="room-board"):
            yield Static(id="room-round")
            yield Static(id="room-votes")
            yield Static(id="room-ideas")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.control.room.listeners.append(self._changed)
        server = self.control.host.server
        if server is not None:
            server.on_connect.append(self._changed)
        self.refresh_board()

    def on_unmount(self) -> None:
        if self._changed in self.control.room.listeners:
            self.control.room.listeners.remove(self._changed)
        server = self.control.host.server
        if server is not None and self._changed in server.on_connect:
            server.on_connect.remove(self._changed)

    def _changed(self) -> None:
        if not self._refresh_pending:  # a burst of answers is drawn once, not once each
            self._refresh_pending = True
            self.call_later(self.refresh_board)

    def refresh_board(self) -> None:
        """Draw everything again from the room as it is now."""
        self._refresh_pending = False
        host, room = self.control.host, self.control.room
        self.query_one("#room-qr", Static).update(Text("\n".join(terminal_lines(host.url))))
        self.query_one("#room-url", Static).update(Text(_("Join: {url}").format(url=host.url)))
        where = (
            _("Open to the local network: phones on the same Wi-Fi can join. l: this machine only")
            if host.lan
            else _("This machine only (or through an SSH tunnel). l: open to the local network")
        )

        self.query_one("#room-where", Static).update(Text(where, style="dim"))
        connected = host.server.connected if host.server else {}
        self.query_one("#room-people", Static).update(_text(people(room, connected)))
        current = room.rounds[-1] if room.rounds and room.rounds[-1].status != "closed" else None
        self.query_one("#room-round", Static).update(
            _text(round_lines(room, current))
            if current
            else Text(_("No round yet: n starts one."), style="dim")
        )
        self.query_one("#room-votes", Static).update(_text(vote_lines(room)))
        self.query_one("#room-ideas", Static).update(_text(idea_lines(room)))

    def _refused(self, refusal: Refused) -> None:
        self.notify(str(refusal), severity="warning", markup=False)

    def _open_ids(self) -> tuple[str, ...]:
        return tuple(
            i.id for i in self.control.session.plan.initiatives if i.status not in CLOSED_STATUSES
        )

    # --- rounds -----------------------------------------------------------------------

    def action_new_round(self) -> None:
        """Start a round: pick the initiatives and the scores."""
        self.control.sync()

        def chosen(choice: RoundChoice | None) -> None:
            if choice is None:
                return
            try:
                raters = dict(choice.raters) or None
                self.control.room.start_round(choice.initiatives, choice.scores, raters)
            except Refused as refusal:
                self._refused(refusal)

        self.app.push_screen(RoundSetup(self.control.session.plan, self._open_ids()), chosen)

    def _current(self) -> int | None:
        current = self.control.room.current_round
        if current is None:
            self.notify(_("No round is open: n starts one."), severity="warning")
            return None
        return current.number

    def action_reveal(self) -> None:
        """Show everyone the answers."""
        number = self._current()
        if number is not None:
            try:
                self.control.room.reveal(number)
            except Refused as refusal:
                self._refused(refusal)

    def action_accept(self) -> None:
        """Take the answers as the participants' estimates; the ranking follows."""
        number = self._current()
        if number is None:
            return
        try:
            changed = self.control.accept(number)
        except Refused as refusal:
            self._refused(refusal)
            return
        said = ngettext(
            "Estimates taken for {count} initiative.",
            "Estimates taken for {count} initiatives.",
            changed,
        )
        self.notify(said.format(count=changed))

    def action_revote(self) -> None:
        """Ask the same questions again, blind; the earlier round is kept."""
        rounds = self.control.room.rounds
        if not rounds:
            self.notify(_("No round to vote on again."), severity="warning")
            return
        try:
            self.control.room.revote(rounds[-1].number)
        except Refused as refusal:
            self._refused(refusal)

    # --- dots and ideas ----------------------------------------------------------------

    def action_dots(self) -> None:
        """Start a dot vote, or end the one that is open (its results show)."""
        room = self.control.room
        if room.current_vote is not None:
            room.end_dots(room.current_vote.number)
            return

        def chosen(choice: DotsChoice | None) -> None:
            if choice is not None:
                try:
                    room.start_dots(
                        choice.dots,
                        choice.initiatives,
                        anonymous=choice.anonymous,
                        question=choice.question,
                    )
                except Refused as refusal:
                    self._refused(refusal)

        self.app.push_screen(DotsSetup(self.control.session.plan, self._open_ids()), chosen)

    def action_keep_vote(self) -> None:
        """Keep the ended dot vote in the plan: the ranking shows its dots."""
        room = self.control.room
        if not room.votes:
            self.notify(_("No dot vote to keep: d starts one."), severity="warning")
            return
        try:
            counted = self.control.keep_vote(room.votes[-1].number)
        except Refused as refusal:
            self._refused(refusal)
            return
        self.notify(
            _("Kept the vote in the plan: {count} dots (save with ctrl+s).").format(count=counted)
        )
        self.refresh_board()

    @work
    async def action_ideas(self) -> None:
        """The ideas inbox: accept, merge or discard."""
        decision = await self.app.push_screen_wait(IdeasInbox(list(self.control.room.ideas)))
        if decision is None:
            return
        try:
            if decision.verdict == "accept":
                made = self.control.accept_idea(decision.idea)
                self.notify(_("Added {what}.").format(what=made), markup=False)
            elif decision.verdict == "merge":
                target = await self.app.push_screen_wait(PickInitiative(self.control.session.plan))
                if target is not None:
                    self.control.merge_idea(decision.idea, target)
            else:
                self.control.discard_idea(decision.idea)
        except Refused as refusal:
            self._refused(refusal)

    def action_show_ideas(self) -> None:
        """Let phones see everyone's ideas, or only their own again."""
        self.control.room.show_ideas(not self.control.room.ideas_shown)

    # --- the room itself ----------------------------------------------------------------

    @work
    async def action_lan(self) -> None:
        """Listen on the local network, or on this machine only again."""
        await self.control.host.start(lan=not self.control.host.lan)
        server = self.control.host.server
        if server is not None and self._changed not in server.on_connect:
            server.on_connect.append(self._changed)
        self.refresh_board()

    @work
    async def action_close_room(self) -> None:
        """End the room: every phone loses access."""
        answer = await self.app.push_screen_wait(
            Confirm(
                _("Close the room?"),
                _(
                    "Every phone loses access. Answers not accepted stay in the journal beside "
                    "the plan."
                ),
                [
                    (Answer.CLOSE, _("Close the room"), "error"),
                    (Answer.CANCEL, _("Keep it open"), "default"),
                ],
                focus_answer=Answer.CANCEL,
            )
        )
        if answer is Answer.CLOSE:
            await self.app.close_room()  # type: ignore[attr-defined]
            self.dismiss()

    def action_toggle_qr(self) -> None:
        """Hide the QR code to give the board the room, or show it again."""
        self.query_one("#room-qr").toggle_class("hidden")

    def action_back(self) -> None:
        """Back to the walk; the room stays open."""
        self.dismiss()
