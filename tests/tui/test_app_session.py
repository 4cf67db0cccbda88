"""The editing session behind the app (plain Python, no UI): dirty flag, updated time,
changed-on-disk detection, and saves that validate first and never half-write."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kxplan import storage, templates
from kxplan.model import Estimate, Initiative
from kxplan.session import ChangedOnDisk, Session

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
LATER = datetime(2026, 11, 24, 11, 0, tzinfo=UTC)


def saved_plan(path: Path) -> Path:
    storage.save(templates.new_plan("blank", now=NOW), path)
    return path


def test_opening_is_clean_and_an_edit_makes_it_dirty_and_touches_updated(tmp_path: Path) -> None:
    session = Session.open(saved_plan(tmp_path / "p.toml"), clock=lambda: LATER)
    assert not session.dirty
    assert session.plan.updated == NOW
    session.plan.title = "Edited"
    session.changed()
    assert session.dirty
    assert session.plan.updated == LATER


def test_save_writes_the_plan_and_clears_dirty(tmp_path: Path) -> None:
    path = saved_plan(tmp_path / "p.toml")
    session = Session.open(path, clock=lambda: LATER)
    session.plan.title = "Edited"
    session.changed()
    session.save()
    assert not session.dirty
    reloaded = storage.load(path)
    assert (reloaded.title, reloaded.updated) == ("Edited", LATER)


def test_a_change_on_disk_is_detected_and_save_refuses_unless_told(tmp_path: Path) -> None:
    path = saved_plan(tmp_path / "p.toml")
    session = Session.open(path)
    assert not session.changed_on_disk()
    path.write_text(path.read_text(encoding="utf-8").replace("New CX strategy", "Theirs"))
    assert session.changed_on_disk()
    with pytest.raises(ChangedOnDisk):
        session.save()
    assert storage.load(path).title == "Theirs"
    session.save(overwrite=True)
    assert storage.load(path).title == "New CX strategy"
    assert not session.changed_on_disk()


def test_touching_the_file_without_changing_its_bytes_is_not_a_change(tmp_path: Path) -> None:
    path = saved_plan(tmp_path / "p.toml")
    session = Session.open(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert not session.changed_on_disk()


def test_a_deleted_file_counts_as_changed(tmp_path: Path) -> None:
    path = saved_plan(tmp_path / "p.toml")
    session = Session.open(path)
    path.unlink()
    assert session.changed_on_disk()


def test_an_invalid_plan_is_refused_and_the_file_and_dirty_flag_stay(tmp_path: Path) -> None:
    path = saved_plan(tmp_path / "p.toml")
    before = path.read_bytes()
    session = Session.open(path)
    session.plan.title = "   "
    session.plan.participants = ["Ann", "ann"]
    session.changed()
    with pytest.raises(storage.PlanError) as caught:
        session.save()
    places = [problem.place for problem in caught.value.problems]
    assert places == ["title", "participants[2]"]
    assert session.dirty
    assert path.read_bytes() == before


def test_save_as_moves_the_session_to_the_new_file(tmp_path: Path) -> None:
    session = Session(templates.new_plan("blank", now=NOW), None, dirty=True)
    assert session.name == "(not saved yet)"
    with pytest.raises(ValueError, match="save_as"):
        session.save()
    target = tmp_path / "new.toml"
    session.save_as(target)
    assert (session.path, session.name, session.dirty) == (target, "new.toml", False)
    assert storage.load(target).title == "New CX strategy"


def test_opening_a_missing_file_is_a_plan_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(storage.PlanError, match="no such file"):
        Session.open(tmp_path / "nope.toml")


def test_the_session_and_the_tui_package_import_no_ui_toolkit() -> None:
    code = (
        "import sys, kxplan.session, kxplan.tui; "
        "print(sorted(m for m in ('textual', 'rich') if m in sys.modules))"
    )
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def _initiative(id: str, **fields: object) -> Initiative:
    return Initiative.model_validate({"id": id, "title": id.title(), **fields})


def test_put_initiative_adds_and_enrols_new_estimators_once(tmp_path: Path) -> None:
    session = Session.open(saved_plan(tmp_path / "p.toml"), clock=lambda: LATER)
    session.plan.participants = ["Anna"]
    estimates = [
        Estimate(participant="anna", effort=2),  # Anna already takes part: case ignored
        Estimate(participant=" Eva ", effort=3),
    ]

    session.put_initiative(_initiative("chat", estimates=estimates))

    assert [item.id for item in session.plan.initiatives] == ["chat"]
    assert session.plan.participants == ["Anna", "Eva"]
    assert session.dirty
    assert session.plan.updated == LATER
    session.save()
    assert storage.load(tmp_path / "p.toml").participants == ["Anna", "Eva"]


def test_put_initiative_replaces_in_place_and_dependencies_follow_a_new_id(
    tmp_path: Path,
) -> None:
    session = Session.open(saved_plan(tmp_path / "p.toml"), clock=lambda: LATER)
    session.put_initiative(_initiative("faq"))
    session.put_initiative(_initiative("bot", depends_on=["faq"]))

    session.put_initiative(_initiative("web-faq", title="Web FAQ"), replacing="faq")

    assert [item.id for item in session.plan.initiatives] == ["web-faq", "bot"]
    assert session.plan.initiative("bot").depends_on == ["web-faq"]
    session.save()  # the rules (no dangling dependency) still hold


def test_delete_initiative_removes_it_and_dependencies_on_it(tmp_path: Path) -> None:
    session = Session.open(saved_plan(tmp_path / "p.toml"), clock=lambda: LATER)
    session.put_initiative(_initiative("faq"))
    session.put_initiative(_initiative("bot", depends_on=["faq"]))
    session.save()

    gone = session.delete_initiative("faq")

    assert gone.id == "faq"
    assert session.dirty
    session.save()
    saved = storage.load(tmp_path / "p.toml").initiatives
    assert [(i.id, i.depends_on) for i in saved] == [("bot", [])]
