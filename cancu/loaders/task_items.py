"""Items of a task section that are not tasks: labels and noun lists.

A bullet list of tasks carries two kinds of item that ask for nothing: a label that heads the items under
it ("- Đối với cơ quan hành chính", then "+ Tiếp tục triển khai rà soát …"), and the items that list the
objects of the bullet above ("- Cụ thể hóa các thể chế … như:", then "+ Thể chế về sở hữu tài sản …").
The phrases are data (``layout/item_labels.csv``).
"""

from __future__ import annotations

import re
from functools import cache

from cancu.loaders.fold import fuzzy_alternation
from cancu.ontology.datafiles import read_rows

LABEL_WORDS = 8
"""The longest a label's noun phrase is ("Đối với các đơn vị sự nghiệp công lập"); a longer item says more
("Đối với các sở, ban, ngành báo cáo theo phụ lục 1")."""


@cache
def _phrases(kind: str) -> re.Pattern[str]:
    rows = [r["phrase"] for r in read_rows("layout/item_labels.csv") if r["kind"] == kind]
    return re.compile(r"[ \t*_]*(?:" + fuzzy_alternation(tuple(rows)) + r")(?![a-z])")


VERB_AFTER = re.compile(r"\s+(?:hoa|hóa)(?![a-z])")
"""A noun head made a verb by the word after it ("hệ thống hóa")."""


def not_a_task(text: str, start: int, end: int, marker: str) -> bool:
    """Is the item at folded ``text[start:end]`` (its mark excluded) a label or a noun list?"""
    if (m := _phrases("label").match(text, start, end)) and _label(text[m.end() : end]):
        return True
    if marker != "+" or not (m := _phrases("noun").match(text, start, end)):
        return False
    if VERB_AFTER.match(text, m.end(), end):
        return False
    before = text[max(0, start - 400) : start].rstrip(" \t+")
    return before.rstrip().endswith(":")  # the first item after the lead-in: a later one may be a task


def _label(rest: str) -> bool:
    words = rest.strip().rstrip(":").split()
    return 0 < len(words) <= LABEL_WORDS and not any(c in rest for c in ".;")
