"""Headers, places and table cells as OCR and text extraction leave them: column gaps, wrapped
lines, capitals, names with dashes, parents found in the basis or in the registry.

The texts are written here (invented units and numbers, real place names); each case is one
rule of the loaders, with its exact output.
"""

from __future__ import annotations

import json

import pytest

from cancu.loaders.agency_names import split_cell
from cancu.loaders.extract import extract_path
from cancu.loaders.places import printed_name, province_of_unit
from cancu.loaders.table_rows import logical_rows

GAP = " " * 12


def _header(unit: str, number: str, place_date: str) -> list[str]:
    """The printed two-column header of a local People's Committee: unit beside the motto,
    number beside the place and date."""
    return [
        "ỦY BAN NHÂN DÂN" + GAP + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        unit + GAP + "Độc lập - Tự do - Hạnh phúc",
        f"Số: {number}" + GAP + place_date,
    ]


def _plan(
    tmp_path, header: list[str], basis: str, body: list[str] | None = None, name: str = "plan.txt"
) -> dict:
    lines = [
        *header,
        "",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2024",
        "",
        basis,
        "UBND ban hành Kế hoạch cải cách hành chính năm 2024 như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Triển khai đồng bộ các nhiệm vụ.",
        *(body or []),
    ]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return extract_path(path).to_dict()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BA ĐÌNH" + GAP + "Độc lập - Tự do", "Ba Đình"),  # column gap ends the name
        ("BA ĐÌNH Độc lập - Tự do", "Ba Đình"),  # capitals end at a word that is not
        ("Cù Lao Dung xây dựng Kế hoạch", "Cù Lao Dung"),
        ("BẮC MÊ\tĐộc lập", "Bắc Mê"),
        ("3 Độc lập", "3"),
    ],
)
def test_printed_name_stops_at_the_other_column(text: str, expected: str) -> None:
    assert printed_name(text, 0)[0] == expected


def test_district_header_keeps_its_unit_word_and_finds_its_province_in_the_basis(tmp_path) -> None:
    doc = _plan(
        tmp_path,
        _header("QUẬN BA ĐÌNH", "98/KH-UBND", "Ba Đình, ngày 19 tháng 04 năm 2024"),
        "Thực hiện Kế hoạch số 131/KH-UBND ngày 6/3/2024 của Ủy ban nhân dân thành phố Hà Nội;",
    )["document"]
    assert (doc["issuer"], doc["jurisdiction"], doc["level"]) == (
        "UBND quận Ba Đình",
        "Ba Đình, Hà Nội",
        "district",
    )


def test_old_commune_takes_its_district_from_the_basis_and_the_registry_province_is_only_a_warning(
    tmp_path,
) -> None:
    doc = _plan(
        tmp_path,
        _header("XÃ MINH SƠN", "12/KH-UBND", "Minh Sơn, ngày 8 tháng 5 năm 2024"),
        "Căn cứ Kế hoạch số 292/KH-UBND ngày 8/4/2024 của Ủy ban nhân dân huyện Bắc Mê;",
    )
    document = doc["document"]
    assert (document["issuer"], document["jurisdiction"]) == (
        "UBND xã Minh Sơn",
        "Minh Sơn, Bắc Mê",
    )
    assert doc["warnings"] == [
        "document.jurisdiction: the text names no province; Hà Giang is the only one "
        "the registry has a district 'Bắc Mê' in"
    ]


def test_wrapped_header_lines_and_the_motto_are_read_as_one_unit(tmp_path) -> None:
    doc = _plan(
        tmp_path,
        [
            "UY BAN NHAN DAN" + GAP + "CONG HOA",
            "XA HOI CHU NGHIA VIET NAM",
            "XA MINH",
            "SON" + GAP + "Doc lap",
            "- Tu do - Hanh phuc",
            "So: 165/KH-UBND   ",
            "Minh Son,",
            "ngay 08 thang 05 nam 2024",
        ],
        "Can cn Ke hoach so 292/KH-UBND ngay 8/4/2024 cua Uy ban nhan dan huyen Bac Me;",
    )
    document = doc["document"]
    assert (document["issuer"], document["jurisdiction"], document["date"]) == (
        "UBND xã Minh Son",
        "Minh Son, Bắc Mê",
        "2024-05-08",
    )
    assert [b["number"] for b in doc["legal_bases"]] == ["292/KH-UBND"]  # "Can cn" is an OCR'd "Căn cứ"


def test_department_line_wrapped_and_a_place_named_ban_is_not_a_board(tmp_path) -> None:
    dept = _plan(
        tmp_path,
        [
            "UBND TINH LAO CAI" + GAP,
            "  CONG HOA XA HOI CHU NGHIA VIET NAM",
            "SO XAY",
            "DUNG",
            "   ",
            "So: 12/KH-SXD" + GAP + "Lao Cai, ngay 3 thang 4 nam 2026",
        ],
        "Can cu Ke hoach so 5/KH-UBND ngay 1/3/2026 cua Uy ban nhan dan tinh;",
        name="dept.txt",
    )["document"]
    assert (dept["issuer"], dept["level"]) == ("Sở Xây dựng tỉnh Lào Cai", "department")
    commune = _plan(
        tmp_path,
        _header("XÃ BẢN HỒ", "81/KH-UBND", "Bản Hồ, ngày 06 tháng 05 năm 2026"),
        "Căn cứ Kế hoạch số 5/KH-UBND ngày 1/3/2026 của Ủy ban nhân dân tỉnh Lào Cai;",
        name="commune.txt",
    )["document"]
    assert (commune["issuer"], commune["jurisdiction"], commune["level"]) == (
        "UBND xã Bản Hồ",
        "Bản Hồ, Lào Cai",
        "commune",
    )


def test_a_provincial_capital_city_is_a_district(tmp_path) -> None:
    doc = _plan(
        tmp_path,
        _header("THÀNH PHỐ BẮC KẠN", "7/KH-UBND", "Bắc Kạn, ngày 2 tháng 4 năm 2024"),
        "Căn cứ Kế hoạch số 5/KH-UBND ngày 1/3/2024 của Ủy ban nhân dân tỉnh Bắc Kạn;",
    )["document"]
    assert (doc["issuer"], doc["jurisdiction"], doc["level"]) == (
        "UBND thành phố Bắc Kạn",
        "Bắc Kạn, Bắc Kạn",
        "district",
    )


@pytest.mark.parametrize(
    ("name", "level", "on", "expected"),
    [
        ("Bắc Mê", "district", "2024-05-01", "Hà Giang"),  # one district of that name before the reform
        ("Bảo Lâm", "district", "2024-05-01", None),  # two: Cao Bằng and Lâm Đồng
        ("Bắc Mê", "district", "2026-05-01", None),  # districts ended on 2025-07-01
        ("Bế Văn Đàn", "commune", "2026-05-01", "Cao Bằng"),  # a commune of the 2025 list
        ("Bế Văn Đàn", "commune", "2024-05-01", None),  # the old communes are not in the registry
        ("Bac Me", "district", "2024-05-01", "Hà Giang"),  # printed without diacritics
    ],
)
def test_province_of_unit_only_when_the_registry_is_unambiguous(name, level, on, expected) -> None:
    assert province_of_unit(name, level, on) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Phòng Tài chính - Kế hoạch", ["Phòng Tài chính – Kế hoạch"]),
        ("Công chức Tư pháp - Hộ tịch", ["Công chức Tư pháp - Hộ tịch"]),
        ("Phòng Nội vụ - Phòng Tư pháp", ["Phòng Nội vụ", "Phòng Tư pháp"]),
        ("Sở Nội vụ, Sở Tư pháp", ["Sở Nội vụ", "Sở Tư pháp"]),
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Cơ quan, đơn vị huyện; UBND cấp xã", ["Cơ quan, đơn vị huyện", "UBND cấp xã"]),
        ("Phong Ke hoach - Tai chmh", ["Phòng Kế hoạch - Tài chính"]),  # one OCR misreading
        ("Trung tâm Phục vụ hành chính công xã", ["Trung tâm Phục vụ hành chính công xã"]),
        (
            "Phòng Quản lý đô thị - Phòng Nội vụ",
            ["Phòng Quản lý đô thị", "Phòng Nội vụ"],
        ),  # unknown names too
    ],
)
def test_split_cell_tells_a_list_from_a_name_with_a_dash(cell: str, expected: list[str]) -> None:
    assert split_cell(cell) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # OCR or a PDF's text layer wraps a row over lines
            "Phụ lục\nSTT\tNoi\ndung\tCo quan chu tri\tCo quan\nphoi hop\tThoi gian\n"
            "1\tRa soat, he\nthong hoa van ban\tCong chuc Tu\nphap - Ho tich\t\tQuy IV/2024\n"
            "2\tTiep nhan phan anh\tVan phong HDND va UBND xa\t\t\n\nNoi nhan:",
            [
                "STT Noi dung Co quan chu tri Co quan phoi hop Thoi gian",
                "1 Ra soat, he thong hoa van ban Cong chuc Tu phap - Ho tich Quy IV/2024",
                "2 Tiep nhan phan anh Van phong HDND va UBND xa",
            ],
        ),
        (  # a cell's last word is a number on its own line ("Đề án\n06"): no row 06 after row 2
            "STT\tTen nhiem vu\tCo quan chu tri\tThoi han\n"
            "1\tXay dung CSDL\tCuc Di san\tThang 12/2025\n"
            "2\tXay\ndung mo hinh ung dung tien ich cua De an\n06\tCuc Du lich\tThang 12/2025\n"
            "3\tBan hanh bo quy tac\tCuc Bao chi\tThang 12/2025",
            [
                "STT Ten nhiem vu Co quan chu tri Thoi han",
                "1 Xay dung CSDL Cuc Di san Thang 12/2025",
                "2 Xay dung mo hinh ung dung tien ich cua De an 06 Cuc Du lich Thang 12/2025",
                "3 Ban hanh bo quy tac Cuc Bao chi Thang 12/2025",
            ],
        ),
        (  # a page's "|" lines between rows (masked to cell marks) open no row; the header keeps its cells
            "\t\nSTT\tTen nhiem vu/du\nan\tCo quan chu tri\tThoi gian\n\t\n\t\n"
            "1\tRa soat van ban\tBo Xay dung\t2026\n\t\n\t\n2\tDe xuat sua doi\tBo Xay dung\t2027",
            [
                "STT Ten nhiem vu/du an Co quan chu tri Thoi gian",
                "1 Ra soat van ban Bo Xay dung 2026",
                "2 De xuat sua doi Bo Xay dung 2027",
            ],
        ),
        (  # a table that restarts its numbering at 1 (a second group) opens a row
            "STT\tNoi dung\tChu tri\n1\tMot\n2\tHai\tSo Noi vu\n1\tBa\tSo Tu phap",
            ["STT Noi dung Chu tri", "1 Mot", "2 Hai So Noi vu", "1 Ba So Tu phap"],
        ),
    ],
)
def test_logical_rows_join_a_row_wrapped_over_lines(text: str, expected: list[str]) -> None:
    rows = [text[s:e] for s, e in logical_rows(text)]
    assert [" ".join(r.split()) for r in rows] == expected


def test_a_wrapped_appendix_gives_whole_tasks(tmp_path) -> None:
    body = [
        "III. NHIỆM VỤ",
        "(Có Phụ lục nhiệm vụ kèm theo)",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng HĐND và UBND xã",
        "a) Định kỳ hằng quý, 6 tháng, năm báo cáo kết quả về UBND huyện (qua Phòng Nội vụ);",
        "",
        "Phụ lục: NHIỆM VỤ",
        "STT\tNội\ndung\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\tThời gian",
        "1\tRà soát, hệ\nthống hóa văn bản\tCông chức Tư\npháp - Hộ tịch\tVăn phòng HĐND và UBND xã\tBáo cáo\tQuý IV/2024",
        "2\tTiếp nhận phản ánh\tVăn phòng HĐND và UBND xã\t\tBáo cáo\t",
    ]
    doc = _plan(
        tmp_path,
        _header("XÃ MINH SƠN", "12/KH-UBND", "Minh Sơn, ngày 8 tháng 5 năm 2024"),
        "Căn cứ Kế hoạch số 292/KH-UBND ngày 8/4/2024 của Ủy ban nhân dân huyện Bắc Mê;",
        body,
    )
    assert [(t["text"], t["lead"], t["support"], t["deadline"]) for t in doc["tasks"]] == [
        (
            "Rà soát, hệ thống hóa văn bản",
            ["Công chức Tư pháp - Hộ tịch"],
            ["Văn phòng HĐND và UBND xã"],
            "Quý IV/2024",
        ),
        ("Tiếp nhận phản ánh", ["Văn phòng HĐND và UBND xã"], [], None),
    ]
    # "Báo cáo" in the product column is not a reporting line; "UBND huyện" is the commune's district
    assert [(r["from"], r["to"], r["via"]) for r in doc["reporting"]] == [
        ("Văn phòng HĐND và UBND xã", "UBND huyện Bắc Mê", "Phòng Nội vụ")
    ]
    json.dumps(doc, ensure_ascii=False)
