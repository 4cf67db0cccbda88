"""Save docs/screenshot.svg: the app's first screen on the built-in example, at 100x30.

Run it after a change to what that screen shows (the README displays the picture):

    .venv/bin/python docs/make_screenshot.py

The app runs headless with a steady cursor and a config folder of its own, so neither
your recent-plans list nor the clock changes the picture.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from kxplan.templates import EXAMPLE
from kxplan.tui.app import KxplanApp

SIZE = (100, 30)
"""A projector in a workshop room: the size the app is made for."""

TARGET = Path(__file__).resolve().with_name("screenshot.svg")
FIXED_NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


async def screenshot() -> str:
    """The SVG of the first screen `kxplan example` shows."""
    with tempfile.TemporaryDirectory() as config:
        app = KxplanApp(
            None,
            example=EXAMPLE,
            clock=lambda: FIXED_NOW,
            config_dir=Path(config),
            cursor_blink=False,
        )
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            return app.export_screenshot(title="kxplan example")


def main() -> int:
    svg = asyncio.run(screenshot())
    TARGET.write_text(svg, encoding="utf-8")
    print(f"Wrote {TARGET} ({len(svg.encode()):,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
