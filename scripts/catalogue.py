"""Keep the translation catalogues in step with the code (a developer's tool).

The messages are found in ``src/kxplan`` by Babel's extractor: every ``_("…")``,
``N_("…")``, ``ngettext("…", "…", n)`` and ``pgettext("context", "…")``, plus the
framework's vocabulary (translated by context, see ``kxplan.framework.terms``).
Usage::

    python scripts/catalogue.py check          # exit 1 if a message has no translation
    python scripts/catalogue.py missing        # the missing entries as .po text to fill in
    python scripts/catalogue.py update         # rewrite each .po in the code's order

``update`` keeps every translation, adds the new messages untranslated and keeps the
ones the code no longer uses as obsolete (``#~``) entries, so nothing is lost.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "kxplan"
LOCALE = SOURCE / "i18n" / "locale"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
"""The marking functions of :mod:`kxplan.i18n` and where their messages sit."""

MessageKey = tuple[str, str | None]
"""A message by its (first) msgid and its context."""


def vocabulary_messages() -> Iterator[tuple[str, str]]:
    """(context, text) of every word of the framework's vocabulary."""
    sys.path.insert(0, str(ROOT / "src"))
    from kxplan.framework import vocabulary

    for value in vars(vocabulary).values():
        if isinstance(value, vocabulary.Vocabulary):
            for term in value:
                for name in ("label", "plural", "short", "advice"):
                    text = getattr(term, name, "")
                    if text:
                        yield value.name, text


def template() -> Catalog:
    """Every message the code and the vocabulary hold, in the code's order."""
    catalog = Catalog(project="kxplan", domain="kxplan")
    for context, text in vocabulary_messages():
        catalog.add(text, context=context, locations=[("kxplan/framework/vocabulary.py", 0)])
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
    ):
        if not message or (isinstance(message, tuple) and not all(message)):
            continue
        catalog.add(
            message,
            locations=[(f"kxplan/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def catalogues() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/kxplan.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=path.parts[-3])


def key(message: Message) -> MessageKey:
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return msgid, message.context


def untranslated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return message.fuzzy or not all(strings)


def missing(wanted: Catalog, have: Catalog) -> list[Message]:
    """The messages ``wanted`` holds that ``have`` lacks or leaves untranslated."""
    found = {key(message): message for message in have if message.id}
    return [
        message
        for message in wanted
        if message.id and (key(message) not in found or untranslated(found[key(message)]))
    ]


def entry(message: Message) -> str:
    """A message as the .po text to append and fill in."""
    lines = [f"#: {path}:{line}" for path, line in message.locations[:1]]
    if message.context:
        lines.append(f'msgctxt "{escape(message.context)}"')
    if isinstance(message.id, tuple):
        lines += [f'msgid "{escape(message.id[0])}"', f'msgid_plural "{escape(message.id[1])}"']
        lines += ['msgstr[0] ""', 'msgstr[1] ""']
    else:
        lines += [f'msgid "{escape(message.id)}"', 'msgstr ""']
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "missing", "update"])
    args = parser.parse_args()
    wanted = template()
    status = 0
    for path in catalogues():
        have = read(path)
        lacking = missing(wanted, have)
        if args.command == "check":
            for message in lacking:
                print(f"{path.relative_to(ROOT)}: no translation of {key(message)[0]!r}")
            status = status or int(bool(lacking))
        elif args.command == "missing":
            print(f"# {path.relative_to(ROOT)}: {len(lacking)} to translate\n")
            print("\n".join(entry(message) for message in lacking))
        else:
            have.update(wanted, no_fuzzy_matching=True)
            with path.open("wb") as file:
                write_po(file, have, width=88, sort_output=False, include_previous=False)
            print(f"{path.relative_to(ROOT)}: {len(lacking)} untranslated")
    return status


if __name__ == "__main__":
    sys.exit(main())
