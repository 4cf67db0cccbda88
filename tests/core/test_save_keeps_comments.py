"""Saving over a file a person wrote keeps their comments and formatting (tomlkit patch)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from merge_support import versions
from support import base_data, base_plan

from kxplan import storage
from kxplan.model import Initiative, Plan, without_initiative
from kxplan.session import Session
from kxplan.storage.patch import faithful_text, patched

EXAMPLES = settings(max_examples=60, deadline=None)
_KEY_LINE = re.compile(r"^[A-Za-z0-9_-]+ = ")


def _candidates(lines: list[str]) -> list[int]:
    """Lines before which a comment line, or after which a trailing comment, may go: table
    headers and ``key = value`` lines outside multi-line strings."""
    found = []
    inside = False
    for index, line in enumerate(lines):
        if not inside and (line.startswith("[") or _KEY_LINE.match(line)):
            found.append(index)
        if line.count('"""') % 2:
            inside = not inside
    return found


def _blocks(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Each initiative's lines in the file: (header, last key line), by id."""
    headers = [i for i, line in enumerate(lines) if line == "[[initiatives]]"]
    blocks = {}
    for number, header in enumerate(headers):
        end = headers[number + 1] if number + 1 < len(headers) else len(lines)
        others = [i for i in range(header + 1, end) if lines[i].startswith("[")]
        end = min([end, *others])
        body = [i for i in range(header, end) if lines[i].strip()]
        ident = tomllib.loads("\n".join(lines[header + 1 : header + 2]))["id"]
        blocks[ident] = (header, body[-1])
    return blocks


@st.composite
def commented(draw: st.DrawFn) -> tuple[Plan, str, list[tuple[str, int, bool]]]:
    """A plan written by kxplan, then commented by hand: (plan, text, comments as
    (text, line, trailing))."""
    plan = draw(versions(base_data()))
    lines = storage.dumps(plan).splitlines()
    headers = [i for i, line in enumerate(lines) if line == "[[initiatives]]"]
    anywhere = st.sampled_from(_candidates(lines))
    spots = draw(  # half of them around initiatives: where removals take comments along
        st.lists(
            st.sampled_from(headers) | anywhere if headers else anywhere, unique=True, max_size=8
        )
    )
    comments = [(f"# note {n}", spot, draw(st.booleans())) for n, spot in enumerate(spots)]
    out = []
    for index, line in enumerate(lines):
        if index in headers and index not in spots:  # every initiative has a heading comment
            comments.append((f"# about {lines[index + 1]}", index, False))
        for text, spot, trailing in comments:
            if spot == index and not trailing:
                out.append(text)
        trailing_here = [t for t, spot, trailing in comments if spot == index and trailing]
        if trailing_here and '"""' not in line:
            line = f"{line}  {trailing_here[0]}"
        out.append(line)
    comments = [(t, s, tr) for t, s, tr in comments if not (tr and '"""' in lines[s])]
    text = "\n".join(out) + "\n"
    assume(tomllib.loads(text) == tomllib.loads("\n".join(lines)))
    return plan, text, comments


@EXAMPLES
@given(commented())
def test_an_unchanged_plan_saves_as_the_same_bytes(case: tuple[Plan, str, Any]) -> None:
    plan, text, _comments = case
    assert faithful_text(plan, (text, plan.to_data()), "p.toml") == text


@EXAMPLES
@given(commented(), st.data())
def test_edits_keep_every_comment_not_on_a_removed_initiative(
    case: tuple[Plan, str, list[tuple[str, int, bool]]], data: st.DataObject
) -> None:
    plan, text, comments = case
    edited = data.draw(versions(plan.to_data()))
    if len(edited.initiatives) > 1 and data.draw(st.booleans()):  # removals: often
        gone = data.draw(st.sampled_from([item.id for item in edited.initiatives]))
        edited = without_initiative(edited, gone)
    saved = faithful_text(edited, (text, plan.to_data()), "p.toml")
    assert storage.loads(saved) == edited  # always exactly the saved plan
    assert patched(text, plan.to_data(), edited.to_data()) == saved  # the patch was used
    kept_ids = {item.id for item in edited.initiatives}
    blocks = _blocks(storage.dumps(plan).splitlines())
    for comment, spot, _trailing in comments:
        removed = any(
            header <= spot <= last  # on its lines, or just above its header
            for ident, (header, last) in blocks.items()
            if ident not in kept_ids
        )
        if not removed:
            assert comment in saved


HAND_WRITTEN = """\
# Our strategy for 2027 -- agreed in workshop 1
schema = 3
title = 'Kundservice 2027'   # the board's wording
participants = ["Anna", "Bo"]

[strategy]
today = "Slow answers."

[[initiatives]]
id = "web-chat"
title = "Web chat"
effort = 2            # agreed with the CEO
customer_value = 4

# The FAQ comes second, whatever the scores say
[[initiatives]]
id = "faq"
title = "FAQ"
effort = 1
"""


def test_a_hand_written_file_keeps_its_comments_quotes_and_spacing(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    session = Session.open(path)
    session.save()
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN  # nothing changed: same bytes
    faq = session.plan.initiative("faq").model_copy(update={"effort": 3})
    session.replace_initiative("faq", faq)
    session.put_initiative(Initiative(id="sms", title="SMS", effort=2))
    session.save()
    text = path.read_text(encoding="utf-8")
    for kept in (
        "# Our strategy for 2027 -- agreed in workshop 1\n",
        "title = 'Kundservice 2027'   # the board's wording\n",
        "effort = 2            # agreed with the CEO\n",
        "# The FAQ comes second, whatever the scores say\n[[initiatives]]\n",
    ):
        assert kept in text
    assert 'id = "faq"\ntitle = "FAQ"\neffort = 3\n' in text
    assert storage.load(path) == session.plan


def test_removing_an_initiative_keeps_the_comment_above_the_next(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    session = Session.open(path)
    session.delete_initiative("web-chat")
    session.save()
    text = path.read_text(encoding="utf-8")
    assert "# agreed with the CEO" not in text  # it was on the removed initiative
    assert "# The FAQ comes second, whatever the scores say\n[[initiatives]]\n" in text
    assert storage.load(path) == session.plan


def test_a_new_plan_gets_kxplans_own_layout(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    session = Session(base_plan(), None)
    session.save_as(path)
    assert path.read_text(encoding="utf-8") == storage.dumps(base_plan())


def test_a_schema_1_file_is_saved_as_schema_3_keeping_its_comments(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text(HAND_WRITTEN.replace("schema = 3", "schema = 1"), encoding="utf-8")
    session = Session.open(path)
    session.save()
    text = path.read_text(encoding="utf-8")
    assert "\nschema = 3\n" in text
    assert "# agreed with the CEO" in text


def test_a_patch_that_would_not_read_back_falls_back_to_kxplans_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kxplan.storage.patch as patch

    monkeypatch.setattr(patch, "patched", lambda text, old, new, **_kw: text.replace("FAQ", "Oops"))
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    session = Session.open(path)
    session.set_plan_field("organisation", "Acme")
    session.save()
    assert path.read_text(encoding="utf-8") == storage.dumps(session.plan)


def test_a_failed_save_leaves_the_hand_written_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    session = Session.open(path)
    session.set_plan_field("organisation", "Acme")

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    with pytest.raises(storage.PlanError, match="No space left"):
        session.save()
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN
    assert session.dirty


TRICKY = '''\
schema = 3
title = "T"

[scoring]
method = "weighted"
criteria = [{ id = "reach", label = "Reach" }]

[[initiatives]]
id = "a"   # first
title = "A"
notes = """
[[initiatives]]
id = "not-a-table"
"""
estimates = [
    { participant = "Anna", effort = 2 },  # Anna's guess
]

[initiatives.criteria]
reach = 3   # from the survey

# above b
[[initiatives]]
id = "b"
title = "B [draft]"

[extra]
room = "Stora salen"   # booked
'''


def test_a_large_file_is_patched_in_parts_around_strings_sub_tables_and_extra() -> None:
    from kxplan.storage.patch_parts import split

    cut = split(TRICKY)
    assert cut is not None
    _prefix, parts, suffix = cut
    assert [part.splitlines()[1] for part in parts] == ['id = "a"   # first', 'id = "b"']
    assert suffix.startswith("[extra]")
    old = storage.loads(TRICKY)
    new = old.model_copy(deep=True)
    new.initiatives[0].criteria["reach"] = 4
    new.initiatives.append(Initiative(id="c", title="C"))
    new.extra["room"] = "Lilla salen"
    text = patched(TRICKY, old.to_data(), new.to_data())
    assert text is not None
    assert storage.loads(text) == new
    for kept in ("# first", "# Anna's guess", "reach = 4   # from the survey", "# above b"):
        assert kept in text
    assert 'room = "Lilla salen"   # booked' in text
    assert text.index('id = "c"') < text.index("[extra]")


def test_a_file_in_kxplans_layout_stays_in_it_after_edits(tmp_path: Path) -> None:
    """New keys go where kxplan writes them, so a canonical file saves as dumps would."""
    path = tmp_path / "plan.toml"
    path.write_text(storage.dumps(base_plan()), encoding="utf-8")
    session = Session.open(path)
    crm = session.plan.initiative("crm").model_copy(update={"confidence": 80, "effort": None})
    session.replace_initiative("crm", crm)
    session.set_plan_field("organisation", "Acme AB")
    session.put_initiative(Initiative(id="sms", title="SMS\nby text", effort=2))
    session.save()
    assert path.read_text(encoding="utf-8") == storage.dumps(session.plan)
