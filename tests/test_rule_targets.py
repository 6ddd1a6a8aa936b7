"""Table-driven tests of the target rules (plan_targets: figures of a goals section, of a table of
indicators, and their deadlines), one row per phrasing or layout seen in real plans.

Each row of ``ROWS`` is the goals part (or a later section) of a provincial plan issued on 14/3/2024, each
row of ``POST_ROWS`` a news post or letter with no masthead, and the targets a person reading it states under
the gold conventions (``../shared/eval/gold/README.md``, ``corpus/README.md``): one target per figure, the
deadline the text states for that figure (or its heading's year), none for a figure reported as reached.
Adding a phrasing is adding a row (and, for a new word, a row of ``layout/target_*.csv``).
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
        """2. Mục tiêu cụ thể
- Phấn đấu Chỉ số cải cách hành chính của Sở nằm trong nhóm 10 đơn vị dẫn đầu; Chỉ số PAPI duy trì trong nhóm 2.
""",
        [(10, "rank", "<=", None), (2, "nhóm", "=", None)],
        id="rank-among-bodies-versus-an-index-group",
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
    # -- figures in other units than "%" (layout/target_units.csv), right after their cue ------------------
    pytest.param(
        """2. Mục tiêu cụ thể
- Phấn đấu tổng tỷ suất sinh đạt 2,1 con/phụ nữ.
""",
        [(2.1, "con/phụ nữ", "=", None)],
        id="unit-rate-per-woman-after-dat",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Tỷ số giới tính khi sinh dưới 109 bé trai/100 bé gái sinh ra sống.
""",
        [(109, "bé trai/100 bé gái", "<=", None)],
        id="unit-rate-per-100-after-duoi",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Tỷ số tử vong bà mẹ liên quan đến thai sản dưới 4/100.000 trẻ sinh ra còn sống vào năm 2025.
""",
        [(4, "/100.000 trẻ sinh ra còn sống", "<=", 2025)],
        id="unit-rate-per-100000-glued-to-the-figure",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Tỷ suất sinh ở trẻ vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh/1.000 phụ nữ vào năm 2025.
""",
        [(18, "ca sinh/1.000 phụ nữ", "=", 2025)],
        id="unit-rate-from-baseline-down-to-target",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Giảm số giờ làm công việc nội trợ không được trả công của phụ nữ so với nam giới còn 1,7 lần vào năm 2025.
""",
        [(1.7, "lần", "=", 2025)],
        id="unit-count-after-con",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- 100% xã, phường mỗi quý có ít nhất 04 tin, bài về bình đẳng giới trên trang thông tin điện tử.
""",
        [(100, "%", "=", None), (4, "tin, bài", ">=", None)],
        id="unit-count-minimum-inside-a-percent-target",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Có ít nhất một cơ sở y tế cung cấp thí điểm dịch vụ chăm sóc sức khỏe thân thiện.
""",
        [(1, "cơ sở", ">=", None)],
        id="unit-count-number-written-as-a-word",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Chỉ số PAPI duy trì trong nhóm 2 (nhóm Trung bình - Cao) của cả nước.
""",
        [(2, "nhóm", "=", None)],
        id="unit-group-of-an-index",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Chỉ số cải cách hành chính phấn đấu tăng ít nhất 3 bậc so với năm 2023.
""",
        [(3, "bậc", ">=", None)],
        id="unit-count-rank-steps",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Rút ngắn thời gian cấp phép xây dựng xuống còn 15 ngày làm việc; giảm 20 ngày đối với thủ tục đất đai.
""",
        [(15, "ngày làm việc", "=", None), (20, "ngày", "=", None)],
        id="unit-duration-cut",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- 100% khu công nghiệp có tối thiểu 1 trạm phát sóng 5G.
- Thí điểm nhà máy thông minh cho tối thiểu 2 dự án trong các khu công nghệ cao.
III. NHIỆM VỤ
1. Tổ chức 02 lớp tập huấn cho cán bộ; mời ít nhất 30 doanh nghiệp tham dự.
""",
        [(100, "%", "=", None), (1, "trạm", ">=", None), (2, "dự án", ">=", None)],
        id="unit-minimum-count-only-after-toi-thieu-outside-goals",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
Hiện nay, toàn tỉnh có khoảng 180 doanh nghiệp ứng dụng công nghệ cao.
- Hỗ trợ 50 doanh nghiệp đổi mới công nghệ; xây dựng 05 mô hình sản xuất thông minh.
- Thu hút 30.000 lượt người tham quan; tỉnh nằm trong top 10 cả nước.
""",
        [
            (50, "doanh nghiệp", "=", None),
            (5, "mô hình", "=", None),
            (30000, "lượt", "=", None),
            (10, "rank", "<=", None),
        ],
        id="unit-counts-a-goals-section-sets-not-a-count-reported-there",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Kiểm tra công tác cải cách hành chính ít nhất 01 lần/năm tại mỗi cơ quan.
- Công khai 02 thủ tục hành chính mới; hoàn thành 10 chỉ tiêu, 88 nhiệm vụ.
""",
        [],
        id="no-target-a-frequency-or-a-count-of-work",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Tỷ lệ người hưởng trợ cấp xã hội có tài khoản ngân hàng đạt 90%.
III. TIÊU CHÍ CHẤM ĐIỂM
- Từ 88 - 90% cộng 02 điểm; đạt 100% cộng 05 điểm, không đạt tỷ lệ 100% không cộng điểm.
""",
        [(90, "%", "=", None)],
        id="no-target-thresholds-of-a-rating-scale",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Phấn đấu 100% người hưởng trợ cấp xã hội có tài khoản ngân hàng.
PHỤ LỤC
HƯỚNG DẪN CHẤM ĐIỂM
| STT | Tiêu chí | Điểm chuẩn |
| 1 | Đơn vị đạt tỷ lệ 100% người hưởng trợ cấp được chi trả qua tài khoản | 20 |
""",
        [(100, "%", "=", None)],
        id="no-target-in-a-scoring-guide",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Phấn đấu 100% hồ sơ thủ tục hành chính được số hóa.
3. Lộ trình thực hiện
- Phấn đấu 100% hồ sơ thủ tục hành chính được số hóa.
""",
        [(100, "%", "=", None)],
        id="a-figure-restated-word-for-word-is-one-target",
    ),
    # -- where a figure's year comes from -------------------------------------------------------------------
    pytest.param(
        """2. Mục tiêu cụ thể
Đến hết năm 2030, phấn đấu đạt
được những mục tiêu sau:
- Hoàn thiện các văn bản hướng dẫn về quản lý rủi ro thiên tai;
- 100% cán bộ, công chức được bồi dưỡng kiến thức phòng, chống thiên tai;
- Ít nhất 50% người dân ở các khu vực khác được phổ biến kiến thức.
""",
        [(100, "%", "=", 2030), (50, "%", ">=", 2030)],
        id="year-of-a-lead-in-line-over-its-list",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể đến năm 2035
a) Đối với trẻ em
- Tỷ lệ huy động trẻ em đi nhà trẻ đạt 45%; trẻ em mẫu giáo đạt 99,5%.
b) Đối với đội ngũ
- Phấn đấu 100% giáo viên đạt chuẩn trình độ đào tạo.
""",
        [(45, "%", "=", 2035), (99.5, "%", "=", 2035), (100, "%", "=", 2035)],
        id="year-of-the-goals-heading-over-lettered-groups",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Tỷ lệ trẻ em đi học mẫu giáo đạt 40% (năm 2030) và 60% (năm 2035).
- Đến năm 2030, tỷ lệ phòng học kiên cố đạt 80%, năm 2035 đạt 95%.
""",
        [(40, "%", "=", 2030), (60, "%", "=", 2035), (80, "%", "=", 2030), (95, "%", "=", 2035)],
        id="year-printed-right-after-each-figure",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
- Năm 2025:
+ 100% hồ sơ được số hóa.
+ Trên 80% hồ sơ trực tuyến.
- Năm 2026:
+ 100% thủ tục trực tuyến toàn trình.
""",
        [(100, "%", "=", 2025), (80, "%", ">=", 2025), (100, "%", "=", 2026)],
        id="year-of-a-bare-year-label-over-plus-items",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
*a) Mục tiêu đến năm 2030*
Hỗ trợ 50 doanh nghiệp đổi mới công nghệ.
Hình thành 03 vùng sản xuất ứng dụng công nghệ cao.
*b) Đến năm 2035:*
Tỉnh nằm trong top 03 của vùng về đổi mới sáng tạo.
""",
        [(50, "doanh nghiệp", "=", 2030), (3, "vùng", "=", 2030), (3, "rank", "<=", 2035)],
        id="unbulleted-target-lines-under-italic-year-labels",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
Nâng cao chất lượng phục vụ người dân.
III. NHIỆM VỤ
1. Tiếp tục cập nhật cơ sở dữ liệu cán bộ, công chức và hoàn thành 100% việc cập nhật lý lịch cán bộ,
công chức trước ngày 06 tháng 12 năm 2024.
""",
        [(100, "%", "=", 2024)],
        id="completion-inside-a-duty-item-with-a-date-in-words",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
Nâng cao chất lượng phục vụ người dân.
III. NHIỆM VỤ
1. Rà soát quy trình nội bộ, bảo đảm 100% hồ sơ được giải quyết đúng hạn.
2. Tổ chức tập huấn cho công chức mỗi năm ít nhất 02 lần.
""",
        [(100, "%", "=", None)],
        id="obligation-inside-a-duty-item-not-a-count-of-work",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
Nâng cao chất lượng phục vụ người dân.
III. NHIỆM VỤ
1. Nhóm chỉ tiêu về bình đẳng giới
- Chỉ tiêu 3: Tỷ lệ nữ cán bộ lãnh đạo, quản lý các cấp là 40%.
""",
        [(40, "%", "=", None)],
        id="chi-tieu-n-bullet-inside-a-duty-section",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
Nâng cao chất lượng phục vụ người dân.
III. NHIỆM VỤ
1. Chuyển đổi số trong giải quyết thủ tục hành chính
- Phấn đấu đến năm 2030:
+ 100% hồ sơ được số hóa khi tiếp nhận.
+ Trên 80% người dân sử dụng dịch vụ công trực tuyến.
- Sở Nội vụ nằm trong nhóm 10 đơn vị dẫn đầu về Chỉ số cải cách hành chính.
""",
        [(100, "%", "=", 2030), (80, "%", ">=", 2030)],
        id="striving-lead-in-over-plus-items-in-a-duty-section",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
Nâng cao chất lượng phục vụ người dân.
III. QUY TRÌNH THỰC HIỆN
1. Bước 1. Tiếp nhận hồ sơ
- Bộ phận Một cửa số hóa toàn bộ hồ sơ, bảo đảm 100% hồ sơ được chuyển đến cơ quan có thẩm quyền.
2. Bước 2. Trả kết quả
- Kết quả được cung cấp 100% bản điện tử qua Cổng Dịch vụ công.
""",
        [],
        id="no-target-in-the-steps-of-a-procedure",
    ),
    pytest.param(
        """2. Mục tiêu cụ thể
Nâng cao chất lượng phục vụ người dân.
III. NHIỆM VỤ
1. Phấn đấu số hóa 100% hồ sơ đang giải quyết, hoàn thành trong quý IV/2025.
2. Bảo đảm đạt 90% hồ sơ trực tuyến trước tháng 12/2025.
""",
        [(100, "%", "=", 2025), (90, "%", "=", 2025)],
        id="deadline-from-a-quarter-or-a-month",
    ),
    # -- tables of indicators (layout/target_tables.csv) ---------------------------------------------------
    pytest.param(
        """2. Các chỉ tiêu chủ yếu
| STT | Chỉ số | ĐVT | Hiện trạng năm 2023 | Dự kiến năm 2025 |
| 1 | Tỷ lệ hài lòng của người dân | % | 85 | 90 |
| 2 | Tỷ số giới tính khi sinh | bé trai/100 bé gái | 112 | 109 |
""",
        [(90, "%", "=", 2025), (109, "bé trai/100 bé gái", "=", 2025)],
        id="table-of-indicators-other-header-words-and-a-rate-unit",
    ),
    pytest.param(
        """2. Các chỉ tiêu chủ yếu
| STT | Chỉ tiêu | Năm 2025 | Năm 2030 |
| 1 | Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số | ≥ 30% | ≥ 50% |
| 2 | Số doanh nghiệp được hỗ trợ | 100 | 300 |
""",
        [(30, "%", ">=", 2025), (50, "%", ">=", 2030)],
        id="table-of-indicators-without-a-unit-column",
    ),
    pytest.param(
        """2. Các chỉ tiêu chủ yếu
| STT | Nội dung chỉ tiêu | TH 2023 | KH 2024 | KH 2025 |
| 1 | Tỷ lệ hài lòng của người dân | 88% | Trên 90% | Đạt từ 95% trở lên |
| 2 | Tỷ lệ hồ sơ trực tuyến | 40% | Tối thiểu 60% | Dưới 100% |
""",
        [(90, "%", ">=", 2024), (95, "%", ">=", 2025), (60, "%", ">=", 2024), (100, "%", "<=", 2025)],
        id="table-of-indicators-abbreviated-headers-and-words-in-figure-cells",
    ),
    pytest.param(
        """2. Các chỉ tiêu chủ yếu
| STT | Chỉ tiêu | Đơn vị tính | 2023 | 2024 | 2025 |
| 1 | Tỷ lệ hồ sơ trực tuyến | % | 40 | 60 | 80 |
""",
        [(60, "%", "=", 2024), (80, "%", "=", 2025)],
        id="table-of-indicators-headed-by-bare-years-the-past-year-dropped",
    ),
]


POST_ROWS = [
    pytest.param(
        """Theo đó, Kế hoạch được UBND phường xây dựng với các mục tiêu chính như:
Tiếp tục duy trì các chỉ số đạt kết quả cao; 100% hồ sơ thủ tục hành chính được số hóa; Chỉ số PAPI duy trì
trong nhóm 2 (nhóm Trung bình - Cao) của cả nước.
""",
        [(100, "%", "=", None), (2, "nhóm", "=", None)],
        id="post-list-after-a-lead-in-naming-objectives",
    ),
    pytest.param(
        """Theo đó, Sở đặt mục tiêu cắt giảm tối thiểu 50% thời gian giải quyết thủ tục hành chính so với năm 2024.
Đồng thời cắt giảm ít nhất 30% chi phí tuân thủ thủ tục hành chính.
""",
        [(50, "%", ">=", None), (30, "%", ">=", None)],
        id="post-a-cut-set-as-an-aim",
    ),
    pytest.param(
        """Trong năm 2026, 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình; tỷ lệ
hồ sơ trực tuyến đạt từ 80% trở lên; 100% hồ sơ được số hóa.
""",
        [(100, "%", "=", 2026), (80, "%", ">=", 2026), (100, "%", "=", 2026)],
        id="post-list-opened-by-a-year-frame",
    ),
    pytest.param(
        """Theo Kế hoạch, mục tiêu năm 2024 là: 100% thủ tục hành chính được công khai đầy đủ, đúng quy định; tỷ lệ hồ
sơ giải quyết đúng hạn đạt từ 98% trở lên; mức độ hài lòng của người dân, doanh nghiệp đạt tối thiểu 90%; phấn
đấu 80% hồ sơ được tiếp nhận trực tuyến.
""",
        [(100, "%", "=", 2024), (98, "%", ">=", 2024), (90, "%", ">=", 2024), (80, "%", "=", 2024)],
        id="post-list-after-a-year-label-and-words-before-its-colon",
    ),
    pytest.param(
        """Theo đó, tỉnh phấn đấu Chỉ số cải cách hành chính (PAR Index) năm 2025 xếp trong nhóm 20 tỉnh, thành phố dẫn
đầu cả nước.
""",
        [(20, "rank", "<=", 2025)],
        id="post-strive-far-before-its-rank-in-one-clause",
    ),
    pytest.param(
        """Năm 2024, tỉnh đã hoàn thành 100% nhiệm vụ cải cách hành chính, tỷ lệ hồ sơ đúng hạn đạt 98,5%.
""",
        [],
        id="post-a-year-reported-as-done",
    ),
    pytest.param(
        """Nghị quyết đặt mục tiêu trong năm 2025: cắt giảm 30% thời gian giải quyết thủ tục hành chính liên quan đến
hoạt động sản xuất, kinh doanh của người dân và doanh nghiệp; cắt giảm 30% chi phí tuân thủ thủ tục hành chính
của người dân và doanh nghiệp trên toàn quốc; bãi bỏ 30% điều kiện kinh doanh không cần thiết.
""",
        [(30, "%", "=", 2025), (30, "%", "=", 2025), (30, "%", "=", 2025)],
        id="post-year-of-an-inline-lead-in-over-its-list",
    ),
    pytest.param(
        """Nghị quyết đặt mục tiêu: đến ngày 01/01/2027, thời gian giải quyết thủ tục hành chính không quá 10 ngày.
""",
        [(10, "ngày", "<=", 2027)],
        id="post-date-before-the-figure-gives-its-year",
    ),
    pytest.param(
        """Kiên quyết cắt giảm thủ tục không phù hợp. Năm 2025, cắt giảm, đơn giản hóa 100% điều kiện kinh doanh
không cần thiết hoặc chồng chéo, không cụ thể, không rõ ràng; bãi bỏ 100% điều kiện đầu tư kinh doanh của các
ngành, nghề không thuộc danh mục có điều kiện; cắt giảm 50% thời gian giải quyết thủ tục hành chính, 50% chi
phí tuân thủ so với năm 2024.
""",
        [(100, "%", "=", 2025), (100, "%", "=", 2025), (50, "%", "=", 2025), (50, "%", "=", 2025)],
        id="post-list-opened-by-a-bare-year-and-a-figure-coordinated-with-a-target",
    ),
    pytest.param(
        """Mục tiêu của Kế hoạch là gì?

Kế hoạch hướng tới 100% hồ sơ được giải quyết đúng hạn và giảm 20% thời gian chờ.
""",
        [(100, "%", "=", None), (20, "%", "=", None)],
        id="post-answer-to-a-question-style-heading",
    ),
    pytest.param(
        """Kế hoạch nêu rõ:
- 100% thủ tục hành chính được công khai trên Cổng.
- Trên 90% người dân hài lòng với dịch vụ.
- 100% xã đã kết nối mạng.
""",
        [(100, "%", "=", None), (90, "%", ">=", None)],
        id="post-bullets-that-open-with-their-figure-unless-done",
    ),
    pytest.param(
        """Theo đó, UBND tỉnh yêu cầu nâng tỷ lệ hồ sơ trực tuyến lên 80%; giảm tỷ lệ hộ nghèo xuống dưới 2%.
Tăng trưởng kinh tế phấn đấu đạt 8%/năm trong giai đoạn 2026 - 2030.
""",
        [(80, "%", "=", None), (2, "%", "<=", None), (8, "%", "=", 2030)],
        id="post-raised-or-lowered-to-a-figure-and-a-period-after-it",
    ),
    pytest.param(
        """Năm 2024, Sở đã cắt giảm 30% thời gian giải quyết thủ tục hành chính. Đến nay, 100% xã đã kết nối
mạng. Đội kiểm tra ít nhất 01 lần/năm. Bảo đảm nộp hồ sơ trong thời hạn tối thiểu 15 ngày trước ngày thi.
Kết quả thực hiện các chỉ tiêu năm 2024: tỷ lệ hồ sơ trực tuyến 62%; hồ sơ đúng hạn 98%.
""",
        [],
        id="post-no-target-results-reached-frequencies-and-a-procedures-time-limit-or-a-list-of-results",
    ),
]


@pytest.mark.parametrize(("goals", "want"), ROWS)
def test_rule_targets(goals: str, want: list[tuple]) -> None:
    record = extract_decoded(decode_bytes((HEAD + goals).encode(), "x.txt"))
    assert [(t.value, t.unit, t.comparator, t.deadline) for t in record.targets] == want


@pytest.mark.parametrize(("text", "want"), POST_ROWS)
def test_rule_targets_without_masthead(text: str, want: list[tuple]) -> None:
    record = extract_decoded(decode_bytes(text.encode(), "x.txt"))
    assert [(t.value, t.unit, t.comparator, t.deadline) for t in record.targets] == want


def _rows_of(name: str, *kinds: str) -> list[dict[str, str]]:
    from cancu.ontology.datafiles import read_rows

    return [r for r in read_rows(f"layout/{name}") if r.get("kind", r.get("role")) in kinds]


@pytest.mark.parametrize(
    "unit",
    [
        pytest.param(r["phrase"], id=r["phrase"])
        for r in _rows_of("target_units.csv", "rate", "count", "minimum", "duration")
    ],
)
def test_every_unit_is_read_after_its_cue(unit: str) -> None:
    """Each row of target_units.csv: "còn 5 <unit>" in a goals section is a target in that unit, as printed."""
    record = extract_decoded(
        decode_bytes(
            (HEAD + f"2. Mục tiêu cụ thể\n- Phấn đấu còn 5 {unit} trong năm 2025.\n").encode(), "x.txt"
        )
    )
    assert [(t.value, t.unit, t.comparator, t.deadline) for t in record.targets] == [(5, unit, "=", 2025)]


@pytest.mark.parametrize(
    "cue",
    [
        pytest.param(r["phrase"], id=f"{r['role']}-{r['phrase']}")
        for r in _rows_of("target_cues.csv", "strive", "commit", "change")
    ],
)
def test_every_aim_word_sets_a_figure(cue: str) -> None:
    """Each striving, obliging or changing word of target_cues.csv, right before a figure in a post with no
    sections, sets it; a minimum gives ">="."""
    from cancu.loaders.plan_targets import cues

    record = extract_decoded(
        decode_bytes(f"Kế hoạch yêu cầu {cue} 30% hồ sơ được giải quyết đúng hạn.\n".encode(), "x.txt")
    )
    want = ">=" if cue in cues("at_least") else "="
    assert [(t.value, t.unit, t.comparator, t.deadline) for t in record.targets] == [(30, "%", want, None)]


def _table(indicator: str, unit: str, value: str, cell: str) -> str:
    return f"2. Các chỉ tiêu\n| STT | {indicator} | {unit} | {value} |\n| 1 | Tỷ lệ hồ sơ trực tuyến | {cell} | 90 |\n"


@pytest.mark.parametrize(
    ("role", "phrase", "unit"),
    [
        pytest.param(r["role"], r["phrase"], r["unit"], id=f"{r['role']}-{r['phrase']}")
        for r in _rows_of("target_tables.csv", "indicator", "unit", "value", "past", "unit_cell")
    ],
)
def test_every_table_word_reads_its_column(role: str, phrase: str, unit: str) -> None:
    """Each header word of target_tables.csv in its place: an indicator, unit or value word reads the row's
    figure (with the year its value header prints); a past word's column is no target; a unit cell gives
    its unit."""
    indicator, unit_head, value, cell = "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "%"
    if role == "indicator":
        indicator = phrase
    elif role == "unit":
        unit_head = phrase
    elif role in ("value", "past"):
        value = f"{phrase} năm 2025"
    else:
        cell = phrase
    record = extract_decoded(
        decode_bytes((HEAD + _table(indicator, unit_head, value, cell)).encode(), "x.txt")
    )
    want = [] if role == "past" else [(90, unit or "%", "=", 2025)]
    assert [(t.value, t.unit, t.comparator, t.deadline) for t in record.targets] == want
