"""The kxplan terminal UI. Importing this package does not import textual; :func:`run` does."""

from __future__ import annotations

from pathlib import Path


def run(
    path: Path | None = None,
    *,
    example: str | None = None,
    theme: str | None = None,
    language: str | None = None,
) -> None:
    """Open the workshop app: the welcome screen, the plan at ``path``, or an example.

    ``example`` names a starter template to open in memory ("" for the default one).
    ``theme`` names a Textual theme (see :func:`check_theme`); without it the theme
    chosen last (ctrl+t) is used. ``language`` (``--lang``) wins over the language
    switched to last in the app (f9), which wins over kxplan's own choice.
    """
    from kxplan.tui.app import KxplanApp

    chosen = check_theme(theme) if theme else None
    KxplanApp(path, example=example, theme=chosen, language=language).run()


def check_theme(name: str) -> str:
    """The theme ``name`` means (``dark`` and ``light`` are kxplan's two, ``textual-dark``
    and ``textual-light``); a ValueError names the themes there are."""
    from textual.theme import BUILTIN_THEMES

    theme = {"dark": "textual-dark", "light": "textual-light"}.get(name.strip(), name.strip())
    if theme not in BUILTIN_THEMES:
        known = ", ".join(["dark", "light", *sorted(BUILTIN_THEMES)])
        raise ValueError(f"--theme: expected one of {known}, got {name!r}")
    return theme
