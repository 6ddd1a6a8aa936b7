"""Folding: the text every matcher reads, with a map back to the original.

Matching runs on a *folded* copy of the decoded text — lowercase ASCII
letters, Vietnamese diacritics removed (đ -> d), a few OCR-only characters
mapped to the letter they stand for (data: ``ocr_confusions.csv``, kind
``char``) — so "Số", "SỐ", "So" and NFD "Số" read alike. Folding only
maps one character to one character or deletes it (combining marks), so a
span found in the folded text maps back to the exact original words: that is
what lets every fact point at its evidence.

``fuzzy_pattern`` turns a Vietnamese phrase into a regex over folded text that
also accepts what OCR prints for each letter (kind ``letter``): "Căn cứ"
matches "Cin ctr", "Sở Nội vụ" matches "S& Noi vu".
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache, wraps
from itertools import chain

from cancu.ontology.datafiles import read_rows

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@cache
def _table() -> dict[int, int | None]:
    """The str.translate table: one pass in C over the whole text."""
    table: dict[int, int | None] = {}
    ranges = [(0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF)]
    for lo, hi in ranges:
        for code in range(lo, hi + 1):
            ch = chr(code)
            base = "".join(
                c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)
            ).lower()
            if ch in "đĐ":
                base = "d"
            if len(base) == 1 and base.isascii() and base != ch:
                table[code] = ord(base)
    for code in range(0x300, 0x370):  # combining marks (NFD input): dropped
        table[code] = None
    for row in read_rows("ocr_confusions.csv"):
        if row["kind"] == "char":
            table[ord(row["variant"])] = ord(row["canonical"]) if row["canonical"] else None
    return table


@dataclass(frozen=True)
class Folded:
    """A folded text and the map from its offsets to the original's."""

    original: str
    text: str
    #: original offsets of the characters folding deleted, ascending; None when it deleted nothing.
    #: (Deletions are rare, mostly combining marks: a short list, not a map of every offset.)
    deleted: array | None = None

    @cached_property
    def _shifts(self) -> array:
        """``deleted[j] - j``, ascending: folded offset ``i`` is original ``i + (shifts <= i)``."""
        return array("l", (d - j for j, d in enumerate(self.deleted or ())))

    @cached_property
    def kept(self) -> array | None:
        """Original offset of each folded character; None when folding deleted nothing."""
        if self.deleted is None:
            return None
        bounds = [-1, *self.deleted, len(self.original)]
        return array(
            "l", chain.from_iterable(range(a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False))
        )

    def orig(self, i: int) -> int:
        """Original offset of folded offset ``i`` (``i == len(text)`` maps to the end)."""
        if self.deleted is None:
            return i
        n = len(self.text)
        if i >= n:
            return len(self.original)
        if i < 0:  # counted from the end, as an index
            if i < -n:
                raise IndexError("folded offset out of range")
            i += n
        return i + bisect_right(self._shifts, i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of a folded span, widened over trailing combining marks."""
        if self.deleted is None:
            return start, end
        n, shifts = len(self.text), self._shifts
        o_start = start + bisect_right(shifts, start) if 0 <= start < n else self.orig(start)
        if end <= start:
            o_end = o_start
        else:
            last = end - 1
            o_end = (last + bisect_right(shifts, last) if 0 <= last < n else self.orig(last)) + 1
        while o_end < len(self.original) and unicodedata.combining(self.original[o_end]):
            o_end += 1
        return o_start, o_end

    def quote(self, start: int, end: int) -> str:
        """The original words behind a folded span."""
        s, e = self.span(start, end)
        return self.original[s:e]

    @cached_property
    def aligned(self) -> str:
        """The original text re-aligned to folded offsets (same length as ``text``):
        printed letters at the positions the matchers found them."""
        if self.deleted is None:
            return self.original
        return _deletable().sub("", self.original)  # the kept characters, in order

    def folded_offset(self, orig: int) -> int:
        """Folded offset of an original offset (for spans given in the original)."""
        if self.deleted is None:
            return orig
        if orig <= 0:
            return 0
        orig = min(orig, len(self.original))
        return orig - bisect_left(self.deleted, orig)


def fold(text: str) -> Folded:
    """Fold ``text`` for matching; see the module docstring."""
    folded = _translate(text)
    if len(folded) == len(text):
        return Folded(text, folded)
    if text.count("'") == len(text) - len(folded):  # the usual case: only OCR apostrophes deleted
        return Folded(text, folded, array("l", _positions(text, "'")))
    return Folded(text, folded, array("l", [m.start() for m in _deletable().finditer(text)]))


def _positions(text: str, char: str) -> list[int]:
    out, p = [], text.find(char)
    while p != -1:
        out.append(p)
        p = text.find(char, p + 1)
    return out


def _translate(text: str) -> str:
    """``text.translate(_table())``, about 3x faster on a long text. str.translate looks every
    character up in a dict unless the text is pure ASCII; here each distinct non-ASCII character
    is replaced in one pass of str.replace, then str.lower folds A-Z (what the table does to ASCII
    besides deleting "'"). A text with a cased character that folding keeps (lower() would change
    it) or with very many distinct characters is translated the plain way."""
    replacements = _replacements()
    distinct = set(text)
    if replacements is None or len(distinct) > 400:
        return text.translate(_table())
    out = text
    for ch in distinct:
        if ch > "\x7f":
            folded = replacements.get(ch)
            if folded is not None:
                out = out.replace(ch, folded)
            elif ch.lower() != ch:
                return text.translate(_table())
    return out.lower().replace("'", "")


@cache
def _replacements() -> dict[str, str] | None:
    """Each non-ASCII character folding changes -> its folded form ("" when deleted), or None if
    the table does to ASCII anything but lowercase A-Z and delete "'" (then _translate cannot)."""
    table = _table()
    ascii_rules = {chr(c): v for c, v in table.items() if c < 0x80}
    expected = {chr(c): c + 32 for c in range(0x41, 0x5B)} | {"'": None}
    out = {chr(c): chr(v) if v is not None else "" for c, v in table.items() if c >= 0x80}
    if ascii_rules != expected or any(v != v.lower() or not v.isascii() for v in out.values()):
        return None
    return out


@cache
def _deletable() -> re.Pattern[str]:
    """The characters folding deletes (combining marks, OCR-only marks)."""
    chars = [chr(c) for c, v in _table().items() if v is None]
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def fold_str(text: str | None) -> str:
    """Folded form of a short string (names, keys): no offset map."""
    if text and len(text) <= SHORT:
        return _fold_short(text)
    return (text or "").translate(_table())


SHORT = 200
"""Strings up to this long are folded once per process (names and cells come back in every plan);
str.translate looks each non-ASCII character up in a dict, which costs more than the look-up."""


@lru_cache(maxsize=32768)
def _fold_short(text: str) -> str:
    return text.translate(_table())


@cache
def _letter_variants() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for row in read_rows("ocr_confusions.csv"):
        if row["kind"] == "letter":
            variants = {"" if v == "∅" else fold_str(v) for v in row["variant"].split()} | {
                fold_str(row["canonical"])
            }
            out[row["canonical"]] = tuple(sorted(variants, key=lambda v: (-len(v), v)))
    return out


def _quality(ch: str) -> str:
    """A letter without its tone mark but with its vowel quality: 'ứ' -> 'ư', 'ộ' -> 'ô'."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


BOUNDARY = r"(?<![a-z0-9])"


def _fuzzy_parts(phrase: str, ocr: bool) -> list[str | tuple[str, ...]]:
    """Per printed character: regex source, or the tuple of its (unescaped) OCR variants."""
    parts: list[str | tuple[str, ...]] = []
    for ch in unicodedata.normalize("NFC", phrase):
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
            continue
        parts.append(_char_part(ch, ocr))
    return parts


@lru_cache(maxsize=2048)
def _char_part(ch: str, ocr: bool) -> str | tuple[str, ...]:
    """One printed character's part (cached: every process builds some thousand patterns from a few
    dozen letters, and the Unicode normalisations cost more than the rest of the pattern building)."""
    options = _letter_variants().get(_quality(ch)) if ocr else None
    return options if options else re.escape(fold_str(ch))


@lru_cache(maxsize=1024)
def _source(part: str | tuple[str, ...]) -> str:
    return part if isinstance(part, str) else "(?:" + "|".join(re.escape(v) for v in part) + ")"


@lru_cache(maxsize=4096)
def fuzzy_pattern(phrase: str, *, ocr: bool = True) -> str:
    """Regex source (for folded text) matching ``phrase`` as printed or as OCR mangles it.

    Spaces match any run of white space; a letter matches itself or, when
    ``ocr`` is true, any variant of ``ocr_confusions.csv``. The pattern starts at
    a word boundary; it does not require one at its end (OCR glues words).
    """
    return BOUNDARY + "".join(map(_source, _fuzzy_parts(phrase, ocr)))


def fuzzy_alternation(phrases, *, ocr: bool = True) -> str:
    """The same matches as ``"|".join(fuzzy_pattern(p) for p in phrases)``, tried in the same order,
    but every alternative starts with a literal letter and checks the word boundary after it
    ("b(?<![a-z0-9]b)ao..."). The regex engine then jumps from one possible first letter to the
    next instead of trying the boundary at every position: several times faster on a whole text."""
    return "|".join(fuzzy_alternatives(phrases, ocr=ocr))


def fuzzy_alternatives(phrases, *, ocr: bool = True) -> list[str]:
    """The alternatives ``fuzzy_alternation`` joins, for a pattern that ends each one itself: the engine
    skips to a possible first letter only when the alternation it starts with is not nested in another."""
    alternatives = []
    for phrase in phrases:
        parts = [p for p in _fuzzy_parts(phrase, ocr) if p]
        first = parts[0] if parts else None
        if first is None or first == r"\s+" or isinstance(first, tuple) and "" in first:
            alternatives.append(fuzzy_pattern(phrase, ocr=ocr))  # no literal to lead with
            continue
        rest = "".join(map(_source, parts[1:]))
        for lead in [re.escape(v) for v in first] if isinstance(first, tuple) else [first]:
            alternatives.append(f"{lead}(?<![a-z0-9]{lead}){rest}")
    return alternatives


def named_alternation(patterns: list[tuple[str, str]]) -> str:
    """The same matches as ``"|".join(f"(?P<{name}>{pattern})" ...)`` (``lastgroup`` names the one
    that matched) for fuzzy patterns, which all start with the same word boundary: the boundary is
    checked once, in front, so the engine tries the alternatives only where a word starts, and
    each name is an empty group at the end of its pattern, so the engine can skip a pattern at its
    first letter. Several times faster when scanning text."""
    parts = []
    for name, pattern in patterns:
        if not pattern.startswith(BOUNDARY):
            raise ValueError(f"not a fuzzy pattern: {pattern!r}")
        parts.append(f"{pattern.removeprefix(BOUNDARY)}(?P<{name}>)")
    return BOUNDARY + "(?:" + "|".join(parts) + ")"


def finditer_near(
    rx: re.Pattern[str], text: str, anchor: str, reach: int, lead: re.Pattern[str] | None = None
) -> list[re.Match[str]]:
    """``list(rx.finditer(text))`` for a regex whose every match is non-empty and holds ``anchor``
    at most ``reach`` characters after its start ("/" in a document number, "%" in a figure).
    The regex is tried only at the few starts within reach of an anchor, which str.find jumps
    between: many times faster than the regex engine trying every digit of a text. ``lead``, a
    one-character pattern that matches wherever a match of ``rx`` starts, narrows the starts tried."""
    out: list[re.Match[str]] = []
    tried = 0  # no match starts in [end of the last match, tried)
    while (q := text.find(anchor, tried)) != -1:
        low = max(tried, q - reach)
        starts = (s.start() for s in lead.finditer(text, low, q + 1)) if lead else range(low, q + 1)
        for p in starts:
            m = rx.match(text, p)
            if m:
                out.append(m)
                tried = m.end()
                break
        else:
            tried = q + 1
    return out


def finditer_from(rx: re.Pattern[str], text: str, prefixes: tuple[str, ...]) -> list[re.Match[str]]:
    """``list(rx.finditer(text))`` for a regex whose every match is non-empty and starts with one of
    ``prefixes``: the regex is tried only where str.find finds one. A pair of letters is found
    much faster than the regex engine tries every "l" or "b" of a text."""
    starts: set[int] = set()
    for prefix in prefixes:
        p = text.find(prefix)
        while p != -1:
            starts.add(p)
            p = text.find(prefix, p + 1)
    out: list[re.Match[str]] = []
    tried = 0  # matches do not overlap: the next one starts at or after the end of the last
    for p in sorted(starts):
        if p >= tried and (m := rx.match(text, p)):
            out.append(m)
            tried = m.end()
    return out


def per_text(fn):
    """Memoise ``fn(folded)`` on the Folded itself: several extractors read the same facts of one
    text (its document numbers, say), and a Folded never changes. Callers must not mutate the result."""
    key = f"_per_text_{fn.__module__}.{fn.__qualname__}"

    @wraps(fn)
    def memoised(folded: Folded):
        memo = folded.__dict__
        if key not in memo:
            memo[key] = fn(folded)
        return memo[key]

    return memoised


@lru_cache(maxsize=1024)
def fuzzy_regex(phrase: str, *, ocr: bool = True) -> re.Pattern[str]:
    return re.compile(fuzzy_pattern(phrase, ocr=ocr))


def named_trie(entries: list[tuple[str, str, str]]) -> str:
    """The same matches, tried in the same order, as ``named_alternation`` of
    ``(name, fuzzy_pattern(phrase) + tail)`` for each ``(name, phrase, tail)``, but with the
    alternatives grouped by their first letter: where a word starts, the engine tries only the
    phrases that can begin with its letter instead of each of some hundreds in turn (five times
    faster to scan a text with the agency names).

    Alternatives that begin with different letters never both match at one place, so only those with
    the same letter must stay in order. A phrase whose first letter has OCR variants that begin with
    different letters (``(?:ii|u|i)R``) is one alternative per letter, each with its own variants, in
    their order (``i(?:i|)R``, ``uR``); one that can begin with anything (a letter OCR may drop) is
    a fence that no later phrase is moved over. A phrase may so appear more than once, and its empty
    group is ``(?P<{name}_{k}>)``: ``trie_name`` gives back ``name``."""
    items: list[tuple[str, str]] = []
    for name, phrase, tail in entries:
        parts = [p for p in _fuzzy_parts(phrase, True) if p]
        rest = "".join(map(_source, parts[1:])) + tail
        for k, (letter, first) in enumerate(_first_letters(parts[0]) if parts else [("", "")]):
            head = first if letter else _source(parts[0]) if parts else ""
            items.append((letter, head + rest + f"(?P<{name}_{k}>)"))
    out: list[str] = []
    run: dict[str, list[str]] = {}
    for letter, source in items:
        if letter:
            run.setdefault(letter, []).append(source)
            continue
        out.extend(_branches(run))  # a fence: nothing moves over it
        run = {}
        out.append(source)
    out.extend(_branches(run))
    return BOUNDARY + "(?:" + "|".join(out) + ")"


def trie_name(group: str) -> str:
    """The entry's name of a ``named_trie`` group."""
    return group.rsplit("_", 1)[0]


def _first_letters(part: str | tuple[str, ...]) -> list[tuple[str, str]]:
    """(letter, source of what follows it in this part) for each letter the part can begin with, in
    the order of the variants; ``[("", "")]`` when the part may begin with anything."""
    if isinstance(part, str):
        if len(part) == 1 or len(part) == 2 and part[0] == "\\" and not part[1].isalnum():
            return [(part[-1], "")]  # one (escaped) literal character
        return [("", "")]
    if "" in part:
        return [("", "")]
    tails: dict[str, list[str]] = {}
    for variant in part:
        tails.setdefault(variant[0], []).append(re.escape(variant[1:]))
    return [(letter, "" if ts == [""] else "(?:" + "|".join(ts) + ")") for letter, ts in tails.items()]


def _branches(run: dict[str, list[str]]) -> list[str]:
    return [
        re.escape(letter) + (sources[0] if len(sources) == 1 else "(?:" + "|".join(sources) + ")")
        for letter, sources in run.items()
    ]
