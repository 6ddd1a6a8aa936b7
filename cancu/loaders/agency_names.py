"""Agency names as plans print them -> one canonical short name each.

Data: ``agency_canon.csv`` (canonical name, kind, phrases). Titles and
quantifiers in front ("Thủ trưởng các", "Giám đốc", "Chủ tịch") are dropped;
the plan's own UBND keeps its place ("UBND tỉnh Đồng Tháp"); an unknown name
is kept as printed, tidied, never guessed.
"""

from __future__ import annotations

import re
from functools import cache

from cancu.loaders.fold import fold_str, fuzzy_pattern
from cancu.ontology.datafiles import read_rows

LEADING = re.compile(
    r"^(?:(?:giao|đối với|doi voi|thủ trưởng|thu truong|giám đốc|giam doc|chủ tịch|chu tich|lãnh đạo|lanh dao|"
    r"trưởng|truong)\s+)*(?:các|cac|céc|cic)?\s*", re.IGNORECASE)


@cache
def _table() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    rows = []
    for r in read_rows("agency_canon.csv"):
        for phrase in r["phrases"].split("|"):
            rows.append((phrase.strip(), r["canonical"], r["kind"]))
    rows.sort(key=lambda t: -len(t[0]))
    return tuple((re.compile(fuzzy_pattern(p) + r"(?![a-z])"), c, k) for p, c, k in rows)


@cache
def finder() -> re.Pattern[str]:
    """One regex for every known agency phrase, longest first (for scanning text)."""
    return re.compile("|".join(f"(?P<a{i}>{rx.pattern})" for i, (rx, _, _) in enumerate(_table())))


def name_of_group(group: str) -> str:
    return _table()[int(group[1:])][1]


def canonical(printed: str, own_ubnd: str | None = None, level: str | None = None) -> str | None:
    """The canonical name of one printed agency, or None for an empty string."""
    text = " ".join(printed.replace("\n", " ").split()).strip(" ;,.:-–")
    text = LEADING.sub("", text).strip()
    if not text:
        return None
    folded = fold_str(text).lower()
    for rx, name, _ in _table():
        if rx.fullmatch(folded) or (rx.match(folded) and len(folded) - rx.match(folded).end() <= 3):
            return name
    if own_ubnd and re.fullmatch(r"(?:ubnd|uy ban nhan dan)\s+(?:tinh|huyen|xa|thanh pho)?\s*\S*.*", folded) and _own(folded, own_ubnd):
        return own_ubnd
    return text[:1].upper() + text[1:]


def _own(folded: str, own_ubnd: str) -> bool:
    own = fold_str(own_ubnd).lower()
    unit = own.split(" ", 1)[1] if " " in own else own
    return folded.endswith(unit.split(" ", 1)[0]) or unit in folded or folded.split()[-1] in ("tinh", "huyen", "xa")


def split_cell(cell: str, own_ubnd: str | None = None) -> list[str]:
    """"Cơ quan, đơn vị huyện; UBND cấp xã" -> two canonical names (cells split on ";")."""
    out = []
    for part in re.split(r";|\n|(?:^|\s)-\s", cell):
        name = canonical(part, own_ubnd)
        if name and name not in out:
            out.append(name)
    return out


def find_in(folded_text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Known agencies named between ``start`` and ``end`` of a folded text."""
    out = []
    for m in finder().finditer(folded_text, start, end):
        out.append((name_of_group(m.lastgroup), m.start(), m.end()))
    return out
