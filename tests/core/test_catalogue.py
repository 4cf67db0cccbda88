"""The catalogues against the code: every marked message has its Swedish translation."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from pseudo import pseudo_language, unmarked
from support import ROOT

from kxplan import i18n


def catalogue_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("catalogue", ROOT / "scripts" / "catalogue.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogue"] = module
    spec.loader.exec_module(module)
    return module


def test_every_marked_message_has_a_swedish_translation() -> None:
    tool = catalogue_tool()
    wanted = tool.template()
    for path in tool.catalogues():
        lacking = [tool.key(message)[0] for message in tool.missing(wanted, tool.read(path))]
        assert lacking == [], f"{Path(path).name} lacks: {lacking[:20]}"


def test_the_catalogue_knows_what_the_code_marks() -> None:
    tool = catalogue_tool()
    ids = {tool.key(message) for message in tool.template() if message.id}
    assert ("Before purchase", "stage") in ids  # the vocabulary, by context
    assert len(ids) > 80


def test_the_pseudo_language_marks_what_is_translated_and_shows_what_is_not() -> None:
    with pseudo_language():
        marked = i18n._("Save")
        assert i18n.current() == "sv"
    assert marked == "⟦Save⟧"
    assert unmarked(f"{marked} now ⟦Nested ⟦words⟧ here⟧ 3,5 CSAT") == ["now"]


@pytest.mark.parametrize("text", ["⟦Quick win⟧", "12 ⟦kr⟧", "NPS −20"])
def test_marked_text_and_names_are_not_reported(text: str) -> None:
    assert unmarked(text) == []
