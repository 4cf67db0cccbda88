"""The short list of recently opened plans, kept in the platform's state folder
(``~/.local/state/kxplan`` on Linux, ``~/Library/Application Support/kxplan`` on macOS,
``%LOCALAPPDATA%\\kxplan`` on Windows; platformdirs knows each); remembered settings
belong in its config folder (:func:`settings_dir`)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Final

import platformdirs

from kxplan.storage import PlanError, write_atomic

RECENT_LIMIT: Final = 8


def default_config_dir() -> Path:
    """The folder of the recent-plans list: the platform's state folder for kxplan."""
    return platformdirs.user_state_path("kxplan", appauthor=False)


def settings_dir() -> Path:
    """The folder for remembered settings: the platform's config folder for kxplan."""
    return platformdirs.user_config_path("kxplan", appauthor=False)


def _earlier_list() -> Path:
    """Where releases before platformdirs kept the list; read until the next save."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "kxplan" / "recent.json"


def load_recent(config_dir: Path) -> list[Path]:
    """Recently opened plans, newest first; an unreadable list counts as empty."""
    file = config_dir / "recent.json"
    if not file.exists() and config_dir == default_config_dir():
        file = _earlier_list()
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
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


def _settings_file(config_dir: Path) -> Path:
    """``settings.json``: in the platform's config folder, or beside the recent list when
    the app was given a folder of its own (tests)."""
    folder = settings_dir() if config_dir == default_config_dir() else config_dir
    return folder / "settings.json"


def load_settings(config_dir: Path) -> dict[str, str]:
    """The app's remembered settings (the theme); unreadable counts as none."""
    try:
        data = json.loads(_settings_file(config_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str)}


def remember_setting(config_dir: Path, key: str, value: str) -> None:
    """Keep ``key = value`` in the settings; failures to write are ignored."""
    settings = {**load_settings(config_dir), key: value}
    text = json.dumps(settings, indent=2, sort_keys=True) + "\n"
    file = _settings_file(config_dir)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, text.encode("utf-8"))
    except (OSError, PlanError):  # a setting is a convenience, never a blocker
        return
