"""Who issued a cited document: "... của Ủy ban nhân dân tỉnh Sóc Trăng",
"... của Chính phủ", or, when the text names nobody, what the number's own
issuer code says (CP, TTg, UBND, SNV ...), placed in the citing plan's
jurisdiction for local codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from cancu.loaders.codes import Code
from cancu.loaders.fold import Folded, fold_str, fuzzy_alternation, fuzzy_pattern
from cancu.loaders.places import (
    UNIT_RE,
    UNIT_WORDS,
    canonical_unit,
    find_province,
    is_city,
    known_unit,
    match_province,
    printed_name,
)
from cancu.ontology.datafiles import read_rows


@dataclass
class Place:
    """A jurisdiction as a text names it: canonical province, printed district/commune."""

    province: str | None = None
    district: str | None = None
    commune: str | None = None
    #: the unit word printed before the commune's name: xã, phường, thị trấn
    commune_word: str = "xã"
    #: the unit word printed before the district's name: huyện, quận, thị xã, thành phố
    district_word: str = "huyện"

    @property
    def level(self) -> str | None:
        if self.commune:
            return "commune"
        if self.district:
            return "district"
        return "province" if self.province else None

    def label(self) -> str | None:
        """ "Cù Lao Dung, Sóc Trăng" — most specific first, as EXTRACTION.md writes it. (A commune
        may bear the name of the district it replaced: the graph tells them apart by level.)"""
        parts = [p for p in (self.commune, self.district, self.province) if p]
        if self.commune and self.district and self.district == self.province:
            parts.pop()  # a ward of "thành phố Thanh Hóa" in "tỉnh Thanh Hóa": the name once ("Long Anh, Thanh Hóa")
        return ", ".join(parts) or None

    def unit_name(self) -> str | None:
        """ "tỉnh Sóc Trăng", "huyện Cù Lao Dung"."""
        if self.commune:
            return f"{self.commune_word} {self.commune}"
        if self.district:
            return f"{self.district_word} {self.district}"
        if self.province:
            return f"{'thành phố' if is_city(self.province) else 'tỉnh'} {self.province}"
        return None


@dataclass
class Issuer:
    name: str
    level: str | None
    scope: str  # national | local
    place: Place = field(default_factory=Place)
    start: int = 0  # folded offsets of the words naming it
    end: int = 0


@dataclass(frozen=True)
class _Phrase:
    phrase: str
    issuer: str
    level: str
    scope: str


@cache
def _phrases() -> tuple[_Phrase, ...]:
    rows = [
        _Phrase(r["phrase"], r["issuer"], r["level"], r["scope"]) for r in read_rows("issuer_phrases.csv")
    ]
    for r in read_rows("doc_codes.csv"):
        if r["role"] == "issuer" and r["scope"] == "national":
            rows.append(_Phrase(r["name"], r["issuer"], r["level"], "national"))
    return tuple(sorted(rows, key=lambda p: len(p.phrase), reverse=True))


@cache
def issuer_regex() -> re.Pattern[str]:
    alternatives = [f"(?P<i{i}>{fuzzy_pattern(p.phrase)})(?![a-z])" for i, p in enumerate(_phrases())]
    return re.compile("|".join(alternatives))


CUA = re.compile(r"(?:" + fuzzy_alternation(("của",)) + r")(?![a-z])\s+")
PAREN_ABBR = re.compile(r"\s*\(\s*[a-z]{2,6}\s*\)")


def read_place(folded: Folded, pos: int) -> tuple[Place | None, str | None, int]:
    """The unit named at ``pos`` ("tỉnh Sóc Trăng", "huyện Cù Lao Dung"): place, level, end."""
    text = folded.text
    after = pos + 1 if text[pos : pos + 1] == " " else -1  # one space after the body's name, on its line
    u, level, pos = _unit_at(folded, pos)
    if not u:
        bare = bare_province(text, after) if after == pos else None
        if bare is not None:  # "Sở GD&ĐT TPHCM", "UBND TP.HCM": a province printed as its name alone
            return Place(province=bare[0]), "province", bare[1]
        return None, None, pos
    name_pos = u.end()
    if level in ("province", "city"):
        found = match_province(text, name_pos)
        if found and level == "city" and not is_city(found[0].name):
            # "thành phố Bắc Kạn": the provincial capital, a district-level city named like its province
            name = found[0].name
            return Place(province=name, district=name, district_word="thành phố"), "district", found[1]
        if found:
            return Place(province=found[0].name), "province", found[1]
        if level == "province":
            return Place(), "province", u.end()  # "UBND tỉnh" without a name: the citing plan's
        level = "district"
    name, end_orig = printed_name(folded.original, folded.span(name_pos, name_pos)[0])
    if not name:
        return Place(), level, u.end()
    end = folded.folded_offset(end_orig)
    printed_unit = u.group("unit").strip()
    if level == "district":
        word = _spelled(printed_unit, ("quận", "thị xã", "thành phố", "tp")) or "huyện"
        if word in ("thành phố", "tp") and not known_unit(name, "district"):
            # "Chủ tịch UBND TP Nguyễn Thế Thảo đã ký …": a person's name, not a city the registry knows
            return Place(), "province", u.end()
        return Place(district=name, district_word="thành phố" if word == "tp" else word), level, end
    word = _spelled(printed_unit, ("phường", "thị trấn", "xã")) or "xã"
    return Place(commune=name, commune_word=word), level, end


def bare_province(text: str, pos: int) -> tuple[str, int] | None:
    """A province named at ``pos`` by its name or alias alone, spelled exactly ("TPHCM", "Hà Nội"), never a
    near-miss of other words."""
    found = match_province(text, pos)
    if found is None:
        return None
    province, end = found
    if text[pos:end] != province.folded or text[end : end + 1].isalnum():
        return None
    return province.name, end


@lru_cache(maxsize=4096)
def _spelled(printed: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` a folded unit word spells, OCR included (cached: a handful recur)."""
    return next((w for w in words if re.fullmatch(fuzzy_pattern(w), printed)), None)


def unit_level(folded: Folded, pos: int) -> str | None:
    """The level of the unit word ``read_place`` reads at ``pos`` (province, city, district,
    commune), None if none: only a province or a city can give a place its province."""
    return _unit_at(folded, pos)[1]


def _unit_at(folded: Folded, pos: int) -> tuple[re.Match[str] | None, str | None, int]:
    """The unit word at ``pos`` (after an abbreviation in brackets and white space), its level,
    and where it was looked for."""
    text = folded.text
    m = PAREN_ABBR.match(text, pos)
    if m:
        pos = m.end()
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    u = UNIT_RE.match(text, pos)
    if not u:
        return None, None, pos
    return u, UNIT_WORDS[_spelled(u.group("unit"), tuple(UNIT_WORDS))], pos


def read_issuer(folded: Folded, pos: int, limit: int, context: Place) -> Issuer | None:
    """An issuer named by "của <phrase>" between ``pos`` and ``limit``."""
    text = folded.text
    for cua in CUA.finditer(text, pos, limit):
        m = issuer_regex().match(text, cua.end())
        if m:
            return _build(folded, m, context)
    return None


def read_issuer_at(folded: Folded, pos: int, context: Place) -> Issuer | None:
    m = issuer_regex().match(folded.text, pos)
    return _build(folded, m, context) if m else None


def _build(folded: Folded, m: re.Match[str], context: Place) -> Issuer:
    phrase = _phrases()[int(m.lastgroup[1:])]
    if phrase.scope == "national":
        return Issuer(phrase.issuer, phrase.level or "national", "national", Place(), m.start(), m.end())
    place, level, end = read_place(folded, m.end())
    if place is None or (not place.province and not place.district and not place.commune):
        place = _context_place(context, level or phrase.level or "province")
        level = level or phrase.level or "province"
        end = max(end, m.end()) if place else m.end()
    elif place.district and not place.province:
        place.province = context.province
    elif place.commune and not place.province:
        place.province, place.district = context.province, context.district
        place.commune_word = place.commune_word
    _canonical(place)
    name = fill_province(phrase.issuer.replace("{place}", place.unit_name() or ""), place.province)
    body_level = phrase.level or level
    return Issuer(" ".join(name.split()), body_level, "local", place, m.start(), end)


def fill_province(template: str, province: str | None) -> str:
    """A name template with its province ("Sở Tư pháp tỉnh {province}"): a centrally-run city is a "thành phố"
    ("Sở Tư pháp thành phố Hải Phòng")."""
    if province and is_city(province):
        template = template.replace("tỉnh {province}", "thành phố {province}")
    return template.replace("{province}", province or "")


def _canonical(place: Place) -> None:
    """District and commune names as the registry spells them (OCR loses diacritics)."""
    if place.district:
        place.district = canonical_unit(place.province, place.district, "district")
    if place.commune:
        place.commune = canonical_unit(place.province, place.commune, "commune")


def _context_place(context: Place, level: str) -> Place:
    if level == "district":
        return Place(
            province=context.province, district=context.district, district_word=context.district_word
        )
    if level == "commune":
        return Place(
            province=context.province,
            district=context.district,
            commune=context.commune,
            commune_word=context.commune_word,
            district_word=context.district_word,
        )
    return Place(province=context.province)


def issuer_from_code(code: Code | None, context: Place, citing_level: str | None) -> Issuer | None:
    """The issuer a number's own code implies when the text names none."""
    if code is None:
        return None
    if code.scope == "national":
        return Issuer(code.issuer, code.level or "national", "national")
    if code.code in ("UBND", "HĐND"):
        # A department cites its province's UBND; a UBND cites its own series.
        level = citing_level if citing_level in ("district", "commune") else "province"
        place = _context_place(context, level)
        unit = place.unit_name() or ""
        return Issuer(f"{code.code} {unit}".strip(), level, "local", place)
    place = Place(province=context.province)
    name = fill_province(code.issuer, context.province).replace("{jurisdiction}", "")
    return Issuer(" ".join(name.split()), code.level or None, "local", place)


def province_named_in(folded: Folded, named: bool = False) -> str | None:
    """The province a district plan sits in: the first "tỉnh X" its text names (``named``: the one province
    the text names with its unit word, never one found in other words, none when it names several)."""
    seen: list[str] = []
    for u in UNIT_RE.finditer(folded.text, 0, min(len(folded.text), 8000)):
        if unit_level(folded, u.start()) not in ("province", "city"):
            continue  # a district or commune does not name its province
        place, level, _ = read_place(folded, u.start())
        if place and place.province:
            if not named:
                return place.province
            printed = fold_str(place.province).lower()
            near = folded.text[u.end() : u.end() + len(printed) + 4]  # "tỉnh Sơn La", "Tỉnh ủy Sơn La"
            if printed in near and place.province not in seen:
                seen.append(place.province)  # named as printed, not a near-miss of other words
    if named:
        return seen[0] if len(seen) == 1 else None
    p = find_province(folded.text[:8000])
    return p.name if p else None
