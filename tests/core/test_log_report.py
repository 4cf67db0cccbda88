"""The document's parts of the follow-up: each area's log (newest first, the kind in
words) and the calibration section with its picture — in Markdown and HTML, English
and Swedish — and the `kxplan calibration` and `kxplan show` output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import invoke

from kxplan import storage
from kxplan.i18n import language
from kxplan.reports import formats
from kxplan.reports.calibration import calibration_svg

PLAN = """\
schema = 3
title = "Follow-up"
participants = ["Ann", "Bo"]

[[initiatives]]
id = "chat"
title = "Chat bot"
areas = ["accessibility"]
status = "done"
effort = 3
actual_effort = 5
estimates = [
    { participant = "Ann", effort = 3 },
    { participant = "Bo", effort = 5 },
]

[[areas.accessibility.log]]
date = 2026-10-02
kind = "failure"
name = "Phone queue on Mondays"
learned = "Staff the Monday peak"

[[areas.accessibility.log]]
date = 2026-11-20
kind = "success"
name = "Chat answered in a minute"
learned = "Fast beats perfect"
initiative = "chat"
"""

NOTHING_DONE = PLAN.replace('status = "done"', 'status = "planned"')


def markdown(text: str) -> str:
    return formats.render(storage.loads(text), "markdown")


def test_an_areas_log_is_a_table_newest_first_with_its_kind_in_words() -> None:
    text = markdown(PLAN)
    section = text[text.index("### Successes and failures") :]
    newer = section.index("| 20 November 2026 | Success | Chat answered in a minute |")
    older = section.index("| 2 October 2026 | Failure | Phone queue on Mondays |")
    assert newer < older
    assert "Fast beats perfect | Chat bot |" in section  # the initiative by its title
    # inside Accessibility, before its initiatives
    assert text.index("## 2. Accessibility") < text.index("### Successes and failures")
    assert text.index("### Successes and failures") < text.index("## 3.")


def test_an_area_without_entries_gets_no_log_heading() -> None:
    text = markdown(PLAN)
    assert text.count("### Successes and failures") == 1


def test_the_calibration_section_has_the_table_with_the_room_last() -> None:
    text = markdown(PLAN)
    section = text[text.index("## Calibration") :]
    assert "A positive difference means the work took more than estimated" in section
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| Participant | Done initiatives estimated | Mean difference |")
    assert rows[2].startswith("| Ann | 1 | +2 | Under-estimates |")
    assert rows[3].startswith("| Bo | 1 | 0 | Close |")
    assert "The room" in rows[-1]
    assert "+1" in rows[-1]


def test_no_calibration_section_until_something_is_done() -> None:
    assert "Calibration" not in markdown(NOTHING_DONE)
    assert 'class="calibration"' not in formats.render(storage.loads(NOTHING_DONE), "html")


def test_the_html_draws_the_calibration_as_svg() -> None:
    page = formats.render(storage.loads(PLAN), "html")
    assert '<figure class="calibration">' in page
    start = page.index('<figure class="calibration">')
    figure = page[start : page.index("</figure>", start)]
    assert figure.count("<circle") == 3  # Ann's, Bo's and the room's one initiative
    assert "took more than estimated →" in figure
    assert "Under-estimates" in figure


def test_the_picture_puts_an_under_estimate_right_of_zero() -> None:
    svg = calibration_svg(storage.loads(PLAN))
    # x runs from 170 (−4) to 550 (+4): zero at 360, Ann's +2 at 455, Bo's 0 at 360
    assert '<circle cx="455" cy="37"' in svg
    assert '<circle cx="360" cy="67"' in svg


def test_the_swedish_document_says_it_in_swedish() -> None:
    plan = storage.loads(
        PLAN.replace('title = "Follow-up"', 'title = "Uppföljning"\nlanguage = "sv"')
    )
    with language("sv"):
        text = formats.render(plan, "markdown")
    assert "### Framgångar och misslyckanden" in text
    assert "| 20 november 2026 | Framgång |" in text
    assert "## Kalibrering" in text
    assert "| Ann | 1 | +2 | Underskattar |" in text


def test_calibration_command_prints_the_table(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke("calibration", path)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("Participant  Done initiatives estimated") for line in lines)
    assert any(line.split() == ["Ann", "1", "+2", "Under-estimates"] for line in lines)
    assert lines[-1].split()[:3] == ["The", "room", "1"]


def test_calibration_command_gives_json(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    data = json.loads(invoke("calibration", path, "--format", "json").stdout)
    assert data["participants"]["Ann"]["tendency"] == "under"
    assert data["room"]["mean_difference"] == 1


def test_calibration_command_says_why_there_is_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(NOTHING_DONE, encoding="utf-8")
    result = invoke("calibration", path)
    assert result.exit_code == 0
    assert result.stdout.startswith("Nothing to compare yet")


@pytest.mark.parametrize("command", ["calibration", "show"])
def test_a_bad_log_is_one_located_line_and_status_2(tmp_path: Path, command: str) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN.replace('initiative = "chat"', 'initiative = "bot"'), encoding="utf-8")
    result = invoke(command, path)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f'{path}:28: areas.accessibility.log[2] (name "Chat answered in a minute").initiative: '
        "no initiative has the id 'bot'"
    ]


def test_show_counts_the_log_entries(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke("show", path)
    assert "  Log entries         2" in result.stdout.splitlines()
    data = json.loads(invoke("show", path, "-f", "json").stdout)
    assert data["contents"]["log"] == 2


def test_every_word_of_the_log_and_calibration_is_marked() -> None:
    from pseudo import pseudo_language, unmarked
    from test_export_pseudo import _Text, foreign_words, markdown_words, plan_words

    from kxplan.reports.html import to_html
    from kxplan.reports.markdown import to_markdown

    plan = storage.loads(PLAN)
    with pseudo_language():
        text = to_markdown(plan)
        page = to_html(plan)
        allowed = plan_words(plan) | foreign_words(plan)
    assert "⟦Calibration⟧" in text
    assert unmarked(markdown_words(text), allowed) == []
    reader = _Text()
    reader.feed(page[page.index('<figure class="calibration">') :])
    assert unmarked("\n".join(reader.parts), allowed) == []
