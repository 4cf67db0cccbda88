"""Exports from the command palette: each format next to the plan, parsed back; failures
are notifications, never a crash."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from app_helpers import make_app, write_plan
from textual.pilot import Pilot
from textual.widgets import Input

from kxplan.tui.app import KxplanApp
from kxplan.tui.screens.prompt import Prompt
from kxplan.tui.screens.walk import WalkScreen

INITIATIVES: list[dict[str, object]] = [
    {"id": "faq", "title": "Answers <online>", "effort": 2, "customer_value": 4, "efficiency": 4},
    {"id": "chat", "title": "Web chat", "effort": 4, "customer_value": 4, "efficiency": 2},
]


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "acme.toml", title="Acme & co", initiatives=INITIATIVES)


Notes = list[tuple[str, str]]


def record_notifications(
    app: KxplanApp, monkeypatch: pytest.MonkeyPatch, *, progress: bool = True
) -> Notes:
    """(message, severity) of every notification the app shows from now on; without
    ``progress``, not the "Exporting …" notice a slow export shows while it runs (on a busy
    machine any export may take long enough to show it)."""
    shown: Notes = []
    original = app.notify

    def notify(message: str, **options: object) -> None:
        if progress or not message.startswith("Exporting "):
            shown.append((message, str(options.get("severity", "information"))))
        original(message, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    return shown


async def run_command(pilot: Pilot[None], name: str) -> None:
    """Open the command palette, type a command's name, run the best match; wait for an
    export it starts to finish (exports run in worker threads)."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*name)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    await exports_done(pilot)


async def exports_done(pilot: Pilot[None]) -> None:
    """Wait for the app's export workers (only those: others may wait for a dialog)."""
    app = pilot.app
    await app.workers.wait_for_complete([w for w in app.workers if w.group == "export"])
    await pilot.pause()


class TagCounter(HTMLParser):
    """Counts the opened tags and collects the text of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


async def test_each_format_is_exported_next_to_the_plan_and_parses(
    plan_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        shown = record_notifications(app, monkeypatch, progress=False)
        await pilot.pause()
        for name in ("Export Markdown", "Export HTML", "Export CSV", "Export JSON"):
            await run_command(pilot, name)
            assert isinstance(app.screen, WalkScreen)
    folder = plan_path.parent
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("acme")) == [
        "acme-initiatives.csv",
        "acme.html",
        "acme.json",
        "acme.md",
        "acme.toml",
    ]
    assert [message for message, _ in shown] == [
        f"Exported Markdown to {folder / 'acme.md'}",
        f"Exported HTML to {folder / 'acme.html'}",
        f"Exported CSV to {folder / 'acme-initiatives.csv'}",
        f"Exported JSON to {folder / 'acme.json'}",
    ]

    markdown = (folder / "acme.md").read_text(encoding="utf-8")
    assert markdown.startswith("# ")
    assert "Acme & co" in markdown

    parser = TagCounter()
    parser.feed((folder / "acme.html").read_text(encoding="utf-8"))
    parser.close()
    assert parser.tags.get("html") == 1
    assert "Answers <online>" in "".join(parser.text)  # escaped in the file, literal as text

    with (folder / "acme-initiatives.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["id"] for row in rows) == ["chat", "faq"]

    data = json.loads((folder / "acme.json").read_text(encoding="utf-8"))
    assert data["plan"]["title"] == "Acme & co"


async def test_exporting_again_says_the_previous_export_was_replaced(
    plan_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (plan_path.parent / "acme.json").write_text("old export", encoding="utf-8")
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        shown = record_notifications(app, monkeypatch, progress=False)
        await pilot.pause()
        await run_command(pilot, "Export JSON")
    target = plan_path.parent / "acme.json"
    assert shown == [(f"Exported JSON to {target} (replaced the previous export)", "information")]
    assert json.loads(target.read_text(encoding="utf-8"))["plan"]["title"] == "Acme & co"


async def test_a_failed_export_is_an_error_notification_not_a_crash(
    plan_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (plan_path.parent / "acme.html").mkdir()  # a folder where the file should go
    app = make_app(plan_path, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        shown = record_notifications(app, monkeypatch, progress=False)
        await pilot.pause()
        await run_command(pilot, "Export HTML")
        assert isinstance(app.screen, WalkScreen)
        assert app.is_running
    assert len(shown) == 1
    message, severity = shown[0]
    assert severity == "error"
    assert "acme.html" in message


async def test_a_plan_without_a_file_is_saved_first_then_exported(
    tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(None, config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_example()
        await pilot.pause()
        await run_command(pilot, "Export CSV")
        assert isinstance(app.screen, Prompt)  # save as: where?
        field = app.screen.query_one(Input)
        field.value = ""
        await pilot.press(*"example.toml", "enter")
        await pilot.pause()
    assert (tmp_path / "example.toml").is_file()
    with (tmp_path / "example-initiatives.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.DictReader(handle))  # the example has initiatives
