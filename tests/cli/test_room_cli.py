"""``kxplan room`` as a user runs it: a real process, a real port, ctrl+c to stop."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from support import invoke

from kxplan.room.journal import journal_path
from kxplan.storage import load

PLAN = """\
schema = 1
title = "Kundservice 2027"
participants = ["Anna", "Bo"]

[[initiatives]]
id = "chat"
title = "Web chat"
"""


def post(url: str, body: dict[str, object], device: str = "") -> dict[str, object]:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "X-Kxplan-Device": device},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        data: dict[str, object] = json.load(response)
        return data


def test_the_first_line_is_the_address_and_ctrl_c_writes_the_answers(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "kxplan", "room", str(plan), "--score", "effort"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        url = child.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        assert "/r/" in url
        for name, value in (("Anna", 2), ("Bo", 3)):
            device = str(post(url + "api/join", {"name": name})["device"])
            body = {"round": 1, "initiative": "chat", "score": "effort", "value": value}
            post(url + "api/answer", body, device)
    finally:
        os.kill(child.pid, signal.SIGINT)
        _, err = child.communicate(timeout=20)
    assert child.returncode == 0, err
    assert "Wrote 2 answers from 2 participants" in err
    estimates = {e.participant: e.effort for e in load(plan).initiative("chat").estimates}
    assert estimates == {"Anna": 2, "Bo": 3}
    assert journal_path(plan).exists()


def test_an_unknown_initiative_is_one_line_and_exit_2(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    result = invoke("room", plan, "--initiative", "nope")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: {plan}: No initiative 'nope' in the plan."
    ]
    assert not journal_path(plan).exists()


def test_a_plan_with_errors_is_refused_before_anything_listens(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN.replace('title = "Kundservice 2027"', "title = 3"), encoding="utf-8")
    result = invoke("room", plan)
    assert result.exit_code == 2
    assert "title" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_ends_with_an_example() -> None:
    result = invoke("room", "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "kxplan room strategy.toml --lan" in result.stdout
