"""The session's operations for following the strategy up: KPI readings and check-ins."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from kxplan.model import Plan
from kxplan.model.checkin import CheckIn, checkin_problems
from kxplan.model.followup import Reading, reading_problems
from kxplan.session.refused import EditRefused, Problems


class FollowUpEdits:
    """Readings and check-ins, for :class:`~kxplan.session.Session`: each checks just what
    it changes and marks the change."""

    plan: Plan
    changed: Callable[[], None]
    """Marks an edit (the session's own)."""
    clock: Callable[[], datetime.datetime]
    """The session's clock: a check-in recorded is not after its day."""

    def add_reading(self, kpi_index: int, reading: Reading) -> int:
        """Add a reading at the end of KPI ``kpi_index``'s readings; returns its index
        there. IndexError for no such KPI, EditRefused when the
        rules refuse it (a date read already, a value off the KPI's scale)."""
        kpis = self.plan.areas.insight.kpis
        kpi = kpis[kpi_index]
        readings = [*kpi.readings, reading]
        problems: Problems = [
            (("readings", number, field), message)
            for number, field, message in reading_problems(kpi, readings)
        ]
        if problems:
            raise EditRefused(problems)
        kpis[kpi_index] = kpi.model_copy(update={"readings": readings})
        self.changed()
        return len(readings) - 1

    def record_checkin(self, checkin: CheckIn) -> bool:
        """Record a check-in held: a second one on the same day replaces the first (the
        meeting's decisions typed again). True when that changed the plan; EditRefused
        when the check-ins' rules refuse it."""
        kept = list(self.plan.checkins)
        if kept and kept[-1].date == checkin.date:
            if kept[-1] == checkin:
                return False
            kept[-1] = checkin
        else:
            kept.append(checkin)
        problems = list(checkin_problems(kept, self.clock().date()))
        if problems:
            raise EditRefused(problems)
        self.plan.checkins = kept
        self.changed()
        return True
