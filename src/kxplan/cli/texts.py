"""The command line's words in kxplan's own language, click's included.

Help texts are written once, in English, marked ``N_("…")``: a command module is
imported before ``--lang`` is read (and tests run several languages in one process),
so a help text is translated when it is shown, not when its command is defined.
:class:`KxplanCommand` and :class:`KxplanOption` (through :func:`command` and
:func:`option`) translate their ``help``, ``epilog`` and ``short_help`` each time click
reads them; an :class:`Epilog` builds the end of a help page (examples, with the
command lines kept as written) in the language of the moment.

click marks its own messages ("Usage:", "Options", "No such option …") with the
standard library's ``gettext.gettext``, which reads the process's global domain and
the environment's locale, not kxplan's choice. :func:`speak_click` points those calls
at :mod:`kxplan.i18n` instead (context ``click``); the messages are listed in
:mod:`kxplan.cli.click_messages`, so the catalogue holds them like kxplan's own.
"""

from __future__ import annotations

import gettext
import importlib
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

import click

from kxplan.i18n import N_, _, ngettext, pgettext

CLICK_CONTEXT: Final = "click"
"""The message context of click's own messages in kxplan's catalogue."""

HELP_OPTION: Final = "Show this message and exit."
"""click's help of ``--help`` (:mod:`kxplan.cli.click_messages` marks it)."""

CLICK_MODULES: Final = ("core", "decorators", "exceptions", "formatting", "parser", "types")
"""click's modules whose messages a kxplan user can meet (prompts and the progress bar
are not used)."""


def translated(text: object) -> Any:
    """A help text in the current language: an :class:`Epilog` or a function built now,
    a marked message translated; None and "" as they are."""
    if isinstance(text, Epilog):
        return text.text()
    if callable(text):
        return text()
    if isinstance(text, str) and text:
        return _(text)
    return text


class Translated:
    """A text attribute click sets and reads (``help``, ``epilog``…): kept as given, read
    in the current language (:func:`translated`)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}"

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return translated(getattr(instance, self.slot, None))

    def __set__(self, instance: object, value: object) -> None:
        setattr(instance, self.slot, value)


class TranslatedHelp:
    """Translates the help, epilog, short help and usage placeholders of a command
    whenever click reads them (mixed into click's command classes)."""

    help = Translated()
    epilog = Translated()
    short_help = Translated()
    options_metavar = Translated()

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """click's ``--help``, its help in the current language (click makes the option
        once per command and keeps it)."""
        help_option = super().get_help_option(ctx)  # type: ignore[misc]
        if help_option is not None:
            help_option.help = click_gettext(HELP_OPTION)
        return help_option  # type: ignore[no-any-return]


class KxplanCommand(TranslatedHelp, click.Command):
    """A command whose help is shown in kxplan's language."""


class KxplanOption(click.Option):
    """An option whose help is shown in kxplan's language: a marked message, or a
    function that says it (for a message with placeholders)."""

    help = Translated()
    metavar = Translated()  # FILE reads FIL in Swedish

    def __init__(self, *args: Any, help: str | Callable[[], str] | None = None, **attrs: Any):
        super().__init__(*args, **attrs)
        self.help = help


class KxplanArgument(click.Argument):
    """An argument whose placeholder is shown in kxplan's language (``[TEMPLATE]`` reads
    ``[MALL]`` in Swedish): a marked message given as ``metavar``."""

    metavar = Translated()


F = TypeVar("F", bound=Callable[..., Any])


OPTIONS_METAVAR: Final = N_("[OPTIONS]")
"""The usage line's place of the options."""


def command(name: str, **attrs: Any) -> Callable[[Callable[..., Any]], click.Command]:
    """``click.command`` with help in kxplan's language (``help=N_("…")``)."""
    attrs.setdefault("options_metavar", OPTIONS_METAVAR)
    return click.command(name, cls=KxplanCommand, **attrs)


def option(*declarations: str, **attrs: Any) -> Callable[[F], F]:
    """``click.option`` with help in kxplan's language (``help=N_("…")``)."""
    return click.option(*declarations, cls=KxplanOption, **attrs)


Example = str | tuple[str, str]
"""A command line kept as written, or one with a marked description after it."""


class Block:
    """One paragraph at the end of a help page: a marked heading, lines kept as
    written (command lines) and a marked note after them. (Plain classes, not
    dataclasses: every command pays for importing this module.)"""

    __slots__ = ("heading", "lines", "note")

    def __init__(self, heading: str, lines: Sequence[Example] = (), note: str = "") -> None:
        self.heading = heading
        self.lines = lines
        self.note = note


class Epilog:
    """The end of a help page, built in the language it is shown in."""

    __slots__ = ("blocks",)

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = blocks

    def text(self) -> str:
        paragraphs = []
        for block in self.blocks:
            lines = [_(block.heading)] if block.heading else []
            for line in block.lines:
                if isinstance(line, tuple):
                    shown, description = line
                    lines.append(f"  {shown}   ({_(description)})")
                else:
                    lines.append(f"  {line}")
            if block.note:
                lines.append(_(block.note))
            paragraphs.append("\b\n" + "\n".join(lines))
        return "\n\n".join(paragraphs)

    def __add__(self, other: Epilog) -> Epilog:
        return Epilog((*self.blocks, *other.blocks))


EXAMPLES: Final = N_("Examples:")


def examples(*lines: Example, heading: str = EXAMPLES) -> Epilog:
    """The end of a command's help: example command lines, kept as written, under a
    marked heading ("Examples:")."""
    return Epilog((Block(heading, lines),))


def click_gettext(message: str) -> str:
    """One of click's messages in kxplan's current language."""
    return pgettext(CLICK_CONTEXT, message)


TYPE_CONTEXT: Final = "click type"
"""The message context of click's parameter types' names in kxplan's catalogue."""


class TypeName:
    """A click parameter type's name (``integer``), read in the current language: click
    puts it in its messages ("… is not a valid integer.") and, in capitals, in the help
    as the placeholder of a value (INTEGER). An instance's own name (set in
    ``__init__``) still wins: this is a non-data descriptor."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return pgettext(TYPE_CONTEXT, self.name)


class PathName:
    """``click.Path``'s name ("file", "directory" or "path"), which click sets when the
    option is declared (before ``--lang`` is read), read in the current language. A data
    descriptor: it wins over the name kept in the instance."""

    NAMES: Final = ("file", "directory", "path")

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        name = vars(instance).get("name", "path")
        return click_gettext(name) if name in self.NAMES else name

    def __set__(self, instance: object, value: str) -> None:
        # kept in English: an option declared while another language is spoken
        english = {click_gettext(name): name for name in self.NAMES}
        vars(instance)["name"] = english.get(value, value)


def speak_click() -> None:
    """Make click say its own messages through kxplan's catalogue, its type names
    included. A click that no longer reads them with ``gettext`` is left as it is (its
    messages stay English)."""
    from kxplan.cli.click_messages import TYPE_NAMES

    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if getattr(module, "_", None) in (gettext.gettext, click_gettext):
            module._ = click_gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) in (gettext.ngettext, ngettext):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    for kind in vars(click.types).values():
        if isinstance(kind, type) and issubclass(kind, click.ParamType):
            said = kind.__dict__.get("name")
            if isinstance(said, str) and said in TYPE_NAMES:
                kind.name = TypeName(said)  # type: ignore[assignment]
    if not isinstance(vars(click.Path).get("name"), PathName):
        click.Path.name = PathName()  # type: ignore[assignment]
