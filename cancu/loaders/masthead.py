"""The masthead of an administrative document, found by its own cues (NĐ 30/2020/NĐ-CP, Phụ lục I):
the agency column (cơ quan chủ quản over cơ quan ban hành) and the authority line printed between the
title and "Căn cứ" ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X", "BỘ TRƯỞNG BỘ NỘI VỤ").

The agency column is read as cells, not lines: legal-database pages print the two header columns as
"|"-separated cells on one line or on lines of their own, converters as tab-separated cells, typed
texts as runs of spaces. A cell in capitals that starts with a body's name opens a body; the cells
after it continue its name ("ỦY BAN NHÂN DÂN" / "TỈNH BÌNH ĐỊNH"). The last body is the issuer, the
one above it its parent. The words that start a body are data (``issuer_phrases.csv``,
``doc_codes.csv``, ``layout/bodies.csv``, ``layout/authority_lines.csv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from cancu.loaders.fold import Folded, fold_str, fuzzy_alternation, fuzzy_pattern
from cancu.loaders.issuers import Place, _build, _canonical, _phrases, issuer_regex
from cancu.loaders.places import match_province, province_of_unit
from cancu.ontology.datafiles import read_rows

CELL_GAP = re.compile(r"\t|[ ]{2,}")
MOTTO = re.compile(
    fuzzy_alternation(
        (
            "cộng hòa",
            "cộng hoà",
            "xã hội chủ nghĩa",
            "chủ nghĩa",
            "việt nam",
            "độc lập",
            "tự do",
            "hạnh phúc",
            "đảng cộng sản",
        )
    )
)
NUMBER_CELL = re.compile(r"(?:" + fuzzy_alternation(("số",)) + r")\s*[:.]")
RULE = re.compile(r"[\W_]*")
SECTION_HEADING = re.compile(r"(?:[ivxl]{1,4}|\d{1,2}(?:\.\d{1,2})*)[ \t]*[.)][ \t]")


@dataclass
class Body:
    name: str
    level: str | None
    national: bool
    place: Place = field(default_factory=Place)
    start: int = 0
    end: int = 0
    #: the body word the name starts with, for bodies read as printed ("cục", "trung tâm")
    kind: str | None = None


@cache
def _generic() -> tuple[re.Pattern[str], dict[str, dict[str, str]]]:
    rows = sorted(read_rows("layout/bodies.csv"), key=lambda r: len(r["phrase"]), reverse=True)
    alts = [f"(?P<g{i}>{fuzzy_pattern(r['phrase'], ocr=False)})(?![a-z])" for i, r in enumerate(rows)]
    return re.compile("|".join(alts)), {f"g{i}": r for i, r in enumerate(rows)}


@cache
def _authority_rx() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = sorted(read_rows("layout/authority_lines.csv"), key=lambda r: len(r["phrase"]), reverse=True)
    alts = [f"(?P<a{i}>{fuzzy_pattern(r['phrase'])})(?![a-z])" for i, r in enumerate(rows)]
    return re.compile(r"[ \t]*(?:" + "|".join(alts) + ")"), {f"a{i}": r["title"] for i, r in enumerate(rows)}


def _upper(printed: str) -> bool:
    letters = list(filter(str.isalpha, printed))
    return bool(letters) and sum(map(str.isupper, letters)) >= 0.7 * len(letters)


def column_cells(folded: Folded, end: int) -> list[tuple[int, int]]:
    """Folded spans of the agency column's cells: the first cell of each header line in capitals,
    up to the number line, leaving out the national motto and rules. (Kept on the Folded per ``end``:
    the header and the masthead both read them.)"""
    memo = folded.__dict__.setdefault("_column_cells", {})
    if end not in memo:
        memo[end] = tuple(_column_cells(folded, end))
    return list(memo[end])


def _column_cells(folded: Folded, end: int) -> list[tuple[int, int]]:
    text = folded.text
    cells: list[tuple[int, int]] = []
    pos = 0
    for line in text[:end].split("\n"):
        ls, pos = pos, pos + len(line) + 1
        stripped = line.lstrip(" \t•·*-–")
        if not stripped.strip():
            continue
        s = ls + len(line) - len(stripped)
        gap = CELL_GAP.search(text, s, ls + len(line))
        e = gap.start() if gap else ls + len(line)
        cell = text[s:e].rstrip()
        if NUMBER_CELL.match(cell) or SECTION_HEADING.match(cell):
            break  # the number line, or the body's first heading ("I. MỤC ĐÍCH, YÊU CẦU"): the column is over
        if not cell or RULE.fullmatch(cell) or MOTTO.match(cell):
            continue
        if not _upper(folded.quote(s, s + len(cell))):
            if any(_starts_body(text, c) for c, _ in cells):
                break  # the place-and-date line or the title after the column
            cells = []  # prose before the header (a site's banner): start again
            continue
        cells.append((s, s + len(cell)))
    return cells


WRAPPED_UY = re.compile(r"(?<![a-z])(?:uy|ủy|uỷ)[\s*_|]*$")
"""A line that ends with "ỦY" before one that opens "BAN NHÂN DÂN": one word broken over two lines ("CỦA ỦY" /
"BAN NHÂN DÂN XÃ XUÂN PHÚ" in a wrapped title), not a body named "Ban …"."""


def _starts_body(text: str, pos: int) -> bool:
    if WRAPPED_UY.search(text, max(0, pos - 8), pos):
        return False
    return bool(
        issuer_regex().match(text, pos)
        or _generic()[0].match(text, pos)
        or re.match(fuzzy_pattern("bộ") + r"\s+[a-z]", text[pos : pos + 12])
    )


def read_column(folded: Folded, end: int) -> tuple[Body | None, Body | None]:
    """(issuing body, its parent) named by the agency column, each None when not there."""
    text = folded.text
    groups: list[list[tuple[int, int]]] = []
    for s, e in column_cells(folded, end):
        if (
            _starts_body(text, s) and not _continues_name(text, groups[-1] if groups else [], s, e)
        ) or not groups:
            groups.append([(s, e)])
        else:
            groups[-1].append((s, e))
    bodies = [b for b in (_body(folded, g) for g in groups) if b]
    if not bodies:
        return None, None
    return bodies[-1], bodies[-2] if len(bodies) > 1 else None


def _continues_name(text: str, group: list[tuple[int, int]], s: int, e: int) -> bool:
    """A cell that looks like a body but finishes the name above it, wrapped ("THỦ TƯỚNG" / "CHÍNH PHỦ"):
    the name read across both cells is longer than the one the cells above give alone."""
    if not group:
        return False
    above = " ".join(" ".join(text[a:b].split()) for a, b in group)
    alone = issuer_regex().match(above)
    joined = issuer_regex().match(above + " " + " ".join(text[s:e].split()))
    return bool(joined and joined.end() > len(above) and (alone is None or joined.end() > alone.end()))


def _body(folded: Folded, cells: list[tuple[int, int]]) -> Body | None:
    text = folded.text
    start, end = cells[0][0], cells[-1][1]
    m = issuer_regex().match(text, start)
    if m:
        phrase = _phrases()[int(m.lastgroup[1:])]
        if phrase.scope == "national":
            return Body(phrase.issuer, phrase.level or "national", True, Place(), start, end)
        issuer = _build(folded, m, Place())
        return Body(
            issuer.name, issuer.level, False, issuer.place, start, end, kind=fold_str(phrase.phrase).lower()
        )
    g = _generic()[0].match(text, start)
    printed = " ".join(" ".join(folded.quote(s, e).split()) for s, e in cells)
    if not printed:
        return None
    row = _generic()[1][g.lastgroup] if g else None
    name = _sentence_case(printed, len(row["phrase"].split()) if row else 1)
    if g:
        return Body(
            name, row["national_level"], False, Place(), start, end, kind=fold_str(row["phrase"]).lower()
        )
    if re.match(fuzzy_pattern("bộ") + r"\s+[a-z]", text[start : start + 12]):
        return Body(name, "ministry", True, Place(), start, end, kind="bo")
    return None


def _sentence_case(printed: str, head_words: int = 1) -> str:
    """ "CỤC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH" -> "Cục Kiểm soát thủ tục hành chính", "TRUNG TÂM PHỤC VỤ …" ->
    "Trung tâm Phục vụ …" (names printed in capitals: the kind of body, then its name; a name already in
    mixed case is kept)."""
    if not _upper(printed):
        return printed
    words = printed.lower().split()
    return " ".join(w.capitalize() if i in (0, head_words) else w for i, w in enumerate(words))


def place_at_date_line(place_words: str | None, issued: str | None) -> Place:
    """The unit the place-and-date line names ("Hà Giang, ngày …"), when it is a province or a unit
    the registry knows in exactly one province; else an empty Place."""
    if not place_words:
        return Place()
    words = fold_str(place_words).lower().split()
    for n in range(min(4, len(words)), 0, -1):
        candidate = " ".join(words[-n:])
        found = match_province(candidate)
        if found and found[1] == len(candidate):
            return Place(province=found[0].name)
    for n in range(min(4, len(words)), 0, -1):
        candidate = " ".join(words[-n:])
        for level in ("district", "commune"):
            province = province_of_unit(candidate, level, issued)
            if province:
                place = Place(province=province, **{level: candidate.title()})
                _canonical(place)
                return place
    return Place()


@dataclass
class Authority:
    """The authority line: who decides ("Chủ tịch UBND tỉnh X"), the body named, and its span."""

    title: str
    body: Body | None
    start: int
    end: int

    @property
    def name(self) -> str | None:
        if self.body is None:
            return None
        return f"{self.title} {self.body.name}".strip() if self.title else self.body.name


def authority_line(folded: Folded, start: int, end: int) -> Authority | None:
    """The last line in capitals between ``start`` and ``end`` (title to basis) that opens with an
    authority phrase and names a body: the line printed right before "Căn cứ" — a title may carry one too
    ("VỀ VIỆC ỦY QUYỀN CHO / CHÁNH VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH CÔNG BỐ …" / "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
    THANH HÓA")."""
    found: Authority | None = None
    pos = folded.text.rfind("\n", 0, start) + 1
    while pos < end and (line := _authority_at(folded, pos, end)) is not None:
        found, pos = line, line.end + 1  # one scan in all: each search starts after the line found
    return found


def _authority_at(folded: Folded, start: int, end: int) -> Authority | None:
    """The authority of the first line from ``start`` that is one, if any before ``end``."""
    text = folded.text
    rx, titles = _authority_rx()
    pos = start
    while pos < end:
        nl = text.find("\n", pos)
        line_end = nl if nl != -1 else len(text)
        m = rx.match(text, pos, line_end)
        if m and _upper(folded.quote(pos, line_end)):
            title = titles[m.lastgroup]
            body_at = m.start(m.lastgroup) if not title else m.end()
            while body_at < line_end and text[body_at] in " \t":
                body_at += 1
            body = _body(folded, [(body_at, line_end)]) if body_at < line_end else None
            if body is None and body_at >= line_end and title:  # "THỦ TƯỚNG CHÍNH PHỦ": the title is the body
                found = issuer_regex().match(text, m.start(m.lastgroup))
                if found and _phrases()[int(found.lastgroup[1:])].scope == "national":
                    phrase = _phrases()[int(found.lastgroup[1:])]
                    return Authority(
                        "",
                        Body(phrase.issuer, phrase.level or "national", True, Place(), pos, line_end),
                        pos,
                        line_end,
                    )
            if body is not None:
                return Authority(title, body, pos, line_end)
        if nl == -1:
            break
        pos = nl + 1
    return None
