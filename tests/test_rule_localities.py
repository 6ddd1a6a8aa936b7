"""'Các địa phương' names the local governments one level below the issuer (layout/localities.csv)."""

from __future__ import annotations

import pytest

from cancu.loaders.decode import decode_bytes
from cancu.loaders.extract import extract_decoded
from cancu.loaders.localities import collective_for


@pytest.mark.parametrize(
    ("name", "level", "issued", "want"),
    [
        ("các địa phương", "national", "2025-11-27", "UBND cấp tỉnh"),
        ("Địa phương", "ministry", "2019-05-02", "UBND cấp tỉnh"),
        ("địa phương", "province", "2024-03-01", "UBND cấp huyện"),
        ("địa phương", "province", "2025-07-01", "UBND cấp xã"),
        ("địa phương", "department", "2025-09-10", "UBND cấp xã"),
        ("địa phương", "district", "2023-01-05", "UBND cấp xã"),
        ("địa phương", "province", None, None),  # undated: which level is below is not known
        ("địa phương", "commune", "2024-01-01", None),  # a commune has no level below
        ("Sở Nội vụ", "province", "2024-01-01", None),
    ],
)
def test_rule_localities(name: str, level: str, issued: str | None, want: str | None) -> None:
    assert collective_for(name, level, issued) == want


def test_a_national_table_s_localities_are_the_provinces() -> None:
    text = """THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 2597/QĐ-TTg
Hà Nội, ngày 27 tháng 11 năm 2025
QUYẾT ĐỊNH
Phê duyệt Đề án chuyển đổi số
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Điều 1. Phê duyệt Đề án.
PHỤ LỤC
STT\tTên nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian
1\tXây dựng cơ sở dữ liệu kết cấu hạ tầng\tBộ Xây dựng, các địa phương\tBộ Tài chính\t2026
"""
    record = extract_decoded(decode_bytes(text.encode(), "x.txt"))
    assert [(t.lead, t.support) for t in record.tasks] == [
        (["Bộ Xây dựng", "UBND cấp tỉnh"], ["Bộ Tài chính"])
    ]
