"""Agency names as plans print them -> one canonical short name each.

Data: ``agency_canon.csv`` (canonical name, kind, phrases). Titles and
quantifiers in front ("Thủ trưởng các", "Giám đốc", "Chủ tịch") are dropped;
the plan's own UBND keeps its place ("UBND tỉnh Đồng Tháp"); an unknown name
is kept as printed, tidied, never guessed.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from cancu.loaders import cues
from cancu.loaders.fold import fold_str, fuzzy_alternation, fuzzy_pattern, named_trie, trie_name
from cancu.loaders.places import is_city, match_province
from cancu.loaders.similarity import similarity
from cancu.ontology.datafiles import read_rows

LEADING = re.compile(
    r"^(?:(?:giao|đối với|doi voi|thủ trưởng|thu truong|giám đốc|giam doc|chủ tịch|chu tich|lãnh đạo|lanh dao|"
    r"chánh|chanh|tổng cục trưởng|cục trưởng|cuc truong|vụ trưởng|vu truong|bộ trưởng|bo truong|người đứng đầu|"
    r"trưởng ban|truong ban|trưởng|truong)\s+)*(?:các|cac|céc|cic)?\s*",
    re.IGNORECASE,
)


@cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    """(phrase, canonical name, kind) of every known phrase, longest first."""
    rows = []
    for r in read_rows("agency_canon.csv"):
        for phrase in r["phrases"].split("|"):
            rows.append((phrase.strip(), r["canonical"], r["kind"]))
    rows.sort(key=lambda t: -len(t[0]))
    return tuple(rows)


@cache
def _table() -> tuple[tuple[str, str, str], ...]:
    """(pattern, canonical name, kind) of every known phrase, longest first. The patterns are compiled one by
    one only when ``canonical`` needs one (``_phrase_rx``): the scan uses them all as one regex (``finder``),
    and compiling some 300 fuzzy patterns twice cost every extracting process half a second."""
    return tuple((fuzzy_pattern(p) + _END, c, k) for p, c, k in _rows())


_END = r"(?![a-z])"


@cache
def _phrase_rx(i: int) -> re.Pattern[str]:
    return re.compile(_table()[i][0])


@cache
def finder() -> re.Pattern[str]:
    """One regex for every known agency phrase, longest first (for scanning text); ``lastgroup``
    names the phrase (``index_of_group``). A trie of the phrases' first letters (``named_trie``):
    the same matches as their plain alternation, several times faster to scan with."""
    return re.compile(named_trie([(f"a{i}", phrase, _END) for i, (phrase, _, _) in enumerate(_rows())]))


def index_of_group(group: str) -> int:
    """The table row of a ``finder`` match's ``lastgroup``."""
    return int(trie_name(group)[1:])


def name_of_group(group: str) -> str:
    return _table()[index_of_group(group)][1]


@cache
def _groups() -> frozenset[str]:
    return frozenset(c for _, c, kind in _table() if kind == "group")


def is_group(name: str) -> bool:
    """A collective ("Sở, ban, ngành tỉnh", "UBND cấp xã"), never one body that can lead or end."""
    return name in _groups()


@lru_cache(maxsize=16384)
def canonical(printed: str, own_ubnd: str | None = None, level: str | None = None) -> str | None:
    """The canonical name of one printed agency, or None for an empty string (cached: table
    cells name the same few agencies again and again, and each look-up tries every phrase).

    A known phrase matches the whole name, or all of it but a short tail that is not a word
    (OCR debris: "Sở Nội vụ ,."); failing that, a name within a few OCR misreadings of a known
    phrase ("Phòng Kế hoạch - Tài chmh") is that phrase's agency."""
    text = " ".join(printed.replace("\n", " ").split()).strip(" ;,.:-–")
    text = LEADING.sub("", text).strip()
    if not text:
        return None
    folded = fold_str(text).lower()
    first = finder().match(folded)  # the first phrase, in the table's order, that matches at the start
    start = index_of_group(first.lastgroup) if first else len(_table())
    for i in range(start, len(_table())):  # then the later ones, in case the first leaves words over
        m = first if i == start else _phrase_rx(i).match(folded)
        if m and (
            m.end() == len(folded)
            or not re.search(r"[a-z]{2}", folded[m.end() :])
            and len(folded) - m.end() <= 3
        ):
            return _table()[i][1]
    if (
        own_ubnd
        and re.fullmatch(r"(?:ubnd|uy ban nhan dan)\s+(?:tinh|huyen|xa|thanh pho)?\s*\S*.*", folded)
        and _own(folded, own_ubnd)
    ):
        return own_ubnd
    near = _nearest(" ".join(re.findall(r"[a-z0-9]+", folded)))
    if near:
        return near
    return text[:1].upper() + text[1:]


NEAR_FLOOR = 0.92
"""Similarity (loaders.similarity) from which a name is taken as an OCR misreading of a known phrase:
one or two wrong letters in a name of four words or more; short names need an exact match."""


@cache
def _phrases_plain() -> tuple[tuple[str, str], ...]:
    rows = []
    for r in read_rows("agency_canon.csv"):
        for phrase in r["phrases"].split("|"):
            plain = " ".join(re.findall(r"[a-z0-9]+", fold_str(phrase).lower()))
            if len(plain) >= 15:
                rows.append((plain, r["canonical"]))
    return tuple(rows)


@lru_cache(maxsize=8192)
def _nearest(plain: str) -> str | None:
    if len(plain) < 15:
        return None
    best, score = None, 0.0
    head = plain.split(" ", 1)[0]
    for phrase, name in _phrases_plain():
        if abs(len(phrase) - len(plain)) > 3 or phrase.split(" ", 1)[0] != head:
            continue  # a misread letter, never another kind of body ("Bộ Giáo dục …" is no "Sở Giáo dục …")
        ratio = similarity(plain, phrase)
        if ratio > score:
            best, score = name, ratio
    return best if score >= NEAR_FLOOR else None


def _own(folded: str, own_ubnd: str) -> bool:
    own = fold_str(own_ubnd).lower()
    unit = own.split(" ", 1)[1] if " " in own else own
    return (
        folded.endswith(unit.split(" ", 1)[0])
        or unit in folded
        or folded.split()[-1] in ("tinh", "huyen", "xa")
    )


@cache
def _head_after_dash() -> re.Pattern[str]:
    """A dash followed by the first words of an agency's name (``agency_heads.csv``)."""
    heads = sorted((r["head"] for r in read_rows("agency_heads.csv")), key=len, reverse=True)
    return re.compile(
        r"(?:\s[-–]|,|\s"
        + fuzzy_pattern("và")
        + r")\s+(?=(?:"
        + fuzzy_pattern("các")
        + r"\s+)?(?:"
        + "|".join(fuzzy_pattern(h) for h in heads)
        + r")(?![a-z]))"
    )


@cache
def _and_heads() -> re.Pattern[str]:
    """Names that "và" can join to the one before ("Sở Giáo dục và Đào tạo và Sở Y tế"); after "và" words
    such as "Công nghệ", "Du lịch" continue one name."""
    heads = (
        "sở",
        "phòng",
        "công an",
        "bộ",
        "ban",
        "văn phòng",
        "trung tâm",
        "cục",
    )
    return re.compile(r"(?:" + fuzzy_alternation(heads, ocr=False) + r")(?![a-z])")


def split_cell(cell: str, own_ubnd: str | None = None) -> list[str]:
    """ "Cơ quan, đơn vị huyện; UBND cấp xã" -> two canonical names. A cell splits on ";", on line
    breaks, on item dashes at a line's start, on a dash between two names ("Phòng Nội vụ -
    Phòng Tư pháp") but not on the dash inside one ("Phòng Tài chính - Kế hoạch"), and on a comma
    before a capitalised name ("Sở Nội vụ, Sở Tư pháp") but not inside one ("Sở Văn hóa, Thể thao
    và Du lịch", "Cơ quan, đơn vị huyện")."""
    cell = cell.replace("\r", "")
    shared = cues.shared_head().match(cell)
    if (
        shared
    ):  # "Các Cục: Di sản văn hóa, Bản quyền tác giả" -> "Cục Di sản văn hóa", "Cục Bản quyền tác giả"
        head, out = shared.group(1), []
        groups = re.split(r"\.\s+(?=[A-ZĐ])", cell[shared.end() :])
        for k, group in enumerate(groups):
            if k and group.startswith(cues.list_heads()):  # ". Vụ Kế hoạch, Tài chính": a body of its own
                names = split_cell(group, own_ubnd)
            else:
                parts = [
                    p.strip(" .") for p in re.split(";" if ";" in group else ",", group) if p.strip(" .")
                ]
                names = [
                    canonical(p if p.startswith(cues.list_heads()) else f"{head} {p}", own_ubnd)
                    for p in parts
                ]
            out.extend(n for n in names if n and n not in out)
        return out
    folded = fold_str(cell).lower()
    cuts = [
        m
        for m in _head_after_dash().finditer(folded)
        if len(folded) == len(cell)
        and (
            m.group().strip() not in (",", "va")
            or m.group().strip() == ","
            and (cell[m.end() : m.end() + 1].isupper() or folded.startswith("cac ", m.end()))
            or m.group().strip() == "va"
            and (folded.startswith("cac ", m.end()) or bool(_and_heads().match(folded, m.end())))
        )
    ]  # "Sở X, Sở Y", "Sở X và Sở Y", "Sở X, các cơ quan …"; not "Cơ quan, đơn vị", "Văn hóa, Thể thao và Du lịch"
    known = find_in(folded, 0, len(folded)) if cuts else []
    cuts = [c for c in cuts if not any(s < c.start() < e for _, s, e in known)]  # never inside a known name
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(cell[last : cut.start()])
        last = cut.end()
    pieces.append(cell[last:])
    out = []
    for piece in pieces:
        for part in re.split(r";|\n|^\s*[-–+•]\s", piece.strip()):
            name = canonical(part, own_ubnd)
            if name and name not in out:
                out.append(name)
    return out


def find_in(folded_text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Known agencies named between ``start`` and ``end`` of a folded text, and the UBND of a province
    named by its place ("Ủy ban nhân dân tỉnh Đồng Nai": a national letter's addressee)."""
    out = [
        (name_of_group(m.lastgroup), m.start(), m.end()) for m in finder().finditer(folded_text, start, end)
    ]
    if "nhan dan" not in folded_text[start:end] and "ubnd" not in folded_text[start:end]:
        return out
    for m in PROVINCE_UBND.finditer(folded_text, start, end):
        hit = match_province(folded_text, m.end())
        if hit is None or hit[1] > end:
            continue
        province, stop = hit
        unit = "thành phố" if is_city(province.name) else "tỉnh"
        found = (f"UBND {unit} {province.name}", m.start(), stop)
        out = [o for o in out if not (m.start() <= o[1] < stop)] + [found]
    return sorted(out, key=lambda o: o[1])


PROVINCE_UBND = re.compile(
    r"(?:"
    + fuzzy_alternation(("ủy ban nhân dân", "ubnd"))
    + r")\s+(?:"
    + fuzzy_alternation(("tỉnh", "thành phố"))
    + r"|tp\.?)\s+"
)
"""A UBND named with its province ("UBND tỉnh Đồng Nai", "Ủy ban nhân dân thành phố Hồ Chí Minh")."""
