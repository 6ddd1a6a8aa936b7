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
from functools import cache, lru_cache

from cancu.loaders.decode_legacy import TCVN3, VNI, decode_tcvn3, decode_vni
from cancu.ontology.datafiles import read_rows

#: scoring looks at this much of the file: enough words, bounded time on a 50 MB input
SAMPLE_BYTES = 200_000
TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
WORD = re.compile(r"[^\W\d_]+")
#: Latin-1 symbols, C1 controls, U+FFFD and (after NFC) combining marks no letter took:
#: what a wrong table leaves where letters were
STRAY = re.compile(r"[\x80-\x9f\xa1-\xbf\ufffd\u0300-\u036f]")


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
    #: this candidate's score, and the best score of a candidate that reads the bytes differently
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
        text = decode(sample)
        scored.append((vietnamese_score(text), -rank, name, decode, text))
    scored.sort(key=lambda s: s[:2], reverse=True)
    best = scored[0]
    others = [s[0] for s in scored[1:] if s[4] != best[4]]
    return Guess(best[2], best[3](data), best[0], max(others, default=0))


def vietnamese_score(text: str) -> int:
    """Words with a non-ASCII letter that spell a Vietnamese syllable, less those that do not."""
    text = unicodedata.normalize("NFC", text)
    score = -len(STRAY.findall(text))
    for word in WORD.findall(text):
        if word.isascii():
            continue
        score += 1 if is_syllable(word) else -1
    return score


@lru_cache(maxsize=65_536)
def is_syllable(word: str) -> bool:
    """Cased as a word (lower, Title or UPPER); an onset (maybe none) and a rhyme; at most one
    tone mark, on the vowel that carries it in Vietnamese spelling."""
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    marks = [i for i, c in enumerate(decomposed) if c in TONES]
    if len(marks) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    if not marks:
        return not bare.endswith(STOPS) and any(True for _ in _parses(bare))
    if bare.endswith(STOPS) and decomposed[marks[0]] not in STOP_TONES:
        return False
    toned = len(unicodedata.normalize("NFC", decomposed[: marks[0]])) - 1  # index of the toned letter
    return any(toned in _tone_places(bare, onset) for onset in _parses(bare))


VOWELS = "aăâeêioôơuưy"
#: a syllable closed by p, t, c or ch takes the sắc or nặng tone, never another or none
STOPS = ("p", "t", "c", "ch")
STOP_TONES = frozenset("\u0301\u0323")
HATTED = "ăâêôơư"


def _parses(bare: str):
    """Each onset that leaves a known rhyme (a bare "gi" is the onset gi with its i merged)."""
    if bare == "gi":
        yield "g"
        return
    onsets, rhymes = _parts()
    for onset, not_before in onsets:
        rhyme = bare[len(onset) :]
        if bare.startswith(onset) and rhyme in rhymes and rhyme[0] not in not_before:
            yield onset


def _tone_places(bare: str, onset: str) -> set[int]:
    """Where the tone may sit: a hatted vowel (the later of two), else the last vowel before a
    final consonant, else the middle of three vowels or the first of two (oa, oe, uy: either)."""
    start = len(onset)
    vowels = ""
    for c in bare[start:]:
        if c not in VOWELS:
            break
        vowels += c
    has_coda = start + len(vowels) < len(bare)
    hats = [i for i, c in enumerate(vowels) if c in HATTED]
    if hats:
        places = {hats[-1]}
    elif has_coda or len(vowels) == 1:
        places = {len(vowels) - 1}
    elif vowels in ("oa", "oe", "uy"):
        places = {0, 1}
    else:
        places = {1 if len(vowels) == 3 else 0}
    return {start + i for i in places}


@cache
def _parts() -> tuple[tuple[tuple[str, frozenset[str]], ...], frozenset[str]]:
    """Onsets (longest first) with the letters they never precede, and the rhymes."""
    onsets: list[tuple[str, frozenset[str]]] = [("", frozenset())]
    rhymes = []
    for row in read_rows("vietnamese_syllables.csv"):
        if row["kind"] == "onset":
            onsets.append((row["spelling"], frozenset(row["not_before"].split())))
        else:
            rhymes.append(row["spelling"])
    return tuple(sorted(onsets, key=lambda o: len(o[0]), reverse=True)), frozenset(rhymes)
