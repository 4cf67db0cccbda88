"""`kxplan example`: a starter template opened in memory, never written back."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support import invoke

from kxplan import templates
from kxplan.tui.app import KxplanApp
from kxplan.tui.screens.walk import WalkScreen


async def test_the_example_opens_the_named_template_in_memory(config_dir: Path) -> None:
    shipped = templates.template_path("public-service").read_bytes()
    app = KxplanApp(
        None,
        clock=lambda: datetime(2026, 11, 24, tzinfo=UTC),
        config_dir=config_dir,
        cursor_blink=False,
        example="public-service",
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        session = app.screen.session
        assert session.path is None
        assert session.plan == templates.load_template("public-service")
    assert templates.template_path("public-service").read_bytes() == shipped


@pytest.mark.parametrize(
    ("remembered", "expected"), [("sv", "kundservice"), ("en", "contact-centre")]
)
async def test_the_default_example_follows_the_language_the_app_starts_in(
    config_dir: Path, remembered: str, expected: str
) -> None:
    # the CLI speaks English here; the app starts in the language switched to last (f9)
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.json").write_text(json.dumps({"language": remembered}))
    app = KxplanApp(None, config_dir=config_dir, cursor_blink=False, example="")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert app.screen.session.plan == templates.load_template(expected)


def test_the_example_command_starts_the_ui_with_the_template(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[Path | None, str | None]] = []
    monkeypatch.setattr(
        "kxplan.tui.run", lambda path, *, example, **_options: calls.append((path, example))
    )
    monkeypatch.setattr("kxplan.cli.ui.has_terminal", lambda: True)

    default = invoke("example")
    named = invoke("example", "e-commerce")

    assert (default.exit_code, named.exit_code) == (0, 0)
    assert calls == [(None, ""), (None, "e-commerce")]  # "": the app's own example


def test_an_unknown_example_is_refused_before_the_ui_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("kxplan.tui.run", lambda *a, **k: pytest.fail("the UI started"))

    result = invoke("example", "nope")

    assert result.exit_code == 2
    assert "unknown template 'nope'" in result.output
    assert "contact-centre" in result.output
