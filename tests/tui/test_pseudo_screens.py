"""Every main screen under the pseudo-language: no word on screen escapes translation,
except the plan's own content, key names and file names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from app_helpers import make_app, settle
from pseudo import CLOSE, OPEN, pseudo_language, unmarked
from support import write_plan
from textual.pilot import Pilot

from kxplan.model import Plan
from kxplan.storage import load

KEY_WORDS = frozenset(
    {"ctrl", "esc", "escape", "enter", "tab", "shift", "space", "PgUp", "PgDn", "delete"}
    | {"home", "end", "alt", "down", "up", "left", "right", "toml", "svg", "versions", "plan"}
    | {"http", "UTC", "pagedown", "pageup"}
)
"""Key names as the footer and the help write them, and the parts of file names."""

INITIATIVES = [
    {"id": "chat", "title": "Web chat", "effort": 2, "customer_value": 4, "efficiency": 3},
    {"id": "faq", "title": "FAQ pages", "effort": 1, "customer_value": 3, "efficiency": 4},
]


def plan_words(value: object) -> Iterator[str]:
    """Every word of the plan's own text (its content is the room's, in any language)."""
    if isinstance(value, str):
        yield from re.findall(r"[^\W\d_]{2,}", value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from plan_words(key)
            yield from plan_words(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from plan_words(item)


def closed(lines: list[str]) -> str:
    """The screen's text with the marks cut off by the edge of a field closed again: an
    ellipsis closes the marks open before it (a mark may go on over wrapped lines); a
    mark that closes with none open opened on a line cut off above. A word cut short
    by an ellipsis is dropped: it is a plan's word or a marked one, cut."""
    out, depth = [], 0
    for line in lines:
        line = re.sub(r"[^\W\d_]+…", "…", line)
        for char in line:
            if char == "…" and depth:
                out.append(CLOSE * depth)
                depth = 0
            if char == OPEN:
                depth += 1
            elif char == CLOSE:
                if depth == 0:
                    out.insert(0, OPEN)
                else:
                    depth -= 1
            out.append(char)
        out.append("\n")
    return "".join(out) + CLOSE * depth


def screen_text(pilot: Pilot[None]) -> str:
    return closed([strip.text for strip in pilot.app.screen._compositor.render_strips()])


def leftovers(pilot: Pilot[None], plan: Plan, name: str) -> list[str]:
    words = set(plan_words(plan.model_dump()))
    # a dialog covers the screen behind it: a plan's word may show only in part
    allowed = {word[:end] for word in words for end in range(2, len(word) + 1)} | KEY_WORDS

    found = unmarked(screen_text(pilot), allowed=allowed)
    return [f"{name}: {word}" for word in dict.fromkeys(found)]


async def test_every_main_screen_is_translated(tmp_path: Path, config_dir: Path) -> None:
    path = write_plan(
        tmp_path / "plan.toml",
        "contact-centre",
        participants=["Anna", "Bo"],
        initiatives=INITIATIVES,
    )
    plan = load(path)
    problems: list[str] = []
    with pseudo_language():
        app = make_app(path, config_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            for step in range(9):
                await pilot.press(str(step))
                await settle(pilot)
                problems += leftovers(pilot, plan, f"step {step}")
            await pilot.press("v")  # the matrix
            await settle(pilot)
            problems += leftovers(pilot, plan, "matrix")
            await pilot.press("f1")
            await settle(pilot)
            problems += leftovers(pilot, plan, "help")
            await pilot.press("f1", "1", "a")  # a row form on Insight
            await settle(pilot)
            problems += leftovers(pilot, plan, "row form")
            await pilot.press("escape", "escape", "i")
            await settle(pilot)
            problems += leftovers(pilot, plan, "initiative editor")
            await pilot.press("escape", "escape", "f6")
            await settle(pilot)
            problems += leftovers(pilot, plan, "versions")
            await pilot.press("escape", "f8")
            await settle(pilot)
            problems += leftovers(pilot, plan, "room")
            await pilot.press("n")
            await settle(pilot)
            problems += leftovers(pilot, plan, "new round")
    assert problems == []
