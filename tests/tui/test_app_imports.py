"""What starting the app costs: the room's web server loads when a room opens."""

from __future__ import annotations

import subprocess
import sys


def test_the_app_starts_without_the_rooms_web_server() -> None:
    code = (
        "import sys, kxplan.tui.app; "
        "print(sorted(m for m in sys.modules if m == 'aiohttp' or m.startswith('kxplan.room.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "aiohttp" not in loaded
    assert "kxplan.room.server" not in loaded
    assert "kxplan.room.host" not in loaded
