"""Layout marks masked out of the folded text: Markdown emphasis and headings, "|" table cells of
legal-database pages and converters.

Real documents reach cancu through converters and web pages that wrap the official layout
(NĐ 30/2020/NĐ-CP, Phụ lục I) in marks of their own: ``**QUYẾT ĐỊNH**``, ``ỦY BAN NHÂN DÂN | CỘNG HÒA …``.
The matchers read the official layout; this stage turns the marks into what they stand for (nothing,
or a cell boundary written as a tab, as the .docx reader writes table cells). Masking replaces
characters one for one, so the original text and every span stay exact. The marks are data
(``ontology/data/layout/masks.csv``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from cancu.loaders.fold import Folded
from cancu.ontology.datafiles import read_rows

ACTIONS = {"blank": " ", "tab": "\t"}


@cache
def _masks() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(r["pattern"], re.M), ACTIONS[r["action"]]) for r in read_rows("layout/masks.csv")
    )


def _cheap_skip(text: str) -> bool:
    """No mark can match: the usual plain text pays one scan per character class."""
    return "*" not in text and "_" not in text and "#" not in text and "|" not in text and "---" not in text


def mask_layout(folded: Folded) -> Folded:
    """``folded`` with its layout marks masked (same length; ``original`` untouched)."""
    text = folded.text
    if _cheap_skip(text):
        return folded
    chars = None
    for rx, fill in _masks():
        for m in rx.finditer(text if chars is None else "".join(chars)):
            if m.end() == m.start():
                continue
            if chars is None:
                chars = list(text)
            for i in range(m.start(), m.end()):
                if chars[i] != "\n":
                    chars[i] = fill if fill == " " or i == m.start() else " "
    if chars is None:
        return folded
    return replace(folded, text="".join(chars))
