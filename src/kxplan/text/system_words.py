"""The words kxplan quotes from others, in kxplan's language: the TOML parser's detail
("Expected '=' after a key in a key/value pair") and the operating system's reason
("Permission denied"). A known one is translated; any other is quoted as it is.

The English messages are the parser's and the system's own, so an English line reads
as before.
"""

from __future__ import annotations

import errno
import re
from typing import Final

from kxplan.i18n import N_, _

TOML_DETAILS: Final = (
    N_("Invalid statement"),
    N_("Expected newline or end of document after a statement"),
    N_("Expected {expected}"),
    N_("Found invalid character {character}"),
    N_("Cannot declare {key} twice"),
    N_("Cannot overwrite a value"),
    N_("Expected ']' at the end of a table declaration"),
    N_("Expected ']]' at the end of an array declaration"),
    N_("Cannot mutate immutable namespace {key}"),
    N_("Cannot redefine namespace {key}"),
    N_("Expected '=' after a key in a key/value pair"),
    N_("Invalid initial character for a key part"),
    N_("Unclosed array"),
    N_("Duplicate inline table key {key}"),
    N_("Unclosed inline table"),
    N_("Unescaped '\\' in a string"),
    N_("Invalid hex value"),
    N_("Escaped character is not a Unicode scalar value"),
    N_("Unterminated string"),
    N_("Illegal character {character}"),
    N_("Invalid date or datetime"),
    N_("Invalid value"),
)
"""The details of the TOML parser's (tomli's, tomllib's) errors, with a named
placeholder for the part it fills in."""

_PLACEHOLDER: Final = re.compile(r"\\\{(\w+)\\\}")


def _pattern(message: str) -> re.Pattern[str]:
    return re.compile(_PLACEHOLDER.sub(r"(?P<\1>.+)", re.escape(message)))


_TOML_PATTERNS: Final = tuple(
    (message, _pattern(message))
    for message in sorted(TOML_DETAILS, key=lambda message: "{" in message)
)
"""Each detail and its pattern, the fixed ones first ("Expected '=' after …" before
"Expected {expected}")."""

OS_REASONS: Final[dict[int, str]] = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EEXIST: N_("File exists"),
    errno.EDQUOT: N_("Disk quota exceeded"),
    errno.EBUSY: N_("Device or resource busy"),
    errno.EIO: N_("Input/output error"),
}
"""The operating system's reasons a facilitator meets, by error number."""


def toml_detail(detail: str) -> str:
    """The TOML parser's ``detail`` in the current language, if it is a known one."""
    for message, pattern in _TOML_PATTERNS:
        found = pattern.fullmatch(detail)
        if found is not None:
            return _(message).format(**found.groupdict())
    return detail


def os_reason(error: OSError) -> str:
    """Why the operating system refused, in the current language when the reason is a
    known one; else its own words (or the error itself, when it gives none)."""
    known = OS_REASONS.get(error.errno) if error.errno is not None else None
    if known is not None:
        return _(known)
    return error.strerror or str(error)
