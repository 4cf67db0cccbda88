"""The starter plans: list them, load one, and start a new plan from one.

The templates are plain plan files. In a source checkout they live in the
repository's ``templates/`` folder; an installed wheel carries them as
``kxplan/templates/`` next to this module. Each one describes itself in one line
under ``[extra] template_description``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from kxplan.model import Plan
from kxplan.storage import load, validate

DEFAULT_TEMPLATE: Final = "blank"
"""The template ``kxplan new`` uses when none is named."""

DESCRIPTION_KEY: Final = "template_description"
"""Key under a template's ``[extra]`` table holding its one-line description."""

_PACKAGE_DIR: Final = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Template:
    """A starter plan shipped with kxplan."""

    name: str
    """What ``--template`` takes: the file name without ``.toml``."""
    description: str
    """One line saying what the template is for."""
    path: Path


EXAMPLE: Final = "contact-centre"
"""The template opened as the built-in example (``kxplan example``, the welcome screen)."""


class UnknownTemplateError(LookupError):
    """No template has the requested name."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        listed = ", ".join(known) if known else "none are installed"
        super().__init__(f"unknown template {name!r}; known templates: {listed}")

    def __str__(self) -> str:
        return str(self.args[0])


def templates_folder() -> Path:
    """The folder holding the starter plans: inside the package, else the repository root."""
    for folder in (_PACKAGE_DIR / "templates", _PACKAGE_DIR.parents[1] / "templates"):
        if folder.is_dir():
            return folder
    return _PACKAGE_DIR / "templates"


def list_templates(folder: Path | None = None) -> list[Template]:
    """Every starter plan, blank first, then by name."""
    folder = templates_folder() if folder is None else folder
    paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    found = [Template(path.stem, _description(path), path) for path in paths]
    return sorted(found, key=lambda template: (template.name != DEFAULT_TEMPLATE, template.name))


def _description(path: Path) -> str:
    """The template's own one-line description; its title when it has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    extra = data.get("extra")
    description = extra.get(DESCRIPTION_KEY) if isinstance(extra, dict) else None
    if isinstance(description, str) and description.strip():
        return description.strip()
    title = data.get("title")
    return title if isinstance(title, str) else ""


def template_path(name: str, folder: Path | None = None) -> Path:
    """The file of the named template; :class:`UnknownTemplateError` if there is none."""
    templates = list_templates(folder)
    for template in templates:
        if template.name == name:
            return template.path
    raise UnknownTemplateError(name, [template.name for template in templates])


def load_template(name: str, folder: Path | None = None) -> Plan:
    """The named template as a plan, exactly as shipped."""
    return load(template_path(name, folder))


def new_plan(
    name: str = DEFAULT_TEMPLATE,
    *,
    title: str | None = None,
    now: datetime | None = None,
    folder: Path | None = None,
) -> Plan:
    """A fresh plan from a template: new title (if given), created and updated set to now.

    The template's own description is left out of the new plan's ``[extra]``.
    """
    template = load_template(name, folder)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    extra = {key: value for key, value in template.extra.items() if key != DESCRIPTION_KEY}
    update: dict[str, object] = {"created": stamp, "updated": stamp, "extra": extra}
    if title is not None:
        update["title"] = title
    data = {**template.model_dump(by_alias=True), **update}
    return validate(data, f"new plan from template {name!r}")
