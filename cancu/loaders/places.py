"""Place names in plan text: provinces from the registry, districts and
communes as printed, all tolerant of OCR.

A province name is matched first with the OCR-tolerant pattern of each
registry name, then, failing that, by string similarity to the closest
registry name ("Binh Phugc" -> Bình Phước), with a floor and a margin so two
close names never get confused silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from cancu.loaders.fold import fold_str, fuzzy_alternation, fuzzy_pattern, named_alternation
from cancu.loaders.similarity import similarity
from cancu.ontology.datafiles import read_rows

#: unit words as printed before a place name -> level; "thành phố" depends on the name
UNIT_WORDS: dict[str, str] = {
    "tỉnh": "province",
    "thành phố": "city",
    "tp": "city",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
}
UNIT_RE = re.compile(
    r"(?P<unit>"
    + fuzzy_alternation(sorted(UNIT_WORDS, key=len, reverse=True))
    + r")\.?(?:[ \t]+|[ \t]*\n[ \t]*(?=\S))"
)
SIMILARITY_FLOOR = 0.74
SIMILARITY_MARGIN = 0.04


_CITIES: set[str] = set()


def is_city(province: str | None) -> bool:
    """A centrally-run city ("thành phố Hà Nội"), named so instead of "tỉnh"."""
    provinces()
    return province in _CITIES


@dataclass(frozen=True)
class Province:
    name: str  # canonical, with diacritics
    folded: str
    active_until: str | None


@cache
def provinces() -> tuple[Province, ...]:
    """Every province name, before and after the 2025 restructuring (``provinces.csv``)."""
    out = {}
    for r in read_rows("provinces.csv"):
        name = r["name"]
        for alias in [name] + [a for a in r.get("aliases", "").split("|") if a]:
            out.setdefault(
                fold_str(alias).lower(),
                Province(name, fold_str(alias).lower(), r.get("active_until") or None),
            )
        if r.get("kind") == "city":
            _CITIES.add(name)
    return tuple(out.values())


@cache
def _province_regex() -> re.Pattern[str]:
    names = sorted(provinces(), key=lambda p: len(p.folded), reverse=True)
    return re.compile(
        named_alternation([(f"p{i}", fuzzy_pattern(p.folded) + "(?![a-z])") for i, p in enumerate(names)])
    )


@cache
def _province_index() -> dict[str, Province]:
    names = sorted(provinces(), key=lambda p: len(p.folded), reverse=True)
    return {f"p{i}": p for i, p in enumerate(names)}


def match_province(folded: str, pos: int = 0, *, max_words: int = 4) -> tuple[Province, int] | None:
    """The province named at ``pos`` of a folded text, and where its name ends."""
    m = _province_regex().match(folded, pos)
    if m:
        return _province_index()[m.lastgroup], m.end()
    words = list(re.finditer(r"[a-z0-9&]+", folded[pos : pos + 60]))
    if not words or words[0].start() > 1 or folded[pos : pos + words[0].start()].strip():
        return None  # a name starts right here, not after a bracket ("thành phố (qua Phòng ...")
    best: tuple[float, Province | None, int] = (0.0, None, 0)
    second = 0.0
    for n in range(1, min(max_words, len(words)) + 1):
        candidate = " ".join(w.group() for w in words[:n])
        score, province, runner_up = _closest(candidate)
        if province is None:
            continue
        if score > best[0]:
            if best[1] is not None and best[1].name != province.name:
                second = max(second, best[0])
            second = max(second, runner_up)
            best = (score, province, pos + words[n - 1].end())
        elif best[1] is not None and province.name != best[1].name:
            second = max(second, score)
    score, province, end = best
    if province and score >= SIMILARITY_FLOOR and score - second >= SIMILARITY_MARGIN:
        return province, end
    return None


@lru_cache(maxsize=65536)
def _closest(candidate: str) -> tuple[float, Province | None, float]:
    """(best score, best province, runner-up score) by string similarity."""
    scored = sorted(
        (
            (similarity(candidate, p.folded), p)
            for p in provinces()
            if abs(len(p.folded) - len(candidate)) <= 3
        ),
        key=lambda t: -t[0],
    )
    if not scored:
        return 0.0, None, 0.0
    runner_up = next((s for s, p in scored[1:] if p.name != scored[0][1].name), 0.0)
    return scored[0][0], scored[0][1], runner_up


def find_province(folded: str) -> Province | None:
    """The first province named anywhere in a short folded text."""
    m = _province_regex().search(folded)
    return _province_index()[m.lastgroup] if m else None


_NAME_WORD = re.compile(r"[A-ZĐÀ-Ỹ0-9][^\s,;.:()]*")


def _capital(word: str) -> bool:
    return word.isupper() or word.isdigit()


def printed_name(original: str, start: int, *, max_words: int = 4) -> tuple[str, int]:
    """Capitalised words from ``start`` of the ORIGINAL text: "Cù Lao Dung xây dựng" -> "Cù Lao Dung".

    A name ends at a column gap (a tab or two spaces: the two header columns of a plan run
    together when its text is extracted) and, in a name printed in capitals ("QUẬN BA ĐÌNH"),
    at the first word that is not ("Độc lập ..." of the other column). A name printed in
    capitals is returned in title case ("Ba Đình")."""
    words: list[str] = []
    pos = start
    for _ in range(max_words):
        gap = pos
        while pos < len(original) and original[pos] in " \t":
            pos += 1
        if words and (pos - gap >= 2 or "\t" in original[gap:pos]):
            pos = gap
            break
        m = _NAME_WORD.match(original, pos)
        if not m or not (m.group()[0].isupper() or m.group()[0].isdigit()):
            pos = gap if words else pos
            break
        if words and all(_capital(w) for w in words) and not _capital(m.group()):
            pos = gap
            break
        words.append(m.group())
        pos = m.end()
    name = " ".join(words)
    if len(name) > 1 and all(_capital(w) for w in words):
        name = " ".join(w.capitalize() for w in words)
    return name, pos


UNIT_PREFIXES = ("Huyện ", "Quận ", "Thị xã ", "Thành phố ", "Xã ", "Phường ", "Thị trấn ", "Đặc khu ")


@cache
def _units() -> dict[str, tuple[str, str]]:
    """jurisdiction id -> (canonical name without its unit word, level)
    ("soc-trang.cu-lao-dung" -> ("Cù Lao Dung", "district"); "Thành Phố Bắc Kạn" -> "Bắc Kạn")."""
    out = {}
    for r in read_rows("jurisdictions.csv"):
        name = r["name"]
        for prefix in UNIT_PREFIXES:
            if name.lower().startswith(prefix.lower()):
                name = name[len(prefix) :]
                break
        out[r["id"]] = (name, r["level"])
    return out


def canonical_unit(province: str | None, printed: str, level: str) -> str:
    """Restore a district or commune name as the registry spells it ("Duc Trong" -> "Đức Trọng"),
    when the province is known and the registry has exactly that unit at that level; else keep
    what is printed."""
    if not province or not printed:
        return printed
    from cancu.ontology.ids import slug

    prov, unit = slug(province), slug(printed)
    words = {
        "district": ("huyen", "quan", "thi-xa", "thanh-pho"),
        "commune": ("xa", "phuong", "thi-tran"),
    }.get(level, ())
    for key in (f"{prov}.{unit}", *(f"{prov}.{w}-{unit}" for w in words)):
        found = _units().get(key)
        if found and found[1] == level:
            return found[0]
    return printed


@cache
def _unit_provinces() -> dict[tuple[str, str], frozenset[str]]:
    """(level, folded name without its unit word) -> the provinces that have such a unit."""
    from cancu.ontology.ids import slug

    by_slug = {slug(p.name): p.name for p in provinces()}
    out: dict[tuple[str, str], set[str]] = {}
    for r in read_rows("jurisdictions.csv"):
        province = by_slug.get(r["parent"])
        name = _units().get(r["id"], ("", ""))[0]
        if province and name and r["level"] in ("district", "commune"):
            out.setdefault((r["level"], fold_str(name).lower()), set()).add(province)
    return {k: frozenset(v) for k, v in out.items()}


def known_unit(printed: str, level: str) -> bool:
    """Whether the registry knows a district or commune of that name in any province."""
    return (level, fold_str(printed).lower()) in _unit_provinces()


def province_of_unit(printed: str, level: str, on: str | None) -> str | None:
    """The province of a district or commune that the registry knows under exactly one province.

    The registry lists the districts that ended on 2025-07-01 and the communes that began then,
    so a district is looked up for a plan dated before that day and a commune for one dated
    after it (``on``: ISO date); the old communes are not in it. None when not unique."""
    if not printed or not on:
        return None
    if (level == "district") != (on < reform_day()):
        return None
    found = _unit_provinces().get((level, fold_str(printed).lower()), frozenset())
    return next(iter(found)) if len(found) == 1 else None


@cache
def reform_day() -> str:
    """The day districts ended and the new communes began (``reforms.csv``: district_level_end, NQ 203/2025/QH15)."""
    from cancu.ontology.registry import shipped

    return shipped().reforms["district_level_end"].starts
