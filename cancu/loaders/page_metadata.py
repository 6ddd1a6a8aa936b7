"""The attribute table of a legal-database page ("Số hiệu: | 6503/BNV-CCHC | Loại văn bản: | Công văn |"):
evidence of its own kind, kept apart from the document's words.

A page copied from vbpl.vn, thuvienphapluat.vn and the like prints the document's number, type, issuing
body, signer, dates and validity status in a table before or after the text. The table is not the
document (its numbers are not citations), but where the document's own masthead is lost or cut, it is
the best evidence there is of what the document is. Labels are data (``layout/page_metadata.csv``).
"""

from __future__ import annotations

import re
from functools import cache

from cancu.loaders.fold import Folded, fuzzy_pattern, named_alternation
from cancu.ontology.datafiles import read_rows

VALUE_END = re.compile(r"\t|\n|[ ]{2,}")
DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d{2})")
TABLE_CUES = ("so hieu", "loai van ban", "ngay ban hanh", "noi ban hanh", "co quan ban hanh")
"""Folded labels of which an attribute table always prints at least one."""
EDGE = 8000
"""A page prints the table before or after the document: only that much of either end is read."""
REACH = 160
"""How far after its label a value may start (some pages put an explanation in between)."""


@cache
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = sorted(read_rows("layout/page_metadata.csv"), key=lambda r: len(r["label"]), reverse=True)
    alts = named_alternation([(f"m{i}", fuzzy_pattern(r["label"], ocr=False)) for i, r in enumerate(rows)])
    return re.compile(alts + r"[ \t]*:?[ \t]*"), {f"m{i}": r["field"] for i, r in enumerate(rows)}


def read_page_metadata(folded: Folded) -> dict[str, dict]:
    """field -> {"value": printed value, "span": [start, end)} for each labelled attribute found.
    Only lines that hold two or more labels, or a label then a tab/"|" cell, count: a sentence that
    happens to say "ngày ban hành" is not a table."""
    text = folded.text
    if not any(cue in text for cue in TABLE_CUES):
        return {}  # no attribute table (most texts): one substring scan instead of the label regex
    rx, fields = _labels()
    out: dict[str, dict] = {}
    head_end = min(len(text), EDGE)
    regions = [(0, head_end)] + (
        [(max(head_end, len(text) - EDGE), len(text))] if len(text) > head_end else []
    )
    for m in (m for a, b in regions for m in rx.finditer(text, a, b)):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        labels_on_line = len(rx.findall(text, line_start, line_end))
        if (
            labels_on_line < 2
            and "\t" not in text[m.start() : line_end]
            and text[line_start : m.start()].strip()
        ):
            continue
        field = fields[m.lastgroup]
        if field in out:
            continue
        start = m.end()
        while start < line_end and text[start] in " \t:":
            start += 1
        if start == line_end:  # "**Số hiệu:**" / "|" / "6316/BVHTTDL-VP": the value a cell's line below
            start, line_end = _value_below(text, line_end, rx)
            if start < 0:
                continue
        if field in ("date", "effective", "expires"):
            d = DATE.search(text, start, min(line_end, start + REACH))
            if d:
                out[field] = {
                    "value": f"{int(d[3]):04d}-{int(d[2]):02d}-{int(d[1]):02d}",
                    "span": list(folded.span(d.start(), d.end())),
                }
            continue
        nxt = rx.search(text, start, line_end)
        end_m = VALUE_END.search(text, start, line_end)
        end = min([line_end, *(x.start() for x in (nxt, end_m) if x)])
        value = _unglued(" ".join(folded.quote(start, end).split())).strip(" |:;")
        if value:
            out[field] = {"value": value, "span": list(folded.span(start, end))}
    return out


BELOW_LINES = 3
"""How many lines below its label a value may stand (a cell boundary "|" printed on a line between)."""


def _value_below(text: str, pos: int, rx: re.Pattern[str]) -> tuple[int, int]:
    """The first line with words after ``pos`` (within ``BELOW_LINES``), unless it is another label."""
    for _ in range(BELOW_LINES):
        if pos >= len(text):
            break
        end = text.find("\n", pos + 1)
        end = len(text) if end == -1 else end
        line = text[pos + 1 : end]
        if line.strip(" \t|*_"):
            if rx.match(line.lstrip(" \t|*_")):
                break
            start = pos + 1 + (len(line) - len(line.lstrip(" \t|*_")))
            return start, end
        pos = end
    return -1, -1


def _unglued(value: str) -> str:
    """The first of two cells a page ran together ("Bộ Tư phápSố công báo" -> "Bộ Tư pháp"): it ends
    where a capitalised word is glued to a lowercase letter or a digit."""
    for i in range(1, len(value) - 1):
        if (
            (value[i - 1].islower() or value[i - 1].isdigit())
            and value[i].isupper()
            and value[i + 1].islower()
        ):
            return value[:i]
    return value
