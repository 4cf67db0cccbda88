"""The recent-plans list lives in the platform's state folder and settings in its config
folder (platformdirs); a list kept where earlier releases kept it is still read."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kxplan.tui.recent import default_config_dir, load_recent, remember, settings_dir

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are Linux's")


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    state, config = tmp_path / "state", tmp_path / "config"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return state, config


def test_the_recent_list_is_state_and_settings_are_config(homes: tuple[Path, Path]) -> None:
    state, config = homes
    assert default_config_dir() == state / "kxplan"
    assert settings_dir() == config / "kxplan"


def test_a_list_where_earlier_releases_kept_it_is_read_until_the_next_save(
    homes: tuple[Path, Path], tmp_path: Path
) -> None:
    state, config = homes
    plan = tmp_path / "plan.toml"
    earlier = config / "kxplan" / "recent.json"
    earlier.parent.mkdir(parents=True)
    earlier.write_text(json.dumps([str(plan)]), encoding="utf-8")
    assert load_recent(default_config_dir()) == [plan]
    other = tmp_path / "other.toml"
    remember(default_config_dir(), other)
    saved = json.loads((state / "kxplan" / "recent.json").read_text(encoding="utf-8"))
    assert saved == [str(other.resolve()), str(plan)]
