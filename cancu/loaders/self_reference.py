"""A document that names itself in its opening words instead of a masthead.

Portal pages and news posts carry a plan without its header: "Ngày 22/12/2021, Ủy ban nhân dân xã Tân
Hương ban hành Kế hoạch số 1038/KH-UBND về …", "Báo cáo số 228/BC-UBND ngày 05/12/2023 của UBND phường
Hà Phong về …". The number, type, date and issuer of such a sentence are the document's own. Read only
when the masthead gives no number, and only in the opening lines: a number cited further on is a citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cancu.loaders.citations import _TYPE_BY_GROUP, _numbers, _type_words, parse_date
from cancu.loaders.codes import Number
from cancu.loaders.fold import Folded, fold_str, fuzzy_alternation
from cancu.loaders.issuers import Issuer, Place, read_issuer, read_issuer_at
from cancu.ontology.datafiles import read_rows

OPENING = 1200
"""How far into the text a self-description can stand (the first lines of a post)."""
ISSUES = re.compile(
    r"(?:"
    + fuzzy_alternation(("đã ban hành", "ban hành", "đã xây dựng", "xây dựng", "đã ký", "vừa ký", "ký"))
    + r"|(?<![a-z])(?:"
    + fuzzy_alternation(("vừa có", "đã có", "có"), ocr=False)  # not OCR-fuzzy: "cứ" is no "có"
    + r"))\s+$"
)
SUBJECT = re.compile(
    fuzzy_alternation(
        (
            "văn phòng",
            "ủy ban nhân dân",
            "uỷ ban nhân dân",
            "ubnd",
            "hội đồng nhân dân",
            "hđnd",
            "sở",
            "ban",
            "bộ",
            "thủ tướng",
            "chính phủ",
        )
    )
)
CHAIR_BEFORE = re.compile(fuzzy_alternation(("chủ tịch",)) + r"\s+$")
"""The chair of the body named next, acting in person."""
OPENERS = re.compile(fuzzy_alternation(("căn cứ", "thực hiện", "triển khai", "theo", "xét")))


@dataclass
class SelfReference:
    number: Number
    type: str | None
    date: str | None
    date_start: int
    date_end: int
    issuer: Issuer | None
    #: the level the sentence gives even when it names no place ("Ủy ban nhân dân huyện")
    level: str | None = None
    #: the body the sentence names without its place ("Sở Nội vụ ban hành …"): the place is found elsewhere
    unplaced: Issuer | None = None
    #: the chair of the body acted in person ("Chủ tịch UBND tỉnh Nghệ An vừa ký ban hành Quyết định số …")
    chair: bool = False


BARE_NUMBER = re.compile(
    r"(?m)^[ \t*_#]*(?P<type>[^\n]{2,25}?)\s+(?:so|số)\s*:?\s*(?P<num>\d{1,6})\s+(?=ng[a-z]{1,3}\s+\d)"
)
"""A post whose first line is "Công văn số 1238 ngày 8/11/2016 V/v …": a number printed without its symbol."""


def _bare_number(folded: Folded) -> SelfReference | None:
    text = folded.text
    m = BARE_NUMBER.search(text, 0, min(len(text), 300))
    if m is None or text[: m.start()].strip():
        return None  # only the text's first line names the text itself
    tm = _type_words().search(text[m.start("type") : m.end("type")])
    if tm is None:
        return None
    iso, ds, de = parse_date(text, m.end("num"), 8)
    if iso is None:
        return None
    number = Number(m["num"], m["num"], None, [], m.start("num"), m.end("num"))
    code = _TYPE_BY_GROUP[tm.lastgroup]
    return SelfReference(number, "CV" if code == "VB" else code, iso, ds, de, None)


FULL_TEXT = re.compile(
    r"(?:" + fuzzy_alternation(("giới thiệu toàn văn", "đăng tải toàn văn", "toàn văn")) + r")\s+$"
)
"""A post's line that hands over the document it is about: "Sở Nội vụ trân trọng giới thiệu toàn văn Văn bản
số 581/BNV-CCHC …" — wherever it stands (usually last)."""


def _full_text_of(folded: Folded) -> SelfReference | None:
    text = folded.text
    for n in _numbers(folded):
        line_start = text.rfind("\n", 0, n.start) + 1
        before = text[max(line_start, n.start - 60) : n.start]
        tm = _type_words().search(before)
        if tm is None or not FULL_TEXT.search(before, 0, tm.start()):
            continue
        doc_type = n.type_code or _TYPE_BY_GROUP[tm.lastgroup]
        if doc_type == "VB":
            doc_type = "CV" if n.issuer_code else None
        iso, ds, de = parse_date(text, n.end, 25)
        return SelfReference(n, doc_type, iso, ds, de, None)
    return None


def self_reference(folded: Folded) -> SelfReference | None:
    bare = _bare_number(folded)
    if bare is not None:
        return bare
    text = folded.text
    for n in _numbers(folded):
        if n.start > OPENING:
            break
        line_start = text.rfind("\n", 0, n.start) + 1
        sentence_start = max(line_start, text.rfind(". ", 0, n.start) + 1, text.rfind(";", 0, n.start) + 1)
        before = text[max(sentence_start, n.start - 50) : n.start]
        tm = _type_words().search(before)
        if tm is None:
            continue
        doc_type = n.type_code or _TYPE_BY_GROUP[tm.lastgroup]
        if doc_type == "VB":  # "văn bản số 986/VPUBND-PVHCC": a công văn by its numbering, no type of its own
            doc_type = "CV" if n.issuer_code else None
        head = text[sentence_start : n.start - (len(before) - tm.start())]
        issued = ISSUES.search(head)
        if issued:  # "… <issuer> (đã) ban hành Kế hoạch số N"
            issuer = _acting(folded, sentence_start, head, issued.start())
            level = issuer.level if issuer else None
            unplaced = None
            if issuer is not None and issuer.scope == "local" and not issuer.place.label():
                issuer, unplaced = (
                    None,
                    issuer,
                )  # "Ủy ban nhân dân huyện ban hành …": which one, the sentence does not say; its level it does
            iso, ds, de = _date_in(text, sentence_start, n.start)
            if iso is None:
                iso, ds, de = parse_date(text, n.end, 25)
            if iso is None:
                iso, ds, de = _day_month(text, sentence_start, n.start)
            chair = issuer is not None and CHAIR_BEFORE.search(text, max(0, issuer.start - 12), issuer.start)
            return SelfReference(n, doc_type, iso, ds, de, issuer, level, unplaced, bool(chair))
        paragraph = (
            line_start == 0
            or text[max(0, line_start - 2) : line_start] == "\n\n"
            or text[:line_start].rstrip()[-1:] in ".;:"
        )
        if paragraph and not head.strip(" \t-*") and not OPENERS.match(text, line_start):
            # "Báo cáo số 228/BC-UBND ngày 05/12/2023 của UBND phường Hà Phong về …" opening a line
            iso, ds, de = parse_date(text, n.end, 25)
            line_end = text.find("\n", n.end)
            issuer = read_issuer(folded, n.end, line_end if line_end != -1 else len(text), Place())
            if iso or issuer:
                return SelfReference(n, doc_type, iso, ds, de, issuer)
    return _full_text_of(folded) or _according_to(folded)


ACCORDING_TO = re.compile(r"(?m)^[ \t*_#>]*(?:theo|(?P<quoting>can cu))\s+")
"""A post's opening paragraph that reports a document by its number: "Theo Thông báo số 294/TB-VPCP năm 2025, Văn
phòng Chính phủ ra thông báo kết luận …", or quotes it: "Căn cứ Văn bản 2281/UBND-ĐT năm 2025 của UBND xã Đại
Phước như sau:" (a question-and-answer page)."""
QUOTES_IT = re.compile(r"[^\n.;]{0,160}?nhu sau\s*:")
"""The rest of a "Căn cứ …" line that quotes the document it names: it ends "như sau:"."""


def _according_to(folded: Folded) -> SelfReference | None:
    """The document a post's first paragraph reports "according to" (read last: any other way a text names itself
    wins, and only a number right after "Theo <type>" at a paragraph's start counts)."""
    text = folded.text
    for n in _numbers(folded):
        if n.start > OPENING:
            break
        line_start = text.rfind("\n", 0, n.start) + 1
        opener = ACCORDING_TO.match(text, line_start, n.start)
        if opener is None:
            continue
        tm = _type_words().match(text, opener.end(), n.start)
        if tm is None or not re.fullmatch(r"\s*(?:so|số)?\s*:?\s*", text[tm.end() : n.start]):
            continue
        if opener.group("quoting") and not QUOTES_IT.match(text, n.end):
            continue  # "Căn cứ Nghị định số …;": a basis, not the document a page quotes
        doc_type = n.type_code or _TYPE_BY_GROUP[tm.lastgroup]
        if doc_type == "VB":
            doc_type = "CV" if n.issuer_code else None
        iso, ds, de = parse_date(text, n.end, 25)
        return SelfReference(n, doc_type, iso, ds, de, None)
    return None


def _acting(folded: Folded, offset: int, head: str, verb: int) -> Issuer | None:
    """The body that acts in "<…> <body> (đã) ban hành / ký …": the last one named before the verb that is not
    part of an earlier one's name ("Thủ tướng Chính phủ Phạm Minh Chính ký …" is the Thủ tướng's act, not
    the Chính phủ's)."""
    found: Issuer | None = None
    for m in SUBJECT.finditer(head, 0, verb):
        if found is not None and offset + m.start() < found.end:
            continue
        issuer = read_issuer_at(folded, offset + m.start(), Place())
        if issuer is not None:
            found = issuer
    return found


DATE_LEAD = re.compile(r"ng[a-z0-9&]{1,3}\s")


def _date_in(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """The last date before the act's number: "…16-CTr/TU ngày 25/3/2008 …, ngày 13/5/2011, UBND huyện
    ban hành …" is issued on 13/5/2011 (an earlier date belongs to a document it cites)."""
    found: tuple[str | None, int, int] = (None, start, start)
    for m in DATE_LEAD.finditer(text, start, end):
        if NUMBER_BEFORE.search(text, max(start, m.start() - 30), m.start()):
            continue  # "Kế hoạch số 4289/KH-UBND ngày 21/12/2021": the cited document's date
        iso, ds, de = parse_date(text, m.start(), 0)
        if iso:
            found = (iso, ds, de)
    return found


DAY_MONTH = re.compile(r"ng[a-z]{1,3}\s+(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\s*[-/.]\s*\d)(?!\d)")
"""A post's day and month with no year ("Ngày 29-9, UBND thành phố có văn bản số …")."""
YEAR_IN_SENTENCE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _day_month(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """A day and month printed before the act with no year take the year the same sentence prints after it
    ("Ngày 29-9, UBND thành phố có văn bản số 5333/UBND-KSTT về … đến hết năm 2023"; corpus/notes/ox.md
    convention 4), never the post's own date."""
    m = DAY_MONTH.search(text, start, end)
    if m is None:
        return None, start, start
    stop = text.find(". ", end)
    stop = len(text) if stop == -1 else stop
    years = YEAR_IN_SENTENCE.findall(text, end, stop)
    if not years:
        return None, start, start
    day, month = int(m.group(1)), int(m.group(2))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None, start, start
    return f"{years[-1]}-{month:02d}-{day:02d}", m.start(1), m.end(2)


NUMBER_BEFORE = re.compile(r"\d+/[\w/.&-]*[a-z][\w/.&-]*[\s,]*$")
"""A document number right before a date: the date is that document's."""


ANNEX_REACH = 600
"""How far after the title the annex line can stand (a wrapped title, then the line)."""


@cache
def _annex_cue() -> re.Pattern[str]:
    phrases = sorted((r["phrase"] for r in read_rows("layout/annex_lines.csv")), key=len, reverse=True)
    return re.compile(r"\(?\s*(?:" + fuzzy_alternation(phrases) + r")\s+")


def annex_of(folded: Folded, start: int) -> SelfReference | None:
    """The act an annexed text was issued with, from its "(Ban hành kèm theo Quyết định số N ngày D của X)"
    line within ``ANNEX_REACH`` after ``start`` (the title): that act is the document when the page
    carries the annex without the decision's own masthead."""
    text = folded.text
    cue = _annex_cue().search(text, start, min(len(text), start + ANNEX_REACH))
    if cue is None:
        return None
    n = next((n for n in _numbers(folded) if cue.end() < n.start <= cue.end() + 40), None)
    tm = _type_words().search(text[cue.end() : n.start]) if n else None
    if n is None or tm is None:
        return None
    close = text.find(")", n.end, n.end + 200)
    end = close if close != -1 else min(len(text), n.end + 200)
    iso, ds, de = parse_date(text, n.end, 30)
    issuer = read_issuer(folded, n.end, end, Place())
    return SelfReference(n, n.type_code or _TYPE_BY_GROUP[tm.lastgroup], iso, ds, de, issuer)


UNNUMBERED_ACT = re.compile(
    r"(?P<subject>(?:"
    + fuzzy_alternation(("chủ tịch",))
    + r"\s+)?(?<![a-z/-])(?:"
    + SUBJECT.pattern
    + r")(?![a-z])(?!\s+\d)[^.;:\n]{0,80}?)\s+(?:"
    + fuzzy_alternation(("đã", "vừa"))
    + r"\s+)?(?P<verb>"
    + fuzzy_alternation(("ban hành", "có", "ký", "xây dựng"))
    + r")\s+(?P<type>"
    + fuzzy_alternation(
        ("công văn", "văn bản", "kế hoạch", "quyết định", "chỉ thị", "báo cáo", "hướng dẫn", "thông báo")
    )
    + r")(?![a-z])(?!\s+(?:so|số)\b)"
)
"""A post that reports an act without its number: "Ngày 08/10/2020 Chủ tịch Ủy ban nhân dân huyện Châu Thành
ban hành Công văn chỉ đạo …", "Sở Nội vụ vừa có Công văn đôn đốc …", "…, Sở Công Thương xây dựng Kế hoạch cải
cách hành chính năm 2022 với những nội dung sau" (a plan copied without its masthead)."""
CITED_BY = re.compile(r"(?:cua|của)\s+$")
"""A subject after "của" is the issuer of a document the sentence cites ("Kế hoạch số 4289/KH-UBND … của UBND
tỉnh về việc ban hành Kế hoạch …"), not the body that acts."""
PASSIVE_ACT = re.compile(
    r"(?<![a-z])(?P<type>"
    + fuzzy_alternation(("kế hoạch", "quyết định", "chỉ thị", "công văn"))
    + r")(?![a-z])(?!\s+(?:so|số)\b)[^.;:\n]{0,40}?\s+(?:"
    + fuzzy_alternation(("được", "do"), ocr=False)
    + r")\s+(?P<subject>(?<![a-z])(?:"
    + SUBJECT.pattern
    + r")(?![a-z])[^.;:\n]{0,60}?)\s+(?:"
    + fuzzy_alternation(("xây dựng", "ban hành"))
    + r")(?![a-z])"
)
"""The same act told the other way round: "Kế hoạch được UBND phường xây dựng, triển khai nhằm …"."""
TYPE_OF_WORD: dict[str, str | None] = {
    "cong van": "CV",
    "van ban": None,  # "đã ký văn bản hỏa tốc, yêu cầu …": an act whose kind the post does not say
    "ke hoach": "KH",
    "quyet dinh": "QĐ",
    "chi thi": "CT",
    "bao cao": "BC",
    "huong dan": "HD",
    "thong bao": "TB",
}


@dataclass
class UnnumberedAct:
    type: str | None
    date: str | None
    date_start: int
    date_end: int
    subject_start: int
    subject_end: int
    chair: bool


def unnumbered_act(folded: Folded) -> UnnumberedAct | None:
    """The act a post reports when it prints no number: its type, its date ("Ngày 08/10/2020, …" in the same
    sentence) and whether a Chủ tịch signed it for the body."""
    text = folded.text
    acts = [
        m
        for m in UNNUMBERED_ACT.finditer(text, 0, min(len(text), OPENING))
        if not CITED_BY.search(text, max(0, m.start() - 6), m.start())
        and (not m["verb"].startswith("xay") or fold_str(m["type"]).lower().startswith("ke"))
    ]  # one "xây dựng" a plan ("Sở Công Thương xây dựng Kế hoạch …"); "… xây dựng Báo cáo tình hình" is a duty
    acts += PASSIVE_ACT.finditer(text, 0, min(len(text), OPENING))
    m = min(acts, key=lambda a: a.start(), default=None)
    if m is None:
        return None
    word = " ".join(fold_str(m["type"]).lower().split())
    if word not in TYPE_OF_WORD:
        return None
    kind = TYPE_OF_WORD[word]
    sentence = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
    iso, ds, de = _date_in(text, sentence, m.start("subject") + 1)
    chair = text.startswith("chu tich", m.start("subject"))
    return UnnumberedAct(kind, iso, ds, de, m.start("subject"), m.end("subject"), chair)
