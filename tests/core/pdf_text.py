"""Just enough of PDF for the print test: the pages of a file Chromium printed, each
page's size and its text, read through the fonts' ToUnicode maps.

No PDF library is a dependency of kxplan; Chromium (Skia) writes plain objects, Flate
streams and hex glyph strings with a ToUnicode CMap per font, which is all this reads.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_REF = rb"(\d+) 0 R"


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    text: str


def _objects(data: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(data)}


def _stream(body: bytes) -> bytes:
    match = _STREAM.search(body)
    if match is None:
        return b""
    raw = match.group(1)
    if b"/FlateDecode" not in body[: match.start()]:
        return raw
    return zlib.decompressobj().decompress(raw)  # tolerant of a trailing newline


def _cmap(data: bytes) -> dict[int, str]:
    """Glyph code → text, from a ToUnicode CMap's bfchar and bfrange sections."""
    found: dict[int, str] = {}
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section):
            found[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, start in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section
        ):
            first = int(start, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                found[code] = chr(first + offset)
    return found


def _text(content: bytes, fonts: dict[bytes, tuple[dict[int, str], int]]) -> str:
    """The text a content stream shows, a line per text object."""
    out: list[str] = []
    font: tuple[dict[int, str], int] = ({}, 2)
    for match in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|(ET)", content):
        if match.group(1) is not None:
            font = fonts.get(match.group(1), ({}, 2))
        elif match.group(2) is not None:
            codes, width = font
            hexes = match.group(2).decode()
            step = 2 * width
            out.append(
                "".join(
                    codes.get(int(hexes[i : i + step], 16), "") for i in range(0, len(hexes), step)
                )
            )
        else:
            out.append("\n")
    return "".join(out)


def pages(data: bytes) -> list[Page]:
    """Every page of a PDF Chromium wrote, in order: size in points and text."""
    objects = _objects(data)
    found: list[Page] = []
    kids: list[int] = []
    for body in objects.values():  # the page tree's leaves, in order
        if re.search(rb"/Type\s*/Pages\b", body) and b"/Parent" not in body:
            kids = _leaves(objects, body)
    for number in kids:
        body = objects[number]
        box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]*)\]", body).group(1).split()]  # type: ignore[union-attr]
        fonts: dict[bytes, tuple[dict[int, str], int]] = {}
        font_dict = re.search(rb"/Font\s*<<(.*?)>>", body, re.S)
        for name, ref in re.findall(rb"/(\w+)\s+" + _REF, font_dict.group(1) if font_dict else b""):
            font = objects[int(ref)]
            unicode = re.search(rb"/ToUnicode\s+" + _REF, font)
            codes = _cmap(_stream(objects[int(unicode.group(1))])) if unicode else {}
            width = 2 if b"/Type0" in font else 1
            fonts[name] = (codes, width)
        contents = re.search(rb"/Contents\s+" + _REF, body)
        stream = _stream(objects[int(contents.group(1))]) if contents else b""
        found.append(Page(box[2] - box[0], box[3] - box[1], _text(stream, fonts)))
    return found


def _leaves(objects: dict[int, bytes], body: bytes) -> list[int]:
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body)
    leaves: list[int] = []
    for ref in re.findall(_REF, kids.group(1) if kids else b""):
        child = objects[int(ref)]
        if re.search(rb"/Type\s*/Pages\b", child):
            leaves += _leaves(objects, child)
        else:
            leaves.append(int(ref))
    return leaves
