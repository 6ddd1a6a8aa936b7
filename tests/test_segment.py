"""Segmenter (cancu.loaders.outline) on small texts written here: OCR'd
heading markers, page-number debris, the wrapped "chính trị - xã hội" dash."""

from cancu.loaders.fold import fold
from cancu.loaders.outline import outline

PLAN = """KE HOACH
|. MUC DICH, YEU CAU
- Nang cao chat luong phuc vu nguoi dan.
I1. NHIEM VU
1. Cai cach thu tuc hanh chinh
- Ra soat, don gian hoa thu tuc
hanh chinh tren dia ban.
12
- Phoi hop voi cac to chuc chinh tri
- xa hoi tham gia giam sat.
+ Cong khai thu tuc tai bo phan mot cua.
II1. TO CHUC THUC HIEN
"""


def _parsed():
    f = fold(PLAN)
    return f, outline(f)


def test_ocr_roman_markers_are_repaired_with_roles_and_areas():
    _, o = _parsed()
    got = [(s.heading.marker, s.heading.depth, s.role, s.area) for s in o.sections]
    assert got == [
        ("I", 1, "purpose", None),
        ("II", 1, "tasks", None),
        ("1", 2, "tasks", "tthc"),
        ("III", 1, "organization", None),
    ]


def test_items_skip_page_numbers_and_wrapped_dashes():
    f, o = _parsed()
    got = [(i.marker, i.depth, f.quote(i.start, i.end), i.section.heading.marker) for i in o.items]
    assert got == [
        ("-", 1, "Nang cao chat luong phuc vu nguoi dan.", "I"),
        ("-", 1, "Ra soat, don gian hoa thu tuc\nhanh chinh tren dia ban.", "1"),
        ("-", 1, "Phoi hop voi cac to chuc chinh tri\n- xa hoi tham gia giam sat.", "1"),
        ("+", 2, "Cong khai thu tuc tai bo phan mot cua.", "1"),
    ]


def test_section_at_gives_the_innermost_section():
    f, o = _parsed()
    pos = f.text.index("ra soat")
    assert o.section_at(pos).heading.marker == "1"
    assert o.section_at(pos).parent.heading.marker == "II"
