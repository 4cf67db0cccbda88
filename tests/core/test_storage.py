"""Reading and writing plan files: every error located, every character kept, saves atomic."""

from __future__ import annotations

import difflib
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from support import DATA

from kxplan import model, storage
from kxplan.model import MAX_EXTRA_DEPTH, Estimate, Initiative, Plan, Questions, Scale, Scales
from kxplan.storage import LineIndex, PlanError, Problem

INVALID = sorted((DATA / "invalid").glob("*.toml"))
VALID = sorted((DATA / "valid").glob("*.toml"))

NO_ROOM_FOR_COMMENTS = {
    "empty.toml": [("-", "", "is empty; expected a kxplan plan (schema, title, …)")],
}
"""Expectations for bad files that cannot carry an ``# expect:`` line themselves."""


def _expectations(path: Path) -> list[tuple[str, str, str]]:
    """The ``# expect: <line>: <place>: <message>`` lines at the top of a bad file."""
    if path.name in NO_ROOM_FOR_COMMENTS:
        return NO_ROOM_FOR_COMMENTS[path.name]
    expected = []
    for raw in path.read_bytes().split(b"\n"):
        if not raw.startswith(b"# expect: "):
            break
        line, place, message = raw.decode().removeprefix("# expect: ").split(": ", 2)
        expected.append((line, place, message))
    return expected


def _problems(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(PlanError) as caught:
        storage.load(path)
    return caught.value.problems


def test_there_are_enough_bad_files() -> None:
    assert len(INVALID) >= 25


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_bad_file_reports_every_problem_with_place_line_and_message(path: Path) -> None:
    expected = _expectations(path)
    assert expected, f"{path.name} has no '# expect:' line"

    problems = _problems(path)

    found = [(str(p.line) if p.line is not None else "-", p.place, p.message) for p in problems]
    assert found == expected
    for problem in problems:
        assert problem.source == str(path)
        where = str(path) if problem.line is None else f"{path}:{problem.line}"
        if problem.column is not None:  # a TOML syntax error: file:line:column
            where = f"{where}:{problem.column}"
            assert problem.message.startswith("is not valid TOML: ")
        assert str(problem).startswith(f"{where}: ")
        assert "\n" not in str(problem)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_good_file_loads_and_saves_stably(path: Path, tmp_path: Path) -> None:
    plan = storage.load(path)

    copy = tmp_path / path.name
    storage.save(plan, copy)
    assert storage.load(copy) == plan
    first = copy.read_bytes()
    storage.save(storage.load(copy), copy)
    assert copy.read_bytes() == first


def test_a_saved_file_reloads_and_saves_byte_for_byte() -> None:
    path = DATA / "valid" / "canonical.toml"
    assert storage.dumps(storage.load(path)).encode() == path.read_bytes()


def test_handwritten_file_reads_into_the_model() -> None:
    plan = storage.load(DATA / "valid" / "handwritten.toml")

    assert plan.areas.insight.maturity_today == 2
    assert plan.scales.effort.anchors == {"1": "Days", "2": "Weeks", "3": "Months"}
    assert plan.strategy.today == "Kunderna når oss men får vänta.\nIngen mäter hur det känns."
    assert plan.initiative("web-chat").notes == (
        'Starta med kvällstid.\n  Indrag och "citat" behålls.\n'
    )
    assert plan.initiative("order-status-sms").estimates[1] == Estimate(
        participant="Björn", effort=3
    )
    assert plan.extra == {"workshop room": "Stora salen", "agenda": ["Insikt", "Prioritering"]}
    reason = plan.areas.unnecessary_demand.contact_reasons[0]
    assert plan.avoidable_cost_per_month(reason) == 1200 * 0.75 * 85


def test_crlf_and_byte_order_mark_are_read() -> None:
    assert storage.load(DATA / "valid" / "crlf.toml").strategy.today == "Two\nlines"
    assert storage.load(DATA / "valid" / "bom.toml").title == "Starts with a byte-order mark"


# --- characters -------------------------------------------------------------------------

TRICKY = [
    "åäö ÅÄÖ – “curly” ‘quotes’ 😀👍🏽 日本語",
    'contains """ three quotes',
    'ends with a quote"',
    'ends with two quotes""',
    "ends with a backslash \\",
    'line\nends with a quote"',
    "line\nends with a backslash \\",
    "backslash at line end \\\nnext",
    "lone\rcarriage return",
    "crlf\r\nline\r\n",
    "control \x00 \x01 \x07 \x1b \x7f \x85 chars",
    "line separator \u2028 paragraph \u2029 nel \x85",
    "tab\there\tand\ttrailing\t",
    "trailing spaces   \nand newlines\n\n\n",
    "\nstarts with a newline",
    "\n",
    '"',
    "\\",
    "'''literal'''",
    "\ufeffbyte-order mark inside",
    "a\\nb is not a newline",
    '""""" five quotes\n""""""',
    "# not a comment\n[not.a.table]\nkey = 1\n",
]


def _tricky_plan(text: str) -> Plan:
    return Plan(
        title=f"T {text}",
        strategy=Questions(how=text),
        scales=Scales(effort=Scale(anchors={"1": text})),
        initiatives=[
            Initiative(
                id="a",
                title=f"x{text}",
                notes=text,
                estimates=[Estimate(participant=f"p{text}", effort=2)],
            )
        ],
        extra={text or "empty": text, "tbl": {text: [text, {text: text}]}, "": {}},
    )


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_round_trips_exactly(text: str) -> None:
    plan = _tricky_plan(text)

    written = storage.dumps(plan)
    again = storage.loads(written)

    assert again == plan
    assert again.initiatives[0].notes == text
    assert again.extra[text or "empty"] == text
    assert storage.dumps(again) == written


def test_deep_nesting_in_extra_is_written_back() -> None:
    depth = MAX_EXTRA_DEPTH
    text = (
        'schema = 1\ntitle = "T"\n[extra]\n'
        f"lists = {'[' * depth}{']' * depth}\n"
        f"tables = {'{ a = ' * depth}1{' }' * depth}\n"
    )
    plan = storage.loads(text)

    assert storage.loads(storage.dumps(plan)) == plan


def test_extra_nested_deeper_than_allowed_is_refused_on_load_with_its_line() -> None:
    depth = MAX_EXTRA_DEPTH + 1
    text = f'schema = 1\ntitle = "T"\n[extra]\nok = 1\nx = {"[" * depth}{"]" * depth}\n'

    with pytest.raises(storage.PlanError) as caught:
        storage.loads(text, "deep.toml")

    assert [str(p) for p in caught.value.problems] == [
        f"deep.toml:5: extra.x: nested {depth} levels deep; free-form data may nest "
        f"{MAX_EXTRA_DEPTH} levels"
    ]


def test_nesting_too_deep_to_write_is_a_plan_error_and_keeps_the_old_file(
    tmp_path: Path,
) -> None:
    depth = 399  # tomli-w cannot write that many; loading refuses it, code could set it
    plan = storage.loads('schema = 1\ntitle = "T"\n')
    nested: list[object] = []
    for _ in range(depth):
        nested = [nested]
    plan.extra = {"x": nested}
    target = tmp_path / "plan.toml"
    target.write_text("old", encoding="utf-8")

    with pytest.raises(storage.PlanError, match="nested too deeply"):
        storage.save(plan, target)

    assert target.read_text(encoding="utf-8") == "old"


def test_text_with_line_breaks_is_written_as_multiline_string() -> None:
    plan = Plan(title="T", strategy=Questions(today='First line\nSecond "quoted" line'))

    assert 'today = """\nFirst line\nSecond \\"quoted\\" line"""\n' in storage.dumps(plan)


def test_text_with_a_carriage_return_keeps_it_on_one_line() -> None:
    plan = Plan(title="T", strategy=Questions(today="Pasted\r\nfrom Outlook"))

    text = storage.dumps(plan)

    assert 'today = "Pasted\\r\\nfrom Outlook"\n' in text
    assert storage.loads(text).strategy.today == "Pasted\r\nfrom Outlook"


def test_quoted_keys_in_extra_and_anchors() -> None:
    plan = Plan(
        title="T",
        scales=Scales(effort=Scale(anchors={"1": "one"})),
        extra={"a b": 1, "a.b": 2, 'q"uote': 3, "ä": 4, "": 5, "new\nline": 6},
    )
    written = storage.dumps(plan)

    assert '"a b" = 1\n"a.b" = 2\n"q\\"uote" = 3\n"ä" = 4\n"" = 5\n"new\\nline" = 6\n' in written
    assert storage.loads(written) == plan


def test_empty_tables_of_the_users_own_are_kept() -> None:
    plan = Plan(title="T", extra={"outer": {"inner": {}}})

    assert storage.loads(storage.dumps(plan)).extra == {"outer": {"inner": {}}}


def test_saved_layout_is_stable_and_diff_friendly() -> None:
    plan = storage.load(DATA / "valid" / "handwritten.toml")
    before = storage.dumps(plan).splitlines()
    changed = plan.model_copy(deep=True)
    changed.initiatives[1].effort = 3

    after = storage.dumps(changed).splitlines()

    diff = [
        line
        for line in difflib.unified_diff(before, after, n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff == ["+effort = 3"]
    assert after.count("[[initiatives]]") == 2


def test_whole_numbers_are_written_without_decimals() -> None:
    plan = Plan(title="T", initiatives=[Initiative(id="a", title="A", effort=2.0, reach=1e9)])

    written = storage.dumps(plan)

    assert "\neffort = 2\n" in written
    assert "\nreach = 1000000000\n" in written


# --- locations --------------------------------------------------------------------------

LINE_INDEX_TEXT = """\
# comment line
schema = 1
title = "T"  # a comment with [brackets] and key = "value"
areas.insight.maturity_today = 2
"quoted key" = 1
'literal key' = 2
"dotted"."quoted.part" = 3

[strategy]
today = \"\"\"
[not.a.table]
fake = 1
\"\"\"
how = "after the multi-line string"

[scales.effort.anchors]
"1" = "one"

[[initiatives]]
id = "a"
list = [
    [1, 2]
]
after_list = 1

[[initiatives]]
id = "b"
estimates = [
    { participant = "Ann", effort = 2 },
]

[[initiatives.rows]]
x = 1

[[initiatives.rows]]
x = 2

[initiatives.criteria]
speed = 3

[[initiatives]]
id = "c"

[[initiatives.rows]]
x = 3
"""


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        (("schema",), 2),
        (("title",), 3),
        (("areas", "insight", "maturity_today"), 4),
        (("areas", "insight"), 4),
        (("quoted key",), 5),
        (("literal key",), 6),
        (("dotted", "quoted.part"), 7),
        (("strategy",), 9),
        (("strategy", "today"), 10),
        (("strategy", "how"), 14),
        (("scales", "effort", "anchors", "1"), 17),
        (("scales", "effort", "anchors", "2"), 16),
        (("initiatives", 0), 19),
        (("initiatives", 0, "after_list"), 24),
        (("initiatives", 1, "id"), 27),
        (("initiatives", 1, "estimates", 0, "effort"), 29),  # the row's own line
        (("initiatives", 1, "rows", 0), 32),
        (("initiatives", 1, "rows", 1, "x"), 36),
        (("initiatives", 1, "criteria", "speed"), 39),
        (("initiatives", 2, "id"), 42),
        (("initiatives", 2, "rows", 0, "x"), 45),
        (("initiatives", 3, "id"), None),
        (("fake",), None),
        (("not",), None),
    ],
)
def test_line_index_finds_the_line(loc: model.Loc, line: int | None) -> None:
    assert LineIndex(LINE_INDEX_TEXT).find(loc) == line
    assert LineIndex(LINE_INDEX_TEXT.replace("\n", "\r\n")).find(loc) == line


def test_line_index_ignores_text_that_only_looks_like_toml() -> None:
    text = 'a = """\nb = 1\n\\"""\n[c]\n"""\nd = 2\n'

    index = LineIndex(text)

    assert index.find(("d",)) == 6
    assert index.find(("b",)) is None
    assert index.find(("c",)) is None


def test_line_index_counts_lines_only_at_newlines() -> None:
    text = 'a = "x\u2028y\x85z"\nb = 1\n'

    assert LineIndex(text).find(("b",)) == 2


def test_describe_loc_names_rows_and_quotes_odd_keys() -> None:
    data: dict[str, Any] = {"initiatives": [{"id": "a"}, {"id": "web-chat"}]}

    assert storage.describe_loc(("initiatives", 1, "effort"), data) == (
        'initiatives[2] (id "web-chat").effort'
    )
    assert storage.describe_loc(("extra", "a b", "c")) == 'extra."a b".c'


# --- reading: more than the fixture files show ------------------------------------------


def test_arbitrary_garbage_is_a_plan_error() -> None:
    with pytest.raises(PlanError, match="is not valid TOML"):
        storage.loads_bytes(b"a = " + b"[" * 5000, "deep.toml")


def test_field_errors_and_rule_problems_are_reported_together() -> None:
    text = """\
schema = 1
title = "T"
currency = 5

[[initiatives]]
id = "a"
title = "A"
depends_on = ["b"]

[[initiatives]]
id = "b"
title = "B"
depends_on = ["a"]
"""
    with pytest.raises(PlanError) as caught:
        storage.loads(text, "plan.toml")

    assert [str(p) for p in caught.value.problems] == [
        "plan.toml:3: currency: expected text in quotes, got 5",
        'plan.toml:8: initiatives[1] (id "a").depends_on: dependencies form a cycle: a → b → a',
    ]


def test_rules_wait_while_a_scale_is_broken() -> None:
    text = """\
schema = 1
title = "T"

[scales.effort]
max = "10"

[[initiatives]]
id = "a"
title = "A"
effort = 9
"""
    with pytest.raises(PlanError) as caught:
        storage.loads(text, "plan.toml")

    assert [str(p) for p in caught.value.problems] == [
        "plan.toml:5: scales.effort.max: expected a whole number, got '10'"
    ]


def test_rules_wait_while_a_required_value_is_missing() -> None:
    text = 'schema = 1\ntitle = "T"\n[[initiatives]]\nid = "a"\ndepends_on = ["zz"]\n'

    with pytest.raises(PlanError) as caught:
        storage.loads(text, "plan.toml")

    assert [p.message for p in caught.value.problems] == ["missing; this key is required"]


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="no such file"):
        storage.load(tmp_path / "nope.toml")
    with pytest.raises(PlanError, match="is a folder"):
        storage.load(tmp_path)


def test_problems_of_lists_each_file(tmp_path: Path) -> None:
    good = DATA / "valid" / "minimal.toml"
    bad = DATA / "invalid" / "effort_out_of_range.toml"

    result = storage.problems_of([good, bad])

    assert result[str(good)] == ()
    assert [p.place for p in result[str(bad)]] == ['initiatives[2] (id "web-chat").effort']


# --- migrations -------------------------------------------------------------------------


@pytest.fixture
def schema_two(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend this kxplan writes schema 2, where schema 1's ``name`` became ``title``."""

    def rename_name_to_title(data: dict[str, Any]) -> dict[str, Any]:
        data = dict(data)
        data["title"] = data.pop("name")
        return data

    monkeypatch.setattr(storage, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(model, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(storage.MIGRATIONS, 1, rename_name_to_title)


@pytest.mark.usefixtures("schema_two")
def test_older_schema_is_migrated_on_load() -> None:
    plan = storage.loads('schema = 1\nname = "Old plan"\n')

    assert plan.title == "Old plan"
    assert plan.schema_version == 2
    assert storage.dumps(plan).startswith('schema = 2\ntitle = "Old plan"\n')


@pytest.mark.usefixtures("schema_two")
def test_current_schema_is_not_migrated() -> None:
    assert storage.loads('schema = 2\ntitle = "New"\n').title == "New"


@pytest.mark.usefixtures("schema_two")
def test_a_migration_that_cannot_apply_is_reported() -> None:
    with pytest.raises(PlanError) as caught:
        storage.loads('schema = 1\ntitle = "No name key"\n', "old.toml")

    assert str(caught.value) == (
        "old.toml:1: schema: could not be upgraded from schema 1: KeyError('name')"
    )


def test_missing_migration_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "SCHEMA_VERSION", 4)

    with pytest.raises(PlanError) as caught:
        storage.loads('title = "T"\nschema = 3\n', "old.toml")

    assert str(caught.value) == "old.toml:2: schema: no migration from schema 3 is known"


# --- writing safely ---------------------------------------------------------------------


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    storage.save(Plan(title="Old"), path)
    return path


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_interrupted_save_leaves_old_file_and_no_temp_file(
    saved: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    before = saved.read_bytes()

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if failing == "write":
        monkeypatch.setattr(os, "fdopen", _failing_fdopen)
    else:
        monkeypatch.setattr(os, failing, fail)

    with pytest.raises(PlanError) as caught:
        storage.save(Plan(title="New"), saved)

    assert str(caught.value) == f"{saved}: could not be saved: No space left on device"
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["plan.toml"]


class _FullDisk:
    """A file handle whose writes fail after the temp file exists."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *_exc: object) -> None:
        os.close(self.fd)

    def write(self, _data: bytes) -> int:
        raise OSError(28, "No space left on device")


def _failing_fdopen(fd: int, *_args: object) -> _FullDisk:
    return _FullDisk(fd)


def test_save_into_missing_folder_is_a_plan_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "plan.toml"

    with pytest.raises(PlanError, match=r"plan\.toml: could not be saved: No such file"):
        storage.save(Plan(title="T"), target)


def test_save_below_a_file_is_a_plan_error(saved: Path) -> None:
    with pytest.raises(PlanError, match="could not be saved: Not a directory"):
        storage.save(Plan(title="T"), saved / "plan.toml")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_save_into_read_only_folder_is_a_plan_error(saved: Path) -> None:
    before = saved.read_bytes()
    saved.parent.chmod(0o555)
    try:
        with pytest.raises(PlanError, match="could not be saved: Permission denied"):
            storage.save(Plan(title="New"), saved)
    finally:
        saved.parent.chmod(0o755)
    assert saved.read_bytes() == before


def test_a_read_only_plan_is_not_replaced_even_by_root(saved: Path) -> None:
    """The rename a save ends with would go round the file's mode: refused instead."""
    before = saved.read_bytes()
    saved.chmod(0o444)
    try:
        with pytest.raises(PlanError, match="could not be saved: the file is read-only"):
            storage.save(Plan(title="New"), saved)
    finally:
        saved.chmod(0o644)
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]  # no temp file left


def test_save_keeps_permissions(saved: Path) -> None:
    saved.chmod(0o640)

    storage.save(Plan(title="New"), saved)

    assert stat.S_IMODE(saved.stat().st_mode) == 0o640


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    from kxplan.storage import atomic

    mask = os.umask(0o027)
    atomic._umask.cache_clear()  # the umask is read once per process: read it again
    try:
        storage.save(Plan(title="T"), tmp_path / "new.toml")
    finally:
        os.umask(mask)
        atomic._umask.cache_clear()

    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o640


def test_save_through_a_symlink_updates_the_real_file(saved: Path) -> None:
    link = saved.parent / "link.toml"
    link.symlink_to(saved.name)

    storage.save(Plan(title="Via link"), link)

    assert link.is_symlink()
    assert storage.load(saved).title == "Via link"


def test_unencodable_text_is_a_plan_error_and_keeps_the_old_file(saved: Path) -> None:
    before = saved.read_bytes()

    with pytest.raises(PlanError, match="broken character"):
        storage.save(Plan(title="T", extra={"paste": "\ud800"}), saved)

    assert saved.read_bytes() == before


def test_save_where_no_file_may_be_created_is_a_plan_error(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a read-only folder does for a user who is not root."""
    before = saved.read_bytes()

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)

    with pytest.raises(PlanError) as caught:
        storage.save(Plan(title="New"), saved)

    assert str(caught.value) == f"{saved}: could not be saved: Permission denied"
    assert saved.read_bytes() == before


@pytest.mark.parametrize("old_schema", [1, 2])
def test_an_older_plan_opens_unchanged_and_is_saved_as_the_current_schema(
    old_schema: int,
) -> None:
    text = (
        f'schema = {old_schema}\ntitle = "Old"\n\n[[initiatives]]\nid = "a"\ntitle = "A"\n'
        "effort = 2\ncustomer_value = 3\n"
    )
    plan = storage.loads(text, "old.toml")

    assert plan.schema_version == storage.SCHEMA_VERSION == 3
    assert [(i.id, i.effort, i.customer_value) for i in plan.initiatives] == [("a", 2, 3)]
    assert storage.dumps(plan).startswith('schema = 3\ntitle = "Old"\n')
    assert storage.loads(storage.dumps(plan)) == plan


def test_migrating_a_valid_old_plan_does_not_index_its_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Indexing lines costs more than a load; it is for messages only."""
    from kxplan.storage import locate

    def refuse(*_: object) -> None:
        raise AssertionError("LineIndex built for a plan that migrated cleanly")

    monkeypatch.setattr(locate, "LineIndex", refuse)

    assert storage.loads('schema = 1\ntitle = "Old"\n').schema_version == storage.SCHEMA_VERSION


def test_a_new_plan_takes_initiatives_appended_by_hand() -> None:
    """Empty lists of tables are left out, so ``[[initiatives]]`` may follow by hand
    (``initiatives = []`` would make the appended table invalid TOML)."""
    text = storage.dumps(storage.loads('schema = 3\ntitle = "New"\n'))
    assert "initiatives = []" not in text
    assert "kpis = []" not in text

    appended = text + '\n[[initiatives]]\nid = "x"\ntitle = "X"\n'
    assert [item.id for item in storage.loads(appended).initiatives] == ["x"]


def test_every_template_takes_initiatives_appended_by_hand() -> None:
    from kxplan.templates import list_templates

    for template in list_templates():
        text = template.path.read_text(encoding="utf-8")
        appended = text + '\n[[initiatives]]\nid = "by-hand"\ntitle = "X"\n'
        assert storage.loads(appended, template.name).initiatives[-1].id == "by-hand"


def test_reading_a_good_plan_leaves_the_writer_and_the_error_wording_unloaded(
    tmp_path: Path,
) -> None:
    """``kxplan rank`` and the other readers pay only for reading."""
    import subprocess

    path = tmp_path / "plan.toml"
    path.write_text('schema = 3\ntitle = "Plan"\n', encoding="utf-8")
    code = (
        "import sys, kxplan.storage as s; s.load(sys.argv[1]); "
        "print(sorted(m for m in sys.modules if m.startswith('kxplan.storage.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    ).stdout
    for module in ("write", "atomic", "locate", "messages", "conflicts", "patch"):
        assert f"kxplan.storage.{module}'" not in loaded
    assert "kxplan.storage.read'" in loaded


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('schema = 3\ntitle = "x"\nfoo = [1,\n  2 = 3\n', "plan.toml:4:5: is not valid TOML: "),
        ("schema = 3\nschema = 4\n", "plan.toml:2:11: is not valid TOML: "),
        ('schema = 3\ntitle = "x', "plan.toml:2:11: is not valid TOML: "),  # end of document
    ],
)
def test_a_toml_syntax_error_names_its_line_and_column(text: str, said: str) -> None:
    with pytest.raises(PlanError) as raised:
        storage.loads(text, "plan.toml")
    (problem,) = raised.value.problems
    assert str(problem).startswith(said)
    line, column = said.split(":")[1:3]
    assert (problem.line, problem.column) == (int(line), int(column))


def test_a_problem_without_a_column_keeps_file_and_line() -> None:
    assert str(Problem("plan.toml", "currency", 8, "expected text")) == (
        "plan.toml:8: currency: expected text"
    )
    assert str(Problem("plan.toml", "", None, "no such file", 3)) == "plan.toml: no such file"
