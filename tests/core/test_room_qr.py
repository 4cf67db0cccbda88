"""The join address as a QR code in the terminal."""

from __future__ import annotations

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
