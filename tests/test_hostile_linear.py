"""Extraction steps that must stay linear in the input keep the exact output of the slow form.

Speed itself is measured in ``benchmarks/bench_linear.py`` (no timed assertion here); these tests
prove that each linear rewrite answers what the quadratic code answered.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cancu.loaders.citations import CLAUSE_END, _clause_end
from cancu.loaders.fold import fold

CLAUSE_TEXT = st.text(alphabet=";.\n \t\r\x0b\x0c\u2003ab", max_size=60)


def _slow_clause_end(text: str, pos: int, limit: int) -> int:
    """The definition: the first CLAUSE_END match starting at or after ``pos`` that ends by ``limit``."""
    m = CLAUSE_END.search(text, pos, limit)
    return m.start() if m else limit


@settings(max_examples=2000, deadline=None)
@given(text=CLAUSE_TEXT, pos=st.integers(-2, 64), limit=st.integers(-2, 70))
def test_clause_end_is_the_search_it_replaces(text, pos, limit):
    folded = fold(text)
    assert _clause_end(folded, pos, limit) == _slow_clause_end(folded.text, pos, limit)


def test_clause_end_cases():
    cases = [
        ("a;b", 0, 3, 1),
        ("a;b", 2, 3, 3),
        ("a.\n b", 0, 5, 1),
        ("a.  \n", 0, 4, 4),  # the full stop's line ends after the limit: no clause end before it
        ("a\n \nb", 0, 5, 1),
        ("a\n \nb", 0, 3, 3),
        ("a\nb\n\nc", 0, 6, 3),
        ("a. b\n", 0, 5, 5),
        ("", 0, 0, 0),
    ]
    for text, pos, limit, want in cases:
        assert _clause_end(fold(text), pos, limit) == want == _slow_clause_end(text, pos, limit), text


# ---- merging repeated citations: buckets instead of comparing with every citation merged so far -----


def _slow_split(found, own_number):
    """citations._split as it was: each citation compared with every one merged before it."""
    from cancu.loaders.citations import _same
    from cancu.loaders.codes import number_key

    own = number_key(own_number) if own_number else None
    merged = []
    for item in found:
        c = item.citation
        if own and c.number and number_key(c.number) == own:
            continue
        twin = next((m for m in merged if _same(m, item)), None)
        if twin is None:
            merged.append(item)
            continue
        twin.basis = twin.basis or item.basis
        tc = twin.citation
        if not tc.date and c.date:
            tc.date, tc.id = c.date, c.id
        if not tc.issuer and c.issuer:
            tc.issuer, tc.jurisdiction = c.issuer, c.jurisdiction
        if not twin.known and item.known:
            tc.number, tc.type, twin.known = c.number, c.type, True
    return [m.citation for m in merged if m.basis], [m.citation for m in merged if not m.basis]


FOUND = st.tuples(
    st.sampled_from([None, "12/QĐ-UBND", "12/QD-UBND", "12/QĐ-UBNDX", "13/QĐ-UBND", "12/KH-UBND", ""]),
    st.sampled_from(["12", "13"]),
    st.sampled_from([None, "", "2020-01-02", "2021-03-04"]),
    st.sampled_from([None, "về x", "Về X", "về y"]),
    st.sampled_from([None, "Sở Nội vụ"]),
    st.booleans(),
    st.booleans(),
)


def _found(rows):
    from cancu.loaders.citations import Found
    from cancu.ontology.record import Citation

    out = []
    for i, (number, num, day, title, issuer, known, basis) in enumerate(rows):
        citation = Citation(number=number, date=day, title=title, issuer=issuer, id=f"id{i}", span=(i, i))
        out.append(Found(citation, i, i + 1, num, known, basis))
    return out


@settings(max_examples=1500, deadline=None)
@given(rows=st.lists(FOUND, max_size=14), own=st.sampled_from([None, "13/QĐ-UBND", "12/QD-UBND"]))
def test_merging_repeats_is_the_comparison_it_replaces(rows, own):
    from cancu.loaders.citations import _split

    assert _split(_found(rows), own) == _slow_split(_found(rows), own)


@settings(max_examples=500, deadline=None)
@given(
    spans=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=8),
    pos=st.integers(-1, 32),
)
def test_inside_any_span_is_the_scan_it_replaces(spans, pos):
    from cancu.loaders.citations import _Spans

    assert _Spans(spans)(pos) == any(s <= pos < e for s, e in spans)


# ---- the first body heading: from its numerals instead of from every line start ---------------------


def _slow_body_heading(text: str, pos: int):
    from cancu.loaders.citations import BASIS_HEADING, HEADING

    for m in HEADING.finditer(text, pos):
        if not BASIS_HEADING.match(text, m.start()):
            return m
    return None


@settings(max_examples=3000, deadline=None)
@given(
    text=st.text(alphabet="\n \t\r\u2003il1|.)abc", max_size=40)
    | st.lists(
        st.sampled_from(["\n", "  ", "\t", "i. a", "1) b", "ii.", "l", "can cu", "1. co so", "x"])
    ).map("".join),
    pos=st.integers(0, 45),
)
def test_body_heading_is_the_scan_it_replaces(text, pos):
    from cancu.loaders.citations import _body_heading

    fast, slow = _body_heading(text, pos), _slow_body_heading(text, pos)
    assert (fast and (fast.start(), fast.end())) == (slow and (slow.start(), slow.end()))


@settings(max_examples=3000, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            [
                "\n",
                "  ",
                "\t",
                "- ",
                "•",
                "*",
                "can cu",
                "Can\ncu",
                "thuc hien",
                "trien khai",
                "x",
                "can  ca",
                "ca",
            ]
        )
    ).map("".join),
    pos=st.integers(0, 40),
    endpos=st.integers(0, 60),
)
def test_basis_opener_is_the_search_it_replaces(text, pos, endpos):
    from cancu.loaders.citations import BASIS_OPENERS, _basis_opener

    fast, slow = _basis_opener(text, pos, endpos), BASIS_OPENERS.search(text, pos, endpos)
    assert (fast and fast.span()) == (slow and slow.span())
