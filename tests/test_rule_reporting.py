"""Table-driven tests of the reporting rules (``cancu/loaders/plan_reporting.py``): one row per phrase or layout,
each a short text written in the style of the documents where the layout was seen (corpus/notes/*.md), with the
lines a reader states: (from, to, via, frequency). Adding a layout is adding a row.
"""

from __future__ import annotations

import pytest

from cancu.loaders.decode import decode_bytes
from cancu.loaders.extract import extract_decoded
from cancu.loaders.fold import fold

PLAN_HEAD = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 77/KH-UBND
Lai Châu, ngày 14 tháng 3 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm thực hiện đồng bộ.
II. NHIỆM VỤ
1. Rà soát quy trình nội bộ.
III. TỔ CHỨC THỰC HIỆN
"""

LETTER_HEAD = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 812/UBND-NC
V/v triển khai chuyển đổi số
Lai Châu, ngày 14 tháng 3 năm 2025
Kính gửi:
- Các sở, ban, ngành tỉnh;
- Ủy ban nhân dân các xã, phường.
"""

NOTICE_HEAD = """VĂN PHÒNG CHÍNH PHỦ
Số: 640/TB-VPCP
Hà Nội, ngày 20 tháng 11 năm 2025
THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Lai Châu
Phó Thủ tướng Chính phủ kết luận như sau:
"""


def _lines(text: str) -> list[tuple[str, str, str | None, list[str]]]:
    record = extract_decoded(decode_bytes(text.encode(), "x.txt"))
    return [(r.from_, r.to, r.via, r.frequency) for r in record.reporting]


FREQUENCY_ROWS = [
    pytest.param(
        "báo cáo UBND tỉnh hằng quý, 6 tháng và năm", ["quý", "6 tháng", "năm"], id="a-list-of-periods"
    ),
    pytest.param("báo cáo UBND tỉnh trước ngày 15 hằng tháng", ["tháng"], id="monthly-by-a-day"),
    pytest.param("báo cáo Bộ Tài chính sáu tháng một lần", ["6 tháng"], id="six-months-in-words"),
    pytest.param("báo cáo định kỳ 9 tháng về Sở Nội vụ", ["9 tháng"], id="nine-months"),
    pytest.param("báo cáo Sở Nội vụ theo quy định", [], id="theo-quy-dinh-is-no-quarter"),
    pytest.param("hoàn thiện quy chuẩn kỹ thuật, trình UBND tỉnh ban hành", [], id="quy-chuan-is-no-quarter"),
    pytest.param("tổ chức khảo sát thực địa, báo cáo UBND tỉnh", [], id="khao-sat-thuc-is-no-six-months"),
    pytest.param("sau thời gian thử nghiệm, báo cáo UBND tỉnh", [], id="sau-thoi-gian-is-no-six-months"),
    pytest.param("Tập đoàn Điện lực Việt Nam báo cáo Thủ tướng Chính phủ", [], id="viet-nam-is-no-year"),
    pytest.param(
        "Trường hợp còn thiếu, tổng hợp nhu cầu, báo cáo Bộ Tài chính", ["đột xuất"], id="truong-hop"
    ),
    pytest.param("Báo cáo tổng hợp hàng ngày gửi UBND tỉnh", ["ngày"], id="daily"),
    pytest.param("và tại các báo cáo định kỳ hằng tuần", ["tuần"], id="weekly"),
    pytest.param("kịp thời phát hiện, báo cáo UBND thành phố", ["đột xuất"], id="kip-thoi-is-ad-hoc"),
    pytest.param(
        "báo cáo Chủ tịch UBND tỉnh nếu có vấn đề phát sinh", ["đột xuất"], id="a-problem-that-arises"
    ),
    pytest.param(
        "Hằng năm hoặc đột xuất báo cáo kết quả về Bộ Công an", ["năm", "đột xuất"], id="yearly-or-ad-hoc"
    ),
]


@pytest.mark.parametrize(("sentence", "want"), FREQUENCY_ROWS)
def test_rule_report_periods(sentence: str, want: list[str]) -> None:
    from cancu.loaders.plan_reporting import FREQUENCIES

    text = fold(sentence).text
    assert [name for name, rx in FREQUENCIES if rx.search(text)] == want


ROWS = [
    pytest.param(
        PLAN_HEAD
        + """2. Căn cứ nội dung Kế hoạch
và tình hình thực tiễn, các sở, ban, ngành có trách nhiệm xây dựng kế hoạch chi tiết, báo cáo Ủy ban nhân dân tỉnh kết quả \
thực hiện theo quy định.
""",
        [("Sở, ban, ngành tỉnh", "UBND tỉnh Lai Châu", None, [])],
        id="the-reporting-bodies-after-an-opening-can-cu-clause",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này.
2. Các sở, ban, ngành rà soát văn bản do cơ quan mình tham mưu ban hành và gửi kết quả rà soát về Sở Tư pháp để \
tổng hợp.
""",
        [("Sở, ban, ngành tỉnh", "Sở Tư pháp", None, [])],
        id="a-review-s-results-sent-to-a-department",
    ),
    # -- what makes a report: the verb, its recipient, a period or a due date
    pytest.param(
        PLAN_HEAD
        + """1. Ủy ban nhân dân các xã, phường
Đánh giá, xếp loại các điểm phục vụ và gửi kết quả đánh giá về Sở Khoa học và Công nghệ, hạn cuối ngày 15 tháng 12
hàng năm.
""",
        [("UBND cấp xã", "Sở Khoa học và Công nghệ", None, ["năm"])],
        id="gui-ket-qua-ve-x-is-a-report",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Sở Tài chính
Xây dựng chương trình hành động của tỉnh; hằng năm bố trí kinh phí cho các công trình trọng điểm.
""",
        [],
        id="chuong-trinh-and-cong-trinh-name-no-recipient",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Ủy ban nhân dân các xã, phường
b) Rà soát, thống kê các điểm cung cấp dịch vụ công, hoàn thành trước ngày 31/12/2025 và tổng hợp
báo cáo về Sở Khoa học và Công nghệ.
""",
        [("UBND cấp xã", "Sở Khoa học và Công nghệ", None, [])],
        id="a-due-date-before-the-report-in-its-sentence",
    ),
    # -- recipients
    pytest.param(
        PLAN_HEAD
        + """1. Văn phòng UBND tỉnh
Định kỳ hằng quý tổng hợp báo cáo tình hình thực hiện gửi Ủy ban nhân dân
tỉnh, Sở Nội vụ theo quy định.
""",
        [
            ("Văn phòng UBND tỉnh", "UBND tỉnh Lai Châu", None, ["quý"]),
            ("Văn phòng UBND tỉnh", "Sở Nội vụ", None, ["quý"]),
        ],
        id="a-list-of-recipients-over-a-line-break",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Sở Khoa học và Công nghệ
Theo dõi, đôn đốc việc thực hiện; tham mưu UBND tỉnh báo cáo kết quả triển khai thực hiện về Cục Cảnh sát quản lý
hành chính về trật tự xã hội - Cơ quan thường trực Tổ công tác trước ngày 20 hằng tháng.
""",
        [("Sở Khoa học và Công nghệ", "Cục Cảnh sát quản lý hành chính về trật tự xã hội", None, ["tháng"])],
        id="a-recipient-the-agency-table-does-not-know-as-printed",
    ),
    pytest.param(
        """HỘI ĐỒNG NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 77/2025/NQ-HĐND
Hà Nội, ngày 04 tháng 12 năm 2025
NGHỊ QUYẾT
Quy định mức chi khuyến khích dịch vụ công trực tuyến
Điều 5. Tổ chức thực hiện
1. Giao Ủy ban nhân dân Thành phố hướng dẫn, tổ chức thực hiện Nghị quyết; tổng kết, đánh giá, báo cáo Hội đồng
nhân dân Thành phố kết quả thực hiện để xem xét, quyết định.
""",
        [("UBND thành phố Hà Nội", "HĐND thành phố Hà Nội", None, [])],
        id="a-city-council-and-its-ubnd-named-by-their-unit-word",
    ),
    pytest.param(
        """BAN CHỈ ĐẠO CỦA CHÍNH PHỦ
Số: 180/CV-BCĐ
V/v điều chỉnh thẩm quyền
Hà Nội, ngày 01 tháng 12 năm 2025
Kính gửi: Các Bộ, cơ quan ngang Bộ
1.2. Đối với 10 nhiệm vụ cần điều chỉnh thẩm quyền, yêu cầu các Bộ: Xây dựng; Tư pháp; Y tế, theo chức năng được
giao, xây dựng phương án điều chỉnh, báo cáo Ban Chỉ đạo của Chính phủ *trước ngày 15/12/2025 để thống nhất*.
""",
        [
            ("Bộ Xây dựng", "Ban Chỉ đạo của Chính phủ", None, []),
            ("Bộ Tư pháp", "Ban Chỉ đạo của Chính phủ", None, []),
            ("Bộ Y tế", "Ban Chỉ đạo của Chính phủ", None, []),
        ],
        id="yeu-cau-a-list-sharing-its-first-word-and-a-printed-recipient",
    ),
    pytest.param(
        LETTER_HEAD
        + """Chủ tịch UBND tỉnh đề nghị Thủ trưởng các sở, ban, ngành tỉnh triển khai thực hiện và báo cáo Chủ tịch UBND
tỉnh (qua Sở Nội vụ) nếu có vấn đề phát sinh vượt thẩm quyền.
""",
        [("Sở, ban, ngành tỉnh", "Chủ tịch UBND tỉnh Lai Châu", "Sở Nội vụ", ["đột xuất"])],
        id="a-report-to-the-chair-of-the-ubnd",
    ),
    pytest.param(
        NOTICE_HEAD
        + """1. Về cơ chế đặc thù: giao Bộ Tài chính chủ trì, phối hợp với các cơ quan liên quan nghiên cứu, báo cáo
Chính phủ, Thủ tướng Chính phủ trong tháng 12 năm 2025.
""",
        [
            ("Bộ Tài chính", "Chính phủ", None, []),
            ("Bộ Tài chính", "Thủ tướng Chính phủ", None, []),
        ],
        id="chinh-phu-a-body-that-only-receives",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Sở Nội vụ
Định kỳ hằng quý tổng hợp, báo cáo Đoàn giám sát, Hội đồng nhân dân tỉnh kết quả thực hiện.
""",
        [("Sở Nội vụ", "HĐND tỉnh Lai Châu", None, ["quý"])],
        id="a-list-of-recipients-whose-first-the-table-does-not-know",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Sở Nội vụ
Định kỳ hằng quý tổng hợp, báo cáo Tỉnh ủy, Hội đồng nhân dân tỉnh kết quả thực hiện.
""",
        [
            ("Sở Nội vụ", "Tỉnh ủy Lai Châu", None, ["quý"]),
            ("Sở Nội vụ", "HĐND tỉnh Lai Châu", None, ["quý"]),
        ],
        id="the-province-s-party-committee-named-with-its-province",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Sở Tư pháp
Theo dõi việc thực hiện; kịp thời phát hiện, báo cáo và tham mưu Ủy ban nhân dân tỉnh biện pháp khắc phục.
""",
        [("Sở Tư pháp", "UBND tỉnh Lai Châu", None, ["đột xuất"])],
        id="bao-cao-va-tham-muu-share-their-recipient",
    ),
    pytest.param(
        LETTER_HEAD
        + """Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh, thủ trưởng các đơn vị có liên quan tổng hợp báo
cáo kết quả thực hiện gửi UBND tỉnh trước ngày 05/6/2025.
""",
        [("Sở, ban, ngành tỉnh", "UBND tỉnh Lai Châu", None, [])],
        id="a-residual-group-never-reports",
    ),
    pytest.param(
        NOTICE_HEAD
        + """1. Về Chương trình mục tiêu: Bộ Tài chính khẩn trương hoàn thiện hồ sơ, trình cấp có thẩm quyền trước ngày
30/11/2025 để kịp báo cáo Quốc hội tại Kỳ họp thứ 10.
""",
        [],
        id="a-purpose-clause-is-no-report",
    ),
    # -- who reports
    pytest.param(
        NOTICE_HEAD
        + """1. Về dự án cảng: Bộ Xây dựng khẩn trương rà soát, bàn giao dự án cho tỉnh, báo cáo Thủ tướng Chính phủ kết
quả thực hiện trước ngày 31 tháng 12 năm 2025.
2. Về vốn đầu tư: Ủy ban nhân dân tỉnh Lai Châu rà soát các giải pháp giải ngân, báo cáo Thủ tướng Chính phủ
kết quả trong Quý I năm 2026.
""",
        [
            ("Bộ Xây dựng", "Thủ tướng Chính phủ", None, []),
            ("UBND tỉnh Lai Châu", "Thủ tướng Chính phủ", None, []),
        ],
        id="a-clause-that-opens-with-its-body",
    ),
    pytest.param(
        LETTER_HEAD
        + """Để hoàn thành các nhiệm vụ UBND tỉnh đã giao theo đúng tiến độ, Chủ tịch UBND tỉnh yêu cầu giám đốc các sở, ban,
ngành và chủ tịch UBND các xã, phường khẩn trương rà soát và báo cáo kết quả về Chủ tịch UBND tỉnh bằng văn bản
trước ngày 20.7.2025.
""",
        [
            ("Sở, ban, ngành tỉnh", "Chủ tịch UBND tỉnh Lai Châu", None, []),
            ("UBND cấp xã", "Chủ tịch UBND tỉnh Lai Châu", None, []),
        ],
        id="da-giao-is-no-gift-the-request-names-who-reports",
    ),
    pytest.param(
        LETTER_HEAD
        + """Để bảo đảm thống nhất, đề nghị các cơ quan, đơn vị khẩn trương tổng hợp đề xuất theo biểu mẫu gửi kèm (sở, ngành
báo cáo số liệu theo Phụ lục 1; địa phương báo cáo số liệu theo Phụ lục 2) và gửi về Sở Nội vụ trước ngày 26/11/2025.
""",
        [("Sở, ban, ngành tỉnh", "Sở Nội vụ", None, []), ("UBND cấp xã", "Sở Nội vụ", None, [])],
        id="a-request-to-the-addressees-by-a-phrase-that-stands-for-them",
    ),
    pytest.param(
        NOTICE_HEAD
        + """1. Về hỗ trợ xe chuyên dùng: Tỉnh căn cứ các quy định hiện hành để bố trí xe phục vụ công tác. Trường hợp còn
thiếu, Tỉnh tổng hợp nhu cầu, báo cáo Bộ Tài chính để được hướng dẫn.
2. Các Bộ, cơ quan: Tài chính, Xây dựng, Công Thương, Tập đoàn Điện lực Việt Nam theo chức năng, nhiệm vụ được giao
rà soát việc thực hiện các kết luận, báo cáo Thủ tướng Chính phủ kết quả thực hiện trước ngày 05 tháng 12 năm 2025.
""",
        [
            ("UBND tỉnh Lai Châu", "Bộ Tài chính", None, ["đột xuất"]),
            ("Bộ Tài chính", "Thủ tướng Chính phủ", None, []),
            ("Bộ Xây dựng", "Thủ tướng Chính phủ", None, []),
            ("Bộ Công Thương", "Thủ tướng Chính phủ", None, []),
            ("Tập đoàn Điện lực Việt Nam", "Thủ tướng Chính phủ", None, []),
        ],
        id="a-notice-s-province-and-a-list-sharing-its-first-word",
    ),
    pytest.param(
        """Bộ Nội vụ hướng dẫn chế độ báo cáo cải cách hành chính định kỳ

Theo đó, các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ xây dựng báo cáo tình hình, kết quả cải cách hành chính
hàng quý, 6 tháng và hàng năm, gửi Bộ Nội vụ để tổng hợp, báo cáo Chính phủ tại phiên họp thường kỳ.
""",
        [
            ("Bộ, cơ quan ngang Bộ", "Bộ Nội vụ", None, ["quý", "6 tháng", "năm"]),
            ("Cơ quan thuộc Chính phủ", "Bộ Nội vụ", None, ["quý", "6 tháng", "năm"]),
            ("Bộ Nội vụ", "Chính phủ", None, ["quý", "6 tháng", "năm"]),
        ],
        id="a-post-s-theo-do-before-the-bodies-that-report",
    ),
    pytest.param(
        """ỦY BAN NHÂN DÂN
HUYỆN TAM ĐƯỜNG
QUY CHẾ
Tiếp công dân
Chương V
TỔ CHỨC THỰC HIỆN
Điều 13. Văn phòng HĐND và UBND huyện có trách nhiệm:

1. Chủ trì tổ chức tiếp công dân định kỳ, tổng hợp tình hình tiếp công dân, báo cáo Chủ tịch Ủy ban nhân dân
huyện trước ngày 13 hàng tháng.
""",
        [("Văn phòng HĐND và UBND huyện", "Chủ tịch UBND huyện Tam Đường", None, ["tháng"])],
        id="an-article-heading-names-who-reports",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Các Sở, ban, ngành tỉnh
- Triển khai Kế hoạch tại cơ quan, đơn vị.
- Giao Văn phòng UBND tỉnh tổng hợp chung về kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh.
""",
        [("Văn phòng UBND tỉnh", "UBND tỉnh Lai Châu", None, [])],
        id="giao-x-under-another-body-s-heading",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Sở Tài chính (cơ quan chủ trì)
- Thẩm định, tổng hợp nhu cầu kinh phí; tham mưu Ủy ban nhân dân tỉnh báo cáo Chính phủ và Bộ Tài chính.
- Tổ chức tập huấn; báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định.
""",
        [("Sở Tài chính", "Chính phủ", None, []), ("Sở Tài chính", "Bộ Tài chính", None, [])],
        id="a-report-drafted-for-the-plan-s-body-needs-no-period",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Sở Nội vụ
Theo dõi việc thực hiện Kế hoạch.
2. Cơ chế phối hợp
- Các cơ quan được phân công có trách nhiệm thực hiện đúng tiến độ.
- Sở Nội vụ định kỳ hằng quý tổng hợp báo cáo Ủy ban nhân dân tỉnh.
""",
        [("Sở Nội vụ", "UBND tỉnh Lai Châu", None, ["quý"])],
        id="a-bullet-that-opens-with-its-body",
    ),
    pytest.param(
        """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 2310/BKHCN-VP
V/v triển khai nhiệm vụ trọng tâm
Hà Nội, ngày 14 tháng 3 năm 2025
Kính gửi: Các cơ quan, đơn vị thuộc Bộ
1. Vụ Kế hoạch - Tài chính
- Chủ trì tổng hợp kết quả thực hiện, trình Lãnh đạo Bộ báo cáo Thủ tướng Chính phủ hằng tháng.
""",
        [("Vụ Kế hoạch - Tài chính", "Thủ tướng Chính phủ", None, ["tháng"])],
        id="a-draft-submitted-to-the-body-s-own-leaders",
    ),
    pytest.param(
        """VĂN PHÒNG CHÍNH PHỦ
Số: 9120/VPCP-KTTH
V/v triển khai chỉ đạo của Thủ tướng Chính phủ
Hà Nội, ngày 14 tháng 11 năm 2025
Kính gửi:
- Bộ Tài chính;
- Bộ Công Thương.
Phó Thủ tướng Chính phủ có ý kiến như sau:
1. Bộ trưởng Bộ Tài chính:
1.1. Hoàn thiện Đề án cơ chế tài chính; báo cáo Thủ tướng Chính phủ trước ngày 30/11/2025.
2. Bộ Công Thương tiếp tục theo dõi thị trường xăng dầu.
""",
        [("Bộ Tài chính", "Thủ tướng Chính phủ", None, [])],
        id="a-letter-s-numbered-item-names-who-reports",
    ),
    pytest.param(
        PLAN_HEAD.replace("III. TỔ CHỨC THỰC HIỆN\n", "")
        + "PHỤ LỤC\n"
        + "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm\n"
        + "1\tTham mưu UBND tỉnh báo cáo Bộ Khoa học và Công nghệ tình hình thực hiện Đề án.\t"
        + "Sở Khoa học và Công nghệ\tCác sở, ban, ngành\tHằng năm\tBáo cáo\n"
        + "2\tCập nhật cơ sở dữ liệu chuyên ngành.\tUBND các xã, phường\tSở Khoa học và Công nghệ\t"
        + "Định kỳ hằng quý báo cáo về Sở Khoa học và Công nghệ\tDữ liệu được cập nhật\n"
        + "3\tRà soát thủ tục hành chính.\tSở Tư pháp\tCác sở, ngành\tQuý II/2026\tBáo cáo\n",
        [
            ("Sở Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ", None, ["năm"]),
            ("UBND cấp xã", "Sở Khoa học và Công nghệ", None, ["quý"]),
        ],
        id="a-task-table-row-reports-from-its-lead-column",
    ),
    pytest.param(
        PLAN_HEAD.replace("III. TỔ CHỨC THỰC HIỆN\n", "III. CHẾ ĐỘ THÔNG TIN BÁO CÁO\n")
        + "STT\tLoại báo cáo\tĐơn vị báo cáo\tCơ quan nhận báo cáo\tThời hạn gửi\n"
        + "1\tBáo cáo tình hình chuyển đổi số\tCác sở, ban, ngành tỉnh\tSở Khoa học và Công nghệ\t"
        + "Trước ngày 15 hằng tháng\n"
        + "2\tBáo cáo tổng hợp của tỉnh\tSở Khoa học và Công nghệ\tỦy ban nhân dân tỉnh\tHằng quý\n",
        [
            ("Sở, ban, ngành tỉnh", "Sở Khoa học và Công nghệ", None, ["tháng"]),
            ("Sở Khoa học và Công nghệ", "UBND tỉnh Lai Châu", None, ["quý"]),
        ],
        id="a-reporting-table-with-a-recipients-column",
    ),
    pytest.param(
        PLAN_HEAD.replace("III. TỔ CHỨC THỰC HIỆN\n", "III. CHẾ ĐỘ THÔNG TIN BÁO CÁO\n")
        + """Định kỳ 6 tháng, năm (trước ngày 15/6 và 15/12), các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường báo
cáo kết quả thực hiện về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
""",
        [
            ("Sở, ban, ngành tỉnh", "Sở Khoa học và Công nghệ", None, ["6 tháng", "năm"]),
            ("UBND cấp xã", "Sở Khoa học và Công nghệ", None, ["6 tháng", "năm"]),
            ("Sở Khoa học và Công nghệ", "UBND tỉnh Lai Châu", None, ["6 tháng", "năm"]),
        ],
        id="a-reporting-section-s-periods-before-its-senders",
    ),
    # -- relays and difficulties
    pytest.param(
        PLAN_HEAD
        + """IV. CHẾ ĐỘ BÁO CÁO
Các sở, ban, ngành tỉnh gửi báo cáo công tác năm 2025 và báo cáo kết quả thực hiện Kế hoạch về Sở Nội vụ trước
ngày 16 tháng 12 năm 2025 để tổng hợp báo cáo Bộ Nội vụ, Ủy ban nhân dân tỉnh theo quy định.
""",
        [
            ("Sở, ban, ngành tỉnh", "Sở Nội vụ", None, []),
            ("Sở Nội vụ", "Bộ Nội vụ", None, []),
            ("Sở Nội vụ", "UBND tỉnh Lai Châu", None, []),
        ],
        id="two-reports-sent-together-and-their-relay",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Sở Y tế
Chủ trì triển khai Kế hoạch.
Trong quá trình thực hiện nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương báo cáo về Sở Y tế để xem
xét giải quyết theo thẩm quyền, trường hợp vượt thẩm quyền đề xuất, báo cáo Ủy ban nhân dân tỉnh xem xét./.
""",
        [
            ("Cơ quan, đơn vị, địa phương", "Sở Y tế", None, ["đột xuất"]),
            ("Sở Y tế", "UBND tỉnh Lai Châu", None, ["đột xuất"]),
        ],
        id="difficulties-reported-by-the-bodies-the-closing-names",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Sở Y tế
Chủ trì triển khai Kế hoạch.
Trong quá trình tổ chức thực hiện nếu có khó khăn, vướng mắc, các cơ quan, đơn vị và địa phương phản ánh về Sở Y
tế tổng hợp, báo cáo, tham mưu trình Ủy ban nhân dân tỉnh xem xét, chỉ đạo kịp thời./.
""",
        [],
        id="difficulties-phan-anh-ve-x-open-no-line",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Các sở, ban, ngành tỉnh
Báo cáo định kỳ quý, 6 tháng và năm về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) để theo dõi, tổng hợp.
Nếu có khó khăn, vướng mắc trong quá trình thực hiện, các đơn vị báo cáo Ủy ban nhân dân tỉnh (thông qua Sở Nội vụ
tổng hợp) xem xét quyết định./.
""",
        [("Sở, ban, ngành tỉnh", "UBND tỉnh Lai Châu", "Sở Nội vụ", ["quý", "6 tháng", "năm", "đột xuất"])],
        id="difficulties-of-unnamed-units-make-the-lines-to-their-recipient-ad-hoc",
    ),
    pytest.param(
        PLAN_HEAD
        + """1. Thủ trưởng các Sở, ban, ngành; Chủ tịch UBND các xã, phường có trách nhiệm triển khai thực hiện; trong quá
trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo UBND tỉnh, Chủ tịch UBND tỉnh (thông qua Sở Tài
chính) để xem xét, giải quyết.
""",
        [
            ("Sở, ban, ngành tỉnh", "UBND tỉnh Lai Châu", "Sở Tài chính", ["đột xuất"]),
            ("UBND cấp xã", "UBND tỉnh Lai Châu", "Sở Tài chính", ["đột xuất"]),
        ],
        id="difficulties-of-the-bodies-an-item-opens-with",
    ),
]


@pytest.mark.parametrize(("text", "want"), ROWS)
def test_rule_reporting_lines(text: str, want: list[tuple]) -> None:
    assert _lines(text) == want
