"""The one translation layer: gettext catalogues, the current language, its choice.

Text for people is marked where it is written: ``_("Save")`` translates at once,
``N_("Quick win")`` only marks a constant that is translated where it is shown
(``_(term.label)``). The catalogues are ``locale/<language>/LC_MESSAGES/kxplan.po``
beside this module; the build compiles them to ``.mo`` files (``hatch_build.py``),
which are not committed. A language whose catalogue is missing reads as English.

kxplan's own language is set once for the process (:func:`set_language`, from
:func:`choose`), so worker threads speak it too; a report in the plan's own language
runs inside :func:`language`, a context variable, so it does not change the screen's.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Final, Literal, get_args

if TYPE_CHECKING:
    import gettext

Language = Literal["en", "sv"]
"""A language kxplan speaks, by its ISO 639-1 code."""

LANGUAGES: Final[dict[Language, str]] = {"en": "English", "sv": "Svenska"}
"""Each language by its own name, in the order offered."""

DECIMAL_MARKS: Final[dict[Language, str]] = {"en": ".", "sv": ","}
"""The decimal mark of each language ("2.5", "2,5"); thousands are grouped with a
narrow no-break space in both (:mod:`kxplan.text.numbers`)."""

DEFAULT: Final[Language] = "en"
"""The source language: what every message is written in, and what an unknown
language falls back to."""

ENVIRONMENT: Final = "KXPLAN_LANG"
"""The environment variable that chooses kxplan's own language (after ``--lang``)."""

DOMAIN: Final = "kxplan"

_CURRENT: Final = contextvars.ContextVar[Language | None]("kxplan_language", default=None)
"""The language of a block (:func:`language`), e.g. a Swedish plan's document."""
_chosen: Language = DEFAULT
"""kxplan's own language for the whole process (:func:`set_language`); threads that
did not inherit a block's context (workers) read this one."""

assert tuple(LANGUAGES) == get_args(Language) == tuple(DECIMAL_MARKS), "every Language"


def known(code: str) -> Language | None:
    """The language a code such as ``sv``, ``sv_SE.UTF-8`` or ``SV-fi`` names, if kxplan
    speaks it."""
    base = code.strip().replace("-", "_").split(".")[0].split("_")[0].casefold()
    for key in LANGUAGES:
        if base == key:
            return key
    return None


def system_language(environ: Mapping[str, str] | None = None) -> Language | None:
    """The language of the system's locale, as GNU gettext reads it, then Python's
    locale; None if unspoken.

    The locale is the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set.
    ``LANGUAGE`` (a list of preferences, ``de:sv``) comes before it, but only when the
    locale is a real one: gettext ignores ``LANGUAGE`` under the C (POSIX) locale, so
    ``LC_ALL=C LANGUAGE=sv`` is English."""
    env = os.environ if environ is None else environ
    locale_name = next((env[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(n)), "")
    if not locale_name or _is_c_locale(locale_name):
        if locale_name or environ is not None:
            return None
        import locale

        code = locale.getlocale(locale.LC_CTYPE)[0] or ""
        return known(code) if code and not _is_c_locale(code) else None
    preferences = [code for code in env.get("LANGUAGE", "").split(":") if code]
    for code in preferences:
        found = known(code)
        if found is not None:
            return found
    if preferences:  # set but no language kxplan speaks: that is the user's choice
        return None
    return known(locale_name)


def _is_c_locale(name: str) -> bool:
    """Whether ``name`` is the C (POSIX) locale, with or without an encoding (C.UTF-8)."""
    return name.split(".")[0].split("@")[0] in ("C", "POSIX")


def choose(flag: str | None = None, environ: Mapping[str, str] | None = None) -> Language:
    """kxplan's own language: ``--lang``, then ``KXPLAN_LANG``, then the system's, then
    English. A flag kxplan does not speak raises ValueError (the CLI says so); an
    environment value it does not speak is passed over."""
    if flag is not None:
        found = known(flag)
        if found is None:
            spoken = ", ".join(LANGUAGES)
            raise ValueError(f"kxplan speaks {spoken}; got {flag!r}")
        return found
    env = os.environ if environ is None else environ
    from_env = known(env.get(ENVIRONMENT, ""))
    if from_env is not None:
        return from_env
    return system_language(environ) or DEFAULT


def current() -> Language:
    """The language text is translated into now: the block's, else kxplan's own."""
    return _CURRENT.get() or _chosen


def set_language(code: Language) -> None:
    """Make ``code`` kxplan's own language, in every thread, outside :func:`language`
    blocks (the CLI and the app call this once, and when the user switches)."""
    global _chosen
    _chosen = code


@contextlib.contextmanager
def language(code: Language) -> Iterator[None]:
    """Translate into ``code`` inside the block, e.g. a Swedish plan's document."""
    token = _CURRENT.set(code)
    try:
        yield
    finally:
        _CURRENT.reset(token)


@functools.cache
def catalogue(code: Language) -> gettext.NullTranslations:
    """The compiled catalogue of a language; English (no translation) if it is missing.
    Read when first needed, so a run in English never loads gettext's files."""
    import gettext

    if code == DEFAULT:
        return gettext.NullTranslations()
    folder = os.path.join(os.path.dirname(__file__), "locale")
    return gettext.translation(DOMAIN, localedir=folder, languages=[code], fallback=True)


def has_catalogue(code: Language) -> bool:
    """Whether the compiled catalogue of ``code`` is installed (English needs none)."""
    import gettext

    return code == DEFAULT or isinstance(catalogue(code), gettext.GNUTranslations)


def _(message: str) -> str:
    """``message`` in the current language."""
    code = current()
    return message if code == DEFAULT else catalogue(code).gettext(message)


def N_(message: str) -> str:
    """Marks ``message`` for translation where it is shown; returns it unchanged."""
    return message


LANGUAGE_NAMES: Final[dict[Language, str]] = {"en": N_("English"), "sv": N_("Swedish")}
"""Each language's name inside a sentence, translated where shown ("engelska")."""
assert tuple(LANGUAGE_NAMES) == tuple(LANGUAGES), "every Language has a name in a sentence"


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the current language."""
    code = current()
    if code == DEFAULT:
        return singular if count == 1 else plural
    return catalogue(code).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language where the same English word has several
    meanings (``pgettext("score", "Effort")``)."""
    code = current()
    return message if code == DEFAULT else catalogue(code).pgettext(context, message)


__all__ = [
    "DECIMAL_MARKS",
    "DEFAULT",
    "ENVIRONMENT",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "N_",
    "Language",
    "_",
    "catalogue",
    "choose",
    "current",
    "has_catalogue",
    "known",
    "language",
    "ngettext",
    "pgettext",
    "set_language",
    "system_language",
]
