"""``named_trie`` finds what the plain named alternation finds, phrase for phrase, span for span."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cancu.loaders import agency_names
from cancu.loaders.fold import fold, fuzzy_pattern, named_alternation, named_trie, trie_name

SEEDS = sorted((Path(__file__).resolve().parents[1].parent / "shared" / "seeds").glob("*.txt"))

PHRASES = ["ủy ban nhân dân", "ubnd", "sở nội vụ", "sở", "phòng nội vụ", "ban", "ủy ban", "đoàn", "công an"]
TEXTS = [
    ("uy ban nhan dan tinh; so noi vu va phong noi vu", None),
    ("iiy ban nhan dan; tiy ban; s0 noi vu; 5o noi vux", None),
    ("ubnd, ban, doan, cong an, bp oan", None),
    ("xso noi vu so noi vu", (3, 12)),
    ("tiy ban nhan dan", (0, 7)),
    ("", None),
]


def _found(rx: re.Pattern[str], text: str, window, name) -> list[tuple[str, int, int]]:
    s, e = window or (0, len(text))
    return [(name(m.lastgroup), m.start(), m.end()) for m in rx.finditer(text, s, e)]


@pytest.mark.parametrize(("text", "window"), TEXTS)
def test_trie_finds_what_the_alternation_finds(text, window):
    plain = re.compile(
        named_alternation([(f"p{i}", fuzzy_pattern(p) + "(?![a-z])") for i, p in enumerate(PHRASES)])
    )
    trie = re.compile(named_trie([(f"p{i}", p, "(?![a-z])") for i, p in enumerate(PHRASES)]))
    assert _found(trie, text, window, trie_name) == _found(plain, text, window, lambda g: g)
    for p in range(len(text) + 1):
        a, b = plain.match(text, p), trie.match(text, p)
        assert (a and (a.lastgroup, a.span())) == (b and (trie_name(b.lastgroup), b.span()))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_agency_finder_is_the_plain_alternation(seed):
    plain = re.compile(
        named_alternation([(f"a{i}", pattern) for i, (pattern, _, _) in enumerate(agency_names._table())])
    )
    text = fold(seed.read_text(encoding="utf-8")).text
    got = _found(agency_names.finder(), text, None, lambda g: f"a{agency_names.index_of_group(g)}")
    assert got == _found(plain, text, None, lambda g: g)
    assert got  # the seeds name agencies


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_flat_report_cues_find_what_the_nested_ones_find(seed):
    from cancu.loaders import plan_reporting as pr

    nested = re.compile(
        r"(?:"
        + pr._cue("report")
        + "|"
        + pr._cue("submit")
        + r")(?:\s+"
        + fuzzy_pattern("về", ocr=False)
        + r")?\s+"
    )
    text = fold(seed.read_text(encoding="utf-8")).text
    got = [m.span() for m in pr.REPORT.finditer(text)]
    assert got == [m.span() for m in nested.finditer(text)]
    assert got
