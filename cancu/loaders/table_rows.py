"""Rows of a table whose cells are tab-separated (the .docx reader, masked "|" cells, OCR layout)."""

from __future__ import annotations

import re

ROW_START = re.compile(r"\s*(?:\d{1,3}|[ivxl]{1,5})[.)]?\s*\t")


def logical_rows(text: str) -> list[tuple[int, int]]:
    """(start, end) of each table row of a text whose cells are tab-separated, one row a line —
    or several, when OCR or a PDF's text layer wrapped a row ("1\tRà soát, hệ\nthống hóa ...\tPhòng
    Tư\npháp\t..."). A table's width is the most tabs on one of its lines; a row short of it takes
    the following lines, tabbed or not, until it is full or a numbered row starts."""
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
        width = max(t for _, _, t in lines[i : j + 1])
        k = i
        while k <= j:
            start, end, tabs = lines[k]
            if tabs == 0:
                k += 1
                continue
            while tabs < width and k + 1 <= j:
                nxt_start, nxt_end, nxt_tabs = lines[k + 1]
                if tabs + nxt_tabs > width or ROW_START.match(text, nxt_start) and nxt_tabs:
                    break
                k += 1
                end, tabs = nxt_end, tabs + nxt_tabs
            rows.append((start, end))
            k += 1
        i = j + 1
    return rows
