"""Page geometry for OCR: straighten a scan, and find ruled tables so their rows stay rows.

Why: a task table read as running text loses which agency leads which task
(Tesseract reads a row's cells as one line, and a wrapped cell over several).
A ruled table is found from its lines; the page's words are then put into
the cells that hold them, and each table row becomes one line of cells joined
by TAB, the layout the .docx and .doc readers give and the table reader
expects. The rulings are painted out before OCR, so they are never read as
"|" or "—".

- Skew: the angle (±3°, 0.1° steps) whose rotation makes the rows of ink
  sharpest (the variance of the row sums of a downscaled page is largest).
- Rulings: pixel rows with unbroken runs of ink over a third of the page's
  width are horizontal rules; within each band between two rules, pixel columns inked over most of
  the band's height are the cell borders of that row (so merged cells work).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: a pixel is ink under this grey level
INK = 140
#: a horizontal rule is inked over this share of the page's width
RULE_SHARE = 0.35
#: ... counting only ink in unbroken runs this long (letters never make one)
RUN_PX = 100
#: a table row is at least this tall (one line of small text and its padding)
MIN_ROW_PX = 24
#: a cell border is inked over this share of its row band's height
BORDER_SHARE = 0.85
#: rules closer than this many pixels are one rule (a thick or blurred line)
MERGE_PX = 6
MAX_SKEW, SKEW_STEP = 3.0, 0.1


@dataclass
class Row:
    top: int
    bottom: int
    #: (left, right) of each cell, left to right
    cells: list[tuple[int, int]]


def deskew(gray):
    """The page rotated so its lines of text are level (white where the rotation uncovers)."""
    from PIL import Image

    small = gray.resize((max(1, gray.width // 3), max(1, gray.height // 3)))
    ink = Image.fromarray(((np.asarray(small) < INK) * 255).astype(np.uint8))
    best, best_angle = -1.0, 0.0
    for angle in np.arange(-MAX_SKEW, MAX_SKEW + SKEW_STEP / 2, SKEW_STEP):
        rows = np.asarray(ink.rotate(float(angle), resample=Image.Resampling.NEAREST)).sum(axis=1)
        score = float(np.var(rows))
        if score > best:
            best, best_angle = score, float(angle)
    if abs(best_angle) < SKEW_STEP / 2:
        return gray
    return gray.rotate(best_angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def table_rows(gray) -> list[Row]:
    """Rows of the ruled tables on the page, top to bottom."""
    ink = np.asarray(gray) < INK
    height, width = ink.shape
    rules = _runs(np.flatnonzero(_long_runs(ink).sum(axis=1) > RULE_SHARE * width))
    rows: list[Row] = []
    for (_, top), (bottom, _) in zip(rules, rules[1:], strict=False):
        if bottom - top < MIN_ROW_PX:
            continue
        band = ink[top:bottom]
        borders = _runs(np.flatnonzero(band.sum(axis=0) > BORDER_SHARE * (bottom - top)))
        if len(borders) < 3:  # two rules with no cells between them: not a table row
            continue
        cells = [
            (left_end, right_start)
            for (_, left_end), (right_start, _) in zip(borders, borders[1:], strict=False)
        ]
        rows.append(Row(top, bottom, cells))
    return rows


def _long_runs(ink):
    """Where each pixel row has ink for RUN_PX pixels in a row (a ruled line, never letters)."""
    sums = np.cumsum(ink, axis=1, dtype=np.int32)
    window = sums[:, RUN_PX:] - sums[:, :-RUN_PX]
    return window >= RUN_PX


def erase_rules(gray, rows: list[Row]):
    """A copy of the page with the table rules and borders painted white."""
    from PIL import ImageDraw

    page = gray.copy()
    draw = ImageDraw.Draw(page)
    for row in rows:
        left, right = row.cells[0][0], row.cells[-1][1]
        for y in (row.top, row.bottom):
            draw.rectangle((left - 8, y - 4, right + 8, y + 4), fill=255)
        for x in [row.cells[0][0], *(r for _, r in row.cells)]:
            draw.rectangle((x - 4, row.top - 4, x + 4, row.bottom + 4), fill=255)
    return page


def _runs(indexes) -> list[tuple[int, int]]:
    """(first, last) of each run of indexes no more than MERGE_PX apart."""
    runs: list[tuple[int, int]] = []
    for i in indexes.tolist():
        if runs and i - runs[-1][1] <= MERGE_PX:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
