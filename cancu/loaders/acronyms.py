"""A body named with an acronym ("Trung tâm Chuyển đổi số VHTTDL", "Cục DLQGVN") named as the document itself
spells it out elsewhere ("Trung tâm Chuyển đổi số Văn hóa, Thể thao và Du lịch", "Cục Du lịch Quốc gia Việt Nam").

Only the document's own long form is used — the words after the same first words whose initials spell the acronym
("và" and commas skipped) — never a guess from a list: an acronym the text never spells out stays as printed.
"""

from __future__ import annotations

import re
from functools import cache

from cancu.loaders.fold import fold_str
from cancu.ontology.datafiles import read_rows
from cancu.ontology.record import PlanRecord

ACRONYM = re.compile(r"^(?P<head>.+?)\s+(?P<acronym>[A-ZĐ]{3,})$")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def _words(kind: str) -> frozenset[str]:
    """``layout/acronyms.csv``: "kept" acronyms (names of their own), "skipped" words (no initial of their own)."""
    return frozenset(r["word"] for r in read_rows("layout/acronyms.csv") if r["kind"] == kind)


def _initial(word: str) -> str:
    return fold_str(word[:1]).upper()


def long_form(name: str, original: str) -> str | None:
    """The spelt-out form of ``name`` the text gives, if any."""
    m = ACRONYM.match(name)
    if m is None or m["acronym"] in _words("kept"):
        return None
    head, letters = m["head"], fold_str(m["acronym"]).upper()
    for found in re.finditer(re.escape(head) + r"\s+", original):
        words = list(WORD.finditer(original, found.end(), found.end() + 120))
        initials, end = "", None
        for w in words:
            if w.group().lower() in _words("skipped"):
                continue
            initials += _initial(w.group())  # every syllable: "Văn hóa" is VH
            if initials == letters:
                end = w.end()
                break
            if not letters.startswith(initials):
                break
        if end is not None:
            return " ".join(f"{head} {original[found.end() : end]}".split())
    return None


def spell_out(record: PlanRecord, original: str) -> None:
    """Every acronym-named body of the record's tasks, assignments and reports, in its long form (in place)."""
    cache: dict[str, str] = {}

    def full(name: str) -> str:
        if name not in cache:
            cache[name] = long_form(name, original) or name
        return cache[name]

    for t in record.tasks:
        t.lead = list(dict.fromkeys(full(n) for n in t.lead))
        t.support = list(dict.fromkeys(full(n) for n in t.support))
    for a in record.assignments:
        a.agency = full(a.agency)
    for r in record.reporting:
        r.from_, r.to = full(r.from_), full(r.to)
