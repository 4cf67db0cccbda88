"""A KPI's readings, added from its table: ``r`` on a KPI row opens
:class:`~kxplan.tui.screens.reading.ReadingDialog`, and the session adds what it returns.

:class:`ReadingSteps` is mixed into the area step (the step opens dialogs and changes
the plan, the table only asks); :func:`table_keys` is the hint under a table's title.
"""

from __future__ import annotations

from textual import on

from kxplan.i18n import _
from kxplan.model.followup import Reading
from kxplan.session import EditRefused
from kxplan.tui.screens.reading import ReadingDialog
from kxplan.tui.steps.base import Step
from kxplan.tui.tables import TableSpec
from kxplan.tui.widgets.area_table import AreaTable


def table_keys(spec: TableSpec) -> str:
    """``  a add · e edit · d delete a KPI · r add a reading`` under a table's title."""
    keys = _("  a add · e edit · d delete a {row}").format(row=_(spec.row_name))
    if spec.key == "kpis":
        keys += _(" · r add a reading")
    if spec.key == "journey":
        keys += _(" · shift+↑↓ order")
    if spec.key == "touchpoints":
        keys += _(" · j add a journey stage")
    return keys


class ReadingSteps(Step):
    """An area step whose KPI table takes readings."""

    def action_add_reading(self) -> None:
        """r outside the tables: on the KPI table, for the KPI under its cursor."""
        for table in self.query(AreaTable):
            if table.spec.key == "kpis":
                table.focus()
                table.action_add_reading()
                return
        self.app.bell()

    @on(AreaTable.AddReading)
    def _add_reading(self, event: AreaTable.AddReading) -> None:
        event.stop()
        table, index = event.table, event.index
        assert index is not None
        kpi = self.session.plan.areas.insight.kpis[index]

        def added(reading: Reading | None) -> None:
            if reading is None:
                table.show_row(index)
                return
            try:
                self.session.add_reading(index, reading)
            except EditRefused as refused:  # the dialog checked it; the plan may have moved
                self.app.notify(str(refused), severity="error")
                return
            table.reload()
            table.show_row(index)
            self.edited()

        clock = self.session.clock
        self.app.push_screen(ReadingDialog(kpi, today=lambda: clock().date()), added)
