"""Snapshots beside a plan: versions.py and `kxplan snapshot` / `kxplan history`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from support import invoke, write_base_plan

from kxplan.storage import load
from kxplan.versions import Version, list_versions, load_version, save_version, versions_dir
from kxplan.versions.comparison import compare

NOON = datetime(2026, 11, 24, 12, 0, 5, tzinfo=UTC)


def test_versions_folder_sits_beside_the_plan(tmp_path: Path) -> None:
    assert versions_dir(tmp_path / "strategy.toml") == tmp_path / "strategy.versions"
    assert versions_dir("a/b.kxplan.toml") == Path("a/b.kxplan.versions")


def test_save_list_and_load(tmp_path: Path) -> None:
    plan_path = tmp_path / "strategy.toml"
    plan = write_base_plan(plan_path)
    saved = save_version(plan, plan_path, "After workshop 2!", now=NOON)
    assert saved == tmp_path / "strategy.versions" / "2026-11-24T120005Z--after-workshop-2.toml"
    assert saved.read_text(encoding="utf-8").startswith("# kxplan snapshot: After workshop 2!\n")
    assert list_versions(plan_path) == [Version(saved, "After workshop 2!", NOON)]
    loaded = load_version(list_versions(plan_path)[0])
    assert loaded == plan
    assert not compare(plan, loaded).changes


def test_a_label_with_control_characters_still_makes_a_readable_snapshot(
    tmp_path: Path,
) -> None:
    plan_path = tmp_path / "strategy.toml"
    plan = write_base_plan(plan_path)
    saved = save_version(plan, plan_path, "del\x7fx esc\x1b[2J\nnext", now=NOON)
    assert saved.read_text(encoding="utf-8").startswith(
        "# kxplan snapshot: del\\x7fx esc\\x1b[2J next\n"
    )
    assert load_version(list_versions(plan_path)[0]) == plan  # valid TOML, same plan


def test_never_overwrites_and_keeps_the_order(tmp_path: Path) -> None:
    plan_path = tmp_path / "p.toml"
    plan = write_base_plan(plan_path)
    first = save_version(plan, plan_path, "b", now=NOON)
    second = save_version(plan, plan_path, "a", now=NOON)  # same second, other label
    third = save_version(plan, plan_path, now=NOON)
    assert [first.name, second.name, third.name] == [
        "2026-11-24T120005Z--b.toml",
        "2026-11-24T120005Z-2--a.toml",
        "2026-11-24T120005Z-3.toml",
    ]
    assert [v.label for v in list_versions(plan_path)] == ["b", "a", ""]


def test_other_files_in_the_folder_are_ignored(tmp_path: Path) -> None:
    plan_path = tmp_path / "p.toml"
    assert list_versions(plan_path) == []
    folder = versions_dir(plan_path)
    folder.mkdir()
    (folder / "notes.txt").write_text("hello", encoding="utf-8")
    (folder / "2026-11-24T120005Z--x.toml").write_bytes(b'schema = 1\ntitle = "x"\n')
    assert [(v.label, v.taken) for v in list_versions(plan_path)] == [("x", NOON)]


def test_snapshot_command_copies_the_file_as_it_is(tmp_path: Path) -> None:
    plan_path = tmp_path / "strategy.toml"
    write_base_plan(plan_path)
    original = plan_path.read_bytes() + b"# a comment of the team's own\n"
    plan_path.write_bytes(original)
    result = invoke("snapshot", str(plan_path), "--label", "v1")
    assert result.exit_code == 0, result.output
    (version,) = list_versions(plan_path)
    assert result.output == f"Saved snapshot {version.path}\n"
    assert version.path.read_bytes() == b"# kxplan snapshot: v1\n" + original


def test_snapshot_refuses_a_broken_plan(tmp_path: Path) -> None:
    plan_path = tmp_path / "bad.toml"
    plan_path.write_text('schema = 1\ntitle = "x"\nbogus = 1\n', encoding="utf-8")
    result = invoke("snapshot", str(plan_path))
    assert result.exit_code == 2
    assert "bogus" in result.stderr
    assert not versions_dir(plan_path).exists()
    missing = invoke("snapshot", str(tmp_path / "none.toml"))
    assert missing.exit_code == 2
    assert "none.toml" in missing.stderr


def test_history_lists_oldest_first_with_what_changed(tmp_path: Path) -> None:
    plan_path = tmp_path / "strategy.toml"
    plan = write_base_plan(plan_path)
    save_version(plan, plan_path, "start", now=NOON)
    rescored = write_base_plan(plan_path, lambda d: d["initiatives"][1].update(effort=4))
    save_version(rescored, plan_path, "after workshop", now=NOON.replace(hour=15))

    def remove_crm(data: dict[str, Any]) -> None:
        data["initiatives"][1]["effort"] = 4
        data["initiatives"].pop()

    write_base_plan(plan_path, remove_crm)  # not yet snapshotted
    result = invoke("history", str(plan_path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "2026-11-24 12:00:05   start           first snapshot",
        "2026-11-24 15:00:05   after workshop  1 initiative re-scored; 1 moved in rank",
        "now                   (current file)  1 initiative removed; top 5 changed: 0 in, 1 out",
    ]


def test_history_without_snapshots(tmp_path: Path) -> None:
    plan_path = tmp_path / "strategy.toml"
    write_base_plan(plan_path)
    result = invoke("history", str(plan_path))
    assert result.exit_code == 0
    assert "No snapshots" in result.output
    assert load(plan_path).title == "Kundservice 2027"


def test_history_with_a_broken_current_file_still_lists_the_snapshots(tmp_path: Path) -> None:
    plan_path = tmp_path / "strategy.toml"
    save_version(write_base_plan(plan_path), plan_path, "start", now=NOON)
    plan_path.write_text('schema = 1\ntitle = "x"\nbogus = 1\n', encoding="utf-8")
    result = invoke("history", str(plan_path))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "2026-11-24 12:00:05   start           first snapshot"
    assert lines[1].startswith("now                   (current file)  unreadable: ")
    assert "bogus" in lines[1]
