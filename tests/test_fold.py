"""Folding keeps a map back to the original text, whatever the normal form."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from cancu.loaders.fold import fold, fuzzy_regex


def test_fold_lowercases_and_strips_diacritics_one_to_one():
    f = fold("Số: 367/KH-UBND Đồng Tháp")
    assert f.text == "so: 367/kh-ubnd dong thap"
    assert f.kept is None  # nothing deleted: offsets are the original's


def test_nfd_text_maps_spans_back_to_the_original_words():
    original = unicodedata.normalize("NFD", "Căn cứ Nghị quyết số 76/NQ-CP")
    f = fold(original)
    assert f.text == "can cu nghi quyet so 76/nq-cp"
    start = f.text.index("nghi quyet")
    s, e = f.span(start, start + len("nghi quyet"))
    assert unicodedata.normalize("NFC", original[s:e]) == "Nghị quyết"
    assert f.quote(f.text.index("76"), len(f.text)) == "76/NQ-CP"


def test_folded_offset_inverts_orig():
    original = unicodedata.normalize("NFD", "Sở Nội vụ tỉnh")
    f = fold(original)
    for i in range(len(f.text)):
        assert f.folded_offset(f.orig(i)) == i


def test_fuzzy_patterns_read_ocr_spellings():
    assert fuzzy_regex("Sở Nội vụ").match("s& noi vu")
    assert fuzzy_regex("Đồng Tháp").match("pong thap")
    assert fuzzy_regex("Căn cứ").match("cin ctr")
    assert not fuzzy_regex("Căn cứ").match("thuc hien")


@settings(deadline=None)  # a correctness property: time on a loaded machine is no failure
@given(st.text())
def test_every_folded_span_maps_inside_the_original(text):
    f = fold(text)
    n = len(f.text)
    for i in range(0, n, max(1, n // 7)):
        s, e = f.span(i, min(n, i + 3))
        assert 0 <= s <= e <= len(text)
