"""The kxplan terminal UI. Importing this package does not import textual; :func:`run` does."""

from __future__ import annotations

from pathlib import Path


def run(path: Path | None = None, *, example: str | None = None) -> None:
    """Open the workshop app: the welcome screen, the plan at ``path``, or an example.

    ``example`` names a starter template to open in memory ("" for the default one).
    """
    from kxplan.tui.app import KxplanApp

    KxplanApp(path, example=example).run()
