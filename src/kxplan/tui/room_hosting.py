"""The app's part in the room: open it (f8), bring back one that did not end, close it.

The room's server runs in the app's own event loop, so the walk stays responsive
while phones answer, and the room stays open while the facilitator works on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import App

from kxplan.framework import AreaId
from kxplan.i18n import _
from kxplan.session import Session
from kxplan.tui.screens.confirm import Answer, Confirm

if TYPE_CHECKING:  # the room's server (aiohttp) loads when a room opens, not at start
    from kxplan.tui.room_control import RoomControl


class RoomHosting(App[None]):
    """Mixed into the app: holds the open room, if any."""

    session: Session | None
    room_control: RoomControl | None = None

    @work(exclusive=True, group="room")
    async def action_room(self) -> None:
        """Open the room (or show it again): phones join by the address or the QR code."""
        from kxplan.tui.screens.room import RoomScreen

        session = self.session
        if session is None:
            return
        if self.room_control is None:
            if session.path is None:
                self.notify(
                    _("Save the plan first (ctrl+s): the room keeps its journal beside the file."),
                    severity="warning",
                )
                return
            from kxplan.room.host import RoomHost
            from kxplan.room.journal import JournalError
            from kxplan.tui.room_control import RoomControl

            try:
                host = RoomHost.open(session.plan, session.path)
                await host.start()
            except (OSError, JournalError) as error:
                self.notify(
                    str(error), title=_("The room did not open"), severity="error", markup=False
                )
                return
            self.room_control = RoomControl(host, session)
        self.room_control.room.area_now = self.walk_area  # also for a room brought back
        self.room_control.sync()
        await self.push_screen(RoomScreen(self.room_control))

    def walk_area(self) -> AreaId | None:
        """The area of the walk's current step (None on the overview and the summary):
        ideas phones send now are for it."""
        from kxplan.tui.screens.walk import WalkScreen
        from kxplan.tui.walk_steps import STEPS

        walk = next((s for s in self.screen_stack if isinstance(s, WalkScreen)), None)
        return STEPS[walk.step_index].area_id if walk is not None else None

    async def close_room(self) -> None:
        """End the open room, if any: every phone loses access."""
        control, self.room_control = self.room_control, None
        if control is not None:
            await control.host.close()

    @work(exclusive=True, group="room")
    async def offer_unfinished_room(self, session: Session) -> None:
        """When a room over this plan did not end (a crash, a kill), offer to bring it back."""
        from kxplan.room.journal import JournalError, unfinished

        if session.path is None or unfinished(session.path) is None:
            return
        answer = await self.push_screen_wait(
            Confirm(
                _("A room over this plan did not end"),
                _(
                    "Its journal keeps every answer, dot and idea sent. Bring the room back (the "
                    "same address works on the phones), or close it for good?"
                ),
                [
                    (Answer.RESUME, _("Bring it back"), "primary"),
                    (Answer.CLOSE, _("Close it"), "default"),
                    (Answer.CANCEL, _("Ask me later"), "default"),
                ],
            )
        )
        if answer is Answer.CANCEL or session is not self.session:
            return
        from kxplan.room.host import RoomHost
        from kxplan.tui.room_control import RoomControl

        try:
            host = RoomHost.open(session.plan, session.path)
        except (OSError, JournalError) as error:
            self.notify(
                str(error), title=_("The room did not come back"), severity="error", markup=False
            )
            return
        if answer is Answer.CLOSE:
            await host.close()
            return
        await host.start()
        self.room_control = RoomControl(host, session)
        self.action_room()
