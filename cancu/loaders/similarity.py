"""How alike two folded strings are: one measure for every reader that forgives OCR's misread letters.

rapidfuzz's normalised Indel similarity (2·LCS / total length, 0..1) — the measure ``difflib`` approximates
— computed in C, with a cut-off under which it stops early: the fuzzy readers (province names, agency
names, area headings, department lines) compare one phrase with hundreds of candidates per document.
"""

from __future__ import annotations

from rapidfuzz.fuzz import ratio


def similarity(a: str, b: str, floor: float = 0.0) -> float:
    """0..1; 0.0 when below ``floor`` (not computed to the end)."""
    return ratio(a, b, score_cutoff=floor * 100) / 100
