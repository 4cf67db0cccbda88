"""click's own messages that a kxplan user can meet, marked for kxplan's catalogue.

click says these through ``gettext`` (:func:`kxplan.cli.texts.speak_click` sends them
to kxplan's catalogue, context ``click``). They are listed here so that the catalogue
tools find them in kxplan's source and the catalogue test asks for their Swedish;
``tests/cli/test_cli_language.py`` checks the list against the installed click.
Messages only a programmer meets (a wrong option declaration) stay English.
"""

from __future__ import annotations

from typing import Final

from kxplan.i18n import ngettext, pgettext

TYPE_NAMES: Final = (
    "text",
    "integer",
    "integer range",
    "float",
    "float range",
    "boolean",
    "uuid",
    "filename",
)
"""click's parameter types whose names kxplan translates (:func:`type_names`)."""


def type_names() -> tuple[str, ...]:
    """The names of click's parameter types in the current language: in click's
    messages ("… is not a valid integer.") and, in capitals, as a value's placeholder
    in the help (INTEGER). Listed here for the catalogue tools; the order of
    :data:`TYPE_NAMES`."""
    return (
        pgettext("click type", "text"),
        pgettext("click type", "integer"),
        pgettext("click type", "integer range"),
        pgettext("click type", "float"),
        pgettext("click type", "float range"),
        pgettext("click type", "boolean"),
        pgettext("click type", "uuid"),
        pgettext("click type", "filename"),
    )


def marked() -> tuple[str, ...]:
    """Every message listed, in the current language (the tests read them)."""
    return (
        pgettext("click", "Usage:"),
        pgettext("click", "Options"),
        pgettext("click", "Commands"),
        pgettext("click", "Positional arguments"),
        pgettext("click", "Show this message and exit."),
        pgettext("click", "Show the version and exit."),
        pgettext("click", "%(prog)s, version %(version)s"),
        pgettext("click", "default: {default}"),
        pgettext("click", "env var: {var}"),
        pgettext("click", "(dynamic)"),
        pgettext("click", "deprecated"),
        pgettext("click", "Aborted!"),
        pgettext("click", "Error: {message}"),
        pgettext("click", "Try '{command} {option}' for help."),
        pgettext("click", "Invalid value: {message}"),
        pgettext("click", "Invalid value for {param_hint}: {message}"),
        pgettext("click", "Missing argument"),
        pgettext("click", "Missing option"),
        pgettext("click", "Missing parameter"),
        pgettext("click", "Missing {param_type}"),
        pgettext("click", "Missing parameter: {param_name}"),
        pgettext("click", "Missing command."),
        pgettext("click", "No such option {name!r}."),
        pgettext("click", "No such command {name!r}."),
        pgettext("click", "unknown error"),
        pgettext("click", "Could not open file {filename!r}: {message}"),
        pgettext("click", "Option {name!r} does not take a value."),
        pgettext("click", "Argument {name!r} takes {nargs} values."),
        pgettext("click", "Invalid start character for option ({option})"),
        pgettext("click", "Choose from:\n\t{choices}"),
        pgettext("click", "Choice({choices})"),
        pgettext("click", "{value!r} is not a valid {number_type}."),
        pgettext("click", "{value} is not in the range {range}."),
        pgettext("click", "{value!r} is not a valid boolean. Recognized values: {states}"),
        pgettext("click", "{value!r} is not a valid UUID."),
        pgettext("click", "file"),
        pgettext("click", "directory"),
        pgettext("click", "path"),
        pgettext("click", "{name} {filename!r} does not exist."),
        pgettext("click", "{name} {filename!r} is a file."),
        pgettext("click", "{name} {filename!r} is a directory."),
        pgettext("click", "{name} {filename!r} is not readable."),
        pgettext("click", "{name} {filename!r} is not writable."),
        pgettext("click", "{name} {filename!r} is not executable."),
        pgettext("click", "Value must be an iterable."),
        ngettext(
            "Got unexpected extra argument ({args})",
            "Got unexpected extra arguments ({args})",
            2,
        ),
        ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 2),
        ngettext(
            "Option {name!r} requires an argument.",
            "Option {name!r} requires {nargs} arguments.",
            2,
        ),
        ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 2),
        ngettext(
            "{value!r} does not match the format {format}.",
            "{value!r} does not match the formats {formats}.",
            2,
        ),
        ngettext(
            "Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given.", 2
        ),
        ngettext(
            "{len_type} values are required, but {len_value} was given.",
            "{len_type} values are required, but {len_value} were given.",
            2,
        ),
    )
