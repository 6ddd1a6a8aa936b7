"""Where a web page's report of a document ends and the site's appended matter begins.

A legal-news page reports a letter or notice, then closes ("Trên đây là thông tin về …") and appends the law it
quotes under question headings ("## Tết Dương lịch 2026 nghỉ mấy ngày?" over "Căn cứ theo Điều 112 Bộ luật Lao động
2019 quy định như sau: 1. …"). Those numbered clauses are the law's, not the document's directives. The cues are
data (``layout/page_tail.csv``).
"""

from __future__ import annotations

import re
from functools import cache

from cancu.loaders.fold import Folded, fuzzy_alternation
from cancu.ontology.datafiles import read_rows


@cache
def _closing() -> re.Pattern[str] | None:
    phrases = tuple(r["phrase"] for r in read_rows("layout/page_tail.csv") if r["kind"] == "closing")
    return re.compile(r"(?m)^[ \t*_#>]*(?:" + fuzzy_alternation(phrases) + r")(?![a-z])") if phrases else None


@cache
def _asks() -> bool:
    return any(r["kind"] == "question" for r in read_rows("layout/page_tail.csv"))


QUESTION_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]+[^\n]*\?[ \t*_]*$")
"""A Markdown heading that asks a question (read in the original: the folded text masks the heading marks)."""
ASKING_LINE = re.compile(r"(?m)^[^\n]*\?[ \t*_]*$")
HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+\S")


def _is_heading(folded: Folded, start: int, end: int) -> bool:
    o_start, o_end = folded.span(start, end)
    line_start = folded.original.rfind("\n", 0, o_start) + 1
    return QUESTION_HEADING.match(folded.original, line_start, o_end) is not None


def _first_heading_before(folded: Folded, pos: int) -> bool:
    """Whether the page's own first heading (its title) stands before ``pos``: a later heading is appended matter."""
    o_pos, _ = folded.span(pos, pos)
    first = HEADING.search(folded.original)
    return first is not None and first.start() < o_pos


def page_tail(folded: Folded, start: int = 0) -> int:
    """Where the page's appended matter starts after ``start`` (the end of the text when it has none)."""
    text = folded.text
    found = len(text)
    closing = _closing()
    if closing is not None and (m := closing.search(text, start)) is not None:
        found = m.start()
    if _asks():
        headings = [
            h for h in ASKING_LINE.finditer(text, start, found) if _is_heading(folded, h.start(), h.end())
        ]
        if headings and _first_heading_before(folded, headings[0].start()):
            found = headings[0].start()
        elif len(headings) > 1:
            found = headings[1].start()
    return found
