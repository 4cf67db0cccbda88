"""The diff for minutes: initiatives by title (the id where it says more), scores by
their label; the JSON keeps ids."""

from __future__ import annotations

import json

from kxplan.model import Estimate, Initiative, Plan
from kxplan.reports.comparison import (
    describe,
    format_json,
    format_markdown,
    format_text,
    initiative_name,
    titles_of,
    top_line,
)
from kxplan.versions.changes import Change
from kxplan.versions.comparison import compare

TITLES = {"web-chat": "Web chat", "faq": "Answers online first", "x": "A | *b*"}


def test_names_are_titles_with_the_id_where_it_says_more() -> None:
    assert initiative_name("web-chat", TITLES) == "Web chat"
    assert initiative_name("faq", TITLES) == "Answers online first (faq)"
    assert initiative_name("gone", TITLES) == "gone"
    assert initiative_name("faq", None) == "faq"


def test_every_kind_of_initiative_change_reads_as_a_sentence() -> None:
    cases = [
        (Change("initiatives", "added", ("faq",), None, "Answers online first"),
         "+ Answers online first (faq)"),
        (Change("initiatives", "removed", ("web-chat",), "Web chat", None), "- Web chat"),
        (Change("initiatives", "changed", ("faq", "customer_value"), 3, 4),
         "Answers online first (faq): customer value 3 → 4"),
        (Change("initiatives", "changed", ("faq", "estimates", "Ann", "effort"), 2, 3),
         "Answers online first (faq): Ann's effort 2 → 3"),
        (Change("initiatives", "added", ("faq", "estimates", "Bo"), None, "Bo"),
         "Answers online first (faq): Bo's estimate added"),
        (Change("initiatives", "changed", ("web-chat", "status"), "idea", "done"),
         "Web chat: status Idea → Done"),
        (Change("ranks", "moved", ("web-chat", "rank"), 8, 2), "Web chat: rank 8 → 2"),
        (Change("ranks", "changed", ("web-chat", "quadrant"), "fill_in", "quick_win"),
         "Web chat: fill-in → quick win"),
    ]  # fmt: skip
    for change, expected in cases:
        assert describe(change, TITLES) == expected
    # without titles: as before (ids, dotted paths)
    assert describe(cases[2][0]) == "faq.customer value: 3 → 4"


def _plan(*items: Initiative) -> Plan:
    return Plan(title="P", initiatives=list(items))


def test_the_diff_names_initiatives_by_title_and_the_json_keeps_ids() -> None:
    old = _plan(
        Initiative(id="web-chat", title="Web chat", effort=2, customer_value=4, efficiency=3),
        Initiative(id="faq", title="Answers online first", effort=1, customer_value=3,
                   efficiency=3, estimates=[Estimate(participant="Ann", effort=1)]),
    )  # fmt: skip
    new = old.model_copy(deep=True)
    new.initiatives[1].effort = 5
    new.initiatives[1].estimates[0].effort = 5
    new.initiatives.append(Initiative(id="bot", title="Chat bot", effort=1, customer_value=5,
                                      efficiency=5))  # fmt: skip
    comparison = compare(old, new)
    titles = titles_of(old, new)
    text = format_text(comparison, "old", "new", titles=titles)
    assert "  Answers online first (faq): effort 1 → 5" in text
    assert "  Answers online first (faq): Ann's effort 1 → 5" in text
    assert "  + Chat bot (bot)" in text
    assert "faq." not in text
    markdown = format_markdown(comparison, "old", "new", titles)
    assert "- Answers online first (faq): effort 1 → 5" in markdown
    assert "- \\+ Chat bot (bot)" in markdown
    assert top_line(comparison, titles) == "top 5: in Chat bot (bot); out (none)"
    assert "  top 5: in Chat bot (bot); out (none)" in text
    data = json.loads(format_json(comparison))
    assert "faq" in data["initiatives"]["changed"]
    assert data["initiatives"]["added"] == ["bot"]
