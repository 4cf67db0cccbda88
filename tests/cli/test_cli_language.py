"""kxplan's own language on the command line: --lang, then KXPLAN_LANG, then the locale;
Swedish messages, the plan's language on `new`, and the Swedish templates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kxplan import i18n
from kxplan.cli import main
from kxplan.storage import load
from kxplan.templates import list_templates, load_template

BAD_PLAN = """\
schema = 3
title = "Plan"

[scoring]
method = "magic"
"""

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}
"""The system's locale left out, so that only what a test sets decides."""

SWEDISH_LINE = (
    "bad.toml:5: scoring.method: förväntade något av 'ratio', 'quadrant', 'rice', 'ice', "
    "'wsjf', 'weighted' eller 'savings', fick 'magic'"
)
ENGLISH_LINE = (
    "bad.toml:5: scoring.method: expected one of 'ratio', 'quadrant', 'rice', 'ice', "
    "'wsjf', 'weighted' or 'savings', got 'magic'"
)


def run(*args: str | Path, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env={**NO_LOCALE, **(env or {})})


@pytest.fixture
def bad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("bad.toml").write_text(BAD_PLAN, encoding="utf-8")
    return Path("bad.toml")


@pytest.mark.parametrize(
    ("args", "env", "line"),
    [
        (["--lang", "sv"], {"KXPLAN_LANG": "en", "LANG": "en_GB.UTF-8"}, SWEDISH_LINE),
        (["--lang", "SV"], {}, SWEDISH_LINE),
        (["--lang=sv"], {}, SWEDISH_LINE),
        (["--lang", "en"], {"KXPLAN_LANG": "sv", "LANG": "sv_SE.UTF-8"}, ENGLISH_LINE),
        ([], {"KXPLAN_LANG": "sv", "LANG": "en_GB.UTF-8"}, SWEDISH_LINE),
        ([], {"KXPLAN_LANG": "en", "LANG": "sv_SE.UTF-8"}, ENGLISH_LINE),
        ([], {"KXPLAN_LANG": "klingon", "LANG": "sv_SE.UTF-8"}, SWEDISH_LINE),
        ([], {"KXPLAN_LANG": None, "LANG": "sv_SE.UTF-8"}, SWEDISH_LINE),
        ([], {"KXPLAN_LANG": None, "LC_ALL": "sv_FI.UTF-8", "LANG": "en_US.UTF-8"}, SWEDISH_LINE),
        ([], {"KXPLAN_LANG": None, "LANG": "C.UTF-8"}, ENGLISH_LINE),
    ],
)
def test_the_language_is_lang_then_kxplan_lang_then_the_locale(
    bad: Path, args: list[str], env: dict[str, str | None], line: str
) -> None:
    result = run(*args, "validate", bad, env=env)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [line]


def test_an_unknown_lang_is_refused_in_one_line_with_status_2(bad: Path) -> None:
    result = run("--lang", "de", "validate", bad)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: Invalid value for '--lang': 'de' is not one of 'en', 'sv'. Try 'main --help'."
    ]


def test_lang_needs_a_value(bad: Path) -> None:
    result = run("--lang")
    assert result.exit_code == 2
    assert "'--lang'" in result.stderr


def test_the_language_is_set_once_for_the_process_before_the_command(bad: Path) -> None:
    run("--lang", "sv", "validate", bad)
    assert i18n.current() == "sv"  # the app a command opens, and worker threads, speak it


def test_lang_after_help_still_chooses_the_help_language() -> None:
    result = run("--help", "--lang", "sv")
    assert result.exit_code == 0
    assert result.stdout.startswith("Användning: main [FLAGGOR] KOMMANDO [ARGUMENT]...")
    assert "Flaggor:" in result.stdout
    assert "Kommandon:" in result.stdout
    assert "Visa den här hjälpen och avsluta." in result.stdout
    assert "--lang [en|sv]" in result.stdout


def test_help_says_how_to_choose_the_language() -> None:
    result = run("--help")
    assert "--lang [en|sv]" in result.stdout
    assert "KXPLAN_LANG" in result.stdout
    assert "kxplan --lang sv rank plan.toml" in result.stdout


def test_a_command_help_is_swedish_with_its_options_and_examples() -> None:
    result = run("--lang", "sv", "rank", "--help")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("Användning: main rank [FLAGGOR] PLAN")
    assert "Rangordna initiativen i PLAN" in text
    assert "Visa bara de N första." in text
    assert "[standard: table]" in text  # click's own "default"
    assert "Exempel:\n    kxplan rank plan.toml --top 5" in text


def test_clicks_usage_errors_are_swedish() -> None:
    missing = run("--lang", "sv", "rank")
    assert missing.exit_code == 2
    assert missing.stderr == "Fel: Argument saknas 'PLAN'. Se 'main rank --help'.\n"
    unknown = run("--lang", "sv", "rank", "--bogus", "x.toml")
    assert unknown.stderr.startswith("Fel: Flaggan '--bogus' finns inte.")
    command = run("--lang", "sv", "valdate")
    assert command.stderr == "Fel: Kommandot 'valdate' finns inte. Se 'main --help'.\n"


def test_a_plan_alone_opens_the_app_in_the_chosen_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kxplan.cli import ui

    opened: list[tuple[Path | None, str]] = []
    monkeypatch.setattr(ui, "open_ui", lambda path, **_kw: opened.append((path, i18n.current())))
    monkeypatch.chdir(tmp_path)
    assert run("new", "plan.toml").exit_code == 0
    result = run("--lang", "sv", "plan.toml")
    assert result.exit_code == 0, result.output
    assert opened == [(Path("plan.toml"), "sv")]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_built_in_example_is_left_to_the_app_in_either_language(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    # the app may start in the language remembered from f9, not the CLI's: it picks
    from kxplan.cli import ui

    opened: list[str | None] = []
    monkeypatch.setattr(ui, "open_ui", lambda _path, example=None, **_kw: opened.append(example))
    assert run("--lang", lang, "example").exit_code == 0
    assert run("--lang", lang, "example", "e-commerce").exit_code == 0
    assert opened == ["", "e-commerce"]


def test_a_swedish_validate_line_keeps_file_line_and_key_path(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'schema = 3\ntitle = "P"\ncurrency = 3\n\n[[initiatives]]\nid = "a"\ntitle = "A"\n'
        'effort = "high"\ncolor = "red"\n',
        encoding="utf-8",
    )
    result = run("--lang", "sv", "validate", plan)
    assert result.stderr.splitlines() == [
        f"{plan}:3: currency: förväntade text inom citattecken, fick 3",
        f"{plan}:8: initiatives[1] (id \"a\").effort: förväntade ett tal, fick 'high'",
        f"{plan}:9: initiatives[1] (id \"a\").color: okänd nyckel 'color'; fria anteckningar "
        "hör hemma under [extra]",
    ]
    missing = run("--lang", "sv", "validate", tmp_path / "none.toml")
    assert missing.stderr == f"{tmp_path / 'none.toml'}: filen finns inte\n"


def test_validate_json_keeps_its_keys_in_swedish(bad: Path) -> None:
    result = run("--lang", "sv", "validate", bad, "--format", "json")
    data = json.loads(result.stdout)
    assert list(data[0]) == ["file", "valid", "problems"]
    assert list(data[0]["problems"][0]) == ["file", "line", "place", "message"]
    assert data[0]["problems"][0]["place"] == "scoring.method"
    assert data[0]["problems"][0]["message"].startswith("förväntade något av")


def test_new_with_language_sv_writes_it_into_the_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    result = run("new", target, "--language", "sv")
    assert result.exit_code == 0, result.output
    assert 'language = "sv"' in target.read_text(encoding="utf-8").splitlines()
    plan = load(target)
    assert plan.language == "sv"
    assert plan.title == "Ny strategi för kundupplevelsen"  # the Swedish blank plan


def test_new_language_overrides_the_template_and_defaults_to_it(tmp_path: Path) -> None:
    english = tmp_path / "en.toml"
    assert run("new", english, "-t", "contact-centre", "--language", "sv").exit_code == 0
    assert load(english).language == "sv"
    swedish = tmp_path / "sv.toml"
    assert run("new", swedish, "-t", "kundservice").exit_code == 0
    assert load(swedish).language == "sv"
    plain = tmp_path / "plain.toml"
    assert run("new", plain, "-t", "contact-centre").exit_code == 0
    assert load(plain).language is None
    lines = plain.read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if line.startswith("language")]


def test_new_says_what_it_did_in_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--lang", "sv", "new", "plan.toml")
    assert result.stdout.splitlines() == [
        "Skapade plan.toml från mallen 'tom': Ny strategi för kundupplevelsen",
        "Öppna den med: kxplan plan.toml",
    ]
    assert load(Path("plan.toml")).language == "sv"  # kxplan's language picked the blank
    refused = run("--lang", "sv", "new", "plan.toml")
    assert refused.exit_code == 2
    assert refused.stderr == "Fel: plan.toml finns redan; använd --force för att skriva över den\n"


def test_new_refuses_an_unknown_language(tmp_path: Path) -> None:
    result = run("new", tmp_path / "p.toml", "--language", "fi")
    assert result.exit_code == 2
    assert "'--language'" in result.stderr
    assert not (tmp_path / "p.toml").exists()


SWEDISH = {
    "tom": "blank",
    "kundservice": "contact-centre",
    "kommun": "public-service",
    "kollektivtrafik": "public-transport",
    "e-handel": "e-commerce",
}


@pytest.mark.parametrize("name", sorted(SWEDISH))
def test_the_swedish_templates_load_and_say_language_sv(name: str) -> None:
    plan = load_template(name)
    assert plan.language == "sv"
    assert plan.document_language == "sv"
    listed = {t.name: t for t in list_templates()}
    assert listed[name].language == "sv"
    english = load_template(SWEDISH[name])
    assert english.language is None
    assert listed[SWEDISH[name]].language == "en"
    # the same plan in Swedish words: as many rows of every kind, none left in English
    assert len(plan.initiatives) == len(english.initiatives)
    assert plan.title != english.title
    assert not {i.title for i in plan.initiatives} & {i.title for i in english.initiatives}
    assert plan.scales.effort.anchors["1"] == "Några dagar i ett team"


def test_templates_lists_each_language() -> None:
    result = run("templates")
    rows = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()}
    assert rows["tom"] == rows["kundservice"] == rows["kommun"] == rows["e-handel"] == "sv"
    assert rows["blank"] == rows["contact-centre"] == "en"
    data = json.loads(run("templates", "--format", "json").stdout)
    assert {d["name"]: d["language"] for d in data}["kommun"] == "sv"
    assert list(data[0]) == ["name", "language", "description"]


def test_kxplans_list_of_clicks_messages_matches_the_installed_click() -> None:
    """Each of click's messages kxplan translates is still one click says (a click that
    rewords one would leave it English), and click says them through kxplan now."""
    import os

    import click
    from babel.messages.extract import extract_from_dir

    from kxplan.cli import click_messages, texts

    folder = os.path.dirname(click.__file__)
    said: set[str] = set()
    for filename, _line, message, _comments, _context in extract_from_dir(
        folder, method_map=[("**.py", "python")], keywords={"_": None, "ngettext": (1, 2)}
    ):
        if filename.removesuffix(".py") in texts.CLICK_MODULES:
            said.update(message if isinstance(message, tuple) else (message,))
    listed = set(click_messages.marked())  # in English: the messages themselves
    assert listed <= said
    assert {"Usage:", "Options", "Commands", "Show this message and exit."} <= listed
    for module in texts.CLICK_MODULES:
        assert getattr(click, module)._ is texts.click_gettext
