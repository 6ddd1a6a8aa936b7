"""Node keys for the things records name: documents, agencies, jurisdictions.

One node per real thing: an agency is its canonical short name inside its
jurisdiction ("Sở Nội vụ" of Đồng Tháp -> ``agency:so-noi-vu@dong-thap``); an
issuer printed with its place ("UBND tỉnh Sóc Trăng") is split into the body
("UBND") and the place; national bodies have no place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cancu.ontology.ids import agency_id, ascii_fold, document_id, jurisdiction_id, slug

#: place words that end an issuer's name: "UBND tỉnh X", "Sở Nội vụ tỉnh X"
PLACE_WORDS = re.compile(
    r"\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã(?!\s+hội)|phường|thị trấn)\s+.+$", re.IGNORECASE
)
"""The place a name ends with ("Sở Nội vụ tỉnh Quảng Ngãi"); "xã hội" is a word, not a commune."""
NATIONAL_BODIES = {
    "chinh phu",
    "thu tuong chinh phu",
    "quoc hoi",
    "uy ban thuong vu quoc hoi",
    "van phong chinh phu",
    "ban chap hanh trung uong dang",
    "bo chinh tri",
    "ban bi thu",
}


def jur_key(label: str | None, level: str | None = None) -> str | None:
    """ "Cù Lao Dung, Sóc Trăng" (most specific first) -> ``jur:soc-trang.cu-lao-dung``.

    Since 2025 a commune may bear the name of the district it replaced ("xã Đức Trọng" and
    "huyện Đức Trọng"): the level picks the registry's id, so the two never become one place."""
    if not label:
        return None
    parts = [p.strip() for p in label.split(",") if p.strip()]
    jid = jurisdiction_id(*reversed(parts))
    if jid and "." in jid:
        jid = registry_unit_id(jid, level)
    return f"jur:{jid}" if jid else None


def registry_unit_id(jid: str, level: str | None = None) -> str:
    from cancu.ontology.units import unit_id

    return unit_id(jid, level)


@lru_cache(maxsize=1 << 14)
def is_national(name: str) -> bool:
    folded = ascii_fold(name).strip()
    return folded in NATIONAL_BODIES or folded.startswith(
        ("bo ", "uy ban dan toc", "thanh tra chinh phu", "ngan hang nha nuoc")
    )


def body_name(issuer: str) -> str:
    """ "UBND tỉnh Sóc Trăng" -> "UBND"; "Sở Nội vụ tỉnh Quảng Ngãi" -> "Sở Nội vụ"."""
    return PLACE_WORDS.sub("", issuer).strip() or issuer


def agency_key(name: str, jurisdiction: str | None) -> str:
    """Key of an agency named ``name`` inside ``jurisdiction`` (a ``jur:`` key or None)."""
    if is_national(name) or not jurisdiction:
        return f"agency:{agency_id(name)}"
    return f"agency:{agency_id(body_name(name), jurisdiction.removeprefix('jur:'))}"


def doc_key(
    document_id_text: str | None, number: str | None, year: int | None, jurisdiction: str | None
) -> str:
    if document_id_text:
        return f"doc:{document_id_text}"
    jid = jurisdiction.removeprefix("jur:") if jurisdiction else None
    return f"doc:{document_id(number or 'unnumbered', year, jid)}"


def number_base(number: str) -> str:
    return slug(number)
