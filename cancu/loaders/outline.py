"""The structure of a plan: numbered headings (as printed and as OCR mangles
them: "|.", "I1.", "II1.", "¢)"), their sections with a role, a reform area and
a deadline year, and the "-" / "+" items inside them.

Works on the folded text line by line; page-break debris (a page number alone
on a line, form feeds) is skipped, and a line starting with "- " that continues
a wrapped hyphenated phrase ("chính trị -" / "xã hội") is not an item.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from cancu.loaders.fold import Folded, fold_str, fuzzy_pattern
from cancu.loaders.similarity import similarity
from cancu.ontology.datafiles import read_rows

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
ROMAN_LINE = re.compile(r"^[ \t]*([ivxl|1!]{1,4})[ \t]*[.)][ \t]*(\S.*)$")
ARABIC_LINE = re.compile(r"^[ \t]*(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.?[ \t]*[.)]|[ \t]+)[ \t]*([^\W\d_].*)$")
"""A numbered heading: "1.", "2.1.", "3)" or "1 " before its words; never "5G, IoT …" (a word that starts with a digit)."""
LETTER_LINE = re.compile(r"^[ \t]*([a-hd¢c])[ \t]*\)[ \t]*(\S.*)$")
BULLET_LINE = re.compile(r"^[ \t]*(?:_[ \t]*)?([-+•*–]|t(?=[ \t]+[^\W\d_]{2}))[ \t]*(?:7[ \t]*)?(\S.*)$")
RECIPIENTS = re.compile(fuzzy_pattern("nơi nhận") + r"[ \t*_]*:")
RECIPIENTS_LEAD = re.compile(r"[ \t|*_]*")
"""The recipients block (NĐ 30/2020/NĐ-CP, Phụ lục I: "Nơi nhận: - Như trên; - Lưu: VT"): its dashes list
addressees, not items, up to the next heading (an appendix)."""
NUMBER_ALONE = re.compile(r"^[ \t]*(?:[ivxl]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3})[ \t]*[.)][ \t]*$")
"""A heading's number on a line of its own (a page converter broke the line after it)."""
WRAP_LINES = 4
"""The most lines a heading is read over ("**1. Giao người đứng đầu các" / "cơ quan chuyên môn, …" / "lập …;
Chủ tịch** **Ủy ban nhân dân các xã, phường" / "và đặc khu**")."""
OCR_PLUS = "t"
"""OCR prints a "+" bullet as "T" ("T Phát triển, hoàn thiện …"): no Vietnamese word is the letter t alone."""
HEADING_HINT = re.compile(r"[ \t]*(?:[ivxl|1!]{1,4}[ \t]*[.)]|\d|[a-h¢][ \t]*\))")
"""What each of ROMAN_LINE, ARABIC_LINE and LETTER_LINE starts with: one cheap test for most lines."""
PAGE_NUMBER = re.compile(r"^[ \t\f]*\d{1,3}[ \t]*$")
PAGE_GAP = re.compile(r"[\s\f]*(?:\d{1,3}[\s\f]*)?")
YEAR_HEAD = re.compile(
    r"(?:" + fuzzy_pattern("đến năm") + r"|" + fuzzy_pattern("năm") + r")\s+((?:19|20)\d{2})"
)
PERIOD_HEAD = re.compile(r"((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})")


BOUNDARY = r"(?<![a-z0-9])"


@cache
def _keyed(name: str, column: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Heading phrases as patterns. No word boundary in front: OCR glues words ("vanguyen nhan")."""
    return tuple(
        (re.compile(fuzzy_pattern(r["phrase"]).removeprefix(BOUNDARY)), r[column]) for r in read_rows(name)
    )


@lru_cache(maxsize=8192)
def area_of(folded_title: str) -> str | None:
    for rx, area in _keyed("area_headings.csv", "area"):
        if rx.search(folded_title):
            return area
    return _area_by_similarity(folded_title) if len(folded_title) <= 90 else None


def areas_named(folded_text: str, first_within: int) -> list[str]:
    """Every reform area a phrase names, in the order named ("cải cách tổ chức bộ máy hành chính, cải cách
    chế độ công vụ"), when the first starts within ``first_within`` characters: the head of the phrase,
    not an incidental word further on."""
    hits = sorted(
        (m.start(), area) for rx, area in _keyed("area_headings.csv", "area") if (m := rx.search(folded_text))
    )
    if not hits or hits[0][0] > first_within:
        return []
    return list(dict.fromkeys(area for _, area in hits))


@cache
def _area_phrases() -> tuple[tuple[list[str], str], ...]:
    return tuple(
        (fold_str(r["phrase"]).lower().replace(",", " ").split(), r["area"])
        for r in read_rows("area_headings.csv")
    )


def _area_by_similarity(folded_title: str) -> str | None:
    """OCR can drop letters ("to chiec b may"): compare word windows with each phrase."""
    words = re.sub(r"[^a-z0-9 ]", " ", folded_title).split()
    best, area = 0.0, None
    for phrase, code in _area_phrases():
        n, target = len(phrase), " ".join(phrase)
        if n < 2:
            continue
        for i in range(max(1, len(words) - n + 1)):
            score = similarity(" ".join(words[i : i + n]), target, AREA_FLOOR)
            if score > best:
                best, area = score, code
    return area if best >= AREA_FLOOR else None


AREA_FLOOR = 0.75
"""How alike a heading's words must be to an area's phrase (OCR's dropped letters, not another area)."""


ROLE_REACH = 30
"""A role word counts only near a heading's start: "4. Thực hiện thu thập … trong báo cáo các mục tiêu" is an
item read as a heading, not a goals section."""


@lru_cache(maxsize=8192)
def role_of(folded_title: str) -> str | None:
    """The role of the phrase that comes first in the title: "NHIỆM VỤ VÀ GIẢI PHÁP" lists tasks,
    "GIẢI PHÁP THỰC HIỆN NHIỆM VỤ" solutions (ties: the file's order)."""
    best: tuple[int, int] | None = None
    role = None
    whole = _whole_titles()
    for k, (rx, r) in enumerate(_keyed("section_roles.csv", "role")):
        if k in whole:
            if whole[k] == " ".join(folded_title.strip(" *_:.").replace(",", " , ").split()).replace(
                " ,", ","
            ):
                return r  # "III. NỘI DUNG": the phrase is the whole title
            continue
        m = rx.search(folded_title, 0, ROLE_REACH + 40)
        if m and k in _opening_only() and folded_title[: m.start()].strip(" *_"):
            continue  # "2. Báo cáo kết quả thực hiện về …": a finding's phrase only opens a finding's title
        if m and m.start() <= ROLE_REACH and (best is None or (m.start(), k) < best):
            best, role = (m.start(), k), r
    return role


@cache
def _opening_only() -> frozenset[int]:
    """Row indexes of the roles whose phrase must open the title (``whole`` = start)."""
    return frozenset(
        k for k, r in enumerate(read_rows("section_roles.csv")) if (r.get("whole") or "").strip() == "start"
    )


def _recipients_at(line: str) -> int | None:
    """Where a line's "Nơi nhận:" cell starts: at the line's start or after a tab, only marks before it."""
    m = RECIPIENTS.search(line)
    if m is None:
        return None
    cell = line.rfind("\t", 0, m.start()) + 1
    return cell if RECIPIENTS_LEAD.fullmatch(line, cell, m.start()) else None


@cache
def _whole_titles() -> dict[int, str]:
    """Row index -> folded phrase of the roles given only by a whole title (``whole`` = yes)."""
    return {
        k: " ".join(fold_str(r["phrase"]).lower().split())
        for k, r in enumerate(read_rows("section_roles.csv"))
        if (r.get("whole") or "").strip() == "yes"
    }


@dataclass
class Heading:
    start: int
    end: int
    marker: str
    depth: int
    title: str  # folded
    printed: str  # original text of the title


@dataclass
class Section:
    heading: Heading | None
    start: int
    end: int
    area: str | None
    role: str | None
    deadline_year: int | None
    parent: Section | None = None
    own_role: str | None = None


@dataclass
class Item:
    start: int  # folded offsets of the item text (marker excluded)
    end: int
    marker: str
    depth: int
    section: Section | None


@dataclass
class Outline:
    sections: list[Section] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def section_at(self, pos: int) -> Section | None:
        """The innermost section holding ``pos`` (the one that starts last)."""
        starts = self._starts()
        if starts is not None:
            k = bisect_right(starts, pos) - 1
            if k < 0:
                return None
            if pos < self.sections[k].end:  # the last section to start before pos holds it
                return self.sections[k]
        best = None
        for s in self.sections:
            if s.start <= pos < s.end and (best is None or s.start >= best.start):
                best = s
        return best

    def _starts(self) -> list[int] | None:
        """Section starts, when ascending (as ``outline`` builds them), for bisection; rebuilt when
        the list of sections grows."""
        cached = self.__dict__.get("_starts_cache")
        if cached is None or cached[0] != len(self.sections):
            starts = [s.start for s in self.sections]
            ascending = all(a < b for a, b in zip(starts, starts[1:], strict=False))
            cached = self.__dict__["_starts_cache"] = (len(self.sections), starts if ascending else None)
        return cached[1]


def _upper_share(printed: str) -> float:
    letters = "".join(filter(str.isalpha, printed))
    return sum(map(str.isupper, letters)) / len(letters) if letters else 0.0


def outline(folded: Folded, start: int = 0, end: int | None = None) -> Outline:
    text = folded.text
    end = len(text) if end is None else end
    heads: list[Heading] = []
    items: list[tuple[int, int, str, int]] = []
    prev_text = ""
    le = start - 1
    lines = text[start:end].split("\n")
    skip = -1
    recipients = False
    closings: list[int] = []  # where each recipients block starts: the sections before it end there
    for i, line in enumerate(lines):
        ls, le = le + 1, le + 1 + len(line)
        if i <= skip or not line.strip() or PAGE_NUMBER.match(line):
            continue
        if ":" in line and "nh" in line and (rec := _recipients_at(line)) is not None:
            recipients = True  # a "|" cell boundary may have joined it to the line before (a tab)
            closings.append(ls + rec)
            if rec == 0:
                continue
        # _heading's own first test, here: most lines are no heading, and the call costs more than the test;
        # a number alone on its line starts as a heading does (NUMBER_ALONE matches only where HEADING_HINT does)
        hint = HEADING_HINT.match(line)
        h = _heading(line, folded, ls) if hint and "\t" not in line else None
        first = i  # the heading's last line so far
        if h is None and hint and NUMBER_ALONE.match(line) and i + 1 < len(lines) and lines[i + 1].strip():
            # "**1." / "Các cơ quan đăng ký đầu tư (…):**": a number alone on its line, its title below
            h = _heading(line + " " + lines[i + 1], folded, ls)
            if h is not None:
                first, skip = i + 1, i + 1
        if h is not None:
            recipients = False
            j, ns = first + 1, h.end + 1
            while j < len(lines) and j - first <= WRAP_LINES and _wrapped(h, line, lines[j], folded, ns):
                nxt = lines[j]  # a heading wrapped over several lines (a long bold run of a web page)
                h.title = h.title.rstrip() + " " + nxt.strip()
                h.printed = h.printed.rstrip() + " " + folded.quote(ns, ns + len(nxt)).strip()
                h.end = ns + len(nxt)
                skip = j
                j, ns = j + 1, ns + len(nxt) + 1
            heads.append(h)
            prev_text = line
            continue
        if recipients:
            continue
        b = BULLET_LINE.match(line)
        if b and not _continues(prev_text, folded, ls + b.start(2), le):
            marker = "+" if b.group(1) == OCR_PLUS else b.group(1)
            items.append((ls + b.start(2), le, marker, 2 if marker == "+" else 1))
        elif (
            items
            and (
                items[-1][1] >= ls - 2
                or (PAGE_GAP.fullmatch(text, items[-1][1], ls) and line.lstrip()[:1].islower())
            )
            and not (items[-1][1] < ls - 1 and (LETTER_LINE.match(line) or ARABIC_LINE.match(line)))
        ):  # (after a blank line, "b) Bộ Tài chính chủ trì …" opens an item of its own, not the dash item's words)
            s, _, m, d = items[-1]
            items[-1] = (s, le, m, d)  # a wrapped line continues the item, across a page break too
        prev_text = line
    o = Outline()
    stack: list[Section] = []
    for i, h in enumerate(heads):
        while stack and stack[-1].heading and stack[-1].heading.depth >= h.depth:
            stack.pop()
        parent = stack[-1] if stack else None
        nxt = next((x.start for x in heads[i + 1 :] if x.depth <= h.depth), end)
        k = bisect_right(closings, h.start)
        nxt = min(nxt, closings[k]) if k < len(closings) else nxt
        own_role = role_of(h.title)
        area = area_of(h.title) or (parent.area if parent else None)
        year = (
            _year(h.title)
            or _year(h.title + " " + text[h.end : h.end + 12])
            or (parent.deadline_year if parent else None)
        )
        sec = Section(
            h, h.start, nxt, area, own_role or (parent.role if parent else None), year, parent, own_role
        )
        o.sections.append(sec)
        stack.append(sec)
    head_starts = [h.start for h in heads]
    for s, e, m, d in items:
        sec = o.section_at(s)
        k = bisect_right(head_starts, s)  # the first heading after the item's start cuts it
        cut = head_starts[k] if k < len(head_starts) and head_starts[k] < e else e
        o.items.append(Item(s, cut, m, d, sec))
    return o


def _heading(line: str, folded: Folded, ls: int) -> Heading | None:
    """The heading a line of the folded text starts (``ls``: its offset), if any."""
    if "\t" in line or not HEADING_HINT.match(line):
        return None  # a table row, or no heading marker
    roman, arabic, letter = ROMAN_LINE.match(line), ARABIC_LINE.match(line), LETTER_LINE.match(line)
    if not (roman or arabic or letter):
        return None  # most lines: no need to read the printed text
    printed = folded.quote(ls, ls + len(line))
    stripped = printed.strip()
    m = roman
    if m:
        marker = m.group(1).replace("|", "i").replace("1", "i").replace("l", "i").replace("!", "i")
        title_printed = printed[m.start(2) :].strip()
        if marker in ROMAN and _upper_share(title_printed) > 0.6 and len(stripped) < 120:
            return Heading(ls, ls + len(line), marker.upper(), 1, m.group(2), title_printed)
    m = arabic
    if m and len(stripped) < (300 if "." in m.group(1) else 160):
        title_printed = printed[m.start(2) :].strip()
        if title_printed[:1].isupper():
            depth = (
                1
                if _upper_share(title_printed) > 0.7 and "." not in m.group(1)
                else 2 + m.group(1).count(".")
            )
            return Heading(ls, ls + len(line), m.group(1), depth, m.group(2), title_printed)
    m = letter
    if m and len(stripped) < 70 and not stripped.endswith((".", ";")):
        title_printed = printed[m.start(2) :].strip()
        return Heading(ls, ls + len(line), m.group(1), 6, m.group(2), title_printed)
    return None


def _wrapped(h: Heading, line: str, nxt: str, folded: Folded, ns: int) -> bool:
    """Whether the next line carries on a heading broken over two lines ("IV. TỔ CHỨC" / "THỰC HIỆN",
    "**1. Sở Khoa học và Công" / "nghệ**"): a line in capitals under a heading in capitals, or a line in
    lower case under a heading with no closing punctuation, or the rest of a bold run left open."""
    if (
        not nxt.strip()
        or "\t" in nxt
        or HEADING_HINT.match(nxt)
        or BULLET_LINE.match(nxt)
        or len(nxt.strip()) > 100
    ):
        return False  # a table's header row under the heading is not its words
    printed_next = folded.quote(ns, ns + len(nxt)).strip().lstrip("*_ ")
    if not printed_next:
        return False
    open_bold = folded.quote(h.start, h.end).count("**") % 2 == 1
    capitals = _upper_share(h.printed) > 0.7 and _upper_share(printed_next) > 0.7
    lower = (
        len(h.printed) < (60 if h.depth < 6 else 40)
        and printed_next[:1].islower()
        and not h.printed.rstrip(" *_").endswith((".", ":", ";"))
    )
    return open_bold or capitals or lower


def heading_words_start(text: str, h: Heading) -> int:
    """Where a heading's words start in the folded text: past its indent, emphasis marks and its marker
    ("**1.**", "a)")."""
    return text.find(h.marker.lower(), h.start) + len(h.marker) + 1


def _continues(prev: str, folded: Folded, start: int, end: int) -> bool:
    """A "- " line that carries on a phrase broken at a hyphen ("chính trị -" / "xã hội …");
    ``start``, ``end``: folded offsets of the text after the dash (read only when ``prev`` is open)."""
    prev = prev.rstrip()
    return (
        bool(prev) and not prev.endswith((".", ";", ":", "!", "?")) and folded.quote(start, end)[:1].islower()
    )


@lru_cache(maxsize=8192)
def _year(title: str) -> int | None:
    """The year a heading sets ("Mục tiêu đến năm 2025"); the caller also tries the title with the
    start of the next line, for a heading wrapped before its year."""
    m = PERIOD_HEAD.search(title)
    if m:
        return int(m.group(2))
    m = YEAR_HEAD.search(title)
    return int(m.group(1)) if m else None


def folded_words(text: str) -> str:
    return " ".join(fold_str(text).lower().split())
