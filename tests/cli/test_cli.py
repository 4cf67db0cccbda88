"""The non-UI command line: help, version, templates, new, validate, show, and the UI entry."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest
from click.testing import Result
from support import TEMPLATES, invoke

from kxplan import __version__
from kxplan.cli import echo_error, fail, load_or_exit
from kxplan.storage import load

TEMPLATE_NAMES = [
    "blank",
    "tom",
    "contact-centre",
    "e-commerce",
    "public-service",
    "public-transport",
    "e-handel",
    "kollektivtrafik",
    "kommun",
    "kundservice",
]

SMALL_PLAN = """\
schema = 1
title = "Småland Energi service"
organisation = "Småland Energi AB"
version = "v1"
facilitator = "Ida"
participants = ["Ida", "Pål"]
currency = "SEK"

[areas.insight]
maturity_today = 2
maturity_target = 4

[areas.anchoring]
maturity_today = 3

[[areas.insight.kpis]]
measure = "csat"
baseline = 70

[[areas.accessibility.channels]]
name = "phone"
cost_per_contact = 50

[[areas.accessibility.channels]]
name = "chat"
cost_per_contact = 20

[[areas.unnecessary_demand.contact_reasons]]
reason = "Where is my invoice?"
channel = "phone"
monthly_volume = 1000
demand = "failure"
avoidable = 50

[[areas.unnecessary_demand.contact_reasons]]
reason = "Meter reading"
channel = "chat"
monthly_volume = 200
demand = "value"
avoidable = 25

[[areas.unnecessary_demand.contact_reasons]]
reason = "Moving house"
channel = "letter"
monthly_volume = 30
demand = "value"
avoidable = 10

[[initiatives]]
id = "e-invoice"
title = "E-invoice by default"
status = "planned"

[[initiatives]]
id = "meter-app"
title = "Meter reading in the app"
"""
# Hand-worked figures for SMALL_PLAN:
#   contacts 1000 + 200 + 30 = 1230, failure demand 1000
#   avoidable 1000 × 50 % + 200 × 25 % + 30 × 10 % = 500 + 50 + 3 = 553
#   cost 500 × 50 + 50 × 20 = 26,000 SEK ("letter" has no channel cost: not priced)


@pytest.fixture
def small_plan(tmp_path: Path) -> Path:
    path = tmp_path / "small.toml"
    path.write_text(SMALL_PLAN, encoding="utf-8")
    return path


@pytest.fixture
def invalid_plan(tmp_path: Path) -> Path:
    path = tmp_path / "invalid.toml"
    path.write_text(SMALL_PLAN.replace('status = "planned"', 'status = "someday"'), "utf-8")
    return path


def assert_clean_failure(result: Result) -> None:
    """Exit status 2, a message on stderr, and no traceback."""
    assert result.exit_code == 2, result.output
    assert result.stderr.strip()
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- help and version -----------------------------------------------------------------


def test_help_lists_every_command() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("new", "open", "show", "templates", "validate"):
        assert f"  {command} " in result.output
    assert "kxplan PLAN.toml" in result.output
    assert invoke("-h").output == result.output


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output == f"kxplan, version {__version__}\n"


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kxplan", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"kxplan, version {__version__}"


# --- templates ------------------------------------------------------------------------


def test_templates_lists_names_with_descriptions() -> None:
    result = invoke("templates")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == TEMPLATE_NAMES
    assert lines[0] == "blank             en  An empty plan: the seven areas, ready to fill in."
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)


# --- new ------------------------------------------------------------------------------


def test_new_writes_a_blank_plan(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    result = invoke("new", target)
    assert result.exit_code == 0, result.output
    assert f"Created {target}" in result.stdout
    plan = load(target)
    assert plan.title == "New CX strategy"
    assert plan.initiatives == []
    assert plan.created is not None
    assert plan.created == plan.updated
    assert "template_description" not in target.read_text(encoding="utf-8")


def test_new_from_a_template_with_a_title(tmp_path: Path) -> None:
    target = tmp_path / "kommun.toml"
    result = invoke("new", target, "--template", "public-service", "--title", "Vår plan")
    assert result.exit_code == 0, result.output
    plan = load(target)
    assert plan.title == "Vår plan"
    assert plan.organisation == "Ålviks kommun"
    assert len(plan.initiatives) == 10


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    target.write_text("my precious work\n", encoding="utf-8")
    result = invoke("new", target, "-t", "e-commerce")
    assert_clean_failure(result)
    assert "already exists" in result.stderr
    assert "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "my precious work\n"


def test_new_force_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    target.write_text("old\n", encoding="utf-8")
    result = invoke("new", target, "-t", "e-commerce", "--force")
    assert result.exit_code == 0, result.output
    assert load(target).organisation == "Taiga Outdoor Oy"


def test_new_unknown_template_lists_the_known_ones(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    result = invoke("new", target, "--template", "callcenter")
    assert_clean_failure(result)
    assert "unknown template 'callcenter'" in result.stderr
    for name in TEMPLATE_NAMES:
        assert name in result.stderr
    assert not target.exists()


def test_new_rejects_a_blank_title(tmp_path: Path) -> None:
    result = invoke("new", tmp_path / "p.toml", "--title", "   ")
    assert_clean_failure(result)
    assert "--title" in result.stderr
    assert not (tmp_path / "p.toml").exists()


def test_new_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "plan.toml"
    result = invoke("new", target)
    assert_clean_failure(result)
    assert str(target) in result.stderr
    assert "could not be saved" in result.stderr


def test_new_onto_a_folder_fails_cleanly(tmp_path: Path) -> None:
    result = invoke("new", tmp_path)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# --- validate -------------------------------------------------------------------------


def test_validate_a_valid_plan(small_plan: Path) -> None:
    result = invoke("validate", small_plan)
    assert result.exit_code == 0
    assert result.stdout == f"{small_plan}: ok\n"
    assert result.stderr == ""


def test_validate_an_invalid_plan(invalid_plan: Path) -> None:
    result = invoke("validate", invalid_plan)
    assert_clean_failure(result)
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{invalid_plan}:")
    assert 'initiatives[1] (id "e-invoice").status' in line
    assert "'someday'" in line
    assert result.stdout == ""


def test_validate_several_files_reports_each(
    tmp_path: Path, small_plan: Path, invalid_plan: Path
) -> None:
    missing = tmp_path / "missing.toml"
    garbage = tmp_path / "garbage.toml"
    garbage.write_bytes(b"\x00\xff\xfe not a plan at all")
    result = invoke("validate", small_plan, invalid_plan, missing, garbage)
    assert_clean_failure(result)
    assert result.stdout == f"{small_plan}: ok\n"
    errors = result.stderr.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"{invalid_plan}:")
    assert errors[1] == f"{missing}: no such file"
    assert errors[2].startswith(f"{garbage}:1: is not UTF-8 text")


def test_validate_all_templates() -> None:
    paths = sorted(TEMPLATES.glob("*.toml"))
    result = invoke("validate", *paths)
    assert result.exit_code == 0
    assert result.stdout.count(": ok\n") == len(TEMPLATE_NAMES)


def test_validate_needs_a_file() -> None:
    result = invoke("validate")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


# --- show -----------------------------------------------------------------------------


def test_show_summarises_a_plan(small_plan: Path) -> None:
    result = invoke("show", small_plan)
    assert result.exit_code == 0, result.output
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Småland Energi service"
    assert "Organisation: Småland Energi AB" in lines
    assert "Version:      v1" in lines
    assert "Participants: Ida, Pål" in lines
    assert "1 Insight                      2/5     4/5    +2" in lines
    assert "7 Anchoring                    3/5       –" in lines
    assert "2 Accessibility                  –       –" in lines
    assert "  KPIs                1" in lines
    assert "  Channels            2" in lines
    assert "  Contact reasons     3" in lines
    assert "  Stakeholders        0" in lines
    assert "  Initiatives         2  (idea 1, planned 1)" in lines
    assert "  Contacts per month:  1\u202f230 (1\u202f000 failure demand)" in lines
    assert "  Avoidable contacts:  553 per month" in lines
    assert "  Avoidable cost:      26\u202f000\xa0SEK per month" in lines
    assert "  Not priced:          1 contact reason without a channel cost" in lines
    assert all(line == line.rstrip() for line in lines)


def test_show_a_plan_without_contact_reasons(tmp_path: Path) -> None:
    path = tmp_path / "tiny.toml"
    path.write_text('schema = 1\ntitle = "[bold]Tiny[/bold]"\n', encoding="utf-8")
    result = invoke("show", path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "[bold]Tiny[/bold]"  # shown literally
    assert "No contact reasons recorded yet." in result.stdout
    assert "Organisation" not in result.stdout


def test_show_an_invalid_plan_fails_cleanly(invalid_plan: Path) -> None:
    result = invoke("show", invalid_plan)
    assert_clean_failure(result)
    assert "status" in result.stderr
    assert result.stdout == ""


def test_show_a_missing_file(tmp_path: Path) -> None:
    result = invoke("show", tmp_path / "nope.toml")
    assert_clean_failure(result)
    assert result.stderr == f"{tmp_path / 'nope.toml'}: no such file\n"


# --- the terminal UI entry points -----------------------------------------------------


@pytest.fixture
def fake_tui(monkeypatch: pytest.MonkeyPatch) -> list[Path | None]:
    """Stand in for kxplan.tui; records the paths it is asked to open."""
    opened: list[Path | None] = []

    def run(
        path: Path | None = None,
        *,
        example: str | None = None,
        theme: str | None = None,
        language: str | None = None,
    ) -> None:
        assert example is None
        opened.append(path)

    module = types.ModuleType("kxplan.tui")
    module.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kxplan.tui", module)
    monkeypatch.setattr("kxplan.cli.ui.has_terminal", lambda: True)
    return opened


def test_lang_on_the_command_line_wins_over_the_apps_remembered_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    languages: list[str | None] = []
    module = types.ModuleType("kxplan.tui")
    module.run = lambda path, **options: languages.append(options["language"])  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kxplan.tui", module)
    monkeypatch.setattr("kxplan.cli.ui.has_terminal", lambda: True)
    monkeypatch.delenv("KXPLAN_LANG", raising=False)
    assert invoke("--lang", "en", "plan.toml").exit_code == 0
    assert invoke("plan.toml").exit_code == 0
    monkeypatch.setenv("KXPLAN_LANG", "sv")  # set for this run: also before the remembered one
    assert invoke("plan.toml").exit_code == 0
    assert invoke("--lang", "en", "plan.toml").exit_code == 0
    assert languages == ["en", None, "sv", "en"]  # with neither, the app's own choice decides


def test_bare_command_opens_the_ui(fake_tui: list[Path | None]) -> None:
    assert invoke().exit_code == 0
    assert fake_tui == [None]


@pytest.mark.parametrize(
    "args",
    [["plan.toml"], ["open", "plan.toml"], ["sub/plan"]],
)
def test_a_plan_path_opens_the_ui(fake_tui: list[Path | None], args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert fake_tui == [Path(args[-1])]


def test_an_existing_file_without_toml_suffix_opens_the_ui(
    fake_tui: list[Path | None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("myplan").write_text(SMALL_PLAN, encoding="utf-8")
    assert invoke("myplan").exit_code == 0
    assert fake_tui == [Path("myplan")]


def test_an_unknown_word_is_not_taken_for_a_plan(fake_tui: list[Path | None]) -> None:
    result = invoke("valdate")
    assert result.exit_code == 2
    assert "No such command 'valdate'" in result.stderr
    assert fake_tui == []


def test_a_missing_ui_is_reported_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "kxplan.tui", types.ModuleType("kxplan.tui"))
    monkeypatch.setattr("kxplan.cli.ui.has_terminal", lambda: True)
    result = invoke("plan.toml")
    assert_clean_failure(result)
    assert "terminal UI could not be started" in result.stderr


# --- helpers other commands use -------------------------------------------------------


def test_load_or_exit_prints_problems_and_exits_2(
    invalid_plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        load_or_exit(invalid_plan)
    assert caught.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"{invalid_plan}:")


def test_load_or_exit_returns_the_plan(small_plan: Path) -> None:
    assert load_or_exit(small_plan).title == "Småland Energi service"


def test_echo_error_and_fail(capsys: pytest.CaptureFixture[str]) -> None:
    echo_error("the [red]plan[/red] is odd")
    with pytest.raises(SystemExit) as caught:
        fail("give up")
    assert caught.value.code == 2
    assert capsys.readouterr().err == "Error: the [red]plan[/red] is odd\nError: give up\n"


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "bad.toml:3:5: is not valid TOML: Unclosed array\n"),
        ("sv", "bad.toml:3:5: är inte giltig TOML: listan avslutas aldrig med ']'\n"),
    ],
)
def test_a_toml_syntax_error_is_one_line_with_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KXPLAN_LANG", language)
    (tmp_path / "bad.toml").write_text("schema = 3\nfoo = [1,\n  2 = 3\n", encoding="utf-8")
    for command in ("validate", "show", "rank"):
        result = invoke(command, "bad.toml")
        assert result.exit_code == 2, command
        assert result.stdout == ""
        assert result.stderr == said, command
