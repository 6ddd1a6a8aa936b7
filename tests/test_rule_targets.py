"""Table-driven tests of the target rules (plan_targets: figures of a goals section, of a table of
indicators, and their deadlines), one row per phrasing or layout seen in real plans.

Each row is the goals part of a provincial plan issued on 14/3/2024 and the targets a person reading it
states under the gold conventions (``../shared/eval/gold/README.md``): one target per figure, the
deadline the text states for that figure (or its heading's year), none for a figure reported as reached.
"""

from __future__ import annotations

import pytest

from cancu.loaders.decode import decode_bytes
from cancu.loaders.extract import extract_decoded

HEAD = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 77/KH-UBND
Lai Châu, ngày 14 tháng 3 năm 2024
KẾ HOẠCH
Cải cách hành chính năm 2024
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao chất lượng phục vụ.
II. MỤC TIÊU
"""

ROWS = [
    pytest.param(
        """2. Mục tiêu cụ thể
- Phấn đấu Chỉ số cải cách hành chính của tỉnh năm 2024 đạt từ 85 điểm trở lên, xếp trong nhóm 20 tỉnh, thành phố dẫn đầu.
""",
        [(85, "điểm", ">=", 2024), (20, "rank", "<=", 2024)],
        id="index-points-and-rank",
    ),
    pytest.param(
        """2. Chỉ tiêu cụ thể
a) Tỷ lệ hồ sơ giải quyết đúng hạn đạt tối thiểu 98%.
b) 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.
""",
        [(98, "%", ">=", None), (100, "%", "=", None)],
        id="lettered-items-no-year",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 100% (tăng 20% so với năm 2023).
""",
        [(100, "%", "=", None), (20, "%", "=", None)],
        id="baseline-year-is-not-a-deadline",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
Đến hết năm 2024:
- 100% cơ quan, đơn vị thực hiện tiếp nhận hồ sơ qua Bộ phận Một cửa.
- Trên 95% hồ sơ được giải quyết trước và đúng hạn.
""",
        [(100, "%", "=", 2024), (95, "%", ">=", 2024)],
        id="year-label-den-het-nam",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Phấn đấu 100% các xã, phường đạt chuẩn tiếp cận pháp luật trong năm 2024.
""",
        [(100, "%", "=", 2024)],
        id="year-printed-after-the-figure",
    ),
    pytest.param(
        """2. Các chỉ tiêu chủ yếu
| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2023 | Kế hoạch năm 2024 |
| 1 | Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình | % | 60 | 80 |
| 2 | Tỷ lệ hồ sơ trực tuyến | % | 35,5 | 50 |
| 3 | Số cuộc kiểm tra | Cuộc | 4 | 6 |
""",
        [(80, "%", "=", 2024), (50, "%", "=", 2024)],
        id="table-of-indicators-unit-column",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Năm 2023, Chỉ số cải cách hành chính của tỉnh đạt 83,87 điểm.
- Phấn đấu năm 2024 đạt trên 86 điểm.
""",
        [(86, "điểm", ">=", 2024)],
        id="figure-of-a-year-before-the-plan-is-a-finding",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- 100% điểm cầu truyền hình trực tuyến cấp xã được kết nối.
- Kết nối 25 điểm cầu đến cấp xã.
""",
        [(100, "%", "=", None)],
        id="diem-cau-is-not-a-score",
    ),
    pytest.param(
        """2. Nhiệm vụ cụ thể
a) Nâng cao chất lượng dân số, cụ thể: Phấn đấu tỷ lệ trẻ em dưới 15 tuổi đạt khoảng 22%; tỷ lệ nam, nữ thanh niên
được tư vấn trước khi kết hôn đạt 90%; giảm 50% số cặp tảo hôn; 70% phụ nữ mang thai được tầm soát bệnh;
b) Tổ chức sơ kết các chương trình.
""",
        [(22, "%", "=", None), (90, "%", "=", None), (50, "%", "=", None), (70, "%", "=", None)],
        id="semicolon-list-opened-by-phan-dau",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Đạt tỷ lệ nữ lãnh đạo 35%; cơ quan có tỷ lệ nữ thấp dưới 30% có thể điều chỉnh mục tiêu cho phù hợp.
""",
        [(35, "%", "=", None)],
        id="a-condition-is-not-a-target",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
4. Trong giai đoạn 2026
- 2030 phấn đấu có ít nhất 10% cán bộ từ nguồn thu hút.
5. 100% cán bộ được tập huấn, bồi dưỡng.
""",
        [(10, "%", ">=", 2030), (100, "%", "=", None)],
        id="a-numbered-item-does-not-take-the-previous-items-year",
    ),
]


@pytest.mark.parametrize(("goals", "want"), ROWS)
def test_rule_targets(goals: str, want: list[tuple]) -> None:
    record = extract_decoded(decode_bytes((HEAD + goals).encode(), "x.txt"))
    assert [(t.value, t.unit, t.comparator, t.deadline) for t in record.targets] == want
