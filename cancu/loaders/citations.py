"""Every document a plan cites, split into legal bases and references.

Numbers are found by ``codes``; around each, the words say what it is: the
type word before it ("Nghị quyết số"), the date after it ("ngày 15/7/2021"),
the issuer ("của Chính phủ") and the subject ("về việc ..."). Laws cited by
name and date without a number ("Luật Tổ chức chính quyền địa phương ngày 19
tháng 6 năm 2015") are citations too, with ``number`` null.

The opening basis clauses (Căn cứ..., Thực hiện..., Triển khai...) up to the
sentence that introduces the plan ("... như sau:") are the legal bases;
"Xét đề nghị ..." proposals there, and every other citation, are references.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from heapq import heappop, heappush
from itertools import accumulate

from cancu.loaders.codes import (
    NUMBER_LEAD,
    OLD_NUMBER,
    PARTY_NUMBER,
    PARTY_SLASH_REACH,
    STATE_NUMBER,
    STATE_SLASH_REACH,
    Number,
    number_key,
    parse_old,
    parse_party,
    parse_state,
)
from cancu.loaders.fold import (
    Folded,
    finditer_from,
    finditer_near,
    fuzzy_alternation,
    fuzzy_pattern,
    named_alternation,
    per_text,
)
from cancu.loaders.issuers import Issuer, Place, issuer_from_code, read_issuer
from cancu.ontology.datafiles import read_rows
from cancu.ontology.ids import document_id, jurisdiction_id, slug
from cancu.ontology.record import Citation
from cancu.ontology.vocab import DOC_TYPE_NAMES

_D = r"(\d{1,2})"
_Y = r"((?:19|20)\d{2})"
DATE_NUMERIC = re.compile(r"ng[a-z0-9&]{1,3}\s*[:,]?\s*" + _D + r"\s*[/.-]\s*" + _D + r"\s*[/.-]\s*" + _Y)
DATE_WORDS = re.compile(
    r"ng[a-z0-9&]{1,3}\s+" + _D + r"\s+th[a-z0-9&]{2,4}\s+" + _D + r"\s+n[a-z0-9&]{1,3}\s+" + _Y
)
SUBJECT = re.compile(
    r"\s*,?\s*(?:"
    + "|".join(fuzzy_pattern(w) for w in ("về", "ban hành", "phê duyệt", "quy định", "hướng dẫn", "sửa đổi"))
    + r")"
)
BASIS_OPENERS = re.compile(
    r"(?m)^[\s\-•*]*(?:"
    + "|".join(fuzzy_pattern(w) for w in ("Căn cứ", "Thực hiện", "Triển khai"))
    + "|"
    + fuzzy_pattern("Căn")
    + r"\s+c[a-z0-9&]{0,3}"
    + r")(?![a-z])"
)
"""The opening words of a basis clause; "Căn" followed by any short c-word is "Căn cứ" however OCR read it."""
OPENER_WORDS = re.compile("(?=" + BASIS_OPENERS.pattern.removeprefix(r"(?m)^[\s\-•*]*") + ")")
"""Where BASIS_OPENERS's words can begin, overlaps included: BASIS_OPENERS without its line start and marks."""
OPENER_LEAD = frozenset("-•*")


def _line_start_before(text: str, floor: int, q: int, marks: frozenset[str] = frozenset()) -> int | None:
    """The first line start before ``q`` (not before ``floor``) from which only white space and ``marks``
    lead to ``q``, None when other characters stand between: where a line-anchored pattern's match that
    has its first word at ``q`` begins."""
    s = q
    while s > floor and (text[s - 1].isspace() or text[s - 1] in marks):
        s -= 1
    if s == 0 or text[s - 1] == "\n":
        return s
    nl = text.find("\n", s, q)
    return None if nl == -1 else nl + 1


def _basis_opener(text: str, pos: int, endpos: int) -> re.Match[str] | None:
    """``BASIS_OPENERS.search(text, pos, endpos)``, found from the opener words: trying the pattern at
    every line start scans a run of white space once per line in it (quadratic on empty table cells).
    The words begin with a letter, so a match's words are the first thing after its marks and white
    space, and the match starts at the first line start before them that only those separate."""
    for word in OPENER_WORDS.finditer(text, pos, endpos):
        start = _line_start_before(text, pos, word.start(), OPENER_LEAD)
        if start is None:
            continue
        m = BASIS_OPENERS.match(text, start, endpos)
        if m is not None:
            return m
    return None


BASIS_CLOSERS = re.compile(fuzzy_alternation(("như sau", "quyết định:", "quyết nghị:", "với các nội dung")))
PROPOSAL = re.compile(
    fuzzy_alternation(
        ("Xét đề nghị", "Theo đề nghị", "Xét đề xuất", "Theo đề xuất", "Xét tờ trình", "Theo tờ trình")
    )
)
"""A proposal in the basis zone ("Theo đề nghị của Sở Nội vụ tại Tờ trình số …"): a reference, not a basis."""
FIRST_ARTICLE = re.compile(r"(?m)^[ \t]*" + fuzzy_pattern("điều") + r"\s*1\s*[.:]")
HEADING = re.compile(r"(?m)^\s*(?:[i|l1]{1,3}\s*[.)]|1\s*[.)])\s*[a-z]")
LAW = re.compile(  # "bộ luật" / "luật" after no letter; the check follows the first letter (fast)
    r"(?:b(?<![a-z]b)o\s+l|l(?<![a-z]l))u[a-z0-9&]{1,3}t\s+(?P<name>[a-z0-9&,\- ]{4,90}?)\s*(?:\(\w+\)\s*)?"
    r"(?=ng[a-z0-9&]{1,3}\s+\d{1,2}\s*(?:[/.-]|th))"
)
WINDOW = 160


@cache
def _type_words() -> re.Pattern[str]:
    names = dict(DOC_TYPE_NAMES)
    names.update({"CV": "Công văn", "VB": "Văn bản"})
    alternatives = []
    for code, name in sorted(names.items(), key=lambda kv: len(kv[1]), reverse=True):
        alternatives.append((f"t_{slug(code).replace('-', '_')}", fuzzy_pattern(name)))
    so = fuzzy_pattern("số")
    return re.compile(r"(?:" + named_alternation(alternatives) + r")\s*(?:" + so + r")?\s*[:.]?\s*$")


_TYPE_BY_GROUP = {f"t_{slug(c).replace('-', '_')}": c for c in [*DOC_TYPE_NAMES, "CV", "VB"]}


@dataclass
class Found:
    citation: Citation
    start: int  # folded span of the whole clause
    end: int
    num: str
    #: every code of the number was read (an OCR-garbled "2685/UBNDNC" is not clean)
    known: bool
    basis: bool = False


def parse_date(text: str, pos: int, limit: int) -> tuple[str | None, int, int]:
    """The first "ngày d/m/y" (or "ngày d tháng m năm y") starting within ``limit``."""
    best = None
    for rx in (DATE_NUMERIC, DATE_WORDS):
        m = rx.search(text, pos, min(len(text), pos + limit + 40))
        if m and m.start() - pos <= limit and (best is None or m.start() < best.start()):
            best = m
    if not best:
        return None, pos, pos
    d, mth, y = (int(g) for g in best.groups())
    try:
        return date(y, mth, d).isoformat(), best.start(), best.end()
    except ValueError:
        return None, pos, pos


def basis_zone(folded: Folded, after: int = 0) -> tuple[int, int]:
    """[start, end) of the opening basis clauses in folded offsets; (0, 0) if none.

    The basis comes before the body (NĐ 30/2020/NĐ-CP, Phụ lục I: căn cứ ban hành, then nội dung): a
    "Thực hiện …" item or a "căn cứ" inside an article opens nothing. A heading that names the basis
    ("I. Căn cứ pháp lý") is not the body. The zone ends at the enacting sentence ("… như sau:",
    "QUYẾT ĐỊNH:", "Chính phủ ban hành Nghị định …"), the first heading or "Điều 1"."""
    text = folded.text
    limit = min(len(text), max(6000, len(text) // 3))
    body = [m.start() for m in (_body_heading(text, after), FIRST_ARTICLE.search(text, after)) if m]
    end = min([limit, *body])
    opener = _basis_opener(text, after, end) or _inline_opener(folded, after, end)
    if not opener:
        return 0, 0
    closer = BASIS_CLOSERS.search(text, opener.end(), min(len(text), opener.end() + 5000))
    heading = _body_heading(text, opener.end())
    article = FIRST_ARTICLE.search(text, opener.end())
    enacting = next(
        (
            m
            for m in ENACTING.finditer(text, opener.end(), min(len(text), opener.end() + 5000))
            if text[: m.start()].rstrip()[-1:] in (";", ".", ",", ":")
        ),
        None,
    )  # a new sentence, not a wrapped line
    ends = [m.start() for m in (closer, heading, article, enacting) if m]
    return opener.start(), min(ends) if ends else min(len(text), opener.end() + 2000)


BASIS_HEADING = re.compile(
    r"\s*(?:[i|l1]{1,3}|\d{1,2})\s*[.)]\s*(?:" + fuzzy_alternation(("căn cứ", "cơ sở")) + ")"
)
ENACTING = re.compile(
    r"(?m)^[ \t]*(?!" + fuzzy_alternation(("căn cứ", "thực hiện", "triển khai", "theo", "xét")) + r")"
    r"[^\n]{0,60}?(?<![a-z])(?:ban hanh|quy dinh chi tiet)\s+(?:"
    + fuzzy_alternation(
        (
            "nghị định",
            "thông tư",
            "quyết định",
            "nghị quyết",
            "kế hoạch",
            "chỉ thị",
            "quy chế",
            "quy định",
            "hướng dẫn",
        )
    )
    + ")"
)
"""The enacting sentence after the basis: "Chính phủ ban hành Nghị định …", "Bộ trưởng … ban hành Thông tư …"."""


HEADING_NUMERAL = re.compile(r"(?=(?:[i|l1]{1,3}\s*[.)]|1\s*[.)])\s*[a-z])")
"""Where HEADING's numeral can begin, overlaps included: HEADING without its line start and white space."""


def _body_heading(text: str, pos: int) -> re.Match[str] | None:
    """The first heading at or after ``pos`` that starts the body (not a heading naming the basis).

    The first match of ``HEADING.finditer(text, pos)`` that is not a basis heading, found from the
    numerals: trying HEADING at every line start scans a run of white space once per line in it
    (quadratic: 64,000 characters of empty table cells took 1.3 s). A numeral heads a line when
    only white space lies between it and a line start; the match starts at the first such line
    start, and matches never overlap, as finditer's."""
    floor = pos
    for numeral in HEADING_NUMERAL.finditer(text, pos):
        if numeral.start() < floor:
            continue
        start = _line_start_before(text, floor, numeral.start())
        if start is None:
            continue
        m = HEADING.match(text, start)
        if m is None:
            continue
        if not BASIS_HEADING.match(text, start):
            return m
        floor = m.end()
    return None


INLINE_OPENER = re.compile(r"(?<=[.;:] )(?:" + fuzzy_alternation(("căn cứ", "thực hiện")) + r")(?![a-z])")


def _inline_opener(folded: Folded, start: int, end: int) -> re.Match[str] | None:
    """ "… ngày 05/3/2019. Căn cứ Nghị định …": a basis in a text whose lines were run together (a PDF
    flattened into one paragraph), printed with its capital letter."""
    for m in INLINE_OPENER.finditer(folded.text, start, end):
        if folded.quote(m.start(), m.start() + 1).isupper():
            return m
    return None


def find_citations(
    folded: Folded,
    context: Place,
    citing_level: str | None,
    own_number: str | None,
    title_end: int = 0,
    doc_start: int = 0,
) -> tuple[list[Citation], list[Citation], list[str]]:
    """(legal_bases, references, warnings) of a plan; a page's words before the masthead (``doc_start``:
    its title, menus, lists of related documents) cite nothing."""
    text = folded.text
    numbers = [n for n in _numbers(folded) if n.start >= doc_start]
    zone = basis_zone(folded, title_end)
    in_proposal = _Spans(
        (m.start(), _proposal_end(text, m.end(), zone[1])) for m in PROPOSAL.finditer(text, *zone)
    )
    found: list[Found] = []
    warnings: list[str] = []
    for i, number in enumerate(numbers):
        limit = numbers[i + 1].start if i + 1 < len(numbers) else len(text)
        item = _describe(folded, number, limit, context, citing_level)
        if item is None:
            continue
        item.basis = zone[0] <= number.start < zone[1] and not in_proposal(number.start)
        found.append(item)
    for item in _laws(folded, numbers):
        if item.start < doc_start:
            continue
        item.basis = zone[0] <= item.start < zone[1]
        found.append(item)
    found.sort(key=lambda f: f.start)
    return (*_split(found, own_number), warnings)


class _Spans:
    """Is a position inside any of these [start, end) spans? In log time: a basis zone can hold
    thousands of proposals and numbers."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))  # the furthest end so far

    def __call__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos)
        return i > 0 and pos < self.reach[i - 1]


@per_text
def _numbers(folded: Folded) -> list[Number]:
    """Every document number of a text, in order (read by the citations and the effectivity clauses)."""
    out: list[Number] = []
    aligned = folded.aligned
    for m in finditer_near(STATE_NUMBER, folded.text, "/", STATE_SLASH_REACH, NUMBER_LEAD):
        n = parse_state(m, aligned)
        if n:
            out.append(n)
    for m in finditer_near(PARTY_NUMBER, folded.text, "/", PARTY_SLASH_REACH, NUMBER_LEAD):
        n = parse_party(m)
        if n:
            out.append(n)
    for m in finditer_near(OLD_NUMBER, folded.text, "-", 6, NUMBER_LEAD):
        n = parse_old(m)
        if n and _type_words().search(folded.text[max(0, m.start() - 40) : m.start()]):
            out.append(n)  # "Nghị định số 94-CP": only after a type word
    out = [n for n in out if not _not_a_document(folded.text, n.start)]
    out.sort(key=lambda n: n.start)
    return out


@cache
def _not_document_words() -> re.Pattern[str]:
    phrases = [r["phrase"] for r in read_rows("layout/not_documents.csv")]
    return re.compile(r"(?:" + fuzzy_alternation(phrases) + r")[^;\n]{0,12}$")


def _not_a_document(text: str, pos: int) -> bool:
    """A form, a standard or a technical regulation ("Biểu số 01/BCT", "QCVN 47:2011/BTTTT")."""
    before = text[max(0, pos - 24) : pos]
    return bool(_not_document_words().search(before)) or before.endswith(":") and before[-2:-1].isdigit()


def _describe(
    folded: Folded, number: Number, limit: int, context: Place, citing_level: str | None
) -> Found | None:
    text = folded.text
    before = text[max(0, number.start - 40) : number.start]
    tm = _type_words().search(before)
    type_word = _TYPE_BY_GROUP[tm.lastgroup] if tm else None
    if tm is None:
        named = _named_type_word(text, number.start)
        type_word = _TYPE_BY_GROUP[named.lastgroup] if named else None
    if not number.known and not type_word:
        return None
    start = number.start - (len(before) - tm.start()) if tm else number.start
    window_end = min(limit, number.end + WINDOW, _clause_end(folded, number.end, len(text)))
    iso, _, date_end = parse_date(text, number.end, 25)
    issuer: Issuer | None = read_issuer(folded, number.end, window_end, context)
    if issuer is None:
        issuer = issuer_from_code(number.issuer_code, context, citing_level)
    end = max(number.end, date_end, issuer.end if issuer and issuer.end else 0)
    title = None
    sm = SUBJECT.match(text, end)
    if sm:
        t_end = min(window_end, _clause_end(folded, sm.start(), window_end))
        title = " ".join(folded.quote(sm.start(), t_end).split()).strip(" ,;.") or None
        end = max(end, t_end)
    doc_type = (
        number.type_code
        or (type_word if type_word not in (None, "VB") else None)
        or ("CV" if number.issuer_code else None)
    )
    year = number.year or (int(iso[:4]) if iso else None)
    place = issuer.place if issuer and issuer.scope == "local" else Place()
    jurisdiction = place.label()
    scope_local = bool(issuer and issuer.scope == "local") or bool(
        number.issuer_code and number.issuer_code.scope == "local"
    )
    jid = jurisdiction_id(place.province, place.district, place.commune) if scope_local else None
    s, e = folded.span(start, end)
    citation = Citation(
        number=number.canonical,
        type=doc_type,
        issuer=issuer.name if issuer else None,
        jurisdiction=jurisdiction if scope_local else None,
        date=iso,
        span=(s, e),
        id=document_id(number.canonical, year, jid),
        title=title,
        text=folded.quote(number.start, number.end),
    )
    return Found(citation, start, end, number.num, number.clean)


@cache
def _named_types() -> re.Pattern[str]:
    """A type word, then the document's name, then "số": "Luật Bảo vệ môi trường số 52/2005/QH11"."""
    names = dict(DOC_TYPE_NAMES)
    alternatives = [
        (f"t_{slug(c).replace('-', '_')}", fuzzy_pattern(n))
        for c, n in sorted(names.items(), key=lambda kv: -len(kv[1]))
    ]
    return re.compile(
        r"(?:"
        + named_alternation(alternatives)
        + r")\s[^;\n()]{3,100}?\s"
        + fuzzy_pattern("số")
        + r"\s*[:.]?\s*$"
    )


def _named_type_word(text: str, pos: int) -> re.Match[str] | None:
    before = text[max(0, pos - 120) : pos]
    if not before.rstrip(" :.").endswith(("so", "s6", "s0")):
        return None
    return _named_types().search(before)


CLAUSE_END = re.compile(r";|\n\s*\n|\.\s*\n")
"""A clause ends at ";", a blank line or a full stop ending a line (the definition ``_clause_end`` keeps)."""
CLAUSE_MARK = re.compile(r";|[.\n](?=([^\S\n]*)\n)")
"""Where a CLAUSE_END match can start, with the first newline that completes it: the shortest match."""


@per_text
def _clause_marks(folded: Folded) -> tuple[list[int], list[int]]:
    """Every position a CLAUSE_END match can start at, and where its shortest match ends.

    Found once per text, in one pass: searching CLAUSE_END from each number to the end of the text
    was quadratic (an 800 KB line without ";" took 34 s)."""
    starts: list[int] = []
    ends: list[int] = []
    for m in CLAUSE_MARK.finditer(folded.text):
        starts.append(m.start())
        ends.append(m.start() + 1 if m.group(1) is None else m.end(1) + 1)
    return starts, ends


def _proposal_end(text: str, pos: int, limit: int) -> int:
    """End of a proposal clause: the next basis opener ("Căn cứ …") or the zone's end — a proposal lists its
    papers one after another ("Xét Tờ trình số 430/TTr-UBND …; Tờ trình số 443/TTr-UBND …; Báo cáo thẩm tra số
    116/BC-BPC …"), all of them references."""
    opener = _basis_opener(text, pos, limit)
    return opener.start() if opener is not None else limit


def _clause_end(folded: Folded, pos: int, limit: int) -> int:
    """End of the clause starting at ``pos``: the next ";" or blank line before ``limit``.

    Equal to ``CLAUSE_END.search(text, pos, limit)``'s start (else ``limit``): the first mark at or
    after ``pos`` whose shortest match fits before ``limit``. Only the first mark can fail to fit: a
    later one would lie inside its whitespace, before the newline that completes it."""
    starts, ends = _clause_marks(folded)
    i = bisect_left(starts, pos)
    if i < len(starts) and starts[i] < limit and ends[i] <= min(limit, len(folded.text)):
        return starts[i]
    return limit


def _laws(folded: Folded, numbers: list[Number]) -> list[Found]:
    text = folded.text
    out = []
    starts = [n.start for n in numbers]  # in order
    for m in finditer_from(LAW, text, ("bo", "lu")):  # what LAW's matches start with
        i = bisect_left(starts, m.start())
        if i < len(starts) and starts[i] < m.end() + 40:
            continue  # a numbered law is read from its number
        iso, _, d_end = parse_date(text, m.end(), 5)
        if not iso:
            continue
        name = " ".join(folded.quote(m.start(), m.end("name")).split())
        s, e = folded.span(m.start(), d_end)
        citation = Citation(
            number=None,
            type="L",
            issuer="Quốc hội",
            date=iso,
            span=(s, e),
            id=document_id(slug(name), int(iso[:4])),
            title=name,
            text=name,
        )
        out.append(Found(citation, m.start(), d_end, "", True))
    return out


def _split(found: list[Found], own_number: str | None) -> tuple[list[Citation], list[Citation]]:
    """Merge repeats (OCR-mangled ones included), drop the plan itself, bases first."""
    own = number_key(own_number) if own_number else None
    merged: list[Found] = []
    twins = _Twins(merged)
    for item in found:
        c = item.citation
        if own and c.number and number_key(c.number) == own:
            continue
        at = twins.first(item)
        if at is None:
            merged.append(item)
            twins.file(len(merged) - 1)
            continue
        twin = merged[at]
        twin.basis = twin.basis or item.basis
        tc = twin.citation
        if not tc.date and c.date:
            tc.date, tc.id = c.date, c.id
        if not tc.issuer and c.issuer:
            tc.issuer, tc.jurisdiction = c.issuer, c.jurisdiction
        if not twin.known and item.known:
            tc.number, tc.type, twin.known = c.number, c.type, True
        twins.file(at)  # under its new date, number and knownness
    bases = [m.citation for m in merged if m.basis]
    refs = [m.citation for m in merged if not m.basis]
    return bases, refs


class _Twins:
    """The first merged item ``_same`` as a new one, found through buckets instead of comparing with
    every item merged so far (quadratic: 2 million comparisons for a 250 KB list of numbers).

    Each merged item is filed under the keys ``_same`` compares: its number's key, with its date; its
    number's digits with its date (and whether every code was read); its title when it has no number.
    Merging only adds facts (a date, a clean number), so an item filed under a key it no longer has
    is skipped when met and never comes back."""

    def __init__(self, merged: list[Found]) -> None:
        self.merged = merged
        self.keys: dict[int, frozenset[tuple]] = {}
        self.buckets: dict[tuple, list[int]] = {}

    @staticmethod
    def _keys(item: Found) -> frozenset[tuple]:
        c = item.citation
        if c.number is None:
            return frozenset({("title", (c.title or "").lower())})
        key, day = number_key(c.number), c.date or None
        keys = {("key", key), ("key-date", key, day)}
        if day:
            keys.add(("num-date", item.num, day))
            if not item.known:
                keys.add(("num-date-unread", item.num, day))
        return frozenset(keys)

    def file(self, at: int) -> None:
        keys = self._keys(self.merged[at])
        for key in keys - self.keys.get(at, frozenset()):
            heappush(self.buckets.setdefault(key, []), at)
        self.keys[at] = keys

    def _head(self, key: tuple) -> int | None:
        bucket = self.buckets.get(key)
        while bucket and key not in self.keys[bucket[0]]:
            heappop(bucket)
        return bucket[0] if bucket else None

    def first(self, item: Found) -> int | None:
        """Index of the first merged item ``_same`` as ``item`` (None: it is new)."""
        c = item.citation
        if c.number is None:
            heads = [self._head(("title", (c.title or "").lower()))]
        else:
            key, day = number_key(c.number), c.date or None
            if day:
                unread = "num-date" if not item.known else "num-date-unread"
                heads = [
                    self._head(("key-date", key, None)),
                    self._head(("key-date", key, day)),
                    self._head((unread, item.num, day)),
                ]
            else:
                heads = [self._head(("key", key))]
        found = [h for h in heads if h is not None]
        return min(found) if found else None


def _same(a: Found, b: Found) -> bool:
    ca, cb = a.citation, b.citation
    if ca.number is None or cb.number is None:
        return (
            ca.number is None and cb.number is None and (ca.title or "").lower() == (cb.title or "").lower()
        )
    if number_key(ca.number) == number_key(cb.number):
        return not (ca.date and cb.date and ca.date != cb.date)
    # an OCR-mangled repeat: same number and date, one of them with an unreadable code
    return a.num == b.num and bool(ca.date) and ca.date == cb.date and not (a.known and b.known)
