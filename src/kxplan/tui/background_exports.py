"""Exports written in a worker thread, so the app stays usable while a large plan is
exported: a notice when an export runs longer than a moment, another when it is done
(with the file's path), an error notice when it failed; never a frozen screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from textual.app import App
from textual.timer import Timer

from kxplan.i18n import _
from kxplan.model import Plan
from kxplan.tui.actions import EXPORT_NAMES

if TYPE_CHECKING:
    from kxplan.reports.formats import Format

NOTICE_DELAY: Final = 0.3
"""Seconds an export may take before a notice says it is running (quick ones need none)."""


class BackgroundExports:
    """Starts exports of ``app``'s plan in threads and tells the user how they went."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self.running: set[Path] = set()
        """The files being written now."""

    def start(self, plan: Plan, plan_path: Path, fmt: Format) -> None:
        """Export ``plan`` in ``fmt`` next to ``plan_path``, in a thread.

        The plan is copied first as plain data (cheap), so edits made meanwhile go into
        the next export instead of tearing this one.
        """
        from kxplan.reports import formats  # the writers load on the first export, not at launch

        app = self._app
        name = EXPORT_NAMES[fmt]
        target = formats.default_filename(plan_path, fmt)
        if target in self.running:
            said = _("Still exporting {format} to {path}…").format(format=name, path=target)
            app.notify(said, title=_("Exporting"), markup=False)
            return
        data = plan.to_data()

        def running() -> None:
            app.notify(
                _("Exporting {format} to {path}… (the app stays usable)").format(
                    format=name, path=target
                ),
                title=_("Exporting"),
                markup=False,
            )

        notice = app.set_timer(NOTICE_DELAY, running)
        self.running.add(target)

        def work() -> None:
            existed = target.exists()
            try:
                formats.write(Plan.model_validate(data), fmt, target)
            except Exception as error:  # derived output: any failure is reported, never a crash
                app.call_from_thread(self._done, target, notice, f"{target}: {error}", name)
                return
            if existed:
                said = _("Exported {format} to {path} (replaced the previous export)")
            else:
                said = _("Exported {format} to {path}")
            message = said.format(format=name, path=target)
            app.call_from_thread(self._done, target, notice, message, None)

        app.run_worker(work, thread=True, group="export", name=f"export {target}")

    def _done(self, target: Path, notice: Timer, message: str, failed: str | None) -> None:
        """On the UI thread, once an export is written (or failed)."""
        notice.stop()
        self.running.discard(target)
        if failed is not None:
            self._app.notify(
                message,
                title=_("{format} export failed").format(format=failed),
                severity="error",
                markup=False,
            )
        else:
            self._app.notify(message, title=_("Exported"), markup=False)
