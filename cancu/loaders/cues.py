"""Phrases read inside sentences (``layout/sentence_cues.csv``) and the first words of bodies' names
(``agency_heads.csv``), each kind as one pattern: one place for words several readers share."""

from __future__ import annotations

import re
from functools import cache

from cancu.loaders.fold import fuzzy_alternation
from cancu.ontology.datafiles import read_rows


@cache
def phrases(kind: str) -> tuple[str, ...]:
    """The phrases of one kind, longest first (an alternation tries them in order)."""
    rows = [r["phrase"] for r in read_rows("layout/sentence_cues.csv") if r["kind"] == kind]
    return tuple(sorted(rows, key=len, reverse=True))


@cache
def pattern(kind: str) -> re.Pattern[str]:
    """The kind's phrases as one OCR-tolerant pattern over folded text."""
    return re.compile(r"(?:" + fuzzy_alternation(phrases(kind)) + r")(?![a-z])")


@cache
def due_time() -> re.Pattern[str]:
    """A time a sentence sets: "trong quý I năm 2026", "trước ngày 15/12/2025" (folded text)."""
    return re.compile(
        r"(?:"
        + fuzzy_alternation(phrases("due"))
        + r")\s+(?:"
        + fuzzy_alternation(phrases("unit"))
        + r")\s+[ivx0-9]"
    )


@cache
def due_phrase() -> re.Pattern[str]:
    """The whole time, to its year: "trong quý I năm 2026", "trước ngày 15/12/2025" (quoted as a deadline)."""
    return re.compile(due_time().pattern + r"[^;,\n)]{0,16}?(?:19|20)\d{2}")


@cache
def printed_verb() -> re.Pattern[str]:
    """The lower-case verbs of ``verb`` in printed text (case matters: "Vụ Tổ chức cán bộ" is a name)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases("verb"))) + r")(?!\w)")


@cache
def not_a_body() -> re.Pattern[str]:
    """Words that open like a body's name but are none ("Trường hợp …", "Báo cáo …"), in printed text."""
    return re.compile(r"(?:" + "|".join(map(re.escape, phrases("not_body"))) + r")(?!\w)", re.IGNORECASE)


@cache
def printed_heads() -> tuple[str, ...]:
    """First words (with a space) of a body's name that may be read as printed."""
    return tuple(f"{r['head']} " for r in read_rows("agency_heads.csv") if (r.get("printed") or "") == "yes")


@cache
def list_heads() -> tuple[str, ...]:
    """First words (with a space) that open a body of its own inside a list sharing one ("Vụ …", "Văn phòng …")."""
    return tuple(
        f"{r['head']} " for r in read_rows("agency_heads.csv") if (r.get("shared") or "") in ("yes", "own")
    )


@cache
def shared_head_in_prose() -> re.Pattern[str]:
    """A sentence opening with bodies that share their first word, a few words of kind perhaps before the colon:
    "Các Bộ, cơ quan: Tài chính, Xây dựng, …, Tập đoàn Điện lực Việt Nam theo chức năng …"."""
    heads = [
        r"\s+".join(map(re.escape, r["head"].split()))  # "các Tập\nđoàn:": a head wrapped over two lines
        for r in read_rows("agency_heads.csv")
        if (r.get("shared") or "") == "yes"
    ]
    return re.compile(r"\s*[Cc]ác\s+(" + "|".join(heads) + r")(?:,\s*[^\W\d][\w ]{1,25}?)?\s*:\s*")


@cache
def shared_head() -> re.Pattern[str]:
    """A list of bodies sharing their first word: "Các Cục: A, B", "Cục trưởng các Cục: …"."""
    heads = [re.escape(r["head"]) for r in read_rows("agency_heads.csv") if (r.get("shared") or "") == "yes"]
    return re.compile(r"\s*(?:[Cc]ác\s+|[Cc]ục trưởng các\s+)?(" + "|".join(heads) + r")\s*:\s*")
