"""Build hook: compile the translation catalogues (``.po`` → ``.mo``) into the package.

The ``.po`` files are the source and are committed; the ``.mo`` files are built here,
beside them, for every build (wheel and editable install alike) and never committed.
Babel does the compiling (plural forms, fuzzy entries left out, format checks).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src") / "kxplan" / "i18n" / "locale"


def compile_catalogues(root: Path) -> list[Path]:
    """Compile every ``locale/*/LC_MESSAGES/*.po`` under ``root``; the ``.mo`` files."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    compiled = []
    for source in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        with source.open("rb") as file:
            catalog = read_po(file, locale=source.parts[-3])
        errors = [(message.id, error) for message, error in catalog.check() if error]
        if errors:
            raise ValueError(f"{source}: {errors[0][0]!r}: {errors[0][1][0]}")
        target = source.with_suffix(".mo")
        with target.open("wb") as file:
            write_mo(file, catalog)
        compiled.append(target)
    return compiled


class CatalogueHook(BuildHookInterface):  # type: ignore[misc]
    """Compiles the catalogues and ships the ``.mo`` files (ignored by git) in the wheel."""

    PLUGIN_NAME = "catalogues"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        for target in compile_catalogues(root):
            build_data["artifacts"].append(target.relative_to(root).as_posix())
