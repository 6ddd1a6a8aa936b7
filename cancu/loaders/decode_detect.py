"""Which 8-bit encoding a non-UTF-8 text file is in: the candidate that reads as Vietnamese.

Byte statistics cannot tell TCVN3, VNI and Windows-1258 apart (all are
Latin-1-like), but the decoded words can: the right table gives real
Vietnamese syllables ("hoạch"), a wrong one gives mojibake ("ho¹ch",
"hoaïch"). So every candidate decodes a sample and scores one point per word
with a non-ASCII letter that spells a Vietnamese syllable, minus one per such
word that does not and per stray symbol or U+FFFD; the best score wins.
ASCII-only words score nothing: every candidate decodes them alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from cancu.loaders.decode_legacy import TCVN3, VNI, decode_tcvn3, decode_vni
from cancu.ontology.datafiles import read_rows

#: scoring looks at this much of the file: enough words, bounded time on a 50 MB input
SAMPLE_BYTES = 200_000
TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
WORD = re.compile(r"[^\W\d_]+")
#: Latin-1 symbols, C1 controls and U+FFFD: what a wrong table leaves where letters were
STRAY = re.compile(r"[\x80-\x9f\xa1-\xbf\ufffd]")


def _cp1258(data: bytes) -> str:
    return data.decode("cp1258", errors="replace")


def _cp1252(data: bytes) -> str:
    return data.decode("cp1252", errors="replace")


def _utf8_replacing(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


#: candidates in order of preference when scores tie
CANDIDATES: tuple[tuple[str, Callable[[bytes], str]], ...] = (
    ("cp1258", _cp1258),
    (TCVN3, decode_tcvn3),
    (VNI, decode_vni),
    ("cp1252", _cp1252),
    ("utf-8", _utf8_replacing),
)


@dataclass(frozen=True)
class Guess:
    encoding: str
    text: str
    #: this candidate's score and the runner-up's, for the confidence warning
    score: int
    runner_up: int

    @property
    def confident(self) -> bool:
        return self.score > 0 and self.score >= 2 * max(self.runner_up, 0) + 3


def guess(data: bytes) -> Guess:
    """The best-scoring candidate, decoded in full."""
    sample = data[:SAMPLE_BYTES]
    scored = []
    for rank, (name, decode) in enumerate(CANDIDATES):
        scored.append((vietnamese_score(decode(sample)), -rank, name, decode))
    scored.sort(reverse=True)
    best, second = scored[0], scored[1]
    return Guess(best[2], best[3](data), best[0], second[0])


def vietnamese_score(text: str) -> int:
    """Words with a non-ASCII letter that spell a Vietnamese syllable, less those that do not."""
    text = unicodedata.normalize("NFC", text)
    score = -len(STRAY.findall(text))
    for word in WORD.findall(text):
        if word.isascii():
            continue
        score += 1 if is_syllable(word) else -1
    return score


def is_syllable(word: str) -> bool:
    """An onset (maybe none) and a rhyme, with at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    return bare in _syllables()


@cache
def _syllables() -> frozenset[str]:
    onsets, rhymes = [""], []
    for row in read_rows("vietnamese_syllables.csv"):
        (onsets if row["kind"] == "onset" else rhymes).append(row["spelling"])
    spelled = {o + r for o in onsets for r in rhymes}
    spelled.add("gi")  # gì, gỉ: the onset gi with the rhyme i written once
    return frozenset(spelled)
