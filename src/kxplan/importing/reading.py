"""A CSV file as a spreadsheet or a contact-centre system writes it: decoded, its
separator sniffed, its rows with the line each starts on.

Excel and LibreOffice with Swedish settings write ``;`` between cells, often UTF-8
with a byte-order mark, sometimes Windows-1252; Excel's "Unicode text" is UTF-16
with tabs; others write ``,`` or tabs. The text is read as given, else as UTF-8
(with or without the mark), else as UTF-16 (with its mark, or zeros between ASCII
letters), else as Windows-1252 (Latin-1 for the bytes it lacks).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from typing import Final, NamedTuple

from kxplan.i18n import _

SEPARATORS: Final[dict[str, str]] = {"comma": ",", "semicolon": ";", "tab": "\t"}
"""The separators a file may use, by name (as ``--delimiter`` takes them)."""

_QUOTED: Final = re.compile(r'"(?:[^"]|"")*"')


class ImportFailed(Exception):
    """The file as a whole cannot be imported: unreadable, empty, headers that do not
    say what it holds. ``str()`` is one line naming the file."""

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


class KindUnknown(ImportFailed):
    """The headers do not say what the file holds: the caller asks the user to say
    (the CLI with ``--kind``, the app in its form)."""

    def __init__(self, source: str, headers: tuple[str, ...]) -> None:
        self.headers = headers
        super().__init__(
            source,
            _(
                "cannot tell from the headers ({headers}) what the file holds: "
                "initiatives, contact reasons or KPI readings; say which "
                "(kxplan import --kind)"
            ).format(headers=", ".join(headers)),
        )

    def in_form(self) -> str:
        """The message for the app, where the kind is picked in the form."""
        return _(
            "{file}: cannot tell from the headers ({headers}) what the file holds; "
            "pick initiatives, contact reasons or KPI readings under “It holds”"
        ).format(file=self.source, headers=", ".join(self.headers))


class CsvRow(NamedTuple):
    """One record of the file and the line it starts on (1-based; the header is 1)."""

    line: int
    cells: tuple[str, ...]


class CsvTable(NamedTuple):
    """A CSV file read: its header, its non-blank rows, and how it was read."""

    source: str
    header: tuple[str, ...]
    rows: tuple[CsvRow, ...]
    delimiter: str
    encoding: str


def decode(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """The file's text and the encoding it was read in. ImportFailed when ``encoding`` is
    unknown or not a text encoding, or does not fit the bytes; a file that starts with
    UTF-8's byte-order mark is UTF-8, and a byte that is not is refused by its place."""
    if encoding is not None:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            info = None
        if info is None or not getattr(info, "_is_text_encoding", True):
            raise ImportFailed(
                source, _("unknown encoding {encoding!r}").format(encoding=encoding)
            ) from None
        name = info.name
        if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
            name = "utf-8-sig"
        return _decoded(data, source, name, encoding), name
    if data.startswith(codecs.BOM_UTF8):
        return _decoded(data, source, "utf-8-sig", "UTF-8"), "utf-8-sig"
    if wide := _utf16(data):
        try:
            return data.decode(wide), wide
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _decoded(data: bytes, source: str, name: str, said: str) -> str:
    """``data`` read as ``name``; ImportFailed naming the line and column of the first
    byte that does not fit (``said`` is the encoding as the user knows it)."""
    skipped = (
        len(codecs.BOM_UTF8) if name == "utf-8-sig" and data.startswith(codecs.BOM_UTF8) else 0
    )
    try:
        return data[skipped:].decode("utf-8" if skipped else name)
    except UnicodeDecodeError as error:
        start = error.start + skipped
        line = data.count(b"\n", 0, start) + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        raise ImportFailed(
            source,
            _("line {line}, column {column}: byte {byte} cannot be read as {encoding}").format(
                line=line, column=column, byte=hex(data[start]), encoding=said
            ),
        ) from None
    except (UnicodeError, LookupError, TypeError) as error:  # codecs that refuse bytes
        raise ImportFailed(
            source,
            _("cannot be read as {encoding}: {reason}").format(encoding=said, reason=error),
        ) from None


def _utf16(data: bytes) -> str:
    """ "utf-16" when the file starts with UTF-16's byte-order mark (FF FE or FE FF, as
    Excel's "Unicode text" writes), "utf-16-le"/"-be" when every other byte of its start
    is a zero (UTF-16 without the mark); "" otherwise."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    start = data[:200]
    if len(start) >= 4 and len(start) % 2 == 0:
        if not any(start[1::2]) and all(start[0::2]):
            return "utf-16-le"
        if not any(start[0::2]) and all(start[1::2]):
            return "utf-16-be"
    return ""


def sniff(text: str) -> str:
    """The separator of the header line: the one of ``;``, tab and ``,`` it holds most
    (outside quotes); ``,`` when it holds none."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    bare = _QUOTED.sub("", first)
    counts = {mark: bare.count(mark) for mark in (";", "\t", ",")}
    best = max(counts, key=lambda mark: counts[mark])
    return best if counts[best] else ","


def read_table(
    data: bytes, source: str, *, delimiter: str | None = None, encoding: str | None = None
) -> CsvTable:
    """The file's header and rows; ImportFailed when it is empty or not CSV."""
    text, used = decode(data, source, encoding)
    mark = delimiter or sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=mark, strict=True)
    records: list[CsvRow] = []
    header: tuple[str, ...] | None = None
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = tuple(cell.strip() for cell in cells)
            else:
                records.append(CsvRow(line, tuple(cells)))
    except csv.Error as error:
        raise ImportFailed(
            source,
            _("line {line}: not CSV as expected: {error}").format(line=start, error=error),
        ) from None
    if header is None:
        raise ImportFailed(source, _("is empty; expected a header line and rows"))
    return CsvTable(source, header, tuple(records), mark, used)
