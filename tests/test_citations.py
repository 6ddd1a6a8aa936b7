"""Citations: every printed form of a number, with type, issuer and date from the words around it."""

from __future__ import annotations

from cancu.loaders.decode import decode_bytes
from cancu.loaders.extract import extract_decoded

PLAN = """UBND TỈNH SÓC TRĂNG
SỞ NỘI VỤ
Số: 15/KH-SNV                          Sóc Trăng, ngày 10 tháng 01 năm 2023
KẾ HOẠCH
Cải cách hành chính năm 2023

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;
Thực hiện Kế hoạch số 192/KH-UBND ngày 20/12/2022 của Ủy ban nhân dân tỉnh về thực hiện cải cách hành chính năm 2023;
Xét đề nghị của Chánh Văn phòng tại Tờ trình số 7/TTr-VP ngày 05/01/2023.
Sở Nội vụ ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Tiếp tục thực hiện Nghị quyết số 76/NQ-CP ngày 13/6/2013 của Chính phủ sửa đổi Nghị quyết 30c/NQCP.
- Áp dụng Quyết định số 136/2001/QĐ.TTg và Công văn số 2231/SNV-CCHC&PC ngày 02/3/2022; Nghị quyết số 76/NQ-CP (nhắc lại).
- Kế hoạch số 15/KH-SNV này được phổ biến đến các phòng.
"""


def _extract(text: str):
    return extract_decoded(decode_bytes(text.encode("utf-8"), "plan.txt"))


def _by_number(citations):
    return {(c.number, c.date): c for c in citations}


def test_legal_bases_are_the_opening_clauses_and_proposals_are_references():
    record = _extract(PLAN)
    bases = [(c.number, c.type, c.issuer, c.jurisdiction, c.date) for c in record.legal_bases]
    assert bases == [
        (None, "L", "Quốc hội", None, "2015-06-19"),
        ("76/NQ-CP", "NQ", "Chính phủ", None, "2021-07-15"),
        ("192/KH-UBND", "KH", "UBND tỉnh Sóc Trăng", "Sóc Trăng", "2022-12-20"),
    ]
    refs = _by_number(record.references)
    assert ("7/TTr-VP", "2023-01-05") in refs  # "Xét đề nghị" is a reference


def test_same_number_different_dates_never_merge():
    record = _extract(PLAN)
    ids = {c.id for c in record.legal_bases + record.references if c.number == "76/NQ-CP"}
    assert ids == {"76-nq-cp.2021", "76-nq-cp.2013"}


def test_every_printed_form_is_read_and_restored():
    record = _extract(PLAN)
    numbers = {c.number for c in record.references}
    # printed as printed: the old dotted "QĐ.TTg" keeps its dot (the comparison key ignores it)
    # printed as printed, a lost hyphen too (issue 14 item 4)
    assert {"30c/NQCP", "136/2001/QĐ.TTg", "2231/SNV-CCHC&PC"} <= numbers
    cv = next(c for c in record.references if c.number == "2231/SNV-CCHC&PC")
    assert (cv.type, cv.issuer, cv.jurisdiction) == ("CV", "Sở Nội vụ tỉnh Sóc Trăng", "Sóc Trăng")


def test_the_plan_itself_and_repeats_are_not_references():
    record = _extract(PLAN)
    numbers = [c.number for c in record.references]
    assert "15/KH-SNV" not in numbers
    # the undated repeat of 76/NQ-CP merged into a dated one; nothing is listed twice
    assert len(numbers) == len(set(zip(numbers, [c.date for c in record.references], strict=True)))
    assert all(c.date for c in record.references if c.number == "76/NQ-CP")


def test_spans_point_at_the_printed_words():
    record = _extract(PLAN)
    for c in record.legal_bases + record.references:
        s, e = c.span
        if c.number:
            assert c.text in PLAN[s:e]
    law = record.legal_bases[0]
    assert PLAN[law.span[0] : law.span[1]].startswith("Luật Tổ chức chính quyền địa phương")


def test_ocr_mangled_plan_reads_the_same_citations():
    ocr = (
        PLAN.replace("Số:", "Sé:")
        .replace("Căn cứ", "Cin ctr")
        .replace("QĐ", "QP")
        .replace("Chính phủ", "Chinh pht")
        .replace("của", "cta")
        .replace("Đ", "P")
    )
    clean = {(c.number, c.date) for c in _extract(PLAN).legal_bases}
    mangled = {(c.number, c.date) for c in _extract(ocr).legal_bases}
    assert mangled == clean
