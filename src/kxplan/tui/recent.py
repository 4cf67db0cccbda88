"""The short list of recently opened plans, kept in the user's config folder."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Final

from kxplan.storage import PlanError, write_atomic

RECENT_LIMIT: Final = 8


def default_config_dir() -> Path:
    """kxplan's config folder: ``$XDG_CONFIG_HOME/kxplan`` or ``~/.config/kxplan``."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "kxplan"


def load_recent(config_dir: Path) -> list[Path]:
    """Recently opened plans, newest first; an unreadable list counts as empty."""
    try:
        data = json.loads((config_dir / "recent.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [Path(item) for item in data if isinstance(item, str)][:RECENT_LIMIT]


def remember(config_dir: Path, path: Path) -> None:
    """Put ``path`` first in the recent list; failures to write are ignored."""
    resolved = path.resolve()
    paths = [resolved, *(p for p in load_recent(config_dir) if p != resolved)]
    text = json.dumps([str(p) for p in paths[:RECENT_LIMIT]], indent=2) + "\n"
    try:
        config_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(config_dir / "recent.json", text.encode("utf-8"))
    except (OSError, PlanError):  # a recent list is a convenience, never a blocker
        return
