"""Stable, deterministic, readable identifiers (ONTOLOGY.md, "Identifiers").

- jurisdiction: general to specific, joined by ``.``: ``soc-trang``,
  ``soc-trang.cu-lao-dung``;
- agency: ``so-noi-vu@binh-phuoc``, ``phong-noi-vu@soc-trang.cu-lao-dung``,
  national bodies without ``@``: ``chinh-phu``, ``bo-noi-vu``;
- document: number slug, ``.`` year of issue (when known), and for locally
  numbered issuers ``@`` the jurisdiction: ``76-nq-cp.2021``,
  ``2685-qd-ubnd.2021@binh-phuoc``. Two documents that share a number but not
  a year (76/NQ-CP of 2013 and of 2021) can therefore never share an id.

Ids are made only of ``[a-z0-9.@_-]``, so they are safe as file names and IRI
path segments.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ID = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """Lowercase ASCII with Vietnamese diacritics removed (đ -> d).

    Names (agencies, places, numbers) are folded again and again while a graph
    is assembled — 150k calls for a few thousand distinct names in a province's
    year — so short strings go through a cache; long texts are folded afresh
    and never kept."""
    if text.isascii():
        return text.lower()
    if len(text) <= 256:
        return _ascii_fold_short(text)
    return _ascii_fold(text)


@lru_cache(maxsize=1 << 16)
def _ascii_fold_short(text: str) -> str:
    return _ascii_fold(text)


def _ascii_fold(text: str) -> str:
    text = text.translate(_FOLD_TABLE)  # precomposed letters in one C pass; anything else the slow way
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _fold_table() -> dict[int, str]:
    table = {ord("Đ"): "D", ord("đ"): "d", ord("Ð"): "D"}
    for code in range(0xC0, 0x2000):
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and base.isascii() and len(base) == 1:
            table[code] = base
    return table


_FOLD_TABLE = _fold_table()


@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    """``"Sở Nội vụ"`` -> ``"so-noi-vu"``; ``"76/NQ-CP"`` -> ``"76-nq-cp"``."""
    return _NON_ID.sub("-", ascii_fold(text)).strip("-")


def jurisdiction_id(*names: str | None) -> str | None:
    """Id of a jurisdiction from its names, most general first; None if none given."""
    parts = [slug(n) for n in names if n]
    parts = [p for p in parts if p]
    return ".".join(parts) or None


def agency_id(name: str, jurisdiction: str | None = None) -> str:
    """``agency_id("Sở Nội vụ", "binh-phuoc")`` -> ``"so-noi-vu@binh-phuoc"``."""
    base = slug(name) or "unnamed"
    return f"{base}@{jurisdiction}" if jurisdiction else base


def document_id(number: str, year: int | None = None, jurisdiction: str | None = None) -> str:
    """Id of a document from its printed number, its year of issue and, for a
    locally numbered issuer, its jurisdiction id."""
    base = slug(number) or "unnumbered"
    if year:
        base = f"{base}.{year}"
    return f"{base}@{jurisdiction}" if jurisdiction else base


def safe_filename(text: str, suffix: str = "") -> str:
    """A file name that cannot leave its folder, whatever the text holds."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_fold(text)).strip(".-") or "unnamed"
    return name[:120] + suffix


_NUMBER_NOISE = re.compile(r"[\s\-–.]")
"""Separators that never tell two numbers apart: spaces, dashes, and the dot of the old "QĐ.TTg"."""


@lru_cache(maxsize=1 << 14)
def number_key(number: str | None) -> str:
    """The one comparison key of a document number: folded, upper case, without spaces, dashes or dots.

    "76/NQ-CP", "76/nq-cp" and "76 / NQ CP" share ``76/NQCP``; the year and issuer tell documents of
    one number apart, never this key."""
    return _NUMBER_NOISE.sub("", ascii_fold(number or "")).upper().removeprefix("SO:")
