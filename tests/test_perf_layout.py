"""The per-text shortcuts of layout, table rows and masthead cells give what the plain forms give."""

from __future__ import annotations

import pytest

from cancu.loaders import layout, masthead, table_rows
from cancu.loaders.fold import finditer_from, fold

TEXTS = [
    "**QUYET DINH** va *Don vi chu tri: *So Tu phap, a * b, **x**y, __ten__ *",
    "uy ban nhan dan | cong hoa xa hoi\n|\n1 | viec | so noi vu |\n|",
    "*\n**\n***\n_*_ * *a* **",
    "",
]


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"\*\*(?<![*_]\*\*)(?![*_])|__(?<![*_]__)(?![*_])", ("*", "_")),
        (r"(?<=[^*\s])\*(?!\*)|(?<!\*)\*(?=[^\s*])", ("*",)),
        (r"\|(?<![^ \t\n]\|)(?=[ \t\n]|$)", ("|",)),
        (r"^[ \t]*\|[ \t]*$", None),  # may start with a blank
        (r"(?s)ban dich nay.{0,5}", None),  # a letter: the engine skips to it itself
        (r"\**x", None),  # may start with "x"
        (r"(?i)\*a", None),
        (r"(?=\*)", None),  # empty
    ],
)
def test_first_chars(pattern, first):
    assert layout._first_chars(pattern) == first


@pytest.mark.parametrize("text", TEXTS)
def test_masks_found_from_their_first_marks(text):
    for rx, _, _, first in layout._masks():
        if first:
            got = [m.span() for m in finditer_from(rx, text, first)]
            assert got == [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize("text", ["1\tRa soat\tPhong\n2\tViec\tSo\n", "no table", "a\tb\nc\n\n3\td\te\n"])
def test_logical_rows_once_per_text(text):
    first = table_rows.logical_rows(text)
    first.append((-1, -1))  # a caller's change does not reach the next caller
    assert table_rows.logical_rows(text) == table_rows._logical_rows(text)


def test_column_cells_once_per_text():
    folded = fold("UY BAN NHAN DAN\nTINH DONG NAI\nSo: 12/KH-UBND\nKE HOACH\n")
    cells = masthead.column_cells(folded, len(folded.text))
    cells.append((-1, -1))
    assert masthead.column_cells(folded, len(folded.text)) == masthead._column_cells(folded, len(folded.text))
