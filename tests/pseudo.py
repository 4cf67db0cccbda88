"""A pseudo-language for the tests: every translated message comes back marked.

Inside :func:`pseudo_language` each message that went through :mod:`kxplan.i18n`
reads ``⟦like this⟧``; text outside the marks was never offered for translation.
:func:`unmarked` lists those words, so a test that renders a screen, a command's output
or a document can say which strings a translator would never see::

    with pseudo_language():
        text = render(...)
    assert unmarked(text, allowed=PLAN_WORDS) == []

The decimal mark and other language-dependent formats follow ``sv`` meanwhile, so the
run also shows what a Swedish reader would get besides the words.
"""

from __future__ import annotations

import contextlib
import gettext
import re
from collections.abc import Iterable, Iterator
from unittest import mock

from kxplan import i18n

OPEN, CLOSE = "⟦", "⟧"
_INNERMOST = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_WORD = re.compile(r"[^\W\d_]{2,}")

ALWAYS_ALLOWED = frozenset({"kxplan", "CSAT", "NPS", "CES", "FCR", "RICE", "ICE", "WSJF", "TOML"})
"""Names that read the same in every language."""


class PseudoTranslations(gettext.NullTranslations):
    """Returns every message marked, in the form the source chose (singular/plural)."""

    def gettext(self, message: str) -> str:
        return f"{OPEN}{message}{CLOSE}"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"{OPEN}{msgid1 if n == 1 else msgid2}{CLOSE}"

    def pgettext(self, context: str, message: str) -> str:
        return f"{OPEN}{message}{CLOSE}"

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self.ngettext(msgid1, msgid2, n)


@contextlib.contextmanager
def pseudo_language() -> Iterator[None]:
    """Translate into the pseudo-language (with Swedish number formats) inside the block."""
    pseudo = PseudoTranslations()
    with (
        mock.patch.object(i18n, "catalogue", return_value=pseudo),
        mock.patch.object(i18n, "DEFAULT", "pseudo"),  # English, too, asks the catalogue
        i18n.language("sv"),
    ):
        yield


def unmarked(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The words of ``text`` outside every ``⟦…⟧`` mark, less ``allowed`` ones, in order."""
    while True:
        stripped = _INNERMOST.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    keep = ALWAYS_ALLOWED | set(allowed)
    return [word for word in _WORD.findall(text) if word not in keep]
