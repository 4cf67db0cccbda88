"""Dialogs answer with typed results, not strings to be taken apart."""

from __future__ import annotations

from pathlib import Path

from kxplan.tui.screens.confirm import Answer, delete_row, unsaved_changes
from kxplan.tui.screens.welcome import (
    FromTemplate,
    OpenExample,
    OpenFile,
    OpenRecent,
    choice_of,
)


def test_each_welcome_option_stands_for_a_typed_choice() -> None:
    assert choice_of("template:contact-centre") == FromTemplate("contact-centre")
    assert choice_of("recent:/tmp/a:b.toml") == OpenRecent(Path("/tmp/a:b.toml"))
    assert choice_of("example") == OpenExample()
    assert choice_of("open-file") == OpenFile()
    assert choice_of("") is None  # a heading


def test_questions_offer_answers_of_the_answer_type() -> None:
    assert [answer for answer, _label, _variant in unsaved_changes("p").choices] == [
        Answer.SAVE,
        Answer.DISCARD,
        Answer.CANCEL,
    ]
    question = delete_row("the channel 'Phone'")
    assert question.cancel_answer is Answer.CANCEL
    assert question.focus_answer is Answer.CANCEL
