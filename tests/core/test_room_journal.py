"""The journal keeps every change on disk and brings an unfinished room back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kxplan.model import Plan
from kxplan.room.journal import Journal, JournalError, journal_path, replay, unfinished
from kxplan.room.state import Room

PLAN = {
    "title": "Plan",
    "participants": ["Anna", "Bo"],
    "initiatives": [{"id": "chat", "title": "Web chat"}, {"id": "faq", "title": "FAQ"}],
}


def test_the_journal_lives_beside_the_plan() -> None:
    assert journal_path("/x/strategy.toml") == Path("/x/strategy.room.jsonl")


def test_a_room_that_did_not_close_is_found_and_replayed(tmp_path: Path) -> None:
    plan_file = tmp_path / "strategy.toml"
    journal = Journal.create(journal_path(plan_file), "s3cret")
    room = Room(Plan.model_validate(PLAN), record=journal.record)
    anna = room.join("Anna")
    r = room.start_round(["chat"], ["effort"])
    room.answer(anna, r.number, "chat", "effort", 4)
    journal.close()
    found = unfinished(plan_file)
    assert found == journal_path(plan_file)
    again, header = replay(found, Plan.model_validate(PLAN))
    assert header.secret == "s3cret"
    assert again.rounds[0].answers == {("Anna", "chat", "effort"): 4.0}
    assert again.tokens == room.tokens  # phones keep their place


def test_a_closed_room_is_not_offered_again_and_a_new_one_keeps_the_old_journal(
    tmp_path: Path,
) -> None:
    plan_file = tmp_path / "strategy.toml"
    journal = Journal.create(journal_path(plan_file), "a")
    room = Room(Plan.model_validate(PLAN), record=journal.record)
    room.close()
    journal.close()
    assert unfinished(plan_file) is None
    Journal.create(journal_path(plan_file), "b").close()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert len(kept) == 2
    assert "strategy.room.jsonl" in kept


def test_a_last_line_cut_short_by_a_crash_is_ignored_but_damage_elsewhere_is_named(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.room.jsonl"
    journal = Journal.create(path, "s")
    room = Room(Plan.model_validate(PLAN), record=journal.record)
    room.join("Anna")
    journal.close()
    with path.open("a", encoding="utf-8") as out:
        out.write('{"at": "x", "event": "ans')
    again, _ = replay(path, Plan.model_validate(PLAN))
    assert list(again.tokens.values()) == ["Anna"]
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(1, "not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(JournalError, match=r"p\.room\.jsonl:2: not a journal line"):
        replay(path, Plan.model_validate(PLAN))


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kxplan.model import Plan
    from kxplan.room.journal import Journal
    from kxplan.room.state import Room
    plan = Plan.model_validate({plan!r})
    journal = Journal.create(Path(sys.argv[1]), "k")
    room = Room(plan, record=journal.record)
    tokens = [room.join("Anna"), room.join("Bo")]
    r = room.start_round(["chat", "faq"], ["effort"])
    n = 0
    for value in range(1, 6):
        for token in tokens:
            for item in ("chat", "faq"):
                room.answer(token, r.number, item, "effort", value)
                n += 1
                print(n, flush=True)
    time.sleep(60)
    """
)


def test_every_answer_survives_a_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "p.room.jsonl"
    script = WRITER.format(plan=PLAN)
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    told = 0
    deadline = time.monotonic() + 30
    while told < 20 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if line:
            told = int(line)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert told == 20
    room, _ = replay(path, Plan.model_validate(PLAN))
    answers = room.rounds[0].answers
    assert len(answers) == 4  # two people × two initiatives; the last value each gave
    assert set(answers.values()) == {5.0}
    recorded = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert sum(1 for e in recorded if e.get("event") == "answer") == 20
