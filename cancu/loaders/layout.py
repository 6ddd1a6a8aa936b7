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

ACTIONS = {"blank": " ", "tab": "\t", "join": "join"}


@cache
def _masks() -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    rows = read_rows("layout/masks.csv")
    return tuple(
        (re.compile(r["pattern"], re.M), ACTIONS[r["action"]], tuple(r["trigger"].split("|"))) for r in rows
    )


def mask_layout(folded: Folded) -> Folded:
    """``folded`` with its layout marks masked (same length; ``original`` untouched)."""
    text = folded.text
    spans: list[tuple[int, int, str]] = []
    for rx, fill, triggers in _masks():
        if any(t in text for t in triggers):
            spans.extend((m.start(), m.end(), fill) for m in rx.finditer(text) if m.end() > m.start())
    if not spans:
        return folded
    parts, pos = [], 0
    for start, end, fill in sorted(spans):
        start = max(start, pos)
        if start >= end:
            continue
        parts.append(text[pos:start])
        if fill == "join":  # a cell's words wrapped onto two lines: the line break becomes a space
            parts.append(text[start:end].replace("\n", " "))
            pos = end
            continue
        masked = "".join("\n" if c == "\n" else " " for c in text[start:end])
        parts.append(fill + masked[1:] if fill == "\t" and masked[0] != "\n" else masked)
        pos = end
    parts.append(text[pos:])
    return replace(folded, text="".join(parts))
