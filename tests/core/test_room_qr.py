"""The join address as a QR code in the terminal."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kxplan.room.qr import matrix, terminal_lines


def test_the_terminal_code_packs_two_module_rows_per_line_and_keeps_every_module() -> None:
    url = "http://192.168.1.20:8765/r/AbCdEfGhIjKlMnOpQrStUv/"
    rows = matrix(url)
    lines = terminal_lines(url)
    assert len(lines) == (len(rows) + 1) // 2
    assert {len(line) for line in lines} == {len(rows[0])}
    for index, line in enumerate(lines):
        for column, char in enumerate(line):
            top = rows[2 * index][column]
            bottom = rows[2 * index + 1][column] if 2 * index + 1 < len(rows) else False
            assert (
                char
                == {(False, False): "█", (True, False): "▄", (False, True): "▀", (True, True): " "}[
                    (top, bottom)
                ]
            )


def test_the_finder_patterns_sit_in_three_corners_inside_the_margin() -> None:
    # the three finder patterns sit in the corners, inside the quiet margin
    rows = matrix("http://127.0.0.1:1/r/x/")
    size = len(rows)
    for top, left in ((2, 2), (2, size - 9), (size - 9, 2)):
        ring = [rows[top][left + i] for i in range(7)]
        assert ring == [True] * 7
        assert rows[top + 1][left + 1 : left + 6] == [False] * 5


LIGHT = {"█": (True, True), "▀": (True, False), "▄": (False, True), " ": (False, False)}


@pytest.mark.skipif(
    shutil.which("zbarimg") is None, reason="no zbarimg (apt-get install zbar-tools)"
)
def test_the_code_as_the_screen_draws_it_white_on_black_decodes_to_the_address(
    tmp_path: Path,
) -> None:
    url = "http://192.168.1.20:41234/r/N2I7VGWVsYqMvrhVg-KAxw/"
    pixels: list[list[bool]] = []
    for line in terminal_lines(url):
        pixels.append([LIGHT[c][0] for c in line])
        pixels.append([LIGHT[c][1] for c in line])
    scale = 6
    image = tmp_path / "qr.pgm"
    with image.open("wb") as out:
        out.write(f"P5 {len(pixels[0]) * scale} {len(pixels) * scale} 255\n".encode())
        for row in pixels:
            line = bytes(255 if light else 0 for light in row for _ in range(scale))
            out.write(line * scale)
    result = subprocess.run(
        ["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == url
