"""What the app remembers in the user's config folder: recent plans and its settings."""

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


def load_settings(config_dir: Path) -> dict[str, str]:
    """The app's remembered settings (``settings.json``: the theme); unreadable counts as none."""
    try:
        data = json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str)}


def remember_setting(config_dir: Path, key: str, value: str) -> None:
    """Keep ``key = value`` in the settings; failures to write are ignored."""
    settings = {**load_settings(config_dir), key: value}
    text = json.dumps(settings, indent=2, sort_keys=True) + "\n"
    try:
        config_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(config_dir / "settings.json", text.encode("utf-8"))
    except (OSError, PlanError):  # a setting is a convenience, never a blocker
        return
