"""Rows of a table whose cells are tab-separated (the .docx reader, masked "|" cells, OCR layout)."""

from __future__ import annotations

import re

ROW_START = re.compile(r"\s*(?:(\d{1,3})|[ivxl]{1,5})[.)]?\s*\t")


def _starts_next_row(text: str, pos: int, number: int | None) -> bool:
    """A numbered line opens the next row only when its number follows the current row's (or restarts at 1,
    or is a group's Roman numeral): "Đề án\n06\tCục …" wraps a cell, it is no row 06 after row 2."""
    m = ROW_START.match(text, pos)
    if m is None:
        return False
    if m.group(1) is None or number is None:
        return True
    return int(m.group(1)) in (number + 1, 1)


HEADER_START = re.compile(r"[ \t*_]*(?:stt|tt|so tt)[ \t*_.]*\t", re.IGNORECASE)


def _opens_a_row(text: str, pos: int) -> bool:
    """A line that opens a row of its own: a row's number or the header's "STT" cell (a bare cell mark before it is
    the page's row separator; before other words it is an empty first cell)."""
    return bool(ROW_START.match(text, pos) or HEADER_START.match(text, pos))


def _numbered_row_width(text: str, lines: list[tuple[int, int, int]]) -> int:
    """The most tabs from one numbered row's first line to the next's (row n to row n + 1): a legal-database
    page prints each cell between "|" lines, so no single line holds a whole row ("1 | Đẩy nhanh … | Các Cục:
    … | …"). Lines that are only a cell mark (the "|" between rows) do not count; a stretch that does not end
    at the next row's number (a repeated header "1 2 3 4", a group label) measures nothing."""
    widest = tabs = 0
    number: int | None = None
    for start, end, n in lines:
        opened = ROW_START.match(text, start, end + 1) if n else None
        if opened is not None:
            here = int(opened.group(1)) if opened.group(1) else None
            if number is not None and here == number + 1:
                widest = max(widest, tabs)
            number, tabs = here, 0
        if text[start:end].strip():
            tabs += n
    return widest


_last: tuple[str, tuple[tuple[int, int], ...]] | None = None
"""The last text's rows: the targets, the tasks and the reporting lines each read the rows of one text."""


def logical_rows(text: str) -> list[tuple[int, int]]:
    """(start, end) of each table row of a text whose cells are tab-separated, one row a line —
    or several, when OCR or a PDF's text layer wrapped a row ("1\tRà soát, hệ\nthống hóa ...\tPhòng
    Tư\npháp\t..."). A table's width is the most tabs on one of its lines; a row short of it takes
    the following lines, tabbed or not, until it is full or a numbered row starts."""
    global _last
    if _last is not None and _last[0] is text:
        return list(_last[1])
    rows = _logical_rows(text)
    _last = (text, tuple(rows))
    return rows


def _logical_rows(text: str) -> list[tuple[int, int]]:
    if "\t" not in text:
        return []  # no table (most plans): no need to walk the lines
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line.count("\t")))
        pos += len(line) + 1
    rows: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i][2] == 0:
            i += 1
            continue
        j = i  # the table: tabbed lines and the untabbed non-empty lines between them
        while j + 1 < len(lines) and (lines[j + 1][2] or text[lines[j + 1][0] : lines[j + 1][1]].strip()):
            j += 1
        while lines[j][2] == 0:
            j -= 1
        width = max(max(t for _, _, t in lines[i : j + 1]), _numbered_row_width(text, lines[i : j + 1]))
        k = i
        while k <= j:
            start, end, tabs = lines[k]
            if (
                tabs == 0
                or not text[start:end].strip()
                and k + 1 <= j
                and _opens_a_row(text, lines[k + 1][0])
            ):
                k += 1  # no cell, or only the cell mark a page prints between two rows ("|" before "1 |" or "STT |")
                continue
            opened = ROW_START.match(text, start, end + 1)  # on the row's own first line
            number = int(opened.group(1)) if opened and opened.group(1) else None
            while tabs < width and k + 1 <= j:
                nxt_start, nxt_end, nxt_tabs = lines[k + 1]
                if tabs + nxt_tabs > width or nxt_tabs and _starts_next_row(text, nxt_start, number):
                    break
                k += 1
                end, tabs = nxt_end, tabs + nxt_tabs
            rows.append((start, end))
            k += 1
        i = j + 1
    return rows
