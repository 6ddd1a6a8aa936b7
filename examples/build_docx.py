"""Build ``04_xa_duc_trong_2026.docx`` (an illustrative commune plan with its appendix as a Word table).

python examples/build_docx.py
"""

from __future__ import annotations

import datetime
from pathlib import Path

import docx

PARAGRAPHS = [
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "XÃ ĐỨC TRỌNG\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 07/KH-UBND\tĐức Trọng, ngày 10 tháng 02 năm 2026",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2026 của xã Đức Trọng (tài liệu minh họa)",
    "Căn cứ Kế hoạch số 15/KH-UBND ngày 20/01/2026 của Ủy ban nhân dân tỉnh Lâm Đồng về cải cách hành chính nhà nước năm 2026;",
    "Ủy ban nhân dân xã Đức Trọng xây dựng Kế hoạch cải cách hành chính năm 2026 như sau:",
    "I. MỤC TIÊU",
    "- 100% hồ sơ TTHC của xã được tiếp nhận, giải quyết qua Trung tâm Phục vụ hành chính công xã.",
    "II. NHIỆM VỤ (Phụ lục kèm theo)",
]
HEADER = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian hoàn thành"]
ROWS = [
    [
        "1",
        "Rà soát, công khai thủ tục hành chính thuộc thẩm quyền của xã",
        "Văn phòng HĐND và UBND xã",
        "Trung tâm Phục vụ hành chính công xã",
        "Báo cáo",
        "Quý I/2026",
    ],
    [
        "2",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Trung tâm Phục vụ hành chính công xã",
        "Văn phòng HĐND và UBND xã",
        "Báo cáo kết quả",
        "Thường xuyên",
    ],
]
CLOSING = ["Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", "- UBND tỉnh;\tCHỦ TỊCH", "- Lưu: VT.", "Phạm Văn Đức"]
OUT = Path(__file__).with_name("04_xa_duc_trong_2026.docx")


def build(out: Path = OUT) -> Path:
    d = docx.Document()
    for text in PARAGRAPHS:
        d.add_paragraph(text)
    table = d.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for i, cell in enumerate(HEADER):
        table.cell(0, i).text = cell
    for r, row in enumerate(ROWS, 1):
        for i, cell in enumerate(row):
            table.cell(r, i).text = cell
    for text in CLOSING:
        d.add_paragraph(text)
    d.core_properties.created = datetime.datetime(
        2026, 2, 10
    )  # fixed, so rebuilding gives the same file content
    d.save(out)
    return out


if __name__ == "__main__":
    print(build())
