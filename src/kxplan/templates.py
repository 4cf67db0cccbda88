"""The starter plans: list them, load one, and start a new plan from one.

The templates are plain plan files. An installed wheel carries them inside the
package as ``kxplan/templates/``, read with :mod:`importlib.resources` (so they are
found however the package is installed); a source checkout keeps them in the
repository's top-level ``templates/`` folder, where the product brief puts them, and
the wheel's build copies them from there. They are read with the one TOML reader,
:mod:`kxplan.storage`'s. Each one describes itself in one line under
``[extra] template_description``, in the language it is written in (its top-level
``language``; English when it says none). Swedish organisations get Swedish starter
plans (:data:`BLANK`, :data:`EXAMPLES` by language); English ones stay for
English-speaking organisations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final

from kxplan.i18n import DEFAULT, LANGUAGE_NAMES, Language, _, known
from kxplan.model import Plan
from kxplan.storage import PlanError, loads_bytes, parse_toml, validate
from kxplan.text.system_words import os_reason

DEFAULT_TEMPLATE: Final = "blank"
"""The template ``kxplan new`` uses when none is named (in English)."""

BLANK: Final[dict[Language, str]] = {"en": DEFAULT_TEMPLATE, "sv": "tom"}
"""The empty starter plan written in each language."""

DESCRIPTION_KEY: Final = "template_description"
"""Key under a template's ``[extra]`` table holding its one-line description."""

_SOURCE_CHECKOUT: Final = Path(__file__).resolve().parents[2]
"""The repository root when kxplan runs from a source checkout (``src/kxplan/..``)."""


def _package_files() -> Traversable:
    """The installed package's files (a test replaces this with another package)."""
    return resources.files("kxplan")


@dataclass(frozen=True, slots=True)
class Template:
    """A starter plan shipped with kxplan."""

    name: str
    """What ``--template`` takes: the file name without ``.toml``."""
    description: str
    """One line saying what the template is for, in the template's language."""
    path: Traversable
    """The file; a :class:`~pathlib.Path` unless the package is installed in an archive."""
    language: Language = DEFAULT
    """The language the template is written in (its top-level ``language``)."""


EXAMPLE: Final = "contact-centre"
"""The template opened as the built-in example in English (``kxplan example``, the
welcome screen)."""

EXAMPLES: Final[dict[Language, str]] = {"en": EXAMPLE, "sv": "kundservice"}
"""The built-in example in each language: it follows the app's language."""


def example_name(language: Language) -> str:
    """The built-in example's template in ``language``."""
    return EXAMPLES.get(language, EXAMPLE)


def default_template(language: Language) -> str:
    """The template ``kxplan new`` starts from when none is named: the blank plan
    written in ``language``."""
    return BLANK.get(language, DEFAULT_TEMPLATE)


class UnknownTemplateError(LookupError):
    """No template has the requested name."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        if known:
            message = _("unknown template {name!r}; known templates: {known}").format(
                name=name, known=", ".join(known)
            )
        else:
            message = _("unknown template {name!r}; none are installed").format(name=name)
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


def templates_folder() -> Traversable:
    """The folder holding the starter plans: inside the package (an installed wheel),
    else the source checkout's top-level ``templates/``."""
    packaged = _package_files() / "templates"
    if packaged.is_dir():
        return packaged
    checkout = _SOURCE_CHECKOUT / "templates"
    return checkout if checkout.is_dir() else packaged


def list_templates(folder: Traversable | None = None) -> list[Template]:
    """Every starter plan, blank first, then by name."""
    folder = templates_folder() if folder is None else folder
    files = (
        [item for item in folder.iterdir() if item.name.endswith(".toml")]
        if (folder.is_dir())
        else []
    )
    found = [_template(item) for item in files]
    blanks = set(BLANK.values())
    return sorted(
        found,
        key=lambda template: (
            template.name not in blanks,
            template.language != DEFAULT,
            template.name,
        ),
    )


def _template(path: Traversable) -> Template:
    """A template file with its own one-line description (its title when it has none)
    and its language."""
    name = path.name.removesuffix(".toml")
    try:
        data = parse_toml(path.read_bytes().decode("utf-8"), str(path))
    except (OSError, UnicodeDecodeError, PlanError):
        return Template(name, "", path)
    said = data.get("language")
    language = (known(said) if isinstance(said, str) else None) or DEFAULT
    extra = data.get("extra")
    description = extra.get(DESCRIPTION_KEY) if isinstance(extra, dict) else None
    if isinstance(description, str) and description.strip():
        return Template(name, description.strip(), path, language)
    title = data.get("title")
    return Template(name, title if isinstance(title, str) else "", path, language)


def template_path(name: str, folder: Traversable | None = None) -> Traversable:
    """The file of the named template; :class:`UnknownTemplateError` if there is none."""
    templates = list_templates(folder)
    for template in templates:
        if template.name == name:
            return template.path
    raise UnknownTemplateError(name, [template.name for template in templates])


def load_template(name: str, folder: Traversable | None = None) -> Plan:
    """The named template as a plan, exactly as shipped."""
    path = template_path(name, folder)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PlanError.single(
            str(path), _("cannot be read: {reason}").format(reason=os_reason(error))
        ) from None
    return loads_bytes(raw, str(path))


def mixed_languages(
    name: str, documents: Language, folder: Traversable | None = None
) -> str | None:
    """One line saying that a plan from template ``name`` whose documents are in
    ``documents`` mixes two languages (the template's text is in its own); None when
    they agree or the template is unknown."""
    content = next((t.language for t in list_templates(folder) if t.name == name), documents)
    if content == documents:
        return None
    return _(
        "Note: the {template!r} template is written in {content}, but the plan's documents "
        "will be in {documents}: its text stays in {content} until you rewrite it."
    ).format(
        template=name, content=_(LANGUAGE_NAMES[content]), documents=_(LANGUAGE_NAMES[documents])
    )


def new_plan(
    name: str = DEFAULT_TEMPLATE,
    *,
    title: str | None = None,
    now: datetime | None = None,
    folder: Traversable | None = None,
    language: Language | None = None,
) -> Plan:
    """A fresh plan from a template: new title (if given), created and updated set to now,
    the language of its documents ``language`` (default: the template's own).

    The template's own description is left out of the new plan's ``[extra]``.
    """
    template = load_template(name, folder)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    extra = {key: value for key, value in template.extra.items() if key != DESCRIPTION_KEY}
    update: dict[str, object] = {"created": stamp, "updated": stamp, "extra": extra}
    if title is not None:
        update["title"] = title
    if language is not None:
        update["language"] = language
    data = {**template.model_dump(by_alias=True), **update}
    return validate(data, _("new plan from template {name!r}").format(name=name))
