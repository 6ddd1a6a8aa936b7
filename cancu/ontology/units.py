"""The registry's id of a district or commune, given the level a text names it at.

Since 2025 a commune may bear the name of the district it replaced ("xã Đức
Trọng" and "huyện Đức Trọng"); the registry adds a unit word to an id only
where two units would otherwise share it. Extraction and the graph both call
``unit_id`` so that a document's id and its jurisdiction node agree.
"""

from __future__ import annotations

WORDS = {
    "commune": ("xa-", "phuong-", "thi-tran-", "dac-khu-"),
    "district": ("huyen-", "quan-", "thi-xa-", "thanh-pho-"),
}


def _units() -> dict:
    from cancu.ontology.registry import shipped  # a broken registry is an error, never "no units"

    return shipped().jurisdictions


def unit_id(jid: str, level: str | None) -> str:
    if level not in WORDS or "." not in jid:
        return jid
    units = _units()
    head, _, last = jid.rpartition(".")
    row = units.get(jid)
    if row is not None and row.level == level:
        return jid
    for word in WORDS[level]:
        candidate = f"{head}.{word}{last}"
        if candidate in units:
            return candidate
    if row is not None and row.level != level:
        return f"{head}.{WORDS[level][0]}{last}"  # never the other level's place
    return jid
